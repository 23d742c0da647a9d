"""Reading a space's pages through the cache: a page whose bytes are unchanged is not parsed again.

Each page is read once and hashed; a stored model for that path and hash is reused, the others
are parsed from the very bytes that were hashed, so a file edited meanwhile is never stored under
the hash of its older text. Many pages are read, hashed, looked up and parsed by other processes
(one per core), which also run the page rules that need no other page on each page they parse
(`ParseHook.elsewhere`), on the page as parsed: its prose is not read back from the store for them.

A model is stored in two parts: its facts (front matter, headings, anchors, links, blocks, tag
lines, comments, problems) and its prose (`PROSE_FIELDS`: the text, its line index, text runs and
blocks, struck runs). Only the facts are loaded; the prose is loaded when a rule reads it, and
dropped again once the page's rules ran (`Page.release_prose`): memory holds the facts of every
page and the prose of one. The hash of the facts is the page's *facts hash*: a page rule that
looks at other pages is reused on an unchanged page as long as no page's facts changed (see
`incremental`): editing a sentence leaves the other pages' findings alone; renaming a heading, a
link or a file does not.

A page whose bytes are known unchanged by their status (`PageStore.known`) and that the space's
index lists at those bytes (`_read_index`) is not even opened: the index gives its facts hash and
its light fields (`LIGHT_FIELDS`), and its other facts are loaded when first read. A run where one
page changed reads the facts of that page and of the pages its rules look at, not of 10,000.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ..cache import PageStore, digest
from ..guard import Refused
from . import site as site_module
from .page import LIGHT_FIELDS, PROSE_FIELDS, Page
from .site import CHUNK, PARALLEL_THRESHOLD, in_processes, largest_first, read_page
from .summary import Summary, read_summary

if TYPE_CHECKING:
    from .site import ParseHook, Site

_PROTOCOL = pickle.HIGHEST_PROTOCOL


def _split(page: Page) -> tuple[bytes, bytes, str]:
    """(pickled facts, pickled prose, facts hash) of a parsed page."""
    state = page.__getstate__()
    prose = {name: state.pop(name) for name in PROSE_FIELDS}
    facts = pickle.dumps(state, protocol=_PROTOCOL)
    return facts, pickle.dumps(prose, protocol=_PROTOCOL), digest(facts)


def _from_facts(facts: bytes) -> Page | None:
    try:
        state = pickle.loads(facts)
    except Exception:  # noqa: BLE001 - a damaged entry is parsed again
        return None
    if not isinstance(state, dict) or not isinstance(state.get("path"), str):
        return None
    page = Page.__new__(Page)
    page.__dict__.update(state)
    return page


# What a worker sends back of a page: its path, content hash, pickled facts, facts hash, light
# fields after the path (`_light`), and what the hook's work (`ParseHook.elsewhere`) gave on the
# page if it was parsed there, else None. A page that could not be read has no content hash.
Sent = tuple[str, str, bytes, str, tuple[Any, ...], Any]


def _look_up(
    root: Path, limit: int | None, store: PageStore, path: str, content: str
) -> tuple[str, tuple[Page, bytes, str] | None, bytes | None]:
    """(content hash, the stored page at those bytes with its pickled facts and facts hash, or None,
    the bytes if they were read). A `content` known from the file's status is looked up without
    reading the file; else (or when its entry is unusable) the file is read and hashed: what is
    parsed then is the very bytes hashed, and a file edited meanwhile is never stored under the
    hash of its older text. Raises what reading the file raises."""
    found = _stored_entry(store, path, content)
    if found is not None:
        return content, found, None
    data = site_module.read_inside(root, root / path, limit)
    fresh = digest(data)
    return fresh, _stored_entry(store, path, fresh) if fresh != content else None, data  # (the same entry: not read twice)


def _read_and_store(
    root: Path, items: list[tuple[str, str]], limit: int | None, store: PageStore, work: Callable[[Page], Any] | None
) -> list[Sent]:
    """In a worker: each page (path, content hash known from its status or "") from the store when
    its bytes are stored, else read, parsed, stored, and given to `work` (see `Sent`)."""
    done: list[Sent] = []
    for path, known in items:
        try:
            page, content, facts, facts_hash, parsed = _stored_or_parsed(root, limit, store, path, known)
        except (OSError, Refused):
            page = read_page(root, path, limit)  # unreadable now: said, never stored
            done.append((path, "", pickle.dumps(page.__getstate__(), protocol=_PROTOCOL), "", _light(page), None))
            continue
        # `work` runs after the page is pickled: what the rules derive and keep on it is never stored.
        done.append((path, content, facts, facts_hash, _light(page), work(page) if work is not None and parsed else None))
    return done


def _stored_or_parsed(
    root: Path, limit: int | None, store: PageStore, path: str, known: str
) -> tuple[Page, str, bytes, str, bool]:
    """The page `path` (content hash known from its status, or ""): (the page, its content hash,
    its pickled facts, its facts hash, whether it was parsed now), from the store when its bytes
    are stored there, else parsed from the bytes hashed (see `_look_up`) and stored. Raises what
    reading the file raises."""
    content, found, data = _look_up(root, limit, store, path, known)
    if found is not None:
        page, facts, facts_hash = found
        return page, content, facts, facts_hash, False
    page = Page.from_bytes(path, data or b"")
    facts, prose, facts_hash = _split(page)
    store.put(path, content, facts, prose, facts_hash)
    return page, content, facts, facts_hash, True


def _light(page: Page) -> tuple[Any, ...]:
    """The page's light fields after its path, as the index and the workers send them."""
    return tuple(getattr(page, name) for name in LIGHT_FIELDS[1:])


