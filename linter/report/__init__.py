"""Output formats. Each formatter turns findings into text; the CLI writes it.

A formatter is `format(findings, context) -> str`; the `ReportContext` carries what some formats
need besides the findings: the language, colour, the source lines for excerpts, the rules.
A format's module is imported when it is used: a run that writes text never loads XML or SARIF.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping

if TYPE_CHECKING:
    from ..finding import Finding
    from .context import ReportContext

Formatter = Callable[["list[Finding]", "ReportContext"], str]

# name → (module, function)
_FORMATS = {
    "text": ("text", "format_text"),
    "json": ("json_format", "format_json"),
    "sarif": ("sarif", "format_sarif"),
    "github": ("github", "format_github"),
    "junit": ("junit", "format_junit"),
    "gitlab": ("gitlab", "format_gitlab"),
}


class _Formatters(Mapping[str, Formatter]):
    """The formats by name; a format's module is imported on first lookup."""

    def __getitem__(self, name: str) -> Formatter:
        module, function = _FORMATS[name]
        formatter: Formatter = getattr(import_module(f".{module}", __name__), function)
        return formatter

    def __iter__(self) -> Iterator[str]:
        return iter(_FORMATS)

    def __len__(self) -> int:
        return len(_FORMATS)


FORMATTERS: Mapping[str, Formatter] = _Formatters()
FORMAT_NAMES = tuple(_FORMATS)



def __getattr__(name: str) -> Any:
    if name == "ReportContext":  # with the rules, loaded when a report is made
        from .context import ReportContext

        return ReportContext
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMAT_NAMES", "FORMATTERS", "Formatter", "ReportContext"]
