"""SARIF 2.1.0, the format GitHub code scanning (and many review tools) read."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from ..finding import Finding
from ..rules.base import Rule
from .context import SARIF_LEVELS, TOOL_NAME, ReportContext
from .escape import printable, uri_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def format_sarif(findings: list[Finding], context: ReportContext | None = None) -> str:
    context = context or ReportContext()
    rules = list(context.rules)
    index = {rule.id: position for position, rule in enumerate(rules)}
    extra = sorted({f.rule_id for f in findings} - set(index))  # GB000 internal errors
    descriptors = [_descriptor(rule, context.lang) for rule in rules]
    for rule_id in extra:
        index[rule_id] = len(descriptors)
        descriptors.append({"id": rule_id, "name": printable(next(f.rule_name for f in findings if f.rule_id == rule_id))})
    document = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": context.version,
                        "rules": descriptors,
                    }
                },
                "results": [_result(finding, index) for finding in findings],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary_in(lang) or rule.name},
        "fullDescription": {"text": rule.doc_in(lang) or rule.name},
        "help": {"text": rule.doc_in(lang) or rule.name, "markdown": rule.doc_in(lang) or rule.name},
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity], "enabled": rule.enabled_by_default},
        "properties": {"tags": list(rule.tags), "fixable": rule.fixable},
    }
    url = rule.doc_url(lang)
    if urlsplit(url).scheme in ("http", "https"):  # SARIF wants an absolute address, or none
        descriptor["helpUri"] = url
    return descriptor


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    text = printable(finding.message + (f" ({finding.fix})" if finding.fix else ""))
    return {
        "ruleId": finding.rule_id,
        "ruleIndex": index[finding.rule_id],
        "level": SARIF_LEVELS.get(finding.severity, "warning"),
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding.path)},
                    "region": {"startLine": finding.line, "startColumn": finding.column},
                }
            }
        ],
    }


def artifact_uri(path: str) -> str:
    """SARIF wants a URI reference: `dossier é/page.md` must travel as `dossier%20%C3%A9/page.md`,
    and a path outside the current folder as a `file:` URI."""
    if not path:
        return "."
    if PurePosixPath(path).is_absolute():
        return "file://" + uri_path(path)
    return uri_path(path)
