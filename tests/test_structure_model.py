"""The model pieces the structure rules (GB3xx) rely on: SUMMARY item form, config path, indexes."""

from __future__ import annotations

import pytest

from fixture_harness import SPACE_FIXTURES, load_fixture_site
from linter.model.site import nfc
from linter.run import display_path, lint_paths
from linter.settings import Settings


def test_summary_items_keep_their_form() -> None:
    site = load_fixture_site(SPACE_FIXTURES / "summary-flagged")
    items = {item.line: item for item in site.nav_items()}
    assert (items[3].marker, items[3].indent, items[3].single_link) == ("*", 0, True)
    assert (items[5].depth, items[5].indent) == (1, 4)
    assert items[8].marker == "-"
    assert items[10].link is None and items[10].title == "Notes sans lien"
    assert items[11].single_link is False


def test_summary_listing_groups_spellings_of_one_page() -> None:
    site = load_fixture_site(SPACE_FIXTURES / "summary-flagged")
    listed = site.summary_listing["guide/demarrer.md"]
    assert [(item.line, item.is_heading) for item in listed] == [(5, False), (16, False), (18, True)]


def test_config_above_root_is_reported_relative_to_root(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = SPACE_FIXTURES / "gitbook-yaml-root"
    site = load_fixture_site(folder)
    assert site.root == (folder / "docs").resolve()
    assert site.config_path == "../.gitbook.yaml"
    monkeypatch.chdir(folder)
    assert display_path(site, site.config_path) == ".gitbook.yaml"


def test_linked_files_match_nfc_and_nfd_spellings() -> None:
    site = load_fixture_site(SPACE_FIXTURES / "assets-and-includes")
    used = site.linked_files
    assert nfc(".gitbook/assets/schéma.png") in used
    assert nfc(".gitbook/assets/bandeau.jpg") in used  # front matter cover
    assert ".gitbook/assets/inutile.png" not in used
    assert site.included_files == frozenset({".gitbook/includes/logo.md", nfc(".gitbook/includes/équipe.md")})


def test_naming_the_config_above_root_reports_its_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = SPACE_FIXTURES / "gitbook-yaml-root"
    monkeypatch.chdir(folder)
    result = lint_paths([".gitbook.yaml"], Settings(select=["GB321", "GB323"]))
    assert sorted((f.path, f.line, f.rule_id) for f in result.findings) == [
        (".gitbook.yaml", 5, "GB321"),
        (".gitbook.yaml", 6, "GB323"),
    ]
