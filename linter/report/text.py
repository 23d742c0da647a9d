from __future__ import annotations

from ..finding import Finding


def format_text(findings: list[Finding]) -> str:
    """`path:line:col: ID name message`, then the fix hint indented, then a count."""
    lines = []
    for finding in findings:
        lines.append(
            f"{finding.path}:{finding.line}:{finding.column}: {finding.rule_id} {finding.rule_name} "
            f"[{finding.severity}] {finding.message}"
        )
        if finding.fix:
            lines.append(f"    fix: {finding.fix}")
    return "\n".join(lines) + ("\n" if lines else "")
