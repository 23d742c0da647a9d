"""`--fix`: apply the safe text edits that some findings carry, atomically, file by file.

An edit replaces one known piece of text on one line (`Edit.original` → `Edit.replacement`). It
is applied only if the file still holds that text at that place, edits that overlap are left for
the next run, and a file that is not valid UTF-8 is never touched. Lines are counted as the
parser counts them (`\\n`, `\\r\\n` or `\\r` end a line; U+2028, form feed or NEL do not), so an
edit lands on the line its finding saw.

Each file is written by `linter.writing.write_atomically` (a temporary file beside it, moved into
place), so a crash or a full disk leaves either the old file or the new one, never half of each.
Line ends, the byte-order mark and the file's permissions are kept. What is decided for unusual files:

- a symbolic link inside the space is written through: its target (inside the space, the guard
  checks it) is edited and the link stays a link;
- a file with several hard links, a read-only file and a file owned by another user are not
  edited (replacing them would split the links, defeat the protection or change the owner):
  they are listed as refused;
- a temporary file left by a killed run (`.NAME.*.gitbook-lint.tmp`) is removed by the next
  `--fix`; SIGTERM and SIGHUP during a fix remove the one being written;
- two `--fix` runs on the same space take turns (an exclusive lock on the space's folder), and
  each re-reads a file under the lock, so the second never redoes the first one's edits.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .finding import Edit, Finding
from .guard import Refused, resolve_inside
from .writing import TEMP_SUFFIX, in_progress, write_atomically

BOM = b"\xef\xbb\xbf"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # the parser's line ends, and no other


@dataclass
class FixReport:
    fixed: int = 0
    files: list[str] = field(default_factory=list)
    skipped: int = 0  # edits whose text had changed, or that overlapped another
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, why) files not edited


def split_lines(text: str) -> list[str]:
    """`text` cut into lines with their ends, where the parser cuts it."""
    return _LINE.findall(text)


def apply_fixes(findings: list[Finding], roots: Iterable[Path] = ()) -> FixReport:
    """Apply the edits of `findings`; their paths are as displayed (relative to the cwd).
    `roots`: the space roots; a file is edited only if it resolves inside one of them."""
    report = FixReport()
    by_file: dict[str, list[Edit]] = defaultdict(list)
    for finding in findings:
        if finding.edit is not None:
            by_file[finding.path].append(finding.edit)
    roots = sorted({Path(root).resolve() for root in roots})
    with _locked(roots), _cleanup_on_signals():
        for root in roots:
            remove_stale_temporaries(root)
        for path, edits in sorted(by_file.items()):
            target, why = _writable_target(Path(path), roots)
            if target is None:
                report.refused.append((path, why))
                report.skipped += len(set(edits))
                continue
            applied = _fix_file(target, edits)
            report.fixed += applied
            report.skipped += len(set(edits)) - applied
            if applied:
                report.files.append(path)
    return report


def _writable_target(path: Path, roots: list[Path]) -> tuple[Path | None, str]:
    """The file to write for `path` (the target of a symbolic link), or None and why not."""
    root = next((root for root in roots if path.absolute() == root or root in path.absolute().parents), None)
    try:
        real = resolve_inside(root, path) if root is not None else Path(os.path.realpath(path, strict=True))
        status = os.stat(real)
    except Refused as refused:
        return None, refused.kind
    except OSError as error:
        return None, error.strerror or str(error)
    if not stat.S_ISREG(status.st_mode):
        return None, "special-file"
    if status.st_nlink > 1:
        return None, "hard-links"
    if not status.st_mode & stat.S_IWUSR:
        return None, "read-only"
    if hasattr(os, "geteuid") and status.st_uid != os.geteuid():
        return None, "other-owner"
    return real, ""


def _fix_file(path: Path, edits: list[Edit]) -> int:
    try:
        data = path.read_bytes()
        bom, body = (BOM, data[3:]) if data.startswith(BOM) else (b"", data)
        text = body.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return 0
    lines = split_lines(text)
    applied = 0
    last_start: dict[int, int] = {}  # per line, the column of the last edit applied (right to left)
    for edit in sorted(set(edits), key=lambda e: (e.line, e.column), reverse=True):
        if _apply(lines, edit, last_start):
            applied += 1
    if applied:
        write_atomically(path, bom + "".join(lines).encode("utf-8"))
    return applied


def _apply(lines: list[str], edit: Edit, last_start: dict[int, int]) -> bool:
    index, start = edit.line - 1, edit.column - 1
    if not 0 <= index < len(lines) or start < 0:
        return False
    end = start + len(edit.original)
    if end > last_start.get(index, len(lines[index])):
        return False  # overlaps an edit already applied on this line
    line = lines[index]
    one_line = not any(char in text for text in (edit.original, edit.replacement) for char in "\r\n")
    if line[start:end] != edit.original or not one_line:
        return False  # the file changed since it was read, or the edit is not a one-line edit
    lines[index] = line[:start] + edit.replacement + line[end:]
    last_start[index] = start
    return True


def remove_stale_temporaries(root: Path) -> list[Path]:
    """Remove the temporary files a killed `--fix` left under `root` (run under the lock, so no
    other run is writing them)."""
    removed = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [name for name in dirs if name not in (".git", "node_modules")]
        for name in names:
            if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                stale = Path(folder, name)
                with contextlib.suppress(OSError):
                    stale.unlink()
                    removed.append(stale)
    return removed


@contextlib.contextmanager
def _locked(roots: list[Path]) -> Iterator[None]:
    """Hold an exclusive lock on each space's folder (no file is created for it)."""
    try:
        import fcntl
    except ImportError:  # no flock here (Windows): runs are not serialised
        yield
        return
    descriptors = []
    try:
        for root in roots:
            descriptor = os.open(root, os.O_RDONLY)
            descriptors.append(descriptor)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        for descriptor in descriptors:
            os.close(descriptor)  # closing releases the lock


@contextlib.contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """SIGTERM or SIGHUP while fixing: remove the temporary file being written, then exit."""

    def stop(signum: int, frame: object) -> None:
        for name in list(in_progress):
            Path(name).unlink(missing_ok=True)
        raise SystemExit(128 + signum)

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {}
    try:
        for number in wanted:
            previous[number] = signal.signal(number, stop)
    except ValueError:  # not the main thread: signals cannot be handled here
        pass
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
