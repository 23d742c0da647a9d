"""What the commit being made removes: the files Git has staged as deleted or renamed.

pre-commit passes the changed files only; a page deleted or renamed in the commit is not among
them, yet links to it elsewhere break. The run asks Git once per space which paths the commit
takes away, and keeps the findings whose `target` is one of them. Without Git, outside a
repository, or if Git is slow, the answer is simply "nothing".
"""

from __future__ import annotations

import subprocess
from pathlib import Path

GIT_TIMEOUT = 10.0


def removed_paths(folder: Path) -> set[str]:
    """Paths (relative to `folder`) that the staged changes delete or rename away."""
    try:
        completed = subprocess.run(
            ["git", "-C", str(folder), "diff", "--cached", "--name-status", "-M", "-z", "--relative"],
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if completed.returncode != 0:
        return set()
    return parse_name_status(completed.stdout.decode("utf-8", errors="surrogateescape"))


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
