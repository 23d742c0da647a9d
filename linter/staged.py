"""What a change takes away, as Git sees it: the commit being made (the staged changes against
HEAD), or everything since a base revision (`--diff-base REV`: committed, staged and unstaged).

pre-commit passes the changed files only; a page deleted or renamed in the commit is not among
them, yet links to it elsewhere break. The run asks Git once per space which paths the change
takes away (deleted files, old names of renamed ones) and which pages lose a heading anchor, and
keeps the findings whose `target` is one of them. For the staged changes, without Git, outside a
repository, or if Git is slow, the answer is simply "nothing"; a base revision that cannot be
found is the user's to fix (`BaseNotFound`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from .model.git import git

if TYPE_CHECKING:
    from .model.page import Page


class BaseNotFound(Exception):
    """`--diff-base` names a revision this clone does not have (or no common history with HEAD)."""


@dataclass(frozen=True)
class Change:
    """The staged changes (`base` None) or the working tree since the commit `base`."""

    base: str | None = None

    @property
    def before(self) -> str:
        return self.base or "HEAD"

    def diff(self, folder: Path, *args: str) -> bytes | None:
        against = ["--cached"] if self.base is None else [self.base]
        return git(folder, "diff", *against, "-M", "-z", "--relative", *args)


STAGED = Change()


def since(folder: Path, revision: str) -> Change:
    """The change since where HEAD and `revision` part (what a pull request adds to its base)."""
    found = git(folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if found is None:
        raise BaseNotFound(revision)
    base = git(folder, "merge-base", found.decode().strip(), "HEAD")
    if base is None:  # a shallow clone holds the revision but not where the branches part
        raise BaseNotFound(revision)
    return Change(base.decode().strip())


def removed_paths(folder: Path, change: Change = STAGED) -> set[str]:
    """Paths (relative to `folder`) that the change deletes or renames away."""
    output = change.diff(folder, "--name-status")
    return parse_name_status(_text(output))[0] if output is not None else set()


def touches(folder: Path, change: Change = STAGED) -> bool:
    """Whether the change adds, edits, deletes or renames anything under `folder`."""
    return bool(change.diff(folder, "--name-only"))


def changed_paths(folder: Path, change: Change) -> set[str]:
    """Paths (relative to `folder`) that the change adds or edits, new files not yet added included."""
    output = change.diff(folder, "--name-status")
    changed = parse_name_status(_text(output))[1] if output is not None else set()
    if change.base is not None:
        untracked = git(folder, "ls-files", "--others", "--exclude-standard", "-z")
        changed |= {path for path in _text(untracked).split("\0") if path}
    return changed


def pages_losing_anchors(folder: Path, pages: Mapping[str, Page], change: Change = STAGED) -> set[str]:
    """Keys of `pages` (paths relative to `folder`) whose edit removes an anchor id the version
    before had: a renamed heading breaks `page.md#old-id` links in other pages."""
    from .model.page import Page  # late: the parser is imported only when pages are compared

    output = change.diff(folder, "--name-only", "--diff-filter=M")
    lost = set()
    for path in _text(output).split("\0"):
        page = pages.get(path)
        before = git(folder, "show", f"{change.before}:./{path}") if page is not None else None
        if page is not None and before is not None and Page.from_bytes(path, before).anchor_ids - page.anchor_ids:
            lost.add(path)
    return lost


def _text(output: bytes | None) -> str:
    return output.decode("utf-8", errors="surrogateescape") if output else ""


def parse_name_status(output: str) -> tuple[set[str], set[str]]:
    """`git diff --name-status -z` output → (the deleted paths and the old paths of renames,
    the added, edited and renamed-to paths)."""
    fields = output.split("\0")
    removed: set[str] = set()
    present: set[str] = set()
    position = 0
    while position < len(fields) and fields[position]:
        status = fields[position]
        if status[0] in "RC":  # rename or copy: status, old path, new path
            if status[0] == "R":
                removed.add(fields[position + 1])
            present.add(fields[position + 2])
            position += 3
        else:
            (removed if status[0] == "D" else present).add(fields[position + 1])
            position += 2
    return removed, present
