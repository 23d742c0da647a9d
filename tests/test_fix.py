"""`--fix` applies safe edits atomically; without it, no file is ever written."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

from click.testing import CliRunner

from cli_helpers import Maker
from linter.cli import main
from linter.finding import Edit, Finding
from linter.fix import apply_fixes

PAGE = "\ufeff# Essai\r\n\r\nÉcrire à [nous](mailto:octo\\_malt@octo.com) ou voir [site](http://exemple.fr/a).\r\n"
OTHER = "# Autre\n\nLe [site sûr](https://exemple.fr/b).\n"


SPACE = {"SUMMARY.md": "# Table of contents\n\n* [Essai](README.md)\n* [Autre](autre.md)\n", "README.md": PAGE, "autre.md": OTHER}


def digest(root: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def test_lint_without_fix_never_writes(make_files: Maker) -> None:
    space = make_files(SPACE, "s")
    before = digest(space)
    for format_ in ("text", "json", "sarif", "github", "junit", "gitlab"):
        CliRunner().invoke(main, [str(space), "--format", format_, "--select", "all"])
    assert digest(space) == before


def test_fix_applies_safe_edits_and_keeps_bom_line_ends_and_mode(make_files: Maker) -> None:
    space = make_files(SPACE, "s")
    readme = space / "README.md"
    readme.chmod(0o640)
    result = CliRunner().invoke(main, [str(space), "--fix", "--select", "GB507,GB506", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "fixed 2 problems in 1 file" in result.stderr
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


def fix_rule(space: Path, rule: str) -> str:
    """Run `--fix` for one rule, then lint again: the JSON output of the second run."""
    fixed = CliRunner().invoke(main, [str(space), "--fix", "--select", rule, "--format", "json"])
    assert fixed.exit_code in (0, 1), fixed.output
    again = CliRunner().invoke(main, [str(space), "--select", rule, "--format", "json"])
    return again.stdout.strip()


def test_fix_aligns_heading_anchor_href_with_id(make_files: Maker) -> None:
    space = make_files(SPACE, "s")
    before = (
        "# Autre\n\n## Calendrier <a href=\"#planning\" id=\"calendrier\"></a>\n\n"
        "## Budget <a id='budget' href='#Budget'></a>\n\nVoir [le budget](#budget).\n"
    )
    (space / "autre.md").write_text(before, encoding="utf-8")
    untouched = digest(space)
    assert fix_rule(space, "GB203") == "[]"
    after = before.replace('href="#planning"', 'href="#calendrier"').replace("href='#Budget'", "href='#budget'")
    assert (space / "autre.md").read_text(encoding="utf-8") == after
    assert {name: sha for name, sha in digest(space).items() if name != "autre.md"} == {
        name: sha for name, sha in untouched.items() if name != "autre.md"
    }


def test_fix_writes_content_ref_name_only_when_the_body_is_one_link(make_files: Maker) -> None:
    space = make_files(SPACE, "s")
    before = (
        "# Autre\n\n"
        '{% content-ref url="guide/" %}\n[Le guide complet](guide/)\n{% endcontent-ref %}\n\n'
        '{% content-ref url="fiche%20pratique.md" %}\n[La fiche](fiche%20pratique.md)\n{% endcontent-ref %}\n\n'
        '{% content-ref url="guide/" %}\nVoir [le guide](guide/) avant tout.\n{% endcontent-ref %}\n'
    )
    (space / "autre.md").write_text(before, encoding="utf-8")
    fix_rule(space, "GB302")
    after = before.replace("[Le guide complet]", "[guide]").replace("[La fiche]", "[fiche pratique.md]")
    assert (space / "autre.md").read_text(encoding="utf-8") == after  # the body with more text is left alone
    again = CliRunner().invoke(main, [str(space), "--select", "GB302", "--format", "json"])
    assert [(f["line"], f["rule"]) for f in json.loads(again.stdout)] == [(12, "GB302")]


def test_fix_drops_leading_slashes_of_redirects(make_files: Maker) -> None:
    space = make_files(SPACE, "s")
    (space / "guide").mkdir()
    (space / "guide" / "demarrer.md").write_text("# Démarrer\n", encoding="utf-8")
    before = (
        "# Réglages\nredirects:\n  /ancien/guide: /guide/demarrer.md\n"
        "  \"/été\": '//guide/demarrer.md'\n  garde: guide/demarrer.md\n"
    )
    config = space / ".gitbook.yaml"
    config.write_text(before, encoding="utf-8")
    pages = {name: sha for name, sha in digest(space).items() if name != ".gitbook.yaml"}
    assert fix_rule(space, "GB322") == "[]"
    after = (
        "# Réglages\nredirects:\n  ancien/guide: guide/demarrer.md\n"
        "  \"été\": 'guide/demarrer.md'\n  garde: guide/demarrer.md\n"
    )
    assert config.read_text(encoding="utf-8") == after
    assert {name: sha for name, sha in digest(space).items() if name != ".gitbook.yaml"} == pages
