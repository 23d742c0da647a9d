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
    version: str = __version__

    @property
    def rules(self) -> tuple[Rule, ...]:
        """Every rule (`all_rules` keeps them): imported when a format asks, as a JSON report of
        reused findings needs none."""
        from ..rules import all_rules

        return all_rules()

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)