def _light_fields(path: str, light: tuple[Any, ...]) -> dict[str, Any]:
    """The light fields by name, from the path and what `_light` gave."""
    return dict(zip(LIGHT_FIELDS, (path, *light), strict=True))


def read_pages(
    site: Site,
    names: list[str],
    jobs: int | None,
    store: PageStore,
    on_page: Callable[[Page], None] | None = None,
    hook: ParseHook | None = None,
) -> dict[str, Page]:
    """The pages `names`, from the store when unchanged, else parsed (and stored); `on_page(page)`
    is called with each as soon as it is there. The processes that parse pages run the hook's
    work on each (`ParseHook.elsewhere`: the page rules that need no other page), on the page as
    parsed, and `hook.record` is told what it gave: no page goes through this process whole."""
    pages: dict[str, Page] = {}
    root = str(site.root)
    index = _read_index(store, root)
    known: dict[str, IndexEntry] = {}  # the index of this run's pages, written back if it changed
    reading = _Reading(site, store, pages, known, on_page)
    others: list[tuple[str, str]] = []  # (path, content hash known from its status, or "")
    for name in names:
        content = store.known.get(os.path.join(root, name), "")  # unchanged by its status: not read
        entry = index.get(name)
        if content and entry is not None and entry[0] == content:  # not even its facts are read yet
            loader = _facts_loader(site, store, name, content)
            page = Page.with_facts_loader(_light_fields(name, entry[2]), loader, loader)
            page.set_prose_loader(_prose_loader(site, store, name, content))
            reading.keep(page)  # (what `on_page` reads of it is loaded then: the external check reads links)
            site.digests[name] = (content, entry[1])
            known[name] = entry
        else:
            others.append((name, content))
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 8)
    if workers > 1 and len(others) >= PARALLEL_THRESHOLD:
        # Workers read, hash, look up and parse the pages; SUMMARY.md is parsed here meanwhile, and
        # its nav tree built, as without a cache: it is built from its tokens, which a page parsed
        # in a worker leaves behind (and would have to parse again).
        here = [item for item in others if item[0] == site.summary_path]
        sent = largest_first(site.root, [item for item in others if item[0] != site.summary_path])
        chunks = [sent[start : start + CHUNK] for start in range(0, len(sent), CHUNK)]
        work = hook.elsewhere() if hook is not None else None
        calls = [(site.root, chunk, site.max_page_bytes, store, work) for chunk in chunks]
        told = in_processes(
            _read_and_store,
            calls,
            workers,
            lambda item: reading.take(item, hook),
            meanwhile=lambda: _meanwhile(site, reading, here, hook),
            collect=False,
        )
        if told is None:  # no processes here (or they failed midway): the rest, in this process
            reading.here([item for item in sent if item[0] not in pages])
    else:
        reading.here(others)
    for path, (content, facts_hash) in site.digests.items():
        if path not in known:  # (a page made from its index entry has its source already)
            pages[path].set_facts_source(_facts_loader(site, store, path, content))
            known[path] = (content, facts_hash, _light(pages[path]))
    if known != index:
        store.put_object("index", root, "", known)
    return {name: pages[name] for name in names}


def _meanwhile(site: Site, reading: _Reading, here: list[tuple[str, str]], hook: ParseHook | None) -> None:
    """This process's work while the others parse: SUMMARY.md read and its nav tree built, and
    the hook's work that needs no page."""
    reading.here(here)
    site.summarize(reading.store, reading.pages.get(site.summary_path))
    if hook is not None:
        hook.idle()


