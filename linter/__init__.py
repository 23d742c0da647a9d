"""gitbook-lint: lint and validate the Markdown sources of GitBook spaces."""

from __future__ import annotations

__version__ = "0.1.0"

from .finding import Finding
from .run import lint_paths
from .settings import Settings

__all__ = ["Finding", "Settings", "lint_paths", "__version__"]
