"""From the paths a user names to findings: group them by space, load each space once, lint."""

from __future__ import annotations

import gc
import glob
import os
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from .cache import PageStore, cache_directory
from .finding import Finding
from .guard import MAX_PAGE_BYTES
from .model.git import github_repository, repository_top
from .report.escape import printable
from .settings import Settings
from .snapshot import Snapshot
from .spaces import (
    CONFIG_NAME,
    PathFilter,
    find_space,
    has_marker,
    outside_every_space,
    site_config_file,
    space_of,
    spaces_below,
)
from .staged import (
    STAGED,
    BaseNotFound,
    Change,
    changed_paths,
    pages_losing_anchors,
    removed_paths,
    since,
    touches,
)

if TYPE_CHECKING:
    from .model.site import Site
    from .report.progress import Progress


class UsageError(Exception):
    """A problem with what the user asked for (exit code 2). `key` and `args` name the message
    in the command line's texts, so that it can be said in the user's language."""

    def __init__(self, message: str, key: str | None = None, **args: str) -> None:
        super().__init__(message)
        self.key = key
        self.args_for_message = args


@dataclass
class SpaceRequest:
    folder: Path
    files: set[str] | None = None  # root-relative paths to report on; None = the whole space
    folders: set[Path] = field(default_factory=set)  # subfolders of the space to report on
    only: set[str] | None = None  # a folder that is no space: just these files of it are read


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)
    # per space, the root-relative files reported on (None: all of them)
    scopes: list[tuple[Site, set[str] | None]] = field(default_factory=list)

    def covers(self, file: Path) -> bool:
        """Whether the run reported on `file` (an absolute path), existing or not."""
        for site, report_on in self.scopes:
            root = site.root.resolve()
            if file == root or root in file.parents:
                return report_on is None or file.relative_to(root).as_posix() in report_on
        return False

    @property
    def page_count(self) -> int:
        """The pages reported on (Markdown files; SUMMARY.md is the table of contents)."""
        return sum(len(_pages(site, report_on)) for site, report_on in self.scopes)

    @property
    def space_page_count(self) -> int:
        """The pages of the spaces read, all of them."""
        return sum(len(_pages(site, None)) for site in self.sites)


def _pages(site: Site, report_on: set[str] | None) -> list[str]:
    return [path for path in site.pages if path != site.summary_path and (report_on is None or path in report_on)]


def plan(paths: list[str]) -> list[SpaceRequest]:
    """Which spaces to load, and which of their files to report on."""
    requests: dict[Path, SpaceRequest] = {}
    for raw in _expanded(paths):
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"no such file or folder: {raw}", "no-path", path=raw)
        if path.is_dir():
            _plan_folder(requests, path.resolve())
            continue
        # a symbolic link is reported as named (one to nothing is GB001's finding, not a usage error)
        named = path.parent.resolve() / path.name if path.is_symlink() else path.resolve()
        if _plan_site_config(requests, named):
            continue
        if outside_every_space(named):
            continue  # a site-wide repository's own file (AGENTS.md): no space reads it
        folder = find_space(named.parent)
        # a file outside any space (`gitbook-lint /dev/null`, `~/notes.md`) is read alone: its
        # folder is not walked, and its links to other files are not checked
        alone = not has_marker(folder)
        request = requests.setdefault(folder, SpaceRequest(folder, set(), only=set() if alone else None))
        if request.files is not None:
            request.files.add(named.as_posix())
        if request.only is not None:
            request.only.add(named.name)
    return list(requests.values())


def _expanded(paths: list[str]) -> Iterator[str]:
    """The paths, a quoted glob (`'docs/**/*.md'`, which no shell expanded) replaced by the files
    it matches, as Git's and the shell's `**` do."""
    for raw in paths:
        if any(char in raw for char in "*?[") and not Path(raw).exists() and not Path(raw).is_symlink():
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise UsageError(f"no file matches {raw}", "no-match", pattern=raw)
            yield from matches
        else:
            yield raw


def _plan_site_config(requests: dict[Path, SpaceRequest], named: Path) -> bool:
    """The site configuration named (a hook passes it when it changes): checked from its first
    mapped space, reporting on the file only (its findings are the same from every space)."""
    site = site_config_file(named)
    if site is None:
        return False
    folders = site.folders()
    if folders:
        request = requests.setdefault(folders[0], SpaceRequest(folders[0], set()))
        if request.files is not None:
            request.files.add(named.as_posix())
    return True


