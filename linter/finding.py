"""The one thing rules produce: a `Finding`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Edit:
    """A safe fix: on `line`, the text `original` starting at `column` becomes `replacement`.
    `--fix` applies it only when the file still holds `original` there."""

    line: int
    column: int
    original: str
    replacement: str

    @property
    def end(self) -> tuple[int, int]:
        """Line and column just after `original` (1-based, columns in code points)."""
        lines = self.original.split("\n")
        if len(lines) == 1:
            return self.line, self.column + len(self.original)
        return self.line + len(lines) - 1, len(lines[-1]) + 1

    def to_dict(self) -> dict[str, Any]:
        end_line, end_column = self.end
        return {
            "line": self.line,
            "column": self.column,
            "end_line": end_line,
            "end_column": end_column,
            "original": self.original,
            "replacement": self.replacement,
        }


@dataclass(frozen=True, order=True)
class Finding:
    """A problem at a 1-based line and column of a file.

    Ordered by path, then position, then rule, so sorting a list gives the reading order.
    `path` is relative to the space root until the run maps it to what the user typed.
    """

    path: str
    line: int
    column: int
    rule_id: str
    rule_name: str
    severity: str
    message: str
    fix: str | None = None
    # The root-relative file a link finding is about (its missing target), so that a commit
    # that deletes or renames that file can be blamed for the finding; not part of the output.
    target: str | None = field(default=None, compare=False)
    edit: Edit | None = field(default=None, compare=False)  # what `--fix` may change
    # What the finding is about, in no language and without positions (the message's key and
    # its words): with the rule and path, it tells the same problem apart after lines move.
    subject: str | None = field(default=None, compare=False)
    end: tuple[int, int] | None = field(default=None, compare=False)  # just after the problem, when known

    def to_dict(self) -> dict[str, Any]:
        """The finding as the reports write it, keys in this order. Written out, not made by
        `dataclasses.asdict`, which copies every field deeply to drop half of them: a
        millisecond every 20 findings of a report."""
        data: dict[str, Any] = {"path": self.path, "line": self.line, "column": self.column, "severity": self.severity, "message": self.message}
        if self.fix is not None:
            data["fix"] = self.fix
        data["rule"] = self.rule_id
        data["name"] = self.rule_name
        if self.end is not None:
            data["end_line"], data["end_column"] = self.end
        if self.edit is not None:
            data["edits"] = [self.edit.to_dict()]
        return data

    def with_path(self, path: str) -> Finding:
        return replace(self, path=path)


INTERNAL_ERROR_ID = "GB000"  # a rule that crashed: its finding says so instead of a traceback


def count_by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts
