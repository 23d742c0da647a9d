"""Output formats. Each formatter turns findings into text; the CLI writes it.

A formatter is `format(findings, context) -> str`; the `ReportContext` carries what some formats
need besides the findings: the language, colour, the source lines for excerpts, the rules.
"""

from __future__ import annotations

from typing import Callable

from ..finding import Finding
from .context import ReportContext
from .github import format_github
from .gitlab import format_gitlab
from .json_format import format_json
from .junit import format_junit
from .sarif import format_sarif
from .text import format_text

Formatter = Callable[[list[Finding], ReportContext], str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
    "junit": format_junit,
    "gitlab": format_gitlab,
}

__all__ = ["FORMATTERS", "Formatter", "ReportContext"]
