"""Output formats. Each formatter turns findings into text; the CLI writes it."""

from __future__ import annotations

from typing import Callable

from ..finding import Finding
from .json_format import format_json
from .text import format_text

Formatter = Callable[[list[Finding]], str]

FORMATTERS: dict[str, Formatter] = {"text": format_text, "json": format_json}
