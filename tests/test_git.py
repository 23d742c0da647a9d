"""The Git edge: the GitHub name from `.git/config`, renames from `git log`, and their use in
the link rules (GB105's repository, GB101's "did you mean")."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from linter.engine import lint_site
from linter.model import git
from linter.model.site import Site
from linter.run import with_repository
from linter.settings import Settings

CONFIG = """[core]
\trepositoryformatversion = 0
[remote "upstream"]
\turl = https://gitlab.com/autre/depot.git
[remote "origin"]
\turl = git@github.com:exemple/documentation.git
\tfetch = +refs/heads/*:refs/remotes/origin/*
"""


def test_github_repository_from_config(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(CONFIG, encoding="utf-8")
    space = tmp_path / "docs"
    space.mkdir()
    assert git.github_repository(space) == "exemple/documentation"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://github.com/exemple/documentation", "exemple/documentation"),
        ("https://github.com/exemple/doc.incubateur.net-startups.git", "exemple/doc.incubateur.net-startups"),
        ("ssh://git@github.com/exemple/documentation/", "exemple/documentation"),
        ("https://gitlab.com/exemple/documentation.git", None),
    ],
)
def test_github_remote_forms(tmp_path: Path, url: str, expected: str | None) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(f'[remote "origin"]\n\turl = {url}\n', encoding="utf-8")
    assert git.github_repository(tmp_path) == expected


def test_worktree_reads_the_main_config(tmp_path: Path) -> None:
    main = tmp_path / "main"
    (main / ".git" / "worktrees" / "wt").mkdir(parents=True)
    (main / ".git" / "config").write_text(CONFIG, encoding="utf-8")
    (main / ".git" / "worktrees" / "wt" / "commondir").write_text("../..\n", encoding="utf-8")
    worktree = tmp_path / "wt"
    worktree.mkdir()
    (worktree / ".git").write_text(f"gitdir: {main / '.git' / 'worktrees' / 'wt'}\n", encoding="utf-8")
    assert git.github_repository(worktree) == "exemple/documentation"


def test_no_repository_gives_nothing(tmp_path: Path) -> None:
    if git.git_dir(tmp_path) is not None:
        pytest.skip("the temporary folder sits inside a Git checkout")
    assert git.github_repository(tmp_path) is None
    assert git.renames(tmp_path) == {}


def test_settings_keep_a_configured_repository(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Accueil\n", encoding="utf-8")
    site = Site.load(tmp_path)
    assert with_repository(Settings(), site).github_repository == "exemple/documentation"
    assert with_repository(Settings(github_repository="autre/depot"), site).github_repository == "autre/depot"


def test_parse_renames_newest_first() -> None:
    output = "\nR100\0a.md\0b.md\0R090\0guide/x.md\0guide/y.md\0R100\0a.md\0old.md\0"
    assert git.parse_renames(output) == {"a.md": "b.md", "guide/x.md": "guide/y.md"}


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_missing_page_proposes_the_git_rename(tmp_path: Path) -> None:
    repo = tmp_path / "depot"
    space = repo / "docs"
    (space / "guide").mkdir(parents=True)
    (space / "guide" / "etapes.md").write_text("# Étapes\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@exemple.fr", "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@exemple.fr", "commit", "-qm", "premier")
    (space / "parcours").mkdir()
    _git(repo, "mv", "docs/guide/etapes.md", "docs/parcours/les-etapes.md")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@exemple.fr", "commit", "-qm", "renommage")
    (space / "README.md").write_text("# Accueil\n\nVoir [les étapes](guide/etapes.md).\n", encoding="utf-8")

    site = Site.load(space)
    assert site.renames == {"guide/etapes.md": "parcours/les-etapes.md"}
    findings = lint_site(site, Settings(select=["GB101"]))
    assert [(f.rule_id, f.target) for f in findings] == [("GB101", "guide/etapes.md")]
    assert "parcours/les-etapes.md" in (findings[0].fix or "")
    assert "renamed" in (findings[0].fix or "")


def test_run_reads_the_repository_for_own_github_links(tmp_path: Path) -> None:
    from linter.run import lint_paths

    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "guide.md").write_text("# Guide\n", encoding="utf-8")
    link = "https://github.com/exemple/documentation/blob/main/guide.md"
    (tmp_path / "README.md").write_text(f"# Accueil\n\nVoir [le guide]({link}).\n", encoding="utf-8")
    result = lint_paths([str(tmp_path)], Settings(select=["GB105"]))
    assert [(f.rule_id, f.line) for f in result.findings] == [("GB105", 3)]
    assert "`guide.md`" in (result.findings[0].fix or "")
