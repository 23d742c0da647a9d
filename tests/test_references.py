"""The link classes of `linter.model.references`, on spaces written at test time (so that the
NFD file names exist whatever the checkout does to them)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from cli_helpers import write_files
from linter.engine import lint_site
from linter.model.references import TAG_LINK_KINDS, did_you_mean, placeholder_kind, same_target, tag_bodies, web_address
from linter.model.site import Site
from linter.settings import Settings


@pytest.mark.parametrize(
    "target, kind",
    [
        ("broken-reference", "broken-reference"),
        ("broken-reference/", "broken-reference"),
        ("../x/broken-reference#ancre", "broken-reference"),
        ("/broken/pages/aBc", "broken-pages"),
        ("/broken/spaces/s1/pages/p2#x", "broken-spaces-pages"),
        ("/broken/files/f3", "broken-files"),
        ("broken-references.md", None),
        ("guide/broken.md", None),
        ("/broken/pages/", None),
        ("%62roken-reference", "broken-reference"),  # an escape spells it: still GitBook's placeholder
        ("/broken%2Ffiles/f3", "broken-files"),
        ("guide/page%20un.md", None),
    ],
)
def test_placeholder_kind(target: str, kind: str | None) -> None:
    assert placeholder_kind(target) == kind


@pytest.mark.parametrize(
    "target, address",
    [
        ("www.exemple.fr/contact", "https://www.exemple.fr/contact"),
        ("%20https://exemple.fr", "https://exemple.fr"),
        ("exemple.fr", "https://exemple.fr"),
        ("guide/page.md", None),
        ("schema.png", None),
    ],
)
def test_web_address(target: str, address: str | None) -> None:
    assert web_address(target) == address


def _space(tmp_path: Path, asset_name: str, page_text: str) -> Site:
    return Site.load(write_files(tmp_path, {f".gitbook/assets/{asset_name}": b"png", "guide/page.md": page_text}))


@pytest.mark.parametrize("disk_form, link_form", [("NFD", "NFC"), ("NFC", "NFD"), ("NFD", "NFD")])
def test_accented_asset_in_either_unicode_form(tmp_path: Path, disk_form: str, link_form: str) -> None:
    name = "Capture d’écran réunion.png"
    linked = unicodedata.normalize(link_form, name)
    page = f"# Page\n\n![](<../.gitbook/assets/{linked}>)\n\n<img src=\"../.gitbook/assets/{linked}\" alt=\"\">\n"
    site = _space(tmp_path, unicodedata.normalize(disk_form, name), page)
    assert lint_site(site, Settings(select=["GB1"])) == []


def test_percent_encoded_nfd_link(tmp_path: Path) -> None:
    page = "# Page\n\n![](../.gitbook/assets/Capture%20d%E2%80%99e%CC%81cran.png)\n"
    site = _space(tmp_path, unicodedata.normalize("NFC", "Capture d’écran.png"), page)
    assert lint_site(site, Settings(select=["GB1"])) == []


def test_did_you_mean_prefers_the_redirect(tmp_path: Path) -> None:
    (tmp_path / ".gitbook.yaml").write_text("redirects:\n  ancien/etapes: parcours/etapes.md\n", encoding="utf-8")
    for folder in ("parcours", "archives"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "etapes.md").write_text("# Étapes\n", encoding="utf-8")
    site = Site.load(tmp_path)
    found = did_you_mean(site, "ancien/etapes.md")
    assert found is not None and (found.path, found.source) == ("parcours/etapes.md", "redirect")
    found = did_you_mean(site, "archives/vieux/etapes.md")
    assert found is not None and (found.path, found.source) == ("archives/etapes.md", "same-name")
    assert did_you_mean(site, "nulle-part.md") is None


def test_did_you_mean_follows_the_first_redirect_that_leads_somewhere(tmp_path: Path) -> None:
    """Sources that compare equal (`/ancien/page.md`, `ancien/page`) are tried in the file's order."""
    redirects = "redirects:\n  /ancien/page.md: disparu.md\n  ancien/page: nouveau/page.md\n  ancien/page/: autre.md\n"
    (tmp_path / ".gitbook.yaml").write_text(redirects, encoding="utf-8")
    for name in ("nouveau/page.md", "autre.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("# Page\n", encoding="utf-8")
    site = Site.load(tmp_path)
    for wanted in ("ancien/page.md", "ancien/page/README.md"):
        found = did_you_mean(site, wanted)
        assert found is not None and (found.path, found.source) == ("nouveau/page.md", "redirect")


def test_tag_bodies_as_a_pass_over_every_link_finds_them(tmp_path: Path) -> None:
    """Each tag's body links, found by line, are those inside the block, in page order."""
    cards = "".join(
        f'{{% content-ref url="p{n}.md" %}}\n[p{n}.md](p{n}.md) [autre](p{n + 1}.md)\n{{% endcontent-ref %}}\n\n' for n in range(12)
    )
    embeds = '{% embed url="https://exemple.fr/v" %}\n[vidéo](https://exemple.fr/v)\n{% endembed %}\n'
    pages = {f"p{n}.md": f"# P{n}\n" for n in range(13)}
    site = Site.load(write_files(tmp_path, {"README.md": "# Accueil\n\n[p1](p1.md)\n\n" + cards + embeds, **pages}))
    page = site.pages["README.md"]
    repeats, body = tag_bodies(site, page)
    expected_repeats, expected_body = {}, set()
    tag_links = [link for link in page.links if link.kind in TAG_LINK_KINDS]
    for block in page.blocks:
        tag_link = next((link for link in tag_links if (link.line, link.block) == (block.line, block.name)), None)
        for link in page.links:
            if tag_link is None or link.kind in TAG_LINK_KINDS or link.block != block.name:
                continue
            if block.end_line is not None and block.line < link.line < block.end_line:
                if same_target(site, page.path, link.target, tag_link.target):
                    expected_repeats.setdefault(tag_link, link)
                    expected_body.add(link)
                elif block.name == "content-ref":
                    expected_body.add(link)
    assert (repeats, body) == (expected_repeats, frozenset(expected_body))
    assert len(repeats) == 13 and len(body) == 25
