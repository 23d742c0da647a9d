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
