from __future__ import annotations

import json

from ..finding import Finding
from .context import ReportContext
from .escape import printable_finding


def format_json(findings: list[Finding], context: ReportContext | None = None) -> str:
    """A JSON list of objects: path, line, column, rule, name, severity, message (and fix)."""
    return json.dumps([printable_finding(finding).to_dict() for finding in findings], ensure_ascii=False, indent=2) + "\n"
