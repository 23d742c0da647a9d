"""Pull-request mode (`--diff-base REV`), CI paths relative to the repository's top, forced
colour, and the staged renames that feed the did-you-mean hint; all against real Git."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from cli_helpers import run_cli, run_installed

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

PAGES = {
    "content/SUMMARY.md": "# Sommaire\n\n* [Accueil](README.md)\n* [Achats](achats.md)\n* [Marchés](marches.md)\n",
    "content/README.md": "# Accueil\n\nVoir [la liste](marches.md#la-liste) et ![logo](.gitbook/assets/logo.png).\n",
    "content/achats.md": "# Achats\n\nUn [lien ancien](ancien.md) cassé depuis toujours.\n",
    "content/marches.md": "# Marchés\n\n## La liste\n\nRien.\n",
    "content/.gitbook/assets/logo.png": "png",
}


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True, timeout=60).stdout


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A repository whose `main` has one old error (achats.md), and a branch `revue` on it."""
    repo = tmp_path / "docs"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    for key, value in (("user.email", "editor@example.org"), ("user.name", "Editor"), ("commit.gpgsign", "false")):
        _git(repo, "config", key, value)
    for name, text in PAGES.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "space")
    _git(repo, "checkout", "-qb", "revue")
    return repo


def _found(repo: Path, *args: str) -> list[tuple[str, str]]:
    result = run_cli(["content", "--format", "json", "--diff-base", "main", *args], repo)
    assert result.exit_code in (0, 1), result.stderr
    return [(item["path"], item["rule"]) for item in json.loads(result.stdout)]


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_old_findings_in_untouched_pages_are_not_reported(repo: Path) -> None:
    _append(repo / "content/README.md", "\nUne phrase.\n")
    _git(repo, "commit", "-qam", "phrase")
    assert _found(repo) == []
    assert run_cli(["content", "--diff-base", "main"], repo).exit_code == 0
    everything = json.loads(run_cli(["content", "--format", "json"], repo).stdout)
    assert [(item["path"], item["rule"]) for item in everything] == [("content/achats.md", "GB101")]


def test_committed_staged_unstaged_and_new_files_are_reported(repo: Path) -> None:
    _append(repo / "content/README.md", "\n[a](absent-1.md)\n")
    _git(repo, "commit", "-qam", "committed")
    _append(repo / "content/marches.md", "\n[b](absent-2.md)\n")
    _git(repo, "add", "content/marches.md")
    _append(repo / "content/achats.md", "\n[c](absent-3.md)\n")  # unstaged: its old error shows too
    (repo / "content/nouveau.md").write_text("# Nouveau\n\n[d](absent-4.md)\n", encoding="utf-8")
    found = _found(repo, "--select", "GB101")
    assert found == [
        ("content/README.md", "GB101"),
        ("content/achats.md", "GB101"),
        ("content/achats.md", "GB101"),
        ("content/marches.md", "GB101"),
        ("content/nouveau.md", "GB101"),
    ]


def test_deleted_pages_renamed_headings_and_removed_assets_break_untouched_pages(repo: Path) -> None:
    _git(repo, "rm", "-q", "content/.gitbook/assets/logo.png")
    (repo / "content/marches.md").write_text("# Marchés\n\n## Les marchés en cours\n\nRien.\n", encoding="utf-8")
    assert sorted(_found(repo)) == [("content/README.md", "GB103"), ("content/README.md", "GB201")]
    _git(repo, "commit", "-qam", "ménage")
    _git(repo, "rm", "-q", "content/marches.md")
    summary = repo / "content/SUMMARY.md"
    summary.write_text(summary.read_text(encoding="utf-8").replace("* [Marchés](marches.md)\n", ""), encoding="utf-8")
    assert ("content/README.md", "GB101") in _found(repo)


def test_an_unreachable_base_says_how_to_fetch_it(repo: Path, tmp_path: Path) -> None:
    missing = run_cli(["content", "--diff-base", "origin/nowhere"], repo)
    assert missing.exit_code == 2 and "origin/nowhere" in missing.stderr and "fetch-depth" in missing.stderr
    _append(repo / "content/README.md", "\nUne phrase.\n")
    _git(repo, "commit", "-qam", "phrase")
    shallow = tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "revue", f"file://{repo}", str(shallow))
    cut = run_cli(["content", "--diff-base", "origin/main"], shallow)
    assert cut.exit_code == 2 and "--unshallow" in cut.stderr and "Traceback" not in cut.stderr
    french = run_cli(["content", "--diff-base", "nulle", "--lang", "fr"], repo)
    assert "révision nulle introuvable" in french.stderr


@pytest.mark.slow
def test_ci_formats_name_files_from_the_repository_top(repo: Path) -> None:
    space = repo / "content"
    github = run_installed(["--format", "github", "."], space)
    assert "file=content/achats.md," in github.stdout, github.stdout
    sarif = json.loads(run_installed(["--format", "sarif", "."], space).stdout)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "content/achats.md"
    gitlab = json.loads(run_installed(["--format", "gitlab", "achats.md"], space).stdout)
    assert gitlab[0]["location"]["path"] == "content/achats.md"
    junit = run_installed(["--format", "junit", "."], space).stdout
    assert 'classname="content/achats.md"' in junit
    text = run_installed(["."], space).stdout  # the text stays relative to where one stands
    assert text.startswith("achats.md:3:")


def test_colour_forced_in_a_pipe_unless_no_color_without_the_flag(repo: Path) -> None:
    forced = run_installed(["content", "--color"], repo, env={"NO_COLOR": "1"})
    assert "\x1b[31m" in forced.stdout
    assert "\x1b[" not in run_installed(["content"], repo).stdout
    assert "\x1b[" not in run_installed(["content", "--no-color"], repo).stdout


def test_a_staged_rename_feeds_the_hint_before_the_commit(repo: Path) -> None:
    _git(repo, "mv", "content/achats.md", "content/commandes.md")
    summary = repo / "content/SUMMARY.md"
    summary.write_text(summary.read_text(encoding="utf-8").replace("(achats.md)", "(commandes.md)"), encoding="utf-8")
    _append(repo / "content/marches.md", "\nVoir [les achats](achats.md).\n")
    result = run_cli(["content/marches.md", "--format", "json"], repo)
    findings = json.loads(result.stdout)
    assert [(f["path"], f["rule"]) for f in findings] == [("content/marches.md", "GB101")]
    assert "renamed" in findings[0]["fix"] and "commandes.md" in findings[0]["fix"]
