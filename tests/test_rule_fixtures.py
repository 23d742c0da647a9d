"""One parametrized test runs every rule fixture and every space fixture (see fixture_harness)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixture_harness import (
    RULE_FIXTURES,
    compare,
    rule_fixture_cases,
    run_rule_fixture,
    run_space_fixture,
    space_fixture_cases,
)


def _id(path: Path) -> str:
    return path.relative_to(RULE_FIXTURES.parent).as_posix()


@pytest.mark.parametrize("page_file", rule_fixture_cases(), ids=_id)
def test_rule_fixture(page_file: Path) -> None:
    findings, expected = run_rule_fixture(page_file)
    assert compare(findings, expected) == []


@pytest.mark.parametrize("folder", space_fixture_cases(), ids=_id)
def test_space_fixture(folder: Path) -> None:
    findings, expected = run_space_fixture(folder)
    assert compare(findings, expected) == []


def test_placeholders_readers_never_see_are_information_only() -> None:
    findings, _ = run_rule_fixture(RULE_FIXTURES / "GB104" / "openapi.md")
    hidden = {finding.line: finding.severity for finding in findings if "never see" in finding.message}
    shown = {finding.line: finding.severity for finding in findings if "never see" not in finding.message}
    assert hidden == {4: "info", 8: "info", 12: "info"}
    assert shown == {15: "error", 18: "error"}
