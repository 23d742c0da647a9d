"""The `Site` model: a whole GitBook space, read once.

A space is found from `.gitbook.yaml` (`root`, `structure.readme`, `structure.summary`) or is
the folder given. Every file under the root is listed once; Markdown files become `Page`s;
`.gitbook/assets` and `.gitbook/includes` are indexed; SUMMARY.md becomes a nav tree.
Nothing outside the root is ever read: every file is opened through `guard.read_inside`;
symbolic links that lead out (or loop) are listed in `refused`, never read, and a link whose
path climbs past the root resolves to `escapes`.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Protocol, TypeVar
from urllib.parse import unquote

from ..guard import MAX_PAGE_BYTES, Refused, classify_entry, read_inside
from ..parse.frontmatter import FrontMatter
from ..spaces import (
    ASSETS_DIR,
    CONFIG_NAME,
    INCLUDES_DIR,
    SiteConfig,
    is_page_path,
    is_scanned_dir,
    nested_spaces,
    read_space_config,
    site_config_of,
)
from . import git, uses
from .names import nfc
from .page import Page
from .slug import gitbook_id
from .summary import NavItem, Summary, read_summary

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def slug_key(path: str) -> str:
    """The GitBook slug of a path's file name without its extension (legacy generation)."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    return "" if stem.lower() == "readme" else gitbook_id(stem, legacy=True)


def file_key(path: str) -> str:
    """The name a moved file most likely kept: its file name, or `folder/README.md` (NFC, lowercase)."""
    parts = nfc(path).lower().split("/")
    return "/".join(parts[-2:]) if parts[-1] == "readme.md" and len(parts) > 1 else parts[-1]


@dataclass(frozen=True, slots=True)
class Target:
    """Where a link from a page leads.

    `kind`: external (has a scheme or starts with `//`), fragment (same page), file (exists),
    missing, escapes (climbs past the root), empty.
    `path` is the existing file's path relative to the root (as spelt on disk), `wanted` the
    normalised path the link asks for.
    """

    kind: str
    wanted: str = ""
    path: str | None = None
    fragment: str | None = None

    @property
    def exists(self) -> bool:
        return self.kind in ("file", "fragment")


class ParseHook(Protocol):
    """Work on each parsed page as soon as it is read, while the other pages are still being
    parsed in other processes: the engine's page rules that need no other page. `start` is told
    the site once its files are listed, before any page is read; `run(page)` each page parsed
    now (not those reused from the cache), in this process. With a cache, the processes that parse
    the pages run `elsewhere()` on each and this one `record`s what it gave; the pages parsed here
    are left to the engine."""

    def start(self, site: Site) -> None: ...

    def run(self, page: Page) -> None: ...

    def elsewhere(self) -> Callable[[Page], Any] | None:
        """The work on one page, to be run by the processes that parse (picklable), or None."""
        ...

    def record(self, path: str, found: Any) -> None:
        """What `elsewhere()` gave on the page `path`, in another process."""
        ...

    def idle(self) -> None:
        """Work that needs no page, done once while other processes parse the pages (this
        one would wait on them)."""
        ...


@dataclass(frozen=True, slots=True)
class PageAnchors:
    """`ids`: every id a fragment may name on a page; `served`: the ids GitBook serves today."""

    ids: frozenset[str]
    served: tuple[str, ...]