def _plan_folder(requests: dict[Path, SpaceRequest], folder: Path) -> None:
    """A folder is a space of its own, or a part of the space above it: `guides/` inside a space
    is linted as part of that space (its links climb to pages outside it), reporting on its files."""
    space = space_of(folder)  # `docs/` under a `.gitbook.yaml` saying `root: docs/` is that space
    if space is None:
        # `gitbook-lint .` at the top of a repository: the spaces in it, not the repository as one
        below = spaces_below(folder)
        for found in below or [folder]:
            requests[found] = SpaceRequest(found)
        return
    if space == folder:
        requests[folder] = SpaceRequest(folder)
        return
    request = requests.setdefault(space, SpaceRequest(space, set()))
    if request.files is not None:
        request.folders.add(folder)


# The collector's pace while a space is read: a first pass once 50,000 objects are made rather than
# every 700 (its default). Parsing makes millions of short-lived objects, tokens and tree nodes,
# few of them in cycles; at the default pace the collections took a fifth of the parse, mostly
# passes over the older objects that only grow.
COLLECTOR_THRESHOLD = (50_000, 10, 10)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect cyclic garbage less often while the body runs (parser processes forked meanwhile
    inherit the pace), and leave out of every pass the objects made before (the modules, their
    tables): they live as long as the process. Both undone at the end."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*COLLECTOR_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def lint_paths(
    paths: list[str],
    settings: Settings | None = None,
    progress: Progress | None = None,
    diff_base: str | None = None,
    staged: bool = False,
    *,
    here: Path | None = None,
) -> RunResult:
    """Lint the spaces of `paths`. Given files, also report the links anywhere in their space
    that the staged deletions and renames break (see `staged`). With `diff_base`, report on the
    files changed since that revision and on what their changes break anywhere. With `staged`
    (a pre-commit hook that pre-commit runs without files), a space named as a whole is
    reported on only for what the staged deletions, renames and heading edits break. Finding
    paths are shown from `here` (default: the current folder). A problem outside the spaces (in
    the site configuration they share) is reported once, not once per space."""
    settings = settings or Settings()
    result = RunResult()
    seen: set[Finding] = set()
    for request in plan(paths):
        if staged and request.files is None:
            if not touches(request.folder):
                continue  # the commit leaves this space alone: nothing to read
            request = replace(request, files=set())
        if progress is not None:
            progress.reading(printable(display_path_of(request.folder)))
        whole = request.files is None and request.only is None and diff_base is None
        snapshot = Snapshot.open(request.folder, settings) if request.only is None else None
        reused = snapshot.reuse() if snapshot is not None and whole else None
        if reused is not None:  # nothing changed since the stored run: its findings, no page read
            found, outline = reused
            result.sites.append(outline)  # type: ignore[arg-type] - what the report reads of a site
            result.scopes.append((outline, None))  # type: ignore[arg-type]
            _add_shown(result, seen, outline, found, here)
            continue
        # Late: the parser, the model and the rules are only imported when a space is read.
        from .engine import EarlyPageRules
        from .external.run import start_external
        from .model.site import Site
        from .scope import ReportScope, lint_in_scope

        store = page_store(request.folder, settings)
        if store is not None and snapshot is not None:
            store.known = snapshot.trusted_hashes()
        external = start_external(request.folder, settings, progress.external if progress is not None else None)
        # A whole space is reported on whole: its web links are requested while its pages are parsed.
        whole_space = request.files is None and diff_base is None
        on_page = external.add_page if external is not None and whole_space else None
        # The page rules run on each page as soon as it is parsed, while the other pages are still
        # parsed (not with web results, which come later).
        early = EarlyPageRules(settings, with_repository) if whole_space and external is None else None
        # Once the checking thread may run, every way out ends it and restores the switch
        # interval (see ExternalCheck): a failed read, a scope refused, an interrupted wait.
        try:
            site = Site.load(
                request.folder,
                exclude=PathFilter.factory(settings),
                only=request.only,
                max_page_bytes=settings.max_page_size or MAX_PAGE_BYTES,
                cache=store,
                on_page=on_page,
                hook=early,
            )
            result.sites.append(site)
            report_on, broken = _scope(site, request, diff_base)
            result.scopes.append((site, report_on))
            scope = None if report_on is None else ReportScope(frozenset(report_on), frozenset(broken or ()))
            pages = [page for path, page in site.pages.items() if report_on is None or path in report_on]
            if external is not None:
                external.add(pages)
                external.finish()
        except BaseException:
            if external is not None:
                external.abandon()
            raise
        checking = progress.checking if progress is not None else None
        found = list(lint_in_scope(site, with_repository(settings, site), scope, checking, early))
        if snapshot is not None and whole:
            snapshot.store(site, found)
        _add_shown(result, seen, site, found, here)
    return result


