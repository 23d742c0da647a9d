"""The one thing rules produce: a `Finding`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Edit:
    """A safe fix: on `line`, the text `original` starting at `column` becomes `replacement`.
    `--fix` applies it only when the file still holds `original` there."""

    line: int
    column: int
    original: str
    replacement: str


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

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["rule"] = data.pop("rule_id")
        data["name"] = data.pop("rule_name")
        del data["target"]
        del data["edit"]
        del data["subject"]
        if data["fix"] is None:
            del data["fix"]
        return data

    def with_path(self, path: str) -> Finding:
        return replace(self, path=path)
