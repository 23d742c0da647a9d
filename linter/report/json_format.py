from __future__ import annotations

import json
from typing import Any

from ..finding import INTERNAL_ERROR_ID, Finding
from ..rules.base import doc_url
from .context import ReportContext
from .escape import printable_finding


def format_json(findings: list[Finding], context: ReportContext | None = None) -> str:
    """A JSON list of objects: path, line, column, rule, name, severity, message (and fix),
    whether `--fix` applies this finding's fix (`fixable`), the rule's documentation (`url`),
    and when known the end (`end_line`, `end_column`) and the fix as text replacements
    (`edits`). `schemas/report.schema.json` describes it."""
    context = context or ReportContext()
    return json.dumps([_entry(finding, context) for finding in findings], ensure_ascii=False, indent=2) + "\n"


def _entry(finding: Finding, context: ReportContext) -> dict[str, Any]:
    entry = printable_finding(finding).to_dict()
    entry["fixable"] = finding.edit is not None
    if finding.rule_id != INTERNAL_ERROR_ID:  # an internal error is no rule
        # from the finding alone, not its `Rule`: a report of reused findings imports no rule
        entry["url"] = doc_url(finding.rule_id, finding.rule_name, context.lang)
    return entry