@dataclass
class Site:
    base: Path  # the folder given (where .gitbook.yaml lives)
    root: Path  # the space root (`root:` of .gitbook.yaml)
    config: FrontMatter | None = None  # .gitbook.yaml, parsed like front matter (same YAML guards)
    readme_path: str = "README.md"
    summary_path: str = "SUMMARY.md"
    pages: dict[str, Page] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # every file under root, relative, sorted
    directories: set[str] = field(default_factory=set)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    # root-relative files and folders not read, and why (`outside-link`, `link-loop`; see `guard`)
    refused: dict[str, str] = field(default_factory=dict)
    max_page_bytes: int | None = MAX_PAGE_BYTES
    partial: bool = False  # only some files of the folder were read (`load(only=…)`)
    unreadable_folders: list[str] = field(default_factory=list)  # root-relative, ending in `/`
    summary: Summary | None = None
    ignored_root: tuple[str, str] | None = None  # (`root:` value, "missing" or "outside") when not used
    site_config: SiteConfig | None = None  # the site-wide Git Sync file of the repository, if any
    # Derived data that model helpers compute once per site (see `references.references`).
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)
    # With the cache on: each page's content hash and facts hash (see `page_cache`).
    digests: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    _by_nfc: dict[str, str] = field(default_factory=dict, repr=False)
    _dirs_nfc: set[str] = field(default_factory=set, repr=False)

    # -- loading ----------------------------------------------------------------------------

    @classmethod
    def load(
        cls,
        folder: str | os.PathLike[str],
        *,
        exclude: Any = None,
        jobs: int | None = None,
        only: set[str] | None = None,
        max_page_bytes: int | None = MAX_PAGE_BYTES,
        cache: Any = None,
        on_page: Callable[[Page], None] | None = None,
        hook: ParseHook | None = None,
    ) -> Site:
        """Read the space in `folder`. `exclude(relpath) -> bool` leaves files out (paths relative
        to the root, folders with a trailing `/`); an object with `for_root(root)` is first asked
        for that predicate once the root is known. `jobs` is the number of processes that parse
        pages (default: one per core for large spaces). `only`: read just these files of the
        folder, not the folder (a lone file outside any space). `max_page_bytes`: larger pages
        are reported (GB001) and not parsed; None for no limit. `cache`: a `PageStore` whose
        models of unchanged pages are reused instead of parsing them again. `on_page(page)` is
        called with each page as soon as it is read (the web check starts on its links while
        the other pages are parsed). `hook`: work on each page parsed now (see `ParseHook`)."""
        base = Path(folder).resolve()
        config = read_space_config(base) if only is None else None
        site = cls(base=base, root=base, config=config, max_page_bytes=max_page_bytes, partial=only is not None)
        site._apply_config()
        site.site_config = site_config_of(base)
        if hasattr(exclude, "for_root"):  # a filter that needs to know where the root is
            exclude = exclude.for_root(site.root)
        if only is None:
            site._scan(exclude, frozenset(nested_spaces(site.root)))
        else:
            site._list(only)
        if hook is not None:
            hook.start(site)
        site._read_pages(jobs, cache, on_page, hook)
        site.summarize(cache)
        return site

    def summarize(self, cache: Any = None, summary_page: Page | None = None) -> None:
        """SUMMARY.md's nav tree, once its page is read (`summary_page`, by default the site's),
        from the `cache` (a `PageStore`) when it holds it, unless it is built already: the
        reading builds it while other processes parse the pages."""
        summary_page = summary_page or self.pages.get(self.summary_path)
        if summary_page is None or self.summary is not None:
            return
        if cache is not None:
            from .page_cache import summary_of

            self.summary = summary_of(self, summary_page, cache)
        else:
            self.summary = read_summary(summary_page)
        summary_page._tokens = None  # its nav tree is built: its tokens (megabytes for a large SUMMARY.md) go

    def _apply_config(self) -> None:
        data = self.config.mapping if self.config else {}
        root = data.get("root")
        if isinstance(root, str) and root.strip():
            candidate = (self.base / root).resolve()
            inside = candidate == self.base or self.base in candidate.parents
            if candidate.is_dir() and inside:
                self.root = candidate
            else:  # the space is read from the base folder instead; a rule says why
                self.ignored_root = (root, "outside" if not inside else "missing")
        structure = data.get("structure")
        if isinstance(structure, dict):
            if isinstance(structure.get("readme"), str):
                self.readme_path = posixpath.normpath(structure["readme"])
            if isinstance(structure.get("summary"), str):
                self.summary_path = posixpath.normpath(structure["summary"])

    def _scan(self, exclude: Any, other_spaces: frozenset[str] = frozenset()) -> None:
        """The files under the root, folder by folder (subfolders in name order, as `os.walk`
        would go). Whether an entry is a folder or a link comes with its folder's listing: only
        a symbolic link costs a status more (where it leads), not every file and folder."""
        root = str(self.root)
        pending = [(root, "")]
        while pending:
            folder, prefix = pending.pop()
            try:
                with os.scandir(folder) as listing:
                    entries = list(listing)
            except OSError as error:  # never a silent skip: the run tells the user
                where = os.path.relpath(error.filename or root, root).replace(os.sep, "/")
                self.unreadable_folders.append("./" if where == "." else where + "/")
                continue
            dirs, names = [], []
            for entry in entries:
                (dirs if _is_dir(entry) else names).append(entry)
            kept = []
            for entry in sorted((entry for entry in dirs if is_scanned_dir(entry.name)), key=lambda entry: entry.name):
                relative = prefix + entry.name
                if relative in other_spaces:
                    continue  # a space of its own (site configuration): its files are not ours
                refused = classify_entry(self.root, entry.path) if entry.is_symlink() else None
                if refused is not None:
                    self.refused[relative] = refused
                elif entry.is_symlink():
                    self.skipped.append((relative, "symbolic link to a folder"))
                elif exclude is None or not exclude(relative + "/"):
                    kept.append((entry.path, relative + "/"))
                    self.directories.add(relative)
            pending.extend(reversed(kept))
            for entry in sorted(names, key=lambda entry: entry.name):
                relative = prefix + entry.name
                if exclude is not None and exclude(relative):
                    continue
                refused = classify_entry(self.root, entry.path) if entry.is_symlink() else None
                if refused is not None:
                    self.refused[relative] = refused
                    continue
                self.files.append(relative)
        self._index_files()

    def _list(self, names: set[str]) -> None:
        """The given files of the folder and nothing else (no walk of the folder)."""
        for name in sorted(names):
            refused = classify_entry(self.root, self.root / name)
            if refused is not None:
                self.refused[name] = refused
            elif os.path.lexists(self.root / name):
                self.files.append(name)
        self._index_files()

    def _index_files(self) -> None:
        self.files.sort()
        self._by_nfc = {nfc(path): path for path in self.files}
        self._dirs_nfc = {nfc(path) for path in self.directories}

    def _read_pages(
        self, jobs: int | None, cache: Any = None, on_page: Callable[[Page], None] | None = None, hook: ParseHook | None = None
    ) -> None:
        names = [path for path in self.files if is_page_path(path)]
        if cache is not None:
            from .page_cache import read_pages

            self.pages.update(read_pages(self, names, jobs, cache, on_page, hook))
            return
        # SUMMARY.md is read here, in this process, while the other processes parse the pages
        # (after them without processes): its nav tree is built from its tokens, which a page
        # parsed in a worker process leaves behind (and would have to parse again).
        in_process = [name for name in names if name == self.summary_path]
        others = [name for name in names if name != self.summary_path]
        limit = self.max_page_bytes

        def keep(page: Page) -> None:
            self.pages[page.path] = page
            if on_page is not None:
                on_page(page)

        def summary() -> None:
            for name in in_process:
                keep(read_page(self.root, name, limit))
                if hook is not None:
                    hook.run(self.pages[name])
            self.summarize()
            if hook is not None:
                hook.idle()

        parse_pages(self.root, others, jobs, limit, keep, hook, meanwhile=summary)
        # The pages in their order (the processes send the largest first), SUMMARY.md last.
        ordered = {name: self.pages[name] for name in (*others, *in_process)}
        self.pages.clear()
        self.pages.update(ordered)

    # -- lookups -----------------------------------------------------------------------------

    @cached_property
    def assets(self) -> list[str]:
        return [path for path in self.files if path.startswith(ASSETS_DIR)]

    @cached_property
    def includes(self) -> list[str]:
        return [path for path in self.pages if path.startswith(INCLUDES_DIR)]

    @cached_property
    def redirects(self) -> dict[str, Any]:
        data = self.config.mapping if self.config else {}
        redirects = data.get("redirects")
        return redirects if isinstance(redirects, dict) else {}

    @cached_property
    def files_by_name(self) -> dict[str, list[str]]:
        """Files keyed by `file_key` (NFC file name; `folder/README.md` for folder pages), for
        "did you mean" proposals without scanning every file per link."""
        index: dict[str, list[str]] = {}
        for path in self.files:
            index.setdefault(file_key(path), []).append(path)
        return index

    @cached_property
    def files_by_slug(self) -> dict[str, list[str]]:
        """Files keyed by the GitBook slug of their name without extension (`Conditions-d’engagement`
        and `conditions-dengagement.md` share `conditions-dengagement`), for "did you mean"."""
        index: dict[str, list[str]] = {}
        for path in self.files:
            key = slug_key(path)
            if key:
                index.setdefault(key, []).append(path)
        return index

    @cached_property
    def renames(self) -> dict[str, str]:
        """Old → new root-relative paths from the Git history; read on first use, then kept."""
        return git.renames(self.root)

    @cached_property
    def anchor_index(self) -> Mapping[str, PageAnchors]:
        """The ids a fragment may name on each page, including those of the reusable blocks it
        includes (GitBook renders them inside the page). Each page's are computed when first
        asked for: a run that checks one page's links reads the facts of the pages they name,
        not of every page."""
        return _AnchorIndex(self)

    def _anchors_of(self, path: str) -> PageAnchors:
        page = self.pages[path]
        included = [self.pages.get(self.resolve(path, link.target).path or "") for link in page.links if link.kind == "include"]
        if not any(included):  # the page's own ids, shared with it rather than copied
            return PageAnchors(page.anchor_ids, page.served_anchor_ids)
        ids, served = set(page.anchor_ids), list(page.served_anchor_ids)
        for other in included:
            if other is not None:
                ids |= other.anchor_ids
                served += other.served_anchor_ids
        return PageAnchors(frozenset(ids), tuple(dict.fromkeys(served)))

    @property
    def config_path(self) -> str:
        """Where `.gitbook.yaml` is, relative to the root (`../.gitbook.yaml` when `root:` moves the
        root below it), as every finding path is root-relative."""
        relative = os.path.relpath(self.base / CONFIG_NAME, self.root)
        return relative.replace(os.sep, "/")

    @cached_property
    def linked_files(self) -> frozenset[str]:
        """Every file some page links to, shows, includes or uses as cover (see `uses`)."""
        return uses.linked_files(self)

    @cached_property
    def included_files(self) -> frozenset[str]:
        """Every file an `{% include %}` of some page reaches."""
        return uses.included_files(self)

    @cached_property
    def summary_listing(self) -> dict[str, list[NavItem]]:
        """For each page SUMMARY.md lists, the items that list it (more than one: listed twice)."""
        return uses.summary_listing(self)

    def lookup(self, relative: str) -> str | None:
        """The file's path as spelt on disk, NFC and NFD spellings being the same file."""
        return self._by_nfc.get(nfc(relative))

    def is_directory(self, relative: str) -> bool:
        return relative in ("", ".") or nfc(relative.rstrip("/")) in self._dirs_nfc

    def page_of(self, relative: str) -> Page | None:
        found = self.lookup(relative)
        return self.pages.get(found) if found else None

    def nav_items(self) -> list[NavItem]:
        return self.summary.items if self.summary else []

    def forget(self, path: str) -> None:
        """Drop what the helpers derived about one page's links (`resolve`, `references`), once
        its rules ran: computed again if asked for, they need not stay for 10,000 pages."""
        for kind in ("resolve", "references", "tag-bodies"):
            self.memo.pop((kind, path), None)

    def resolve(self, from_path: str, target: str) -> Target:
        """Resolve a link written in `from_path` the way GitBook does. Memoised: the link rules,
        the use indexes (`uses.py`) and the content rules all resolve the same links."""
        memo = self.memo.get(("resolve", from_path))  # by page, then link: no key tuple per link
        if memo is None:
            memo = self.memo[("resolve", from_path)] = {}
        found = memo.get(target)
        if found is None:
            found = memo[target] = self._resolve(from_path, target)
        return found

    def _resolve(self, from_path: str, target: str) -> Target:
        target = target.strip()
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1]
        if not target:
            return Target("empty")
        if _SCHEME.match(target) or target.startswith("//"):
            return Target("external", target)
        path_part, hash_sign, fragment = target.partition("#")
        path_part = path_part.split("?", 1)[0]
        fragment_value = unquote(fragment) if hash_sign else None
        if not path_part:
            return Target("fragment", from_path, from_path, fragment_value)
        decoded = unquote(path_part)
        if decoded.startswith("/"):
            joined = decoded.lstrip("/")
        else:
            joined = posixpath.join(posixpath.dirname(from_path), decoded)
        wanted = posixpath.normpath(joined) if joined else "."
        if wanted == ".." or wanted.startswith("../"):
            return Target("escapes", wanted, None, fragment_value)
        if self._unchecked(wanted):  # not read (a link out of the space, an unreadable folder)
            return Target("unchecked", wanted, None, fragment_value)
        if decoded.endswith("/") or self.is_directory(wanted):
            readme = "README.md" if wanted == "." else f"{wanted}/README.md"
            found = self.lookup(readme)
            return Target("file" if found else "missing", readme, found, fragment_value)
        found = self.lookup(wanted)
        if found is None and self.partial:
            return Target("unchecked", wanted, None, fragment_value)  # the folder was not read
        if found == wanted:
            wanted = found  # one string for both (the file list's), not two equal ones
        return Target("file" if found else "missing", wanted, found, fragment_value)

    def _unchecked(self, wanted: str) -> bool:
        """Whether `wanted` is, or is under, a file or folder the run could not or would not read:
        a link to it is neither found nor missing, and the reason is reported once elsewhere."""
        if not self.refused and not self.unreadable_folders:
            return False
        if any(wanted == path or wanted.startswith(path + "/") for path in self.refused):
            return True
        return any(folder == "./" or wanted.startswith(folder) for folder in self.unreadable_folders)

    def relative_link(self, from_path: str, to_path: str) -> str:
        """The relative path a page would write to link to `to_path` (folder pages as `dir/`)."""
        start = posixpath.dirname(from_path) or "."
        if to_path.endswith("/README.md") or to_path == "README.md":
            folder = posixpath.dirname(to_path) or "."
            relative = posixpath.relpath(folder, start)
            return "./" if relative == "." else relative + "/"
        return posixpath.relpath(to_path, start)


