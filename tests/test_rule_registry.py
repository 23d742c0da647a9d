"""The rule registry keeps its promises: one rule per `gbNNN_<name>.py` file, every rule shown
flagging something in a fixture, `fixable` true exactly for the rules whose findings carry fixes,
and each rule's documentation address."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

from fixture_harness import (
    RULE_FIXTURES,
    expectations_in,
    fixture_config,
    parse_entry,
    rule_fixture_cases,
    run_rule_fixture,
    run_space_fixture,
    space_fixture_cases,
)
from linter.finding import Finding
from linter.report import FORMATTERS, ReportContext
from linter.rules import all_rules, base

RULES_FOLDER = Path(__file__).resolve().parents[1] / "linter" / "rules"
# Rules whose case cannot live in a fixture folder, and the test that makes it instead.
_FLAGGED_ELSEWHERE = {"GB003": "tests/test_hardening.py: symbolic links out of the space, made at test time"}
_RULE_FILE = re.compile(r"^gb(\d{3})_(\w+)\.py$")


def _expected_rule_ids() -> set[str]:
    """Every rule id that some fixture expects a finding of."""
    found = {e.rule for case in rule_fixture_cases() for e in expectations_in(case.read_text(encoding="utf-8", errors="replace"), "")}
    for folder in space_fixture_cases():
        found.update(parse_entry(entry, "").rule for entry in fixture_config(folder).get("expect") or [])
        for page in folder.rglob("*.md"):
            found.update(e.rule for e in expectations_in(page.read_text(encoding="utf-8", errors="replace"), ""))
    return found


def _all_fixture_findings() -> list[Finding]:
    findings = [finding for case in rule_fixture_cases() for finding in run_rule_fixture(case)[0]]
    return findings + [finding for folder in space_fixture_cases() for finding in run_space_fixture(folder)[0]]


def test_every_rule_file_registers_the_rule_its_name_says() -> None:
    registered = {(rule.id, rule.name) for rule in all_rules()}
    files = sorted(path.name for path in RULES_FOLDER.glob("gb*.py"))
    assert files, "no rule file found"
    for name in files:
        match = _RULE_FILE.match(name)
        assert match, f"{name}: a rule file is named gbNNN_<name>.py"
        module = importlib.import_module(f"linter.rules.{name[:-3]}")
        assert (module.ID, module.NAME) in registered, name
        assert module.ID == f"GB{match.group(1)}" and module.NAME == match.group(2).replace("_", "-"), name
    assert len(files) == len(registered)


def test_every_rule_has_a_fixture_that_flags_it() -> None:
    expected = _expected_rule_ids() | set(_FLAGGED_ELSEWHERE)
    assert [rule.id for rule in all_rules() if rule.id not in expected] == []


@pytest.mark.parametrize("folder", sorted(path for path in RULE_FIXTURES.iterdir() if path.is_dir()), ids=lambda p: p.name)
def test_every_rule_folder_has_a_look_alike_that_stays_silent(folder: Path) -> None:
    silent = [page for page in folder.rglob("*.md") if not expectations_in(page.read_text(encoding="utf-8", errors="replace"), "")]
    assert silent, f"{folder.name}: no page without findings"


def test_fixable_is_true_exactly_for_the_rules_whose_findings_carry_fixes() -> None:
    with_edits = {finding.rule_id for finding in _all_fixture_findings() if finding.edit is not None}
    assert with_edits == {rule.id for rule in all_rules() if rule.fixable}


def test_documentation_address_is_the_reference_section() -> None:
    rule = next(rule for rule in all_rules() if rule.id == "GB021")
    reference = (RULES_FOLDER.parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    assert rule.doc_url("en") == "docs/rules.md#gb021-unclosed-block"
    assert rule.doc_url("fr") == "docs/rules.fr.md#gb021-unclosed-block"
    assert f"](#{rule.anchor})" in reference and f"## {rule.id} {rule.name}" in reference


def test_a_published_reference_gives_absolute_addresses_and_sarif_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "_published_reference", lambda: "https://docs.example.org/gitbook-lint/rules.md")
    rule = next(rule for rule in all_rules() if rule.id == "GB021")
    assert rule.doc_url("fr") == "https://docs.example.org/gitbook-lint/rules.fr.md#gb021-unclosed-block"
    document = json.loads(FORMATTERS["sarif"]([], ReportContext()))
    descriptor = next(item for item in document["runs"][0]["tool"]["driver"]["rules"] if item["id"] == "GB021")
    assert descriptor["helpUri"] == "https://docs.example.org/gitbook-lint/rules.md#gb021-unclosed-block"


def test_sarif_has_no_help_address_without_a_published_reference() -> None:
    document = json.loads(FORMATTERS["sarif"]([], ReportContext()))
    assert all("helpUri" not in item for item in document["runs"][0]["tool"]["driver"]["rules"])
