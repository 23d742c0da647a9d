"""Every text a report carries is made printable here, in one place, for every format.

A link target or a file name comes from a stranger's pull request. Printed raw, a target
`%0A::error file=a.md::x` starts a line that GitHub Actions runs as a workflow command, and an
ESC or OSC sequence (`\\x1b]52;…`) drives the reader's terminal, colour or not, piped or not.
So control characters (C0, DEL, C1), line and paragraph separators, the bidirectional
overrides (which reorder what a reviewer sees) and the byte-order mark are written as escapes:
`\\x1b`, `\\u2028`. A byte of a file name that is not UTF-8 (kept by Python as a lone surrogate)
is written `\\xff` too: the name stays readable and every format stays valid UTF-8, JSON and XML.
SARIF's URIs percent-encode the name's bytes instead (`b%FF.md`), which is lossless.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from urllib.parse import quote

from ..finding import Finding

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_SURROGATE_ESCAPES = range(0xDC80, 0xDD00)  # how os.fsdecode keeps a byte that is not UTF-8


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _SURROGATE_ESCAPES:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control, line-breaking or direction-changing character escaped."""
    return _UNSAFE.sub(_escape, text)


def printable_finding(finding: Finding) -> Finding:
    """The finding with its path, name, message and fix made printable: the finding itself when
    they are already (as nearly always: a copy costs more than the four checks)."""
    texts = (finding.path, finding.rule_name, finding.message, finding.fix)
    path, rule_name, message, fix = (printable(text) if text is not None else None for text in texts)
    if (path, rule_name, message, fix) == texts:
        return finding
    return replace(finding, path=path, rule_name=rule_name, message=message, fix=fix)


def uri_path(path: str) -> str:
    """A relative path as a URI reference, from its bytes on disk: `b\\xff é.md` → `b%FF%20%C3%A9.md`."""
    return quote(os.fsencode(path), safe="/")
