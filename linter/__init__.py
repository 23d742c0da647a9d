"""gitbook-lint: lint and validate the Markdown sources of GitBook spaces."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.3.0"  # the one place: pyproject.toml reads it, CHANGELOG.md and the tag follow it

__all__ = ["Finding", "Settings", "lint_paths", "__version__"]

if TYPE_CHECKING:
    from .finding import Finding
    from .run import lint_paths
    from .settings import Settings

# Loaded on first use: `gitbook-lint --version` must not pay for the parser and the rules.
_LAZY = {"Finding": ".finding", "lint_paths": ".run", "Settings": ".settings"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_LAZY[name], __name__), name)
