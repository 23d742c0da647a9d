"""What a release promises: one version, a changelog entry for it, the JSON report's schema,
a misspelt configuration table reported, quoted globs accepted as arguments."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import jsonschema

from cli_helpers import GOOD_PAGE, run_cli, write_space
from linter import __version__

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
REPORT_SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


def test_the_version_is_written_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "linter.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_changelog_tells_the_current_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## (\d+\.\d+\.\d+)", changelog, re.M)
    assert versions[0] == __version__


def test_json_report_follows_its_schema(tmp_path: Path) -> None:
    page = "# Guide\n\n[absent](absent.md), [nous](mailto:octo\\_malt@octo.com), [site](http://exemple.fr/a) {% hint %}\n"
    other = "# Autre\n\nLe [site sûr](https://exemple.fr/b).\n"
    write_space(tmp_path / "docs", {"README.md": GOOD_PAGE, "guide.md": page, "autre.md": other})
    result = run_cli(["docs", "--format", "json", "--extend-select", "all"], tmp_path)
    report = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(REPORT_SCHEMA)
    jsonschema.validate(report, REPORT_SCHEMA, cls=jsonschema.Draft202012Validator)
    assert REPORT_SCHEMA["version"] == "1.0"
    link = next(item for item in report if item["rule"] == "GB101")
    assert (link["line"], link["column"], link["end_line"], link["end_column"]) == (3, 10, 3, 19)
    assert link["url"].endswith("rules.md#gb101-link-target-missing")
    fixable = [item for item in report if "edits" in item]
    assert fixable and all(item["fixable"] for item in fixable), report
    lines = page.splitlines()
    for item in fixable:
        for edit in item["edits"]:
            assert edit["line"] == edit["end_line"]
            assert lines[edit["line"] - 1][edit["column"] - 1 : edit["end_column"] - 1] == edit["original"]
    anchors = {line.removeprefix("## ").lower().replace(" ", "-") for line in (ROOT / "docs/rules.md").read_text(encoding="utf-8").splitlines() if line.startswith("## ")}
    assert {item["url"].split("#")[1] for item in report} <= anchors


def test_a_misspelt_tool_table_is_reported(tmp_path: Path) -> None:
    write_space(tmp_path / "docs")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.gitbook_lint]\npaths = ["docs"]\n', encoding="utf-8")
    result = run_cli([], tmp_path)
    assert result.exit_code == 2
    assert "pyproject.toml:4: [tool.gitbook_lint] is not read: the table is [tool.gitbook-lint]" in result.stderr


def test_quoted_globs_are_expanded(tmp_path: Path) -> None:
    bad = "# Guide\n\n{% hint %}\n"
    write_space(tmp_path / "docs", {"README.md": GOOD_PAGE, "guides/a.md": bad, "guides/deep/b.md": bad, "c.md": bad})
    result = run_cli(["docs/guides/**/*.md", "--format", "json"], tmp_path)
    assert sorted({item["path"] for item in json.loads(result.stdout)}) == ["docs/guides/a.md", "docs/guides/deep/b.md"]
    nothing = run_cli(["docs/nowhere/**/*.md"], tmp_path)
    assert nothing.exit_code == 2 and "no file matches docs/nowhere/**/*.md" in nothing.stderr
