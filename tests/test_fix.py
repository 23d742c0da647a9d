"""`--fix` applies safe edits atomically; without it, no file is ever written."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from click.testing import CliRunner

from linter.cli import main
from linter.finding import Edit, Finding
from linter.fix import apply_fixes

PAGE = "\ufeff# Essai\r\n\r\nÉcrire à [nous](mailto:octo\\_malt@octo.com) ou voir [site](http://exemple.fr/a).\r\n"
OTHER = "# Autre\n\nLe [site sûr](https://exemple.fr/b).\n"


def make_space(root: Path) -> Path:
    root.mkdir()
    (root / "SUMMARY.md").write_text("# Table of contents\n\n* [Essai](README.md)\n* [Autre](autre.md)\n", encoding="utf-8")
    (root / "README.md").write_bytes(PAGE.encode("utf-8"))
    (root / "autre.md").write_text(OTHER, encoding="utf-8")
    return root


def digest(root: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def test_lint_without_fix_never_writes(tmp_path: Path) -> None:
    space = make_space(tmp_path / "s")
    before = digest(space)
    for format_ in ("text", "json", "sarif", "github", "junit", "gitlab"):
        CliRunner().invoke(main, [str(space), "--format", format_, "--select", "all"])
    assert digest(space) == before


def test_fix_applies_safe_edits_and_keeps_bom_line_ends_and_mode(tmp_path: Path) -> None:
    space = make_space(tmp_path / "s")
    readme = space / "README.md"
    readme.chmod(0o640)
    result = CliRunner().invoke(main, [str(space), "--fix", "--select", "GB502,GB506", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "fixed 2 problem(s) in 1 file(s)" in result.stderr
    data = readme.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == 3
    text = data.decode("utf-8")
    assert "(mailto:octo_malt@octo.com)" in text and "(https://exemple.fr/a)" in text
    assert stat.S_IMODE(readme.stat().st_mode) == 0o640
    assert sorted(os.listdir(space)) == ["README.md", "SUMMARY.md", "autre.md"]  # no temporary file left
    assert result.stdout.strip() == "[]"  # what is left after the fix: nothing


def test_stale_or_overlapping_edits_are_skipped(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text("voir http://a.fr et http://b.fr\n", encoding="utf-8")

    def finding(column: int, original: str, replacement: str) -> Finding:
        edit = Edit(1, column, original, replacement)
        return Finding(str(page), 1, column, "GB506", "x", "info", "m", edit=edit)

    report = apply_fixes(
        [
            finding(6, "http://a.fr", "https://a.fr"),
            finding(6, "http://a", "https://a"),  # overlaps the first: left for the next run
            finding(21, "http://c.fr", "https://c.fr"),  # the text is no longer there
        ]
    )
    assert (report.fixed, report.skipped) == (1, 2)
    assert page.read_text(encoding="utf-8") == "voir https://a.fr et http://b.fr\n"


def test_a_file_that_is_not_utf8_is_never_fixed(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_bytes("caf\xe9 http://a.fr\n".encode("latin-1"))
    report = apply_fixes([Finding(str(page), 1, 6, "GB506", "x", "info", "m", edit=Edit(1, 6, "http:", "https:"))])
    assert report.fixed == 0 and page.read_bytes() == "caf\xe9 http://a.fr\n".encode("latin-1")
