"""`--fix`: apply the safe text edits that some findings carry, atomically, file by file.

An edit replaces one known piece of text on one line (`Edit.original` → `Edit.replacement`). It
is applied only if the file still holds that text at that place, edits that overlap are left for
the next run, and a file that is not valid UTF-8 is never touched. Each file is written to a
temporary file beside it and moved into place (`os.replace`), so a crash or a full disk leaves
either the old file or the new one, never half of each. Line ends, the byte-order mark and the
file's permissions are kept.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .finding import Edit, Finding

BOM = b"\xef\xbb\xbf"


@dataclass
class FixReport:
    fixed: int = 0
    files: list[str] = field(default_factory=list)
    skipped: int = 0  # edits whose text had changed, or that overlapped another


def apply_fixes(findings: list[Finding]) -> FixReport:
    """Apply the edits of `findings`; their paths are as displayed (relative to the cwd)."""
    report = FixReport()
    by_file: dict[str, list[Edit]] = defaultdict(list)
    for finding in findings:
        if finding.edit is not None:
            by_file[finding.path].append(finding.edit)
    for path, edits in sorted(by_file.items()):
        applied = _fix_file(Path(path), edits)
        report.fixed += applied
        report.skipped += len(set(edits)) - applied
        if applied:
            report.files.append(path)
    return report


def _fix_file(path: Path, edits: list[Edit]) -> int:
    try:
        data = path.read_bytes()
        bom, body = (BOM, data[3:]) if data.startswith(BOM) else (b"", data)
        text = body.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return 0
    lines = text.splitlines(keepends=True)
    applied = 0
    last_start: dict[int, int] = {}  # per line, the column of the last edit applied (right to left)
    for edit in sorted(set(edits), key=lambda e: (e.line, e.column), reverse=True):
        if _apply(lines, edit, last_start):
            applied += 1
    if applied:
        _write_atomically(path, bom + "".join(lines).encode("utf-8"))
    return applied


def _apply(lines: list[str], edit: Edit, last_start: dict[int, int]) -> bool:
    index, start = edit.line - 1, edit.column - 1
    if not 0 <= index < len(lines) or start < 0:
        return False
    end = start + len(edit.original)
    if end > last_start.get(index, len(lines[index])):
        return False  # overlaps an edit already applied on this line
    line = lines[index]
    if line[start:end] != edit.original or "\n" in edit.original or "\r" in edit.original:
        return False  # the file changed since it was read, or the edit is not a one-line edit
    lines[index] = line[:start] + edit.replacement + line[end:]
    last_start[index] = start
    return True


def _write_atomically(path: Path, data: bytes) -> None:
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        shutil.copymode(path, handle.name)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
