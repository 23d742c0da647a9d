"""The one way gitbook-lint writes a file: `--fix`'s pages, reports, baselines and the cache.

The data goes to a temporary file beside the target (`.NAME.<pid>-<count>.gitbook-lint.tmp`), is
flushed to disk, then moved into place (`os.replace`): a reader, a crash or a full disk sees the
old file or the new one, never half of each, and two writers each rename a whole file (the last
one wins). A file that exists keeps its permission bits; a new one is readable by its owner
only until someone says otherwise. Standard library only, imported by every run.

The temporary file is made with `O_CREAT | O_EXCL` under a name unique to this process (its id
and a count): no other writer can open it, and a name left by a killed process of the same id is
skipped. Not `tempfile`: its file objects and random names cost more than the write itself for
the cache's hundreds of small files.
"""

from __future__ import annotations

import itertools
import os
import stat
from pathlib import Path

TEMP_SUFFIX = ".gitbook-lint.tmp"
# The temporary files being written now, so that a signal handler can remove them (see `fix`).
in_progress: set[str] = set()
_count = itertools.count()
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def write_atomically(path: Path | str, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path` through a temporary file beside it (see the module's docstring).
    `durable=False` skips the flush to disk: for the cache, whose files are checked when read
    (after a crash, a file renamed before its data reached the disk is only rebuilt)."""
    temporary, descriptor = _create_beside(os.fspath(path))
    in_progress.add(temporary)
    try:
        try:
            _write_all(descriptor, data)
            if durable:
                os.fsync(descriptor)
        finally:
            os.close(descriptor)
        try:
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
        except FileNotFoundError:
            pass  # a new file: the temporary file's own mode
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    finally:
        in_progress.discard(temporary)


def _create_beside(target: str) -> tuple[str, int]:
    """A new temporary file in `target`'s folder, open for writing: (its name, its descriptor).
    The process id changes in a forked child, so parent and children never pick the same name."""
    folder, name = os.path.split(target)
    while True:
        temporary = os.path.join(folder, f".{name}.{os.getpid()}-{next(_count)}{TEMP_SUFFIX}")
        try:
            return temporary, os.open(temporary, _FLAGS, 0o600)
        except FileExistsError:
            continue  # left by a killed process that had this id: the next count


def _write_all(descriptor: int, data: bytes) -> None:
    """`os.write` may write less than asked (a signal, a pipe): write on until all is written."""
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]
