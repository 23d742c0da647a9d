"""What the commit being made removes: the files Git has staged as deleted or renamed, and the
anchors that staged edits take away from a page.

pre-commit passes the changed files only; a page deleted or renamed in the commit is not among
them, yet links to it elsewhere break. The run asks Git once per space which paths the commit
takes away, and keeps the findings whose `target` is one of them. Without Git, outside a
repository, or if Git is slow, the answer is simply "nothing".
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Mapping

from .model.page import Page

GIT_TIMEOUT = 10.0


def removed_paths(folder: Path) -> set[str]:
    """Paths (relative to `folder`) that the staged changes delete or rename away."""
    output = _git(folder, "diff", "--cached", "--name-status", "-M", "-z", "--relative")
    return parse_name_status(output.decode("utf-8", errors="surrogateescape")) if output is not None else set()


def pages_losing_anchors(folder: Path, pages: Mapping[str, Page]) -> set[str]:
    """Keys of `pages` (paths relative to `folder`) whose staged edit removes an anchor id the
    committed version had: a renamed heading breaks `page.md#old-id` links in other pages."""
    output = _git(folder, "diff", "--cached", "--name-only", "--diff-filter=M", "-z", "--relative")
    changed = output.decode("utf-8", errors="surrogateescape").split("\0") if output else []
    lost = set()
    for path in changed:
        page = pages.get(path)
        before = _git(folder, "show", f"HEAD:./{path}") if page is not None else None
        if page is not None and before is not None and Page.from_bytes(path, before).anchor_ids - page.anchor_ids:
            lost.add(path)
    return lost


def _git(folder: Path, *args: str) -> bytes | None:
    """Git's output, or None without Git, outside a repository, or if Git is slow."""
    try:
        completed = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, timeout=GIT_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return completed.stdout if completed.returncode == 0 else None


def parse_name_status(output: str) -> set[str]:
    """`git diff --name-status -z` output → the deleted paths and the old paths of renames."""
    fields = output.split("\0")
    removed: set[str] = set()
    position = 0
    while position < len(fields) and fields[position]:
        status = fields[position]
        if status[0] in "RC":  # rename or copy: status, old path, new path
            if status[0] == "R":
                removed.add(fields[position + 1])
            position += 3
        else:
            if status[0] == "D":
                removed.add(fields[position + 1])
            position += 2
    return removed
