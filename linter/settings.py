"""Run settings: which rules, at which severity, with which options, in which language.

The command line and the configuration file both fill one `Settings`; rules only read it, and
the engine turns its selectors into the rules to run (`linter.engine.enabled_rules`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # settings are filled before any rule is loaded; they only name rules
    from .rules.base import Rule

OFF = "off"


@dataclass
class Settings:
    lang: str = "en"
    select: list[str] | None = None  # None: the rules enabled by default
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severities: dict[str, str] = field(default_factory=dict)  # rule id → severity or "off"
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule id → options
    site_url: str | None = None  # the published site, for rules about absolute links to it
    github_repository: str | None = None  # "owner/name", for rules about GitHub fallback links
    page_schemas: dict[str, str] = field(default_factory=dict)  # glob → page-type schema file
    extra: dict[str, Any] = field(default_factory=dict)  # settings owned by a later feature
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob → rule selectors
    exclude: list[str] = field(default_factory=list)  # gitignore-style patterns left out of the run
    respect_gitignore: bool = True
    max_page_size: int | None = None  # bytes; None: the guard's default (`guard.MAX_PAGE_BYTES`)
    config_dir: Path | None = None  # the configuration file's folder: globs are relative to it
    cache: bool = True  # reuse what earlier runs learnt (`--no-cache` turns it off)
    output_format: str = "text"  # the report's format (the command line's `--format` wins)
    strict: bool = False  # exit 1 on warnings too
    baseline: Path | None = None  # the configuration's `baseline` file (the command line's wins)
    cache_dir: Path | None = None  # `--cache-dir`; None: GITBOOK_LINT_CACHE_DIR, else the repository's top

    def severity_of(self, rule: Rule) -> str:
        severity = self.severities.get(rule.id, rule.severity)
        return rule.severity if severity == OFF else severity

    def options_for(self, rule: Rule) -> dict[str, Any]:
        return {**rule.defaults, **self.rule_options.get(rule.id, {})}
