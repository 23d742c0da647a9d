"""The text format: one line per finding, an excerpt with a caret, and a count per rule."""

from __future__ import annotations

import unicodedata
from collections import Counter

from ..finding import Finding
from .context import ReportContext
from .escape import printable, printable_finding
from .i18n import say

_COLOURS = {"error": "31", "warning": "33", "info": "36", "dim": "2", "bold": "1"}
EXCERPT_WIDTH = 100


def _paint(text: str, colour: str, enabled: bool) -> str:
    return f"\x1b[{_COLOURS[colour]}m{text}\x1b[0m" if enabled else text


def format_text(findings: list[Finding], context: ReportContext | None = None) -> str:
    """`path:line:col: ID name message`, the source line with a caret under the column, the fix;
    then how many findings each rule gave."""
    context = context or ReportContext()
    lines: list[str] = []
    for finding in findings:
        shown = printable_finding(finding)  # no terminal sequence, no forged line, colour or not
        lines.append(_headline(shown, context))
        lines.extend(_excerpt(finding, context))
        if shown.fix:
            lines.append(f"      = {say('fix', context.lang)}: {shown.fix}")
    if findings:
        lines.append("")
        lines.append(say("by-rule", context.lang))
        lines.extend(_counts(findings, context))
    return "\n".join(lines) + ("\n" if lines else "")


def _headline(finding: Finding, context: ReportContext) -> str:
    where = f"{finding.path}:{finding.line}:{finding.column}:"
    rule = _paint(f"{finding.rule_id} {finding.rule_name}", finding.severity, context.color)
    return f"{_paint(where, 'bold', context.color)} {rule} {finding.message}"


def _excerpt(finding: Finding, context: ReportContext) -> list[str]:
    source = context.source_line(finding.path, finding.line)
    if source is None or not source.strip():
        return []
    start = max(0, finding.column - 1 - EXCERPT_WIDTH // 2) if len(source) > EXCERPT_WIDTH else 0
    cut = source[start : start + EXCERPT_WIDTH].expandtabs(1)
    caret_at = min(finding.column - 1 - start, len(cut))
    shown = printable(cut)
    gutter = f"{finding.line:>5} | "
    caret = _paint("^", finding.severity, context.color)
    padding = " " * _display_width(printable(cut[:caret_at]))
    return [_paint(gutter, "dim", context.color) + shown, _paint(" " * 6 + "| ", "dim", context.color) + padding + caret]


def _display_width(text: str) -> int:
    """Terminal cells `text` takes: columns count code points, but a CJK character or an emoji
    takes two cells and a combining accent (decomposed `é`) none, so the caret must skip cells.
    What a reader sees as one character (a grapheme cluster) is counted once: an emoji ZWJ
    sequence (👩‍💻), a flag (two regional indicators), an emoji with a skin tone or `U+FE0F`."""
    width = 0
    joined = False  # the previous character was a zero-width joiner: this one is in its cluster
    flag_half = False  # a first regional indicator was seen: the next one completes the flag
    last = 0  # cells of the cluster's base character
    for char in text:
        code = ord(char)
        if joined or char == _ZWJ:
            joined = not joined and char == _ZWJ
            continue
        if code == _EMOJI_PRESENTATION:
            width += 2 - last if last == 1 else 0  # `❤️`: a narrow symbol drawn as an emoji
            last = 2
            continue
        if unicodedata.combining(char) or _is_modifier(code) or (flag_half and _is_regional(code)):
            flag_half = False
            continue
        flag_half = _is_regional(code)
        last = 2 if flag_half or unicodedata.east_asian_width(char) in "WF" else 1
        width += last
    return width


_ZWJ = "\u200d"
_EMOJI_PRESENTATION = 0xFE0F


def _is_regional(code: int) -> bool:
    return 0x1F1E6 <= code <= 0x1F1FF


def _is_modifier(code: int) -> bool:
    """Skin tones, variation selectors and tag characters (subdivision flags) take no cell."""
    return 0x1F3FB <= code <= 0x1F3FF or 0xFE00 <= code <= 0xFE0E or 0xE0020 <= code <= 0xE007F


def _counts(findings: list[Finding], context: ReportContext) -> list[str]:
    counts = Counter((f.rule_id, f.rule_name, f.severity) for f in findings)
    rows = []
    for (rule_id, name, severity), count in sorted(counts.items()):
        label = _paint(say(severity, context.lang), severity, context.color)
        rows.append(f"{count:>6}  {rule_id} {name} ({label})")
    return rows
