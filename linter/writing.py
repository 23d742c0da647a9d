"""The one way gitbook-lint writes a file: `--fix`'s pages, reports, baselines and the cache.

The data goes to a temporary file beside the target (`.NAME.<random>.gitbook-lint.tmp`), is
flushed to disk, then moved into place (`os.replace`): a reader, a crash or a full disk sees the
old file or the new one, never half of each, and two writers each rename a whole file (the last
one wins). A file that exists keeps its permission bits; a new one is readable by its owner
only until someone says otherwise. Standard library only, imported by every run: `tempfile` loads when a file is written.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

TEMP_SUFFIX = ".gitbook-lint.tmp"
# The temporary files being written now, so that a signal handler can remove them (see `fix`).
in_progress: set[str] = set()


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path` through a temporary file beside it (see the module's docstring).
    `durable=False` skips the flush to disk: for the cache, whose files are checked when read
    (after a crash, a file renamed before its data reached the disk is only rebuilt)."""
    import tempfile  # late: most runs write nothing, and start-up stays short

    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX, delete=False)
    in_progress.add(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        try:
            os.chmod(handle.name, stat.S_IMODE(os.stat(path).st_mode))
        except FileNotFoundError:
            pass  # a new file: the temporary file's own mode
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    finally:
        in_progress.discard(handle.name)
