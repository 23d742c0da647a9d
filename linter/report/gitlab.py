"""GitLab's Code Quality report: a JSON list that GitLab shows in merge requests."""

from __future__ import annotations

import hashlib
import json

from ..finding import Finding
from .context import ReportContext
from .escape import printable_finding

_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def format_gitlab(findings: list[Finding], context: ReportContext | None = None) -> str:
    issues = []
    seen: dict[str, int] = {}
    for finding in map(printable_finding, findings):
        # The fingerprint must be stable between runs and unique in a report; GitLab compares
        # reports by it to tell new problems from old ones.
        base = f"{finding.path}\0{finding.rule_id}\0{finding.message}"
        seen[base] = seen.get(base, 0) + 1
        fingerprint = hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest()
        issues.append(
            {
                "description": f"{finding.rule_id} {finding.rule_name}: {finding.message}",
                "check_name": finding.rule_id,
                "fingerprint": fingerprint,
                "severity": _SEVERITIES.get(finding.severity, "minor"),
                "location": {"path": finding.path, "lines": {"begin": finding.line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