class _Reading:
    """The pages of one `read_pages`, as they are found: kept, told to `on_page`, hashed."""

    def __init__(
        self,
        site: Site,
        store: PageStore,
        pages: dict[str, Page],
        known: dict[str, IndexEntry],
        on_page: Callable[[Page], None] | None,
    ) -> None:
        self.site, self.store, self.pages, self.known, self.on_page = site, store, pages, known, on_page

    def keep(self, page: Page) -> Page:
        self.pages[page.path] = page
        if self.on_page is not None:
            self.on_page(page)
        return page

    def take(self, sent: Sent, hook: ParseHook | None) -> None:
        """A page a worker sent: its facts unpickled when first read (without a hook, most at their
        rules' turn), its prose loaded from the store when read."""
        path, content, facts, facts_hash, light, found = sent
        site, store = self.site, self.store
        source = _facts_loader(site, store, path, content) if content else None
        page = Page.with_facts_loader(_light_fields(path, light), _unpickled(facts), source)
        if content:
            page.set_prose_loader(_prose_loader(site, store, path, content))
            site.digests[path] = (content, facts_hash)
            self.known[path] = (content, facts_hash, light)
        self.keep(page)
        if found is not None and hook is not None:
            hook.record(path, found)
            # This process waits on the others meanwhile: the facts that other pages' rules read
            # are unpickled now rather than at the page's turn after the parse; the others go
            # (as once its rules ran), loaded again from the store if ever read.
            page.load_facts()
            page.release()

    def here(self, items: list[tuple[str, str]]) -> None:
        """Pages looked up, and parsed if need be, in this process (a few, or SUMMARY.md): a page
        parsed here is kept whole, and stored."""
        site, store = self.site, self.store
        for name, known in items:
            try:
                page, content, _, facts_hash, parsed = _stored_or_parsed(site.root, site.max_page_bytes, store, name, known)
            except (OSError, Refused):
                self.keep(read_page(site.root, name, site.max_page_bytes))  # says why, never stored
                continue
            if not parsed:
                page.set_prose_loader(_prose_loader(site, store, name, content))
            self.keep(page)
            site.digests[name] = (content, facts_hash)


# What the index of a space's pages says of each page (see `_read_index`).
IndexEntry = tuple[str, str, tuple[Any, ...]]


def _read_index(store: PageStore, root: str) -> dict[str, IndexEntry]:
    """By page path: the content hash, the facts hash and the light fields (`LIGHT_FIELDS` after
    the path) of the page at those bytes, as the last run that read the space stored them. A page
    whose bytes are known unchanged by their status (`PageStore.known`) is then made without
    opening its cache entry: its facts are loaded when first read, and most never are."""
    found = store.get_object("index", root, "")
    if not isinstance(found, dict):
        return {}
    return {
        path: entry
        for path, entry in found.items()
        if isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[2], tuple) and len(entry[2]) == len(LIGHT_FIELDS) - 1
    }


def _unpickled(facts: bytes) -> Callable[[], dict[str, Any]]:
    """The facts a worker sent back, unpickled when first read."""

    def load() -> dict[str, Any]:
        page = _from_facts(facts)
        assert page is not None  # made by this very run
        return page.__dict__

    return load


def _stored_entry(store: PageStore, path: str, content: str) -> tuple[Page, bytes, str] | None:
    """The page `path` stored at `content` (its facts, not its prose), its pickled facts and its
    facts hash; None when the content is unknown or the entry is missing, damaged or of another page."""
    stored = store.get(path, content) if content else None
    page = _from_facts(stored[0]) if stored is not None else None
    return (page, stored[0], stored[2]) if stored is not None and page is not None and page.path == path else None


def _facts_loader(site: Site, store: PageStore, path: str, content: str) -> Callable[[], dict[str, Any]]:
    root, limit = site.root, site.max_page_bytes

    def load() -> dict[str, Any]:
        found = _stored_entry(store, path, content)
        if found is not None:
            return found[0].__dict__
        # The entry went away meanwhile (`cache clean` during the run): parse the page again.
        return read_page(root, path, limit).__getstate__()

    return load


def _prose_loader(site: Site, store: PageStore, path: str, content: str) -> Callable[[], dict[str, Any]]:
    root, limit = site.root, site.max_page_bytes

    def load() -> dict[str, Any]:
        stored = store.get(path, content)
        if stored is not None:
            try:
                prose = pickle.loads(stored[1])
                if isinstance(prose, dict) and set(prose) == set(PROSE_FIELDS):
                    return prose
            except Exception:  # noqa: BLE001 - a damaged entry: read the page again
                pass
        # The entry went away meanwhile (`cache clean` during the run): parse the page again.
        fresh = read_page(root, path, limit)
        return {name: getattr(fresh, name) for name in PROSE_FIELDS}

    return load


def summary_of(site: Site, page: Page, store: PageStore) -> Summary:
    """SUMMARY.md's nav tree: stored beside the page, as building it needs the page's tokens."""
    content = site.digests.get(page.path, ("", ""))[0]
    found = store.get_object("summary", page.path, content) if content else None
    if isinstance(found, Summary):
        return replace(found, page=page)  # stored without the page, which is stored on its own
    summary = read_summary(page)
    if content:
        store.put_object("summary", page.path, content, replace(summary, page=None))
    return summary