class _AnchorIndex(Mapping[str, PageAnchors]):
    """`Site.anchor_index`: a page's anchors, computed on first use, then kept."""

    def __init__(self, site: Site) -> None:
        self._site = site
        self._found: dict[str, PageAnchors] = {}

    def __getitem__(self, path: str) -> PageAnchors:
        found = self._found.get(path)
        if found is None:
            found = self._found[path] = self._site._anchors_of(path)  # KeyError for a path that is no page
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._site.pages)

    def __len__(self) -> int:
        return len(self._site.pages)


PARALLEL_THRESHOLD = 150  # below this, starting processes costs more than it saves
CHUNK = 16
POOL_SWITCH_INTERVAL = 0.001  # seconds; see `in_processes`
Item = TypeVar("Item", str, tuple[str, str])


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """A folder, or a link to one (as `os.walk` sorts them); an entry whose status fails is not."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def largest_first(root: Path, items: list[Item]) -> list[Item]:
    """The pages (names, or tuples that start with one) the largest first, as they are sent to
    the processes that parse: a chunk of large pages taken last kept one process busy while the
    other sat idle at the end; small pages last even out the tail. (The order the pages are kept
    in is their own again once they are back.)"""

    def size(item: Item) -> int:
        name = item if isinstance(item, str) else item[0]
        try:
            return os.stat(os.path.join(root, name)).st_size
        except OSError:  # unreadable: it is said so wherever it goes
            return 0

    return sorted(items, key=size, reverse=True)


def read_page(root: Path, relative: str, limit: int | None = MAX_PAGE_BYTES) -> Page:
    """The page `relative` of the space at `root`, read through the guard (see `guard`)."""
    try:
        data = read_inside(root, root / relative, limit)
    except (OSError, Refused) as error:
        page = Page.from_text(relative, "")
        page.problems.append(_unreadable(error, limit))
        return page
    return Page.from_bytes(relative, data)


def _read_chunk(root: Path, names: list[str], limit: int | None, work: Callable[[Page], Any] | None) -> list[tuple[Page, Any]]:
    """In a worker: each page parsed, with what `work` gave on it (None without)."""
    pages = [read_page(root, name, limit) for name in names]
    return [(page, as_parsed(page, work)) for page in pages]


def as_parsed(page: Page, work: Callable[[Page], Any] | None) -> Any:
    """`work(page)`, the page then left as parsed: what the work derived and kept on it (cached
    values, `derived` entries, tokens) goes, so that it is sent or stored as it would be without."""
    if work is None:
        return None
    state, derived = dict(page.__dict__), dict(page.derived)
    found = work(page)
    page.__dict__.clear()
    page.__dict__.update(state)
    page.derived.clear()
    page.derived.update(derived)
    return found


def parse_pages(
    root: Path,
    names: list[str],
    jobs: int | None,
    limit: int | None = MAX_PAGE_BYTES,
    each: Callable[[Page], None] | None = None,
    hook: ParseHook | None = None,
    *,
    meanwhile: Callable[[], None] | None = None,
) -> list[Page]:
    """Parse pages, in several processes when the space is large and the machine has cores.
    `each(page)` is called in this process with every page once, as soon as it is there (the
    processes take the largest pages first, see `largest_first`): while the other processes parse
    the pages after it, this one works on it. With a `hook`, the processes run its work on each
    page they parse (`ParseHook.elsewhere`) and `hook.record` is told what it gave before
    `each(page)`; a page parsed here is given to `hook.run`. The pages come back in `names` order.
    `meanwhile()` is called once, in this process: while the processes parse, or after the pages.

    Parsing is pure Python and CPU-bound, so processes, not threads. Pages come back without
    their token streams (see `Page.__getstate__`), which keeps the transfer cheap.
    """
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 8)
    told: dict[str, Page] = {}  # the pages given to `each` (processes that fail midway leave some)

    def tell(page: Page, found: Any) -> None:
        told[page.path] = page
        if hook is not None and found is not None:
            hook.record(page.path, found)
        elif hook is not None:
            hook.run(page)
        if each is not None:
            each(page)

    if workers > 1 and len(names) >= PARALLEL_THRESHOLD:
        work = hook.elsewhere() if hook is not None else None
        sent = largest_first(root, names)
        chunks = [sent[start : start + CHUNK] for start in range(0, len(sent), CHUNK)]
        calls = [(root, chunk, limit, work) for chunk in chunks]
        in_processes(_read_chunk, calls, workers, lambda item: tell(*item), meanwhile=meanwhile, collect=False)
        meanwhile = None  # called, whether the processes started or not
    for name in names:  # a few pages, or no processes here: each parsed here when its turn comes
        if name not in told:
            tell(read_page(root, name, limit), None)
    if meanwhile is not None:
        meanwhile()
    return [told[name] for name in names]


class _Stopped(Exception):
    """What the caller's `each` raised, carried past the pool's own failures."""


def in_processes(
    function: Any,
    calls: list[tuple[Any, ...]],
    workers: int,
    each: Callable[[Any], None] | None = None,
    *,
    meanwhile: Callable[[], None] | None = None,
    collect: bool = True,
) -> list[Any] | None:
    """`function(*call)` for each call, on `workers` processes, results (lists) joined in order,
    `each(item)` told of every item, in order, as soon as its list is back; None when processes
    cannot be started here or fail (sandbox, limits): the caller works in-process (`each` may have
    been told of a first part of the items). `meanwhile()` is called once, in this process, while
    the processes work (or before None when they cannot start). `collect=False`: the items are
    not kept once told (an empty list back), for items that would weigh on memory."""
    import multiprocessing  # only large spaces pay for the process machinery
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    found: list[Any] = []
    waiting = meanwhile
    interval = sys.getswitchinterval()
    try:
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        # The pool's own thread takes each result from its pipe in pieces, and hands out the next
        # calls, each time waiting for this thread to let go of the interpreter: while `each` and
        # `meanwhile` keep it busy, it lets go every millisecond rather than every 5, so the
        # processes do not wait on a full pipe.
        sys.setswitchinterval(min(interval, POOL_SWITCH_INTERVAL))
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            chunks = pool.map(function, *zip(*calls, strict=True))  # every call sent: the processes start
            waiting = None
            _told(meanwhile)
            for chunk in chunks:
                if collect:
                    found.extend(chunk)
                for item in chunk if each is not None else ():
                    _told(each, item)
            return found
    except _Stopped as stopped:
        raise stopped.args[0] from None
    except (OSError, BrokenProcessPool):
        if waiting is not None:
            waiting()
        return None
    finally:
        sys.setswitchinterval(interval)


def _told(callback: Callable[..., None] | None, *args: Any) -> None:
    """The caller's `callback(*args)`; its failure is its own, not the pool's (see `_Stopped`)."""
    if callback is None:
        return
    try:
        callback(*args)
    except BaseException as error:
        raise _Stopped(error) from error


def _unreadable(error: OSError | Refused, limit: int | None) -> Any:
    from .elements import SourceProblem

    if isinstance(error, Refused):
        if error.kind == "too-large":
            return SourceProblem("too-large", "the page is too large", 1, 1, detail=f"{int(error.detail):,} > {limit:,}")
        if error.kind in ("dangling-link", "special-file"):
            return SourceProblem(error.kind, error.kind, 1, 1)
        # a link swapped after the space was listed: still not read, said plainly
        return SourceProblem("unreadable", error.kind, 1, 1, detail=error.kind.replace("-", " "))
    reason = error.strerror or str(error)
    return SourceProblem("unreadable", f"cannot read the file: {reason}", 1, 1, detail=reason)
