"""What the space's Git repository knows: its GitHub name and the renames in its history.

Both are read at the edge, at most once per space: the GitHub name by parsing `.git/config`
(no process started), the renames by one `git log` with a timeout. Both give up silently when
there is no repository, no `git`, or the command fails: they only refine messages.
"""

from __future__ import annotations

import re
from pathlib import Path

GIT_TIMEOUT_SECONDS = 10.0
# `https://github.com/o/r(.git)`, `git@github.com:o/r.git`, `ssh://git@github.com/o/r`
_GITHUB_URL = re.compile(r"github\.com[:/](?P<owner>[\w.-]+)/(?P<name>[\w.-]+?)(?:\.git)?/?$", re.I)


def git_dir(start: Path) -> Path | None:
    """The `.git` folder of the repository holding `start` (a worktree's common folder)."""
    for folder in (start, *start.parents):
        dot_git = folder / ".git"
        if dot_git.is_dir():
            return dot_git
        if dot_git.is_file():  # a worktree or submodule: `gitdir: <path>`
            return _linked_git_dir(dot_git)
    return None


def repository_top(start: Path) -> Path | None:
    """The top folder of the working tree holding `start` (where `.git` is), if any."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _linked_git_dir(dot_git: Path) -> Path | None:
    try:
        text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None
    if not text.startswith("gitdir:"):
        return None
    linked = (dot_git.parent / text[len("gitdir:") :].strip()).resolve()
    common = linked / "commondir"  # a worktree keeps its config in the main repository
    if common.is_file():
        try:
            return (linked / common.read_text(encoding="utf-8").strip()).resolve()
        except OSError:
            return linked
    return linked


def github_repository(start: Path) -> str | None:
    """`owner/name` of the GitHub remote (`origin` first) of the repository holding `start`."""
    import configparser  # here: a run whose findings are reused asks neither the remote nor Git

    found = git_dir(start)
    if found is None:
        return None
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    try:
        parser.read(found / "config", encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    remotes = [section for section in parser.sections() if section.startswith('remote "')]
    remotes.sort(key=lambda section: section != 'remote "origin"')
    for section in remotes:
        match = _GITHUB_URL.search(parser.get(section, "url", fallback="").strip())
        if match:
            return f"{match['owner']}/{match['name']}"
    return None


def renames(root: Path, timeout: float = GIT_TIMEOUT_SECONDS) -> dict[str, str]:
    """Old path → new path for every file Git saw renamed under `root`, paths relative to it:
    the renames staged for the next commit (the hint then comes before the commit), then those
    of the history. The newest rename of a path wins. Empty when `root` is not in a Git
    checkout or git fails."""
    if git_dir(root) is None:
        return {}
    staged = _git_text(root, ["diff", "--cached", "--relative", "--diff-filter=R", "--name-status", "-z", "-M"], timeout)
    logged = _git_text(root, ["log", "--relative", "--diff-filter=R", "--name-status", "--format=", "-z", "-M"], timeout)
    return {**parse_renames(logged), **parse_renames(staged)}


def git(folder: Path, *args: str, timeout: float = GIT_TIMEOUT_SECONDS) -> bytes | None:
    """The output of `git -C folder ARGS…`; None without Git, outside a repository, when the
    command fails or when Git takes longer than `timeout` (the answers only refine findings).
    The one way this project starts Git."""
    import subprocess

    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _git_text(root: Path, args: list[str], timeout: float) -> str:
    output = git(root, *args, timeout=timeout)
    return output.decode("utf-8", errors="replace") if output is not None else ""


def parse_renames(output: str) -> dict[str, str]:
    """Read `git log --name-status -z` output: `R<score>\\0old\\0new\\0`, newest commit first."""
    fields = output.split("\0")
    found: dict[str, str] = {}
    position = 0
    while position < len(fields):
        status = fields[position].strip()
        if status.startswith(("R", "C")) and position + 2 < len(fields):
            old, new = fields[position + 1], fields[position + 2]
            if status.startswith("R"):
                found.setdefault(old, new)
            position += 3
        else:
            position += 1 if not status or status[0] not in "AMDTUX" else 2
    return found