def _add_shown(result: RunResult, seen: set[Finding], site: Site, found: list[Finding], here: Path | None) -> None:
    """The space's findings, their paths as the user would type them, each once in the run."""
    paths: dict[str, str] = {}  # each path worked out once: a page often has several findings
    for finding in found:
        if finding.path not in paths:
            paths[finding.path] = display_path(site, finding.path, here)
        shown = finding.with_path(paths[finding.path])
        if shown not in seen:
            seen.add(shown)
            result.findings.append(shown)


def page_store(folder: Path, settings: Settings) -> PageStore | None:
    """Where parsed pages are kept between runs; None with `--no-cache`."""
    cache = cache_directory(folder, settings) if settings.cache else None
    return PageStore(cache) if cache is not None else None


def _scope(site: Site, request: SpaceRequest, diff_base: str | None) -> tuple[set[str] | None, set[str] | None]:
    """The root-relative files to report on (None: all) and the paths whose removal is blamed."""
    report_on = None
    if request.files is not None and not _covers_root(site, request.folders):
        report_on = {_relative_to_root(site, Path(file)) for file in request.files}
        report_on |= {path for path in site.files if _under(site.root / path, request.folders)}
    if diff_base is None:
        return report_on, None if report_on is None else _broken(site, request.folder, STAGED)
    try:
        change = since(request.folder, diff_base)
    except BaseNotFound:
        raise UsageError(f"cannot find the revision {diff_base}", "no-diff-base", rev=diff_base) from None
    changed = {_relative_to_root(site, request.folder / path) for path in changed_paths(request.folder, change)}
    return changed if report_on is None else report_on & changed, _broken(site, request.folder, change)


def _broken(site: Site, folder: Path, change: Change) -> set[str]:
    """Root-relative paths the change removes, and pages whose edit removes an anchor."""
    removed = {_relative_to_root(site, folder / path) for path in removed_paths(folder, change)}
    by_git_path = {Path(os.path.relpath(site.root / path, folder)).as_posix(): page for path, page in site.pages.items()}
    return removed | {by_git_path[git_path].path for git_path in pages_losing_anchors(folder, by_git_path, change)}


def _covers_root(site: Site, folders: set[Path]) -> bool:
    """Naming the folder `root:` points at is naming the whole space, `.gitbook.yaml` included."""
    return any(folder == site.root or folder in site.root.parents for folder in folders)


def _under(file: Path, folders: set[Path]) -> bool:
    return any(folder in file.parents for folder in folders)


def with_repository(settings: Settings, site: Site) -> Settings:
    """The settings, with `github_repository` read from the space's `.git/config` when unset."""
    if settings.github_repository:
        return settings
    found = github_repository(site.root)
    return replace(settings, github_repository=found) if found else settings


def display_path_of(folder: Path) -> str:
    return _shown(folder)


def _shown(full: Path, here: Path | None = None) -> str:
    """Relative to the current folder when they share more than the filesystem root (`../x.md`
    from a sibling folder), else absolute: from /tmp, `/srv/doc/a.md`, not `../srv/doc/a.md`."""
    here = here or Path.cwd()
    try:
        shared = Path(os.path.commonpath([here, full]))
        shown = os.path.relpath(full, here)
    except ValueError:  # another drive on Windows
        return full.as_posix()
    return full.as_posix() if shared == Path(full.anchor) and here != shared else shown.replace(os.sep, "/")


def _relative_to_root(site: Site, file: Path) -> str:
    try:
        return file.relative_to(site.root).as_posix()
    except ValueError:
        # .gitbook.yaml above a `root:` folder: its findings are at `../.gitbook.yaml`
        if file.resolve() == (site.base / CONFIG_NAME).resolve():
            return site.config_path
        if site.site_config is not None and file.resolve() == site.site_config.path:
            return os.path.relpath(site.site_config.path, site.root).replace(os.sep, "/")
        return file.as_posix()


def display_path(site: Site, relative: str, here: Path | None = None) -> str:
    """The path as the user would type it from the current folder (or `here`)."""
    # `../.gitbook.yaml` (a config above a `root:` folder) must show as a clean path
    full = Path(os.path.normpath(site.root / relative)) if relative else site.root
    return _shown(full, here)


def repository_paths(findings: list[Finding]) -> list[Finding]:
    """The findings with paths relative to the top of their Git repository, whatever the current
    folder: what GitHub annotations, code scanning, GitLab and CI test reports expect. Paths
    outside any repository stay as shown."""
    here = Path.cwd()
    tops: dict[Path, Path | None] = {}
    moved = []
    for finding in findings:
        full = Path(os.path.normpath(here / finding.path))
        if full.parent not in tops:
            tops[full.parent] = repository_top(full.parent)
        top = tops[full.parent]
        moved.append(finding.with_path(Path(os.path.relpath(full, top)).as_posix()) if top else finding)
    return moved
