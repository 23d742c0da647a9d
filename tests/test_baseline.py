"""Baselines: `gitbook-lint baseline` records today's findings, later runs report only new ones.

The adoption scenario runs on a copy of a real space (skipped when the corpora are absent); the
file's details run on small spaces written on the fly.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_helpers import BAD_PAGE, GOOD_PAGE, run_cli, write_space

ROOT = Path(__file__).resolve().parents[1]
STARTUPS = ROOT.parent / "shared" / "corpora" / "startups"
REPORTED_PAGE = "marketing/communiquer/reseaux-sociaux.md"  # has two old GB101 findings


@pytest.fixture()
def startups(tmp_path: Path) -> Path:
    if not (STARTUPS / "SUMMARY.md").is_file():
        pytest.skip("the startups corpus is not here")
    copy = tmp_path / "startups"
    shutil.copytree(STARTUPS, copy, ignore=shutil.ignore_patterns(".git"))
    return copy


def _edit(page: Path, old: str, new: str) -> None:
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


def _json(args: list[str], cwd: Path) -> tuple[int, list[dict]]:
    result = run_cli([*args, "--format", "json"], cwd)
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.slow
def test_an_adopting_team_sees_only_what_it_adds(startups: Path) -> None:
    before = run_cli(["."], startups)
    assert before.exit_code == 1  # the space has old errors
    written = run_cli(["baseline", "."], startups)
    assert written.exit_code == 0 and (startups / ".gitbook-lint-baseline.json").is_file()
    assert _json(["."], startups) == (0, [])

    page = startups / REPORTED_PAGE
    _edit(page, "# Réseaux sociaux\n", "# Réseaux sociaux\n\nUne phrase ajoutée.\n")  # unrelated, above the old errors
    assert _json(["."], startups) == (0, [])

    # the paragraph with an old broken link moves to the end of the page
    paragraph = "[Télécharger le BuzzForm](files/BuzzForm.pdf)\n"
    _edit(page, paragraph, "")
    page.write_text(page.read_text(encoding="utf-8") + "\n" + paragraph, encoding="utf-8")
    assert _json(["."], startups) == (0, [])

    page.write_text(page.read_text(encoding="utf-8") + "\nVoir [le guide](guide-disparu.md).\n", encoding="utf-8")
    code, findings = _json(["."], startups)
    assert code == 1
    assert [(f["path"], f["rule"]) for f in findings] == [(REPORTED_PAGE, "GB101")]
    assert "guide-disparu.md" in findings[0]["message"]


def test_the_baseline_file_is_sorted_and_stable(startups: Path) -> None:
    run_cli(["baseline", "."], startups)
    first = (startups / ".gitbook-lint-baseline.json").read_bytes()
    run_cli(["baseline", "."], startups)
    assert (startups / ".gitbook-lint-baseline.json").read_bytes() == first
    entries = json.loads(first)["findings"]
    keys = [(e["path"], e["rule"], e["subject"], e["occurrence"]) for e in entries]
    assert keys == sorted(keys) and all("line" not in entry for entry in entries)
    assert first.decode("utf-8").count("\n") == len(entries) + 6  # one entry per line


def test_fixed_entries_are_summarised_then_pruned(tmp_path: Path) -> None:
    space = write_space(tmp_path / "docs", {"README.md": GOOD_PAGE, "guide.md": BAD_PAGE, "autre.md": BAD_PAGE})
    run_cli(["baseline", "docs"], tmp_path)
    (space / "guide.md").write_text(GOOD_PAGE, encoding="utf-8")
    told = run_cli(["docs"], tmp_path)
    assert told.exit_code == 0 and "fixed since the baseline .gitbook-lint-baseline.json: 1 finding" in told.stderr
    # a run on another file cannot tell whether guide.md was fixed
    assert "fixed" not in run_cli(["docs/autre.md"], tmp_path).stderr
    pruned = run_cli(["docs", "--update-baseline"], tmp_path)
    assert pruned.exit_code == 0 and "dropped" in pruned.stderr
    entries = json.loads((tmp_path / ".gitbook-lint-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [entry["path"] for entry in entries] == ["docs/autre.md"]
    assert "fixed" not in run_cli(["docs"], tmp_path).stderr


def test_baseline_file_from_option_and_configuration(tmp_path: Path) -> None:
    write_space(tmp_path / "docs")
    written = run_cli(["baseline", "docs", "-o", "known.json"], tmp_path)
    assert written.exit_code == 0 and not (tmp_path / ".gitbook-lint-baseline.json").exists()
    assert run_cli(["docs"], tmp_path).exit_code == 1  # the default file does not exist
    assert run_cli(["docs", "--baseline", "known.json"], tmp_path).exit_code == 0
    (tmp_path / "pyproject.toml").write_text('[tool.gitbook-lint]\npaths = ["docs"]\nbaseline = "known.json"\n', encoding="utf-8")
    assert run_cli([], tmp_path).exit_code == 0
    assert run_cli(["--no-baseline"], tmp_path).exit_code == 1


def test_a_missing_or_broken_baseline_is_a_usage_error(tmp_path: Path) -> None:
    write_space(tmp_path / "docs")
    missing = run_cli(["docs", "--baseline", "nowhere.json"], tmp_path)
    assert missing.exit_code == 2 and "gitbook-lint baseline" in missing.stderr
    (tmp_path / ".gitbook-lint-baseline.json").write_text("[1, 2", encoding="utf-8")
    broken = run_cli(["docs"], tmp_path)
    assert broken.exit_code == 2 and "is not a gitbook-lint baseline" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_a_second_identical_problem_in_a_page_is_new(tmp_path: Path) -> None:
    page = "# Guide\n\n[a](absent.md)\n"
    space = write_space(tmp_path / "docs", {"README.md": GOOD_PAGE, "guide.md": page})
    run_cli(["baseline", "docs"], tmp_path)
    (space / "guide.md").write_text(page + "\n[b](absent.md)\n", encoding="utf-8")
    code, findings = _json(["docs"], tmp_path)
    assert code == 1 and [f["line"] for f in findings] == [5]
