"""Reading a space's pages through the cache: a page whose bytes are unchanged is not parsed again.

Each page is read once here and hashed; a stored model for that path and hash is reused, the
others are parsed (on every core for many pages) from the very bytes that were hashed, so a file
edited meanwhile is never stored under the hash of its older text.

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
from .site import CHUNK, PARALLEL_THRESHOLD, in_processes, read_page
from .summary import Summary, read_summary

if TYPE_CHECKING:
    from .site import Site

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


def _parse_and_store(
    root: Path, paths: list[str], limit: int | None, store: PageStore
) -> list[tuple[str, str, bytes, str, tuple[Any, ...]]]:
    """In a worker: read, parse, store both parts; send back (path, content hash, pickled facts,
    facts hash, light fields after the path). The hash is of the bytes parsed here: a file edited
    since the caller hashed it is stored under its new hash, never under the old one."""
    done = []
    for path in paths:
        try:
            data = site_module.read_inside(root, root / path, limit)
        except (OSError, Refused):
            page, content = read_page(root, path, limit), ""  # unreadable now: said, never stored
            done.append((path, content, pickle.dumps(page.__getstate__(), protocol=_PROTOCOL), "", _light(page)))
            continue
        content = digest(data)
        page = Page.from_bytes(path, data)
        facts, prose, facts_hash = _split(page)
        store.put(path, content, facts, prose, facts_hash)
        done.append((path, content, facts, facts_hash, _light(page)))
    return done


def _light(page: Page) -> tuple[Any, ...]:
    """The page's light fields after its path, as the index and the workers send them."""
    return tuple(getattr(page, name) for name in LIGHT_FIELDS[1:])


def _light_fields(path: str, light: tuple[Any, ...]) -> dict[str, Any]:
    """The light fields by name, from the path and what `_light` gave."""
    return dict(zip(LIGHT_FIELDS, (path, *light), strict=True))


def read_pages(
    site: Site, names: list[str], jobs: int | None, store: PageStore, on_page: Callable[[Page], None] | None = None
) -> dict[str, Page]:
    """The pages `names`, from the store when unchanged, else parsed (and stored); `on_page(page)`
    is called with each as soon as it is there."""
    pages: dict[str, Page] = {}

    def keep(name: str, page: Page) -> Page:
        pages[name] = page
        if on_page is not None:
            on_page(page)
        return page

    to_parse: list[tuple[str, bytes, str]] = []
    root = str(site.root)
    index = _read_index(store, root)
    known: dict[str, IndexEntry] = {}  # the index of this run's pages, written back if it changed
    for name in names:
        content = store.known.get(os.path.join(root, name), "")  # unchanged by its status: not read
        entry = index.get(name)
        if content and entry is not None and entry[0] == content:  # not even its facts are read yet
            loader = _facts_loader(site, store, name, content)
            page = Page.with_facts_loader(_light_fields(name, entry[2]), loader, loader)
            page.set_prose_loader(_prose_loader(site, store, name, content))
            keep(name, page)  # (what `on_page` reads of it is loaded then: the external check reads links)
            site.digests[name] = (content, entry[1])
            known[name] = entry
            continue
        found = _stored(store, name, content)
        if found is None:
            try:
                data = site_module.read_inside(site.root, site.root / name, site.max_page_bytes)
            except (OSError, Refused):
                keep(name, read_page(site.root, name, site.max_page_bytes))  # says why, never stored
                continue
            fresh = digest(data)
            found = _stored(store, name, fresh) if fresh != content else None  # (the same entry: not read twice)
            content = fresh
        if found is None:
            to_parse.append((name, data, content))
            continue
        page, facts_hash = found
        page.set_prose_loader(_prose_loader(site, store, name, content))
        keep(name, page)
        site.digests[name] = (content, facts_hash)
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 8)
    parsed = None
    if workers > 1 and len(to_parse) >= PARALLEL_THRESHOLD:
        # Workers read the pages again: the bytes read here for the hashes can go. SUMMARY.md is
        # parsed here, as without a cache: its nav tree is built from its tokens, which a page
        # parsed in a worker leaves behind (and would have to parse again).
        names_to_parse = [name for name, _, _ in to_parse if name != site.summary_path]
        to_parse = [item for item in to_parse if item[0] == site.summary_path]
        chunks = [names_to_parse[start : start + CHUNK] for start in range(0, len(names_to_parse), CHUNK)]
        calls = [(site.root, chunk, site.max_page_bytes, store) for chunk in chunks]
        parsed = in_processes(_parse_and_store, calls, workers)
        if parsed is None:  # no processes here: the same, in this process
            parsed = _parse_and_store(site.root, names_to_parse, site.max_page_bytes, store)
    if parsed is not None:  # many pages: their facts when first read (most at their rules' turn), their prose too
        for path, content, facts, facts_hash, light in parsed:
            source = _facts_loader(site, store, path, content) if content else None
            page = Page.with_facts_loader(_light_fields(path, light), _unpickled(facts), source)
            if content:
                page.set_prose_loader(_prose_loader(site, store, path, content))
                site.digests[path] = (content, facts_hash)
                known[path] = (content, facts_hash, light)
            keep(path, page)
        del parsed  # the pickled facts are held by the pages that have not read theirs yet
    for path, data, content in to_parse:  # a few pages (or SUMMARY.md): parsed here, and kept whole
        page = keep(path, Page.from_bytes(path, data))
        facts, prose, facts_hash = _split(page)
        store.put(path, content, facts, prose, facts_hash)
        site.digests[path] = (content, facts_hash)
    for path, (content, facts_hash) in site.digests.items():
        if path not in known:  # (a page made from its index entry has its source already)
            pages[path].set_facts_source(_facts_loader(site, store, path, content))
            known[path] = (content, facts_hash, _light(pages[path]))
    if known != index:
        store.put_object("index", root, "", known)
    return {name: pages[name] for name in names}


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


def _stored(store: PageStore, path: str, content: str) -> tuple[Page, str] | None:
    """The page `path` stored at `content` (its facts, not its prose) and its facts hash; None
    when the content is unknown or the entry is missing, damaged or of another page."""
    stored = store.get(path, content) if content else None
    page = _from_facts(stored[0]) if stored is not None else None
    return (page, stored[2]) if stored is not None and page is not None and page.path == path else None


def _facts_loader(site: Site, store: PageStore, path: str, content: str) -> Callable[[], dict[str, Any]]:
    root, limit = site.root, site.max_page_bytes

    def load() -> dict[str, Any]:
        found = _stored(store, path, content)
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
