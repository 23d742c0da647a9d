"""The one door to the file system for files of a space: nothing outside the space is read.

A linter runs on pull requests from strangers. A page, `SUMMARY.md`, `.gitbook.yaml` or an asset
that is a symbolic link to `/proc/self/environ` must not be read, or its lines would be printed
as the excerpt of a finding. So every file of a space is opened through `read_inside`: the path
is resolved (every link followed), the result must stay under the space's root, and it must be
a regular file (a named pipe called `x.md` would block forever). What is refused raises
`Refused`, whose `kind` names why, for a finding about the link itself.
"""

from __future__ import annotations

import errno
import os
import stat
from functools import lru_cache
from pathlib import Path

# Real pages are small: the largest of four real spaces (GitBook's own documentation among them)
# is 190 KB. Parsing costs about 1.7 s per MB, so a 50 MB page would hold a CI job for over a
# minute; past this size a page is reported once and not parsed (configurable: `max-page-size`).
MAX_PAGE_BYTES = 8 * 1024 * 1024

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


class Refused(Exception):
    """A file of the space that is not read. `kind` is one of `outside-link` (a symbolic link
    that leads out of the space), `link-loop`, `dangling-link`, `special-file`, `too-large`."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(detail or kind)
        self.kind = kind
        self.detail = detail


def is_inside(path: Path | str, root: Path | str) -> bool:
    """Whether `path` is `root` or under it (both already resolved)."""
    path, root = str(path), str(root)
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def resolve_inside(root: Path, path: Path) -> Path:
    """`path` with every symbolic link followed, refused unless it stays under `root`."""
    try:
        real = os.path.realpath(path, strict=True)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise Refused("link-loop") from None
        if os.path.islink(path) and error.errno == errno.ENOENT:
            raise Refused("dangling-link") from None
        raise
    if not is_inside(real, os.path.realpath(root)):
        raise Refused("outside-link")
    return Path(real)


@lru_cache(maxsize=64)
def _real_root(root: str) -> str:
    """The space's root with every link followed: the folder the user named, not the space's
    content, so it is resolved once per process."""
    return os.path.realpath(root)


def _open_in_checked_folder(root: Path, path: Path) -> int | None:
    """`path` opened through its folder: the folder is opened (links followed, as resolving
    would), the kernel says where it really is (Linux's /proc/self/fd), and only when that is
    under the root is the file opened in that very folder, without following a link. No path is
    resolved part by part (a status call and a Python step per part, for every page), and
    nothing can be swapped between the check and the open. None when that cannot be shown (a
    final link, a name like `..`, a folder outside or gone, no /proc): the caller then resolves
    the path step by step, which says why it refuses. Only a folder is opened before the check,
    never a file outside the root."""
    folder, name = os.path.split(str(path))
    if name in ("", ".", ".."):
        return None
    try:
        folder_descriptor = os.open(folder or ".", _FOLDER_FLAGS)
    except OSError:
        return None
    try:
        real_folder = os.readlink(f"/proc/self/fd/{folder_descriptor}")
        if not is_inside(real_folder, _real_root(str(root))):
            return None
        return os.open(name, _OPEN_FLAGS, dir_fd=folder_descriptor)
    except OSError:
        return None
    finally:
        os.close(folder_descriptor)


def read_inside(root: Path, path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file `path`, which must resolve to a place under `root`.

    Raises `Refused` (see its kinds) or `OSError` (cannot be read). `limit`: refuse files larger
    than this many bytes (`too-large`, with the size as detail).
    """
    descriptor = _open_in_checked_folder(root, path)
    if descriptor is None:
        real = resolve_inside(root, path)
        # O_NOFOLLOW: a link swapped in after the check above is not followed; O_NONBLOCK: a FIFO
        # swapped in does not block the open (it is then refused as not a regular file).
        descriptor = os.open(real, _OPEN_FLAGS)
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise Refused("special-file")
        if limit is not None and status.st_size > limit:
            raise Refused("too-large", str(status.st_size))
        if limit is None:
            return handle.read()
        data = handle.read(limit + 1)  # the file may have grown since fstat
        if len(data) > limit:
            raise Refused("too-large", str(len(data)))
        return data


def repository_top(folder: Path) -> Path:
    """The nearest folder from `folder` upward holding `.git` (the repository's top), else `folder`."""
    return next((parent for parent in (folder, *folder.parents) if (parent / ".git").exists()), folder)


def read_in_repository(path: Path, limit: int | None = MAX_PAGE_BYTES) -> bytes:
    """A file that comes with the repository but belongs to no space (`.gitignore`, the
    site-wide `gitbook-docs.yaml`): read through the same guard, the repository as the root."""
    return read_inside(repository_top(path.absolute().parent), path, limit)


def classify_entry(root: Path, path: str | Path) -> str | None:
    """Why a file found in the space will not be read (a `Refused` kind), or None when it can be.
    (A path as a string is enough for the common answer: a walk asks for every file.)"""
    if not os.path.islink(path):
        return None
    try:
        resolve_inside(root, Path(path))
    except Refused as refused:
        return None if refused.kind == "dangling-link" else refused.kind
    except OSError:
        return None  # unreadable: the reader reports it
    return None
