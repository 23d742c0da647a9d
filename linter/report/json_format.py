from __future__ import annotations

import json

from ..finding import Finding


def format_json(findings: list[Finding]) -> str:
    """A JSON list of objects: path, line, column, rule, name, severity, message (and fix)."""
    return json.dumps([finding.to_dict() for finding in findings], ensure_ascii=False, indent=2) + "\n"
