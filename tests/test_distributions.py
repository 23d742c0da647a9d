"""Installed distributions read from their metadata folders: the answers importlib.metadata gives."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

from linter.cache import _LIBRARIES
from linter.distributions import header_values, versions


def test_versions_are_those_importlib_metadata_reads() -> None:
    assert versions(_LIBRARIES, sys.path) == [f"{name}={metadata.version(name)}" for name in _LIBRARIES]


def test_header_values_are_those_importlib_metadata_reads() -> None:
    installed = metadata.metadata("gitbook-lint")
    for field in ("Name", "Version", "Requires-Dist", "Provides-Extra", "Project-URL"):
        assert header_values("gitbook-lint", field, sys.path) == (installed.get_all(field) or [])


def test_the_first_folder_of_the_path_that_has_a_library_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    (first / "PyYAML-6.0.2.dist-info").mkdir(parents=True)
    (first / "pathspec-0.9.egg-info").mkdir()
    (second / "pyyaml-5.0.dist-info").mkdir(parents=True)
    (second / "markdown_it_py-3.0.0.dist-info").mkdir()
    (second / "jsonschema-1.0.dist-info.txt").write_text("not a metadata folder", encoding="utf-8")
    found = versions(_LIBRARIES, [str(tmp_path / "missing"), str(first), str(second)])
    assert found == [
        "markdown-it-py=3.0.0",
        "mdit-py-plugins=?",
        "pyyaml=6.0.2",
        "jsonschema=?",
        "email-validator=?",
        "pathspec=0.9",
    ]


def test_header_values_stop_at_the_end_of_the_header(tmp_path: Path) -> None:
    folder = tmp_path / "gitbook_lint-9.0.dist-info"
    folder.mkdir()
    text = "Name: gitbook-lint\r\nProject-URL: Rules, https://example.org/rules.md\r\nproject-url: Home,  https://example.org \r\n\r\nProject-URL: Body, no\n"
    (folder / "METADATA").write_text(text, encoding="utf-8", newline="")
    assert header_values("gitbook-lint", "Project-URL", [str(tmp_path)]) == ["Rules, https://example.org/rules.md", "Home,  https://example.org"]
    assert header_values("gitbook-lint", "Project-URL", [str(tmp_path / "nothing")]) == []


def test_an_egg_info_file_is_read_as_its_header(tmp_path: Path) -> None:
    (tmp_path / "gitbook_lint-0.1-py3.11.egg-info").write_text("Name: gitbook-lint\nVersion: 0.1\n", encoding="utf-8")
    assert header_values("gitbook-lint", "Version", [str(tmp_path)]) == ["0.1"]
