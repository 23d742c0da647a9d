"""Where gitbook-lint keeps what it may reuse between runs.

One folder, `.gitbook-lint-cache/`, at the top of the Git repository holding the space (the
space's own folder outside a repository), like ruff's `.ruff_cache/`. It holds its own
`.gitignore` (`*`), so it never shows in `git status`, and a `CACHEDIR.TAG`, so backup tools
skip it. `--cache-dir` or `GITBOOK_LINT_CACHE_DIR` put it elsewhere; `--no-cache` turns it off.
Features keep their files in subfolders of it (`pages/`, `external/`…). Standard library only:
this module is imported on every run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from .writing import write_atomically

if TYPE_CHECKING:
    from .settings import Settings

CACHE_DIR_NAME = ".gitbook-lint-cache"
CACHE_DIR_ENV = "GITBOOK_LINT_CACHE_DIR"
# The signature of the Cache Directory Tagging Specification (bford.info/cachedir).
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is gitbook-lint's cache; it can be deleted.\n"


def cache_location(space: Path, settings: Settings | None = None) -> Path | None:
    """The cache folder for the space in `space`, without creating it; None with `--no-cache`.
    `--cache-dir` wins over `GITBOOK_LINT_CACHE_DIR`, which wins over the repository's top."""
    if settings is not None and not settings.cache:
        return None
    if settings is not None and settings.cache_dir is not None:
        return Path(settings.cache_dir).resolve()
    configured = os.environ.get(CACHE_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    return repository_top(space) / CACHE_DIR_NAME


def cache_directory(space: Path, settings: Settings | None = None) -> Path | None:
    """The cache folder for the space in `space`, created with its `.gitignore` and `CACHEDIR.TAG`
    on first use. None when the cache is off or the folder cannot be made (a read-only checkout):
    a run without a cache is slower, never wrong."""
    folder = cache_location(space, settings)
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# Created by gitbook-lint.\n*\n"), ("CACHEDIR.TAG", _TAG)):
            if not (folder / name).exists():
                # not flushed to disk (a cold run waited on two flushes before reading a page):
                # one lost to a crash is written again by the next run, as here
                write_atomically(folder / name, text.encode("utf-8"), durable=False)
    except OSError:
        return None
    return folder


def repository_top(start: Path) -> Path:
    """The nearest folder from `start` upward holding `.git` (a folder, or a file in a worktree
    or submodule); `start` itself outside a repository."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def clean(folder: Path) -> bool:
    """Delete a cache folder; True if there was one. Refuses a folder it did not make."""
    import shutil

    if not folder.is_dir():
        return False
    if not (folder / "CACHEDIR.TAG").is_file() and folder.name != CACHE_DIR_NAME:
        raise OSError(f"{folder} does not look like a gitbook-lint cache (no CACHEDIR.TAG): not deleted")
    shutil.rmtree(folder)
    return True


# -- what is kept ------------------------------------------------------------------------------
#
# Two kinds of files, both pickles written atomically and checked when read (a truncated, corrupt
# or foreign file is ignored, and rebuilt by the run):
#   pages/xx/<key>.pickle  one parsed page model, content-addressed: its key hashes the tool's
#                          fingerprint, the page's path and the hash of its bytes. Never stale,
#                          only unused; `cache clean` empties the folder.
#   runs/<key>.pickle      per space and configuration, the page rules' findings on each page and
#                          the site rules' findings, with the hashes they were computed from.
# Entries hold the tool's fingerprint: the version, a hash of the package's own source and
# schemas (a development edit never reuses stale entries) and the versions of the libraries
# that shape the model and the findings.

_LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "pyyaml", "jsonschema", "email-validator", "pathspec")
_fingerprint: str | None = None


def digest(*parts: bytes | str) -> str:
    """A short hash of the parts (separated, so that ("ab", "c") and ("a", "bc") differ)."""
    import hashlib

    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def tool_fingerprint() -> str:
    """What the cached models and findings were made by; computed once per process."""
    global _fingerprint
    if _fingerprint is None:
        import sys

        from . import __version__
        from .distributions import versions

        package = Path(__file__).parent
        parts: list[bytes | str] = [__version__, sys.version, *versions(_LIBRARIES, sys.path)]
        # The sources by name, size and date, not by bytes (read on every run, that cost most of
        # a reused run): an edit, a checkout or an upgrade changes the date of what it writes.
        for top, suffix in ((package, ".py"), (package.parent / "schemas", ".json")):
            parts += sorted(_statuses(str(top), suffix))
        _fingerprint = digest(*parts)
    return _fingerprint


def _statuses(folder: str, suffix: str) -> Iterator[str]:
    """`path size mtime_ns` of every file with `suffix` under `folder`."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                yield from _statuses(entry.path, suffix)
            elif entry.name.endswith(suffix):
                status = entry.stat()
                yield f"{entry.path} {status.st_size} {status.st_mtime_ns}"
        except OSError:
            yield entry.path


def read_entry(path: Path, header: tuple[object, ...]) -> object | None:
    """The value stored in `path` under exactly `header`; None when the file is missing,
    unreadable, truncated, corrupt, or holds something else."""
    import pickle

    try:
        with open(path, "rb") as handle:
            stored = pickle.load(handle)
    except Exception:  # noqa: BLE001 - whatever is wrong with a cache file, it is only rebuilt
        return None
    if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != header:
        return None
    return stored[1]


def write_entry(path: Path, header: tuple[object, ...], value: object) -> None:
    """Store `value` under `header`, atomically; a cache that cannot be written is no error."""
    import pickle

    try:
        data = pickle.dumps((header, value), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            write_atomically(path, data, durable=False)
        except FileNotFoundError:  # its folder is not made yet (or was removed meanwhile): once per folder
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, data, durable=False)
    except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
        pass


class PageStore:
    """What is made from one file's bytes, by kind, path and content hash: parsed page models
    (pickled bytes, as the parallel parse makes), the SUMMARY.md nav tree."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "pages"
        self.fingerprint = tool_fingerprint()
        # content hashes of files known unchanged by their status, by absolute path (see `snapshot`)
        self.known: dict[str, str] = {}

    def __getstate__(self) -> dict[str, object]:
        """Sent to the processes that parse without `known`, which only this process reads: a
        space's every page path and hash, pickled again with each chunk of pages sent."""
        return {**self.__dict__, "known": {}}

    def _file(self, kind: str, path: str, content: str) -> tuple[Path, tuple[str, ...]]:
        key = digest(kind, self.fingerprint, path, content)
        return self.folder / key[:2] / f"{key}.pickle", (kind, self.fingerprint, path, content)

    def get(self, path: str, content: str) -> tuple[bytes, bytes, str] | None:
        """(pickled facts, pickled prose, facts hash) of this page at these bytes, if stored."""
        found = read_entry(*self._file("page", path, content))
        if isinstance(found, tuple) and len(found) == 3 and isinstance(found[0], bytes) and isinstance(found[1], bytes):
            return found[0], found[1], str(found[2])
        return None

    def put(self, path: str, content: str, facts: bytes, prose: bytes, facts_hash: str) -> None:
        write_entry(*self._file("page", path, content), (facts, prose, facts_hash))

    def get_object(self, kind: str, path: str, content: str) -> object | None:
        return read_entry(*self._file(kind, path, content))

    def put_object(self, kind: str, path: str, content: str, value: object) -> None:
        write_entry(*self._file(kind, path, content), value)


def space_store(cache: Path, root: Path, key: str) -> Path:
    """The file holding a space's findings under one configuration."""
    return cache / "runs" / f"{digest(str(root), key)}.pickle"
