"""Fixture-driven rule tests.

Layout:
- `tests/fixtures/rules/<RULE ID>/*.md`: pages that test one rule. The folder is loaded as one
  space (so pages may link to each other) and only that rule runs. Each page states what it
  expects in a comment block, anywhere in the page (the end is customary):

      <!-- expect
      12:5 GB201 "closest ids"
      14 GB201
      -->

  `LINE[:COLUMN] RULE ["message substring"]`, one per line. A page without the block expects no
  finding of the rule: it holds the valid look-alikes.
- `tests/fixtures/spaces/<case>/`: a whole space; `.fixture.yaml` says which rules run
  (`select:`), their `options:` and settings (`settings:`), and `expect:` entries for findings
  in files that cannot hold a comment (`PATH:LINE[:COLUMN] RULE ["text"]`).
  With `repository: true`, the folder is linted as the command line lints a folder (a
  repository's top holding several spaces, each its own), paths relative to the folder.
- A `.fixture.yaml` in a rule folder is read the same way (options and settings only).
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from linter.engine import lint_site
from linter.finding import Finding
from linter.model.site import Site
from linter.run import display_path, lint_paths
from linter.scope import ReportScope, lint_in_scope
from linter.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
RULE_FIXTURES = FIXTURES / "rules"
SPACE_FIXTURES = FIXTURES / "spaces"
_EXPECT_BLOCK = re.compile(r"<!--\s*expect\b(.*?)-->", re.S)
_ENTRY = re.compile(r"^(?:(?P<path>[^\s:]*[^\s:\d][^\s:]*):)?(?P<line>\d+)(?::(?P<column>\d+))?\s+(?P<rule>GB\d{3})(?:\s+(?P<text>.+))?$")


@dataclass(frozen=True)
class Expected:
    path: str
    line: int
    column: int | None
    rule: str
    text: str | None

    def matches(self, finding: Finding) -> bool:
        return (
            finding.path == self.path
            and finding.line == self.line
            and (self.column is None or finding.column == self.column)
            and finding.rule_id == self.rule
            and (self.text is None or self.text.lower() in (finding.message + " " + (finding.fix or "")).lower())
        )

    def __str__(self) -> str:
        column = f":{self.column}" if self.column is not None else ""
        text = f" {self.text!r}" if self.text else ""
        return f"{self.path}:{self.line}{column} {self.rule}{text}"


def parse_entry(entry: str, default_path: str) -> Expected:
    match = _ENTRY.match(entry.strip())
    if match is None:
        raise ValueError(f"bad expectation {entry!r}")
    text = match["text"]
    if text:
        text = shlex.split(text)[0]
    column = int(match["column"]) if match["column"] else None
    return Expected(match["path"] or default_path, int(match["line"]), column, match["rule"], text)


def expectations_in(page_text: str, path: str) -> list[Expected]:
    found = []
    for block in _EXPECT_BLOCK.findall(page_text):
        for entry in block.strip().splitlines():
            if entry.strip():
                found.append(parse_entry(entry, path))
    return found


def fixture_config(folder: Path) -> dict[str, Any]:
    config_file = folder / ".fixture.yaml"
    if not config_file.is_file():
        return {}
    return yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}


def settings_for(config: dict[str, Any], select: list[str]) -> Settings:
    settings = Settings(select=select)
    settings.rule_options = {key: dict(value) for key, value in (config.get("options") or {}).items()}
    for key, value in (config.get("settings") or {}).items():
        if hasattr(settings, key):
            setattr(settings, key, value)
        else:
            settings.extra[key] = value
    return settings


@lru_cache(maxsize=None)
def load_fixture_site(folder: Path) -> Site:
    return Site.load(folder)


def rule_fixture_cases() -> list[Path]:
    return sorted(RULE_FIXTURES.glob("GB*/**/*.md"))


def space_fixture_cases() -> list[Path]:
    return sorted(path for path in SPACE_FIXTURES.iterdir() if path.is_dir()) if SPACE_FIXTURES.is_dir() else []


def run_rule_fixture(page_file: Path) -> tuple[list[Finding], list[Expected]]:
    rule_folder = next(parent for parent in page_file.parents if parent.parent == RULE_FIXTURES)
    rule_id = rule_folder.name
    site = load_fixture_site(rule_folder)
    relative = page_file.relative_to(site.root).as_posix()
    config = fixture_config(rule_folder)
    findings = lint_in_scope(site, settings_for(config, [rule_id]), ReportScope(frozenset({relative})))
    expected = expectations_in(page_file.read_text(encoding="utf-8", errors="replace"), relative)
    return findings, expected


def run_space_fixture(folder: Path) -> tuple[list[Finding], list[Expected]]:
    config = fixture_config(folder)
    if config.get("repository"):
        return run_repository_fixture(folder, config)
    site = load_fixture_site(folder)
    findings = lint_site(site, settings_for(config, list(config.get("select") or ["all"])))
    expected = [parse_entry(entry, "") for entry in config.get("expect") or []]
    for path, page in site.pages.items():
        expected.extend(expectations_in(page.text, path))
    return findings, expected


def run_repository_fixture(folder: Path, config: dict[str, Any]) -> tuple[list[Finding], list[Expected]]:
    settings = settings_for(config, list(config.get("select") or ["all"]))
    result = lint_paths([str(folder)], settings, here=folder)
    expected = [parse_entry(entry, "") for entry in config.get("expect") or []]
    for site in result.sites:
        for path, page in site.pages.items():
            expected.extend(expectations_in(page.text, display_path(site, path, folder)))
    return result.findings, expected


def compare(findings: list[Finding], expected: list[Expected]) -> list[str]:
    """Differences, in words: what was expected and missing, what was found and unexpected."""
    problems = []
    unmatched = list(findings)
    for expectation in expected:
        match = next((finding for finding in unmatched if expectation.matches(finding)), None)
        if match is None:
            problems.append(f"missing: {expectation}")
        else:
            unmatched.remove(match)
    for finding in unmatched:
        problems.append(
            f"unexpected: {finding.path}:{finding.line}:{finding.column} {finding.rule_id} {finding.message}"
        )
    return problems
