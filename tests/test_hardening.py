"""Hostile spaces: nothing outside the space is read, no output can be hijacked, clean failures.

Each test reproduces a defect found by attacking the tool as a CI job on a stranger's pull
request would run it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from linter import Settings, lint_paths
from linter.report import FORMATTERS, ReportContext

from cli_helpers import run_cli, write_space

SECRET = "SECRET_TOKEN=hunter2"


def _secret_file(tmp_path: Path, name: str = "secret.txt") -> Path:
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    secret = outside / name
    secret.write_text(f"{SECRET}\nfoo: [\n# {SECRET}\n[x](nowhere.md)\n", encoding="utf-8")
    return secret


@pytest.mark.parametrize(
    "link",
    [".gitbook.yaml", "SUMMARY.md", "page.md", ".gitbook/includes/block.md", ".gitbook/assets/image.png", "folder"],
)
def test_a_link_out_of_the_space_is_a_finding_naming_it_and_never_read(tmp_path: Path, link: str) -> None:
    secret = _secret_file(tmp_path)
    linked = f"{link}/secret.txt" if link == "folder" else link
    space = write_space(tmp_path / "space", {"README.md": f"# Accueil\n\n[P]({linked})\n"})
    target = secret.parent if link == "folder" else secret
    (space / link).parent.mkdir(parents=True, exist_ok=True)
    if (space / link).exists():
        (space / link).unlink()
    (space / link).symlink_to(target)
    result = run_cli([str(space), "--no-color"], cwd=tmp_path)
    assert SECRET not in result.output and "foo: [" not in result.output
    flagged = [line for line in result.output.splitlines() if " GB003 link" in line and not line.startswith(" ")]
    assert len(flagged) == 1 and flagged[0].startswith(f"space/{link}:1:1:"), result.output
    # a link to the refused file is neither found nor missing: the one finding is about the link
    assert "GB101" not in result.output and "GB103" not in result.output and "GB313" not in result.output


def test_a_link_inside_the_space_is_read_as_usual(tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n\n[P](page.md)\n", "real.md": "# Vrai\n"})
    (space / "page.md").symlink_to("real.md")
    result = run_cli([str(space), "--no-color"], cwd=tmp_path)
    assert "GB003" not in result.output and "GB101" not in result.output


def test_a_symbolic_link_loop_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n\n![x](x.png)\n"})
    (space / "x.png").symlink_to("x.png")
    result = run_cli([str(space), "--no-color"], cwd=tmp_path)
    assert "space/x.png:1:1: GB003 link-outside-space" in result.output and "loops" in result.output


HOSTILE_PAGE = (
    "# Accueil\n\n"
    "[a](%0A::error%20file=a.md::pwned.md) [b](%1B[2J.md) [c](%1B]52;c;cHduZWQ=%07.md)\n"
    "[d](x%E2%80%A8y.md) [e](\x1b[31mred.md) [f](\u202eevil.md)\n"
)


def _hostile_space(tmp_path: Path) -> Path:
    return write_space(tmp_path / "space", {"README.md": HOSTILE_PAGE})


@pytest.mark.parametrize("output_format", sorted(FORMATTERS))
def test_no_output_format_carries_a_control_or_line_breaking_character(tmp_path: Path, output_format: str) -> None:
    space = _hostile_space(tmp_path)
    result = run_cli([str(space), "--no-color", "--format", output_format], cwd=tmp_path)
    assert "GB101" in result.output
    for forbidden in ("\x1b", "\x07", "\u2028", "\u202e"):
        assert forbidden not in result.output, (output_format, forbidden)
    lines = result.output.splitlines()
    # no line a CI runner would take as a workflow command, except the github format's own
    assert not any(line.startswith("::") for line in lines if output_format != "github")
    if output_format == "github":
        assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_text_output_escapes_what_it_shows_even_piped(tmp_path: Path) -> None:
    from cli_helpers import run_installed

    space = _hostile_space(tmp_path)
    result = run_installed([str(space)], cwd=tmp_path)  # stdout is a pipe: no colour asked
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert "\\x0a::error file=a.md::pwned.md" in result.stdout
    assert "\\x1b[31mred.md" in result.stdout  # the excerpt line too
    assert not any(line.startswith("::") for line in result.stdout.splitlines())


NON_UTF8_NAME = os.fsdecode(b"b\xff.md")


def _space_with_a_non_utf8_name(tmp_path: Path) -> Path:
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n"}, listed=["README.md"])
    (space / NON_UTF8_NAME).write_bytes(b"# B\n\n[x](\x1b[2J\x07nowhere.md)\n{% hint %}\n")
    return space


@pytest.mark.parametrize("output_format", sorted(FORMATTERS))
def test_every_format_stays_valid_with_a_non_utf8_file_name(tmp_path: Path, output_format: str) -> None:
    space = _space_with_a_non_utf8_name(tmp_path)
    findings = lint_paths([str(space)], Settings()).findings
    assert any(NON_UTF8_NAME in finding.path for finding in findings)
    report = FORMATTERS[output_format](findings, ReportContext())
    report.encode("utf-8")  # no lone surrogate left: the report can be written as UTF-8
    assert "\x1b" not in report and "\x07" not in report
    if output_format in ("json", "sarif", "gitlab"):
        json.loads(report)
    if output_format == "junit":
        from xml.etree import ElementTree

        ElementTree.fromstring(report.encode("utf-8"))
    if output_format == "sarif":
        uris = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in json.loads(report)["runs"][0]["results"]}
        assert any(uri.endswith("b%FF.md") for uri in uris), uris
    else:  # the byte written as an escape (itself escaped once more inside a JSON string)
        assert "b\\xff.md" in report or "b\\\\xff.md" in report


def test_the_cli_reports_a_non_utf8_file_name_without_crashing(tmp_path: Path) -> None:
    space = _space_with_a_non_utf8_name(tmp_path)
    for output_format in sorted(FORMATTERS):
        result = run_cli([str(space), "--format", output_format], cwd=tmp_path)
        assert result.exit_code == 1, (output_format, result.output)
