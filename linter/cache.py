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
from typing import TYPE_CHECKING

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
                write_atomically(folder / name, text.encode("utf-8"))
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
