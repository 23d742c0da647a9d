"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from ..finding import Finding
from .context import ReportContext
from .escape import printable

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    # line ends become GitHub's own %0A (a multi-line annotation); any other control is escaped
    lines = (printable(line) for line in text.replace("\r\n", "\n").split("\n"))
    return "%0A".join(line.replace("%", "%25") for line in lines)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: list[Finding], context: ReportContext | None = None) -> str:
    """`::error file=…,line=…,col=…,title=…::message` per finding."""
    lines = []
    for finding in findings:
        title = _escape_property(f"{finding.rule_id} {finding.rule_name}")
        message = finding.message + (f" — {finding.fix}" if finding.fix else "")
        lines.append(
            f"::{_LEVELS.get(finding.severity, 'warning')} file={_escape_property(finding.path)},"
            f"line={finding.line},col={finding.column},title={title}::{_escape_data(message)}"
        )
    return "\n".join(lines) + ("\n" if lines else "")
