"""Shared test set-up: the helpers' folder on the path, one cache folder for the session, and
the fixtures that write files and spaces into a test's temporary folder."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Mapping

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from cli_helpers import Maker, write_files, write_space  # noqa: E402 - found through the path set above

# The whole test session shares one cache folder of its own: the fixtures' folders and the
# user's repositories stay clean, and every test still runs with the cache on, as users do.
if not os.environ.get("GITBOOK_LINT_CACHE_DIR"):
    _SESSION_CACHE = tempfile.mkdtemp(prefix="gitbook-lint-test-cache-")
    os.environ["GITBOOK_LINT_CACHE_DIR"] = _SESSION_CACHE
    atexit.register(shutil.rmtree, _SESSION_CACHE, True)


@pytest.fixture
def make_files(tmp_path: Path) -> Maker:
    """`make_files({"a.md": "…", "b.png": b"…"}, "folder")`: the files written under the test's
    temporary folder (or a folder in it); returns that folder."""

    def make(files: Mapping[str, str | bytes], folder: str = "") -> Path:
        return write_files(tmp_path / folder, files)

    return make


@pytest.fixture
def make_space(tmp_path: Path) -> Maker:
    """`make_space("space", pages, listed)`: a space whose SUMMARY lists `listed` (default: every
    page), with `pages` (default: one good page, one with an unclosed hint); returns its folder."""

    def make(folder: str = "space", pages: dict[str, str] | None = None, listed: list[str] | None = None) -> Path:
        return write_space(tmp_path / folder, pages, listed)

    return make
