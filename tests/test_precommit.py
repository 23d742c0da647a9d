"""The pre-commit hook, run for real against a temporary Git repository.

pre-commit installs a `language: python` hook by pip-installing the hook's repository into a
fresh environment, which needs the package index; so that this test runs offline, it uses the
README's `repo: local` / `language: system` configuration (checked to match our
`.pre-commit-hooks.yaml`), pointing at the `gitbook-lint` installed beside the test runner.
Everything else (file types, serial run, arguments, what pre-commit passes) is pre-commit's own
behaviour.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from cli_helpers import run_installed

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
GITBOOK_LINT = Path(sys.executable).with_name("gitbook-lint")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

PAGES = {
    "content/SUMMARY.md": "# Sommaire\n\n* [Accueil](README.md)\n* [Achats](achats.md)\n* [Marchés](marches.md)\n",
    "content/README.md": "# Accueil\n\nVoir [les marchés](marches.md).\n\n![Logo](.gitbook/assets/logo.png)\n",
    "content/.gitbook/assets/logo.png": "png",
    "content/achats.md": "# Achats\n\nRien à signaler.\n",
    "content/marches.md": "# Marchés\n\nLa liste des marchés.\n",
    "pyproject.toml": '[tool.gitbook-lint]\npaths = ["content"]\n',
    ".github/workflows/ci.yml": "on: push\n",
}


def _git(repo: Path, *args: str) -> str:
    completed = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True, timeout=60)
    return completed.stdout


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "docs"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "editor@example.org")
    _git(repo, "config", "user.name", "Editor")
    _git(repo, "config", "commit.gpgsign", "false")
    for name, text in PAGES.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "space")
    return repo


def _drop_from_summary(repo: Path, line: str, replacement: str = "") -> None:
    summary = repo / "content/SUMMARY.md"
    summary.write_text(summary.read_text(encoding="utf-8").replace(line, replacement), encoding="utf-8")


def test_a_deleted_page_breaks_links_elsewhere(repo: Path) -> None:
    _git(repo, "rm", "-q", "content/marches.md")
    _drop_from_summary(repo, "* [Marchés](marches.md)\n")
    _git(repo, "add", "content/SUMMARY.md")
    completed = run_installed(["--force-exclude", "--format", "json", "content/SUMMARY.md"], repo)
    assert completed.returncode == 1, completed.stderr
    assert '"path": "content/README.md"' in completed.stdout and "GB101" in completed.stdout


def test_unstaged_deletions_are_not_blamed_on_the_commit(repo: Path) -> None:
    (repo / "content/marches.md").unlink()
    _drop_from_summary(repo, "* [Marchés](marches.md)\n")
    completed = run_installed(["--force-exclude", "--format", "json", "content/SUMMARY.md"], repo)
    assert completed.stdout.strip() == "[]", completed.stdout


def test_a_renamed_page_breaks_links_elsewhere(repo: Path) -> None:
    _git(repo, "mv", "content/marches.md", "content/liste-des-marches.md")
    _drop_from_summary(repo, "(marches.md)", "(liste-des-marches.md)")
    _git(repo, "add", "content/SUMMARY.md")
    completed = run_installed(["--force-exclude", "--format", "json", "content/liste-des-marches.md"], repo)
    assert '"path": "content/README.md"' in completed.stdout, completed.stdout


def test_files_outside_the_configured_spaces_are_skipped(repo: Path) -> None:
    (repo / "NOTES.md").write_text("{% hint %}\n", encoding="utf-8")
    completed = run_installed(["--force-exclude", "NOTES.md", ".github/workflows/ci.yml"], repo)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_no_git_no_problem(tmp_path: Path) -> None:
    space = tmp_path / "space"
    space.mkdir()
    (space / "SUMMARY.md").write_text("# Sommaire\n\n* [Accueil](README.md)\n", encoding="utf-8")
    (space / "README.md").write_text("# Accueil\n", encoding="utf-8")
    completed = run_installed(["space/README.md"], tmp_path, env={"PATH": "/nonexistent"})
    assert completed.returncode == 0, completed.stderr


def readme_hook_config() -> dict:
    """The `.pre-commit-config.yaml` that the README tells a newcomer to write."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use it in pre-commit / CI", 1)[1]
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", section, re.S) if "repo: local" in b)
    return yaml.safe_load(textwrap.dedent(block))


def test_readme_pins_the_current_version() -> None:
    from linter import __version__

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use it in pre-commit / CI", 1)[1]
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", section, re.S) if "rev:" in b)
    remote = yaml.safe_load(textwrap.dedent(block))["repos"][0]
    assert remote["rev"] == f"v{__version__}" and remote["hooks"] == [{"id": "gitbook-lint"}]


