"""What a formatter may need besides the findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from .. import __version__

if TYPE_CHECKING:
    from ..rules.base import Rule

TOOL_NAME = "gitbook-lint"
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _no_source(path: str, line: int) -> str | None:
    return None


@dataclass
class ReportContext:
    lang: str = "en"
    color: bool = False
    page_count: int = 0
    # the text of a line of a file, by the path as shown and a 1-based line; None when unknown
    source_line: Callable[[str, int], str | None] = _no_source
    given_rules: tuple[Rule, ...] | None = None  # default: every rule, imported when a format asks
    version: str = __version__

    @property
    def rules(self) -> tuple[Rule, ...]:
        if self.given_rules is None:
            from ..rules import all_rules  # late: a JSON report of reused findings needs no rule

            self.given_rules = tuple(all_rules())
        return self.given_rules

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)
