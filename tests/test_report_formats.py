"""The output formats, through the installed command and the formatters themselves."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from cli_helpers import run_cli, run_installed, sarif_schema, write_space
from linter.config import config_schema
from linter.finding import Finding
from linter.report import FORMATTERS, ReportContext
from linter.report.github import format_github
from linter.report.text import format_text

FINDING = Finding("docs/a.md", 3, 5, "GB021", "unclosed-block", "error", "`{% hint %}` is never closed", "add it")
WARNING = Finding("docs/a.md", 4, 1, "GB002", "byte-order-mark", "warning", "a BOM, here", None)


def test_the_configuration_offers_every_format_and_no_other() -> None:
    # the configuration's schema names the formats itself: the configuration does not import them
    assert sorted(config_schema()["properties"]["format"]["enum"]) == sorted(FORMATTERS)


def test_text_has_location_rule_excerpt_caret_and_counts() -> None:
    context = ReportContext(source_line=lambda path, line: "ab  {% hint %}" if line == 3 else None)
    text = format_text([FINDING, WARNING], context)
    lines = text.splitlines()
    assert lines[0] == "docs/a.md:3:5: GB021 unclosed-block `{% hint %}` is never closed"
    assert lines[1].endswith("| ab  {% hint %}")
    assert lines[2].index("^") == lines[1].index("{")
    assert "= fix: add it" in lines[3]
    assert "1  GB021 unclosed-block (error)" in text and "1  GB002 byte-order-mark (warning)" in text
    assert "\x1b[" not in text


def test_text_colour_only_when_asked() -> None:
    assert "\x1b[31m" in format_text([FINDING], ReportContext(color=True))


def test_text_in_french() -> None:
    text = format_text([FINDING], ReportContext(lang="fr"))
    assert "correction" in text and "Signalements par règle" in text and "(erreur)" in text


def test_github_workflow_commands_escape_their_fields() -> None:
    odd = Finding("a,b:c.md", 1, 2, "GB021", "unclosed-block", "info", "50% done\nnext", None)
    assert format_github([odd]) == "::notice file=a%2Cb%3Ac.md,line=1,col=2,title=GB021 unclosed-block::50%25 done%0Anext\n"
    assert format_github([FINDING]).startswith("::error file=docs/a.md,line=3,col=5,title=GB021 unclosed-block::")


def test_json_objects() -> None:
    data = json.loads(FORMATTERS["json"]([FINDING, WARNING], ReportContext()))
    assert data[0] == {
        "path": "docs/a.md", "line": 3, "column": 5, "rule": "GB021", "name": "unclosed-block",
        "severity": "error", "message": "`{% hint %}` is never closed", "fix": "add it",
        "fixable": False, "url": "docs/rules.md#gb021-unclosed-block",
    }
    assert "fix" not in data[1]


def test_sarif_is_valid_against_the_sarif_2_1_0_schema() -> None:
    schema = sarif_schema()
    internal = Finding("docs/b.md", 1, 1, "GB000", "internal-error", "error", "rule crashed")
    for findings in ([], [FINDING, WARNING, internal]):
        document = json.loads(FORMATTERS["sarif"](findings, ReportContext(lang="fr")))
        jsonschema.validate(document, schema, cls=jsonschema.Draft4Validator)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    result = run["results"][0]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "GB021"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 5}
    assert rules[run["results"][2]["ruleIndex"]]["id"] == "GB000"


def test_junit_is_well_formed_and_counts_errors() -> None:
    root = ET.fromstring(FORMATTERS["junit"]([FINDING, WARNING], ReportContext()))
    suite = root.find("testsuite")
    assert suite is not None and suite.get("tests") == "2" and suite.get("failures") == "1"
    assert len(suite.findall("testcase/failure")) == 1
    clean = ET.fromstring(FORMATTERS["junit"]([], ReportContext()))
    assert clean.find("testsuite").get("failures") == "0"


def test_gitlab_code_quality_fields() -> None:
    issues = json.loads(FORMATTERS["gitlab"]([FINDING, FINDING, WARNING], ReportContext()))
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({issue["fingerprint"] for issue in issues}) == 3


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_every_format_through_the_installed_command(tmp_path: Path, name: str) -> None:
    write_space(tmp_path / "space")
    completed = run_installed(["space", "--format", name], tmp_path)
    assert completed.returncode == 1, completed.stderr
    assert "space/guide.md" in completed.stdout


def test_output_file_is_written_and_stdout_stays_empty(tmp_path: Path) -> None:
    write_space(tmp_path / "space")
    result = run_cli(["space", "--format", "sarif", "--output", "report.sarif"], tmp_path)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_exit_codes(tmp_path: Path) -> None:
    write_space(tmp_path / "clean", {"README.md": "# Accueil\n"})
    write_space(tmp_path / "warn", {"README.md": "\ufeff# Accueil\n"})
    assert run_cli(["clean"], tmp_path).exit_code == 0
    assert run_cli(["warn"], tmp_path).exit_code == 0
    assert run_cli(["warn", "--strict"], tmp_path).exit_code == 1
    assert run_cli(["nowhere"], tmp_path).exit_code == 2
    assert run_cli(["clean", "--format", "yaml"], tmp_path).exit_code == 2


def test_sarif_uris_are_percent_encoded_and_absolute_paths_are_file_uris() -> None:
    findings = [
        Finding("dossier é/page 1.md", 1, 1, "GB101", "link-target-missing", "error", "m"),
        Finding("/srv/doc/a b.md", 1, 1, "GB101", "link-target-missing", "error", "m"),
    ]
    document = json.loads(FORMATTERS["sarif"](findings, ReportContext()))
    uris = [result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in document["runs"][0]["results"]]
    assert uris == ["dossier%20%C3%A9/page%201.md", "file:///srv/doc/a%20b.md"]


def test_text_caret_counts_terminal_cells_of_wide_and_combining_characters() -> None:
    # column 8 is `{`: 日 and 📊 take two cells each, the decomposed é one cell for two code points
    source = "日📊 e\u0301t {% hint %}"
    context = ReportContext(source_line=lambda path, line: source if line == 3 else None)
    finding = Finding("docs/a.md", 3, 8, "GB021", "unclosed-block", "error", "m")
    lines = format_text([finding], context).splitlines()
    assert lines[2].split("| ", 1)[1] == " " * 8 + "^"


@pytest.mark.parametrize(
    "cluster",
    [
        "\U0001F469\u200d\U0001F4BB",  # woman technologist: an emoji ZWJ sequence
        "\U0001F1EB\U0001F1F7",  # the French flag: two regional indicators
        "\U0001F44D\U0001F3FD",  # thumbs up with a skin tone
        "\u2764\ufe0f",  # a narrow heart drawn as an emoji
        "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F",  # England's flag
    ],
)
def test_text_caret_counts_a_grapheme_cluster_as_the_two_cells_it_takes(cluster: str) -> None:
    source = f"{cluster} {{% hint %}}"
    context = ReportContext(source_line=lambda path, line: source if line == 3 else None)
    finding = Finding("docs/a.md", 3, len(cluster) + 2, "GB021", "unclosed-block", "error", "m")
    lines = format_text([finding], context).splitlines()
    assert lines[2].split("| ", 1)[1] == " " * 3 + "^"


def test_a_finding_is_written_with_its_keys_in_order() -> None:
    from linter.finding import Edit

    edit = Edit(3, 5, "a", "b")
    full = Finding("p.md", 3, 5, "GB101", "link-target-missing", "error", "m", "f", target="t", edit=edit, subject="s", end=(3, 9))
    assert list(full.to_dict().items()) == [
        ("path", "p.md"),
        ("line", 3),
        ("column", 5),
        ("severity", "error"),
        ("message", "m"),
        ("fix", "f"),
        ("rule", "GB101"),
        ("name", "link-target-missing"),
        ("end_line", 3),
        ("end_column", 9),
        ("edits", [edit.to_dict()]),
    ]
    bare = Finding("p.md", 1, 1, "GB001", "unreadable-file", "warning", "m")
    assert list(bare.to_dict()) == ["path", "line", "column", "severity", "message", "rule", "name"]