def test_readme_hook_matches_the_published_hook() -> None:
    published = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    hook = readme_hook_config()["repos"][0]["hooks"][0]
    assert published["types_or"] == ["markdown", "yaml"] and published["require_serial"] is True
    assert published["always_run"] is True and published["verbose"] is True
    for key in ("id", "entry", "types_or", "require_serial", "always_run", "verbose"):
        assert hook[key] == published[key], key


def _hook_config(repo: Path) -> None:
    """The README's configuration, with the installed command's full path (the test's PATH may
    not hold the virtual environment)."""
    config = readme_hook_config()
    hook = config["repos"][0]["hooks"][0]
    hook["entry"] = hook["entry"].replace("gitbook-lint", str(GITBOOK_LINT), 1)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is in the test extra")
def test_the_hook_runs_under_pre_commit(repo: Path, tmp_path: Path) -> None:
    _hook_config(repo)
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "LANG": "C.UTF-8"}

    def pre_commit() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "run"], cwd=repo, capture_output=True, text=True, env=environment, timeout=300
        )

    (repo / "content/achats.md").write_text("# Achats\n\n{% hint style=\"info\" %}\nÀ fermer.\n", encoding="utf-8")
    _git(repo, "add", "-A")
    failed = pre_commit()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "content/achats.md:3:1: GB021 unclosed-block" in failed.stdout

    (repo / "content/achats.md").write_text("# Achats\n\nRien à signaler.\n", encoding="utf-8")
    _git(repo, "rm", "-q", "content/marches.md")
    _drop_from_summary(repo, "* [Marchés](marches.md)\n")
    _git(repo, "add", "-A")
    broken = pre_commit()
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "content/README.md:3:" in broken.stdout and "GB101" in broken.stdout

    (repo / "content/README.md").write_text("# Accueil\n\nVoir [les achats](achats.md).\n\n![Logo](.gitbook/assets/logo.png)\n", encoding="utf-8")
    _git(repo, "add", "-A")
    passed = pre_commit()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
    _git(repo, "commit", "-qm", "achats")

    # a warning does not fail the commit, but is shown
    (repo / "content/brouillon.md").write_text("# Brouillon\n", encoding="utf-8")
    _git(repo, "add", "-A")
    warned = pre_commit()
    assert warned.returncode == 0 and "content/brouillon.md:1:1: GB315 orphan-page" in warned.stdout, warned.stdout
    _git(repo, "rm", "-qf", "content/brouillon.md")

    # a commit that only deletes an image runs the hook, which names the page it breaks
    _git(repo, "rm", "-q", "content/.gitbook/assets/logo.png")
    deleted = pre_commit()
    assert deleted.returncode == 1, deleted.stdout + deleted.stderr
    assert "content/README.md:5:9: GB103" in deleted.stdout

    # renamed instead: the hint proposes the new name before the commit
    _git(repo, "reset", "-q", "--hard")
    _git(repo, "mv", "content/.gitbook/assets/logo.png", "content/.gitbook/assets/logo-2026.png")
    renamed = pre_commit()
    assert renamed.returncode == 1 and "logo-2026.png" in renamed.stdout, renamed.stdout

    # a commit that leaves the space alone does not read it
    _git(repo, "reset", "-q", "--hard")
    (repo / "NOTES.txt").write_text("notes\n", encoding="utf-8")
    _git(repo, "add", "-A")
    elsewhere = pre_commit()
    assert elsewhere.returncode == 0 and "0 pages checked" in elsewhere.stdout, elsewhere.stdout


def test_a_renamed_heading_breaks_anchor_links_elsewhere(repo: Path) -> None:
    # only marches.md is passed: the `#la-liste` link in README.md is broken by its edit
    (repo / "content/marches.md").write_text("# Marchés\n\n## La liste\n\nRien.\n", encoding="utf-8")
    (repo / "content/README.md").write_text("# Accueil\n\n[liste](marches.md#la-liste) [x](#nulle-part)\n", encoding="utf-8")
    _git(repo, "commit", "-qam", "liste")
    (repo / "content/marches.md").write_text("# Marchés\n\n## Les marchés en cours\n\nRien.\n", encoding="utf-8")
    _git(repo, "add", "-A")
    completed = run_installed(["--force-exclude", "--format", "json", "content/marches.md"], repo)
    found = [(item["path"], item["rule"]) for item in json.loads(completed.stdout)]
    assert found == [("content/README.md", "GB201")]  # not README's own `#nulle-part`
