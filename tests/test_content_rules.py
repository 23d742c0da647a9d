"""The content rules (GB5xx) beyond what fixtures state: severities chosen per finding, options,
and the repository's own procurement page."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cli_helpers import Maker
from linter.engine import lint_site
from linter.finding import Finding
from linter.model.site import Site
from linter.rules._emails import candidates, check_address
from linter.settings import Settings

CONTENT = Path(__file__).resolve().parents[1] / "content"
PROCUREMENT_PAGE = "marche-interministeriel-beta/README.md"
NOTE = "(Au 1er avril 2022, la société Benext a fusionné avec OCTO)."


def _lint(folder: Path, **settings: object) -> list[Finding]:
    return lint_site(Site.load(folder), Settings(select=["GB5"], **settings))  # type: ignore[arg-type]


def test_the_repository_space_gives_no_finding_with_the_default_rules() -> None:
    assert lint_site(Site.load(CONTENT), Settings(site_url="https://doc.incubateur.net/communaute")) == []


def test_the_escaped_mailto_gitbook_wrote_is_cleaned_only_when_asked() -> None:
    """`mailto:octo\\_malt@…` works in every CommonMark renderer: GB507, off by default, says so."""
    findings = lint_site(Site.load(CONTENT), Settings(select=["GB507"]))
    assert [(f.path, f.severity) for f in findings] == [(PROCUREMENT_PAGE, "info")]
    assert "mailto:octo_malt@octo.com" in (findings[0].fix or "")
    assert findings[0].edit is not None


def test_procurement_page_without_the_note_fails_at_the_struck_titulaire(tmp_path: Path) -> None:
    space = tmp_path / "space"
    shutil.copytree(CONTENT, space)
    page = space / PROCUREMENT_PAGE
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    struck_line = next(number for number, line in enumerate(lines, 1) if line.startswith("~~**3e titulaire"))
    page.write_text("".join(line for line in lines if line.strip() != NOTE), encoding="utf-8")
    findings = [f for f in _lint(space) if f.rule_id == "GB501"]
    assert [(f.path, f.line, f.severity) for f in findings] == [(PROCUREMENT_PAGE, struck_line, "error")]
    assert "Benext" in findings[0].message


STRUCK_OUTSIDE = "# Équipe\n\n## ~~Atelier du jeudi~~\n\n## Ateliers\n"
STRUCK_TITULAIRE = "# Marché de services\n\n## Titulaires\n\n~~**2e titulaire : Agence Bêta**~~\n\n## FAQ\n"


def test_struck_entry_outside_procurement_pages_is_a_warning(make_files: Maker) -> None:
    findings = _lint(make_files({"equipe.md": STRUCK_OUTSIDE}))
    assert [(f.rule_id, f.line, f.severity) for f in findings] == [("GB501", 3, "warning")]


def test_a_configured_severity_applies_to_every_finding(make_files: Maker, tmp_path: Path) -> None:
    make_files({"equipe.md": STRUCK_OUTSIDE, "marche.md": STRUCK_TITULAIRE})
    findings = _lint(tmp_path, severities={"GB501": "info"})
    assert sorted((f.path, f.severity) for f in findings) == [("equipe.md", "info"), ("marche.md", "info")]


def test_note_pattern_requires_a_matching_note(make_files: Maker, tmp_path: Path) -> None:
    text = STRUCK_TITULAIRE.replace("\n\n## FAQ", "\n\nVoir ci-dessous.\n\n## FAQ")
    make_files({"marche.md": text})
    assert _lint(tmp_path) == []
    findings = _lint(tmp_path, rule_options={"GB501": {"note_pattern": r"fusion|retir|remplac"}})
    assert [(f.line, f.severity) for f in findings] == [(5, "error")]
    make_files({"marche.md": text.replace("Voir ci-dessous.", "Retirée du marché en 2022.")})
    assert _lint(tmp_path, rule_options={"GB501": {"note_pattern": r"retiree"}}) == []


def test_other_pages_off_checks_procurement_pages_only(make_files: Maker, tmp_path: Path) -> None:
    make_files({"equipe.md": STRUCK_OUTSIDE, "marche.md": STRUCK_TITULAIRE})
    findings = _lint(tmp_path, rule_options={"GB501": {"other_pages": False}})
    assert [(f.path, f.severity) for f in findings] == [("marche.md", "error")]


def test_procurement_pages_pattern_is_configurable(make_files: Maker, tmp_path: Path) -> None:
    make_files({"fournisseurs.md": STRUCK_TITULAIRE.replace("Marché de services", "Nos fournisseurs")})
    assert [f.severity for f in _lint(tmp_path)] == ["warning"]
    options = {"GB501": {"procurement_pages": "fournisseurs"}}
    assert [f.severity for f in _lint(tmp_path, rule_options=options)] == ["error"]


def test_own_site_rule_needs_a_site_url(make_files: Maker, tmp_path: Path) -> None:
    make_files({"README.md": "# Accueil\n\n[page](https://docs.example.org/equipe/page)\n", "page.md": "# Page\n"})
    assert _lint(tmp_path) == []
    findings = _lint(tmp_path, site_url="https://docs.example.org/equipe/")
    assert [(f.rule_id, f.fix) for f in findings] == [("GB504", "write `page.md`")]


def test_messages_in_french(make_files: Maker, tmp_path: Path) -> None:
    make_files({"equipe.md": "# Équipe\n\nÉcrivez à jean..dupont@exemple.fr.\n"})
    findings = _lint(tmp_path, lang="fr")
    assert [f.message for f in findings] == ["adresse e-mail mal formée `jean..dupont@exemple.fr` : deux points qui se suivent"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab.@-_ :;/<>()éx1\\")), max_size=40))
def test_email_candidates_are_slices_of_the_text(text: str) -> None:
    """Whatever the prose, a candidate is a piece of it that holds an `@`, and checking it never raises."""
    for candidate in candidates(text):
        assert text[candidate.offset : candidate.offset + len(candidate.address)] == candidate.address
        assert "@" in candidate.address
        check_address(candidate.address)


def test_editor_address_of_another_space_is_a_warning_other_editor_links_errors(make_files: Maker) -> None:
    page = (
        "# Liens\n\n"
        "[Autre espace](https://app.gitbook.com/o/abc123/s/def456/guide) et "
        "[brouillon](https://app.gitbook.com/o/abc123/s/def456/~/changes/7/guide).\n"
    )
    findings = lint_site(Site.load(make_files({"liens.md": page})), Settings(select=["GB505"]))
    assert [(f.column, f.severity) for f in findings] == [(16, "warning"), (80, "error")]
    assert "GitBook rewrites it" in findings[0].message
