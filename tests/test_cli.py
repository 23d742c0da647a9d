"""The command line, through click's runner and through the installed command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli_helpers import Maker, run_cli
from linter.cli import main

CLEAN = {"SUMMARY.md": "# Table of contents\n\n* [Accueil](README.md)\n", "README.md": "# Accueil\n\nBonjour.\n"}
BROKEN = {**CLEAN, "README.md": '# Accueil\n\n{% hint style="info" %}\nJamais fermé.\n'}


def test_clean_space_exits_0(make_files: Maker) -> None:
    result = CliRunner().invoke(main, [str(make_files(CLEAN, "s"))])
    assert result.exit_code == 0, result.output


def test_error_finding_exits_1_with_position(make_files: Maker) -> None:
    space = make_files(BROKEN, "s")
    result = CliRunner().invoke(main, [str(space), "--select", "GB021"])
    assert result.exit_code == 1
    assert "README.md:3:1: GB021 unclosed-block" in result.output


def test_json_output(make_files: Maker) -> None:
    space = make_files(BROKEN, "s")
    result = CliRunner().invoke(main, [str(space), "--format", "json", "--select", "GB021"])
    data = json.loads(result.stdout)
    assert [(item["line"], item["column"], item["rule"], item["name"], item["severity"]) for item in data] == [
        (3, 1, "GB021", "unclosed-block", "error")
    ]
    assert set(data[0]) >= {"path", "line", "column", "rule", "name", "severity", "message"}


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, [str(tmp_path / "absent")]).exit_code == 2
    assert runner.invoke(main, [str(tmp_path), "--format", "xml"]).exit_code == 2
    assert runner.invoke(main, [str(tmp_path), "--select", "no-such-rule"]).exit_code == 2


def test_given_file_reports_only_that_file(make_files: Maker) -> None:
    space = make_files({**BROKEN, "autre.md": "# Autre\n\n{% endtab %}\n"}, "s")
    result = CliRunner().invoke(main, [str(space / "autre.md"), "--format", "json", "--select", "GB0"])
    assert {Path(item["path"]).name for item in json.loads(result.stdout)} == {"autre.md"}


def test_rules_lists_every_rule() -> None:
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0
    for rule_id, name in [("GB001", "unreadable-file"), ("GB021", "unclosed-block")]:
        assert any(line.startswith(rule_id) and name in line for line in result.output.splitlines())


def test_explain_prints_the_docs() -> None:
    result = CliRunner().invoke(main, ["explain", "unclosed-block"])
    assert result.exit_code == 0 and "GB021" in result.output and "Why" in result.output


def _installed_command() -> list[str]:
    found = shutil.which("gitbook-lint", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "linter"]


@pytest.mark.parametrize("command", [_installed_command(), [sys.executable, "-m", "linter"]])
def test_installed_command(make_files: Maker, command: list[str]) -> None:
    space = make_files(BROKEN, "s")
    broken = subprocess.run([*command, str(space), "--format", "json"], capture_output=True, text=True, check=False)
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert any(item["rule"] == "GB021" for item in json.loads(broken.stdout))
    clean = subprocess.run([*command, str(make_files(CLEAN, "c"))], capture_output=True, text=True)
    assert clean.returncode == 0


def test_repository_content_space_is_clean() -> None:
    """The GitBook space this repository keeps is linted on every CI run."""
    content = Path(__file__).parent.parent / "content"
    result = subprocess.run([*_installed_command(), str(content)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_summary_counts_markdown_pages_with_singulars(make_files: Maker, tmp_path: Path) -> None:
    space = make_files(BROKEN, "s")
    result = run_cli(["s", "--select", "GB021"], tmp_path)
    assert result.stderr.strip() == "1 page checked: 1 error, 0 warnings, 0 info"  # SUMMARY.md is no page
    french = run_cli(["s", "--select", "GB021", "--lang", "fr"], tmp_path)
    assert french.stderr.strip() == "1 page vérifiée : 1 erreur, 0 avertissement, 0 information"
    (space / "guide.md").write_text("# Guide\n", encoding="utf-8")
    assert run_cli(["s", "--select", "GB021"], tmp_path).stderr.strip() == "2 pages checked: 1 error, 0 warnings, 0 info"


def test_one_file_is_one_page_checked_of_those_its_space_has(make_files: Maker, tmp_path: Path) -> None:
    space = make_files({**CLEAN, "guide.md": "# Guide\n", "faq.md": "# FAQ\n"}, "s")
    result = run_cli([str(space / "guide.md"), "--select", "GB021"], tmp_path)
    assert result.stderr.strip() == "1 page checked (of 3 pages in the space): no problem found"
