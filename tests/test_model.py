"""The Page model: every element where it is in the source."""

from __future__ import annotations

from linter.model.page import Page

SOURCE = """---
description: Une page d'essai
hidden: true
layout:
  title:
    visible: false
---

# Titre de la page

## Où trouver l'aide ? <a href="#aide" id="aide"></a>

Voir [la page](<autre page.md#section>) et ![schéma](../.gitbook/assets/sch%C3%A9ma.png "Légende").
Écrire à [contact\\_x@example.org](mailto:contact\\_x@example.org) ou <https://example.org/a>.

{% hint style="info" %}
* Un [lien dans un hint](dir/)
{% endhint %}

~~**Ancien titulaire**~~

<figure><img src="../.gitbook/assets/photo (1).png" alt=""><figcaption></figcaption></figure>

### Ancien titre <a id="ancien-id"></a>

{% include "../.gitbook/includes/bloc.md" %}
"""


def page() -> Page:
    return Page.from_text("dossier/page.md", SOURCE)


def test_front_matter_values_and_key_positions() -> None:
    matter = page().front_matter
    assert matter is not None and matter.problem is None
    assert matter.data["hidden"] is True
    assert matter.positions[("description",)].line == 2
    assert matter.position_of(("layout", "title", "visible")).line == 6
    assert matter.position_of(("layout", "title", "visible")).column == 5


def test_headings_texts_anchors_and_ids() -> None:
    headings = page().headings
    assert [(h.level, h.text, h.line) for h in headings] == [
        (1, "Titre de la page", 9),
        (2, "Où trouver l'aide ?", 11),
        (3, "Ancien titre", 24),
    ]
    assert headings[1].anchor is not None and headings[1].anchor.kind == "heading"
    assert headings[1].anchor.id == headings[1].anchor.href == "aide"
    assert headings[1].computed_ids[0] == "ou-trouver-laide"
    assert headings[2].anchor is not None and headings[2].anchor.kind == "legacy"
    assert headings[2].id == "ancien-id"
    assert {"aide", "ancien-id", "titre-de-la-page", "ou-trouver-laide"} <= page().anchor_ids


def test_links_carry_raw_and_resolved_targets_and_exact_columns() -> None:
    links = page().links
    lines = SOURCE.split("\n")
    by_kind = {(link.kind, link.target): link for link in links}
    markdown = by_kind[("link", "autre page.md#section")]
    assert markdown.raw == "<autre page.md#section>"
    assert lines[markdown.line - 1][markdown.column - 1 :].startswith("<autre page.md")
    image = by_kind[("image", "../.gitbook/assets/sch%C3%A9ma.png")]
    assert image.text == "schéma"
    assert lines[image.line - 1][image.column - 1 :].startswith("../.gitbook/assets/sch%C3%A9ma.png")
    mailto = by_kind[("link", "mailto:contact_x@example.org")]
    assert mailto.raw == "mailto:contact\\_x@example.org"
    assert mailto.text == "contact_x@example.org"
    assert lines[mailto.line - 1][mailto.column - 1 :].startswith("mailto:contact\\_x")
    autolink = by_kind[("autolink", "https://example.org/a")]
    assert lines[autolink.line - 1][autolink.column - 1 :].startswith("https://example.org/a>")
    in_hint = by_kind[("link", "dir/")]
    assert in_hint.block == "hint" and in_hint.line == 17
    html = by_kind[("html-src", "../.gitbook/assets/photo (1).png")]
    assert lines[html.line - 1][html.column - 1 :].startswith("../.gitbook/assets/photo (1).png")
    include = by_kind[("include", "../.gitbook/includes/bloc.md")]
    assert lines[include.line - 1][include.column - 1 :].startswith("../.gitbook/includes/bloc.md")


def test_blocks_and_their_attribute_positions() -> None:
    blocks = page().blocks
    hint = next(block for block in blocks if block.name == "hint")
    assert (hint.line, hint.end_line, hint.attrs) == (16, 18, {"style": "info"})
    line, column = hint.attribute_position("style")
    assert SOURCE.split("\n")[line - 1][column - 1 :].startswith("info")


def test_strikes_text_blocks_and_text_runs() -> None:
    model = page()
    assert [(s.text, s.line, s.column) for s in model.strikes] == [("Ancien titulaire", 20, 1)]
    struck = next(block for block in model.text_blocks if block.struck)
    assert (struck.kind, struck.bold, struck.is_pseudo_heading) == ("paragraph", True, True)
    labels = [run for run in model.text_runs if run.link is not None and "contact" in run.text]
    assert labels and labels[0].link is not None and labels[0].link.target.startswith("mailto:")


def test_crlf_and_tabs_keep_line_numbers() -> None:
    model = Page.from_text("p.md", "# A\r\n\r\n[x](y.md)\r\n".replace("\r\n", "\n"))
    assert model.links[0].line == 3
    from linter.model.source import decode_source

    text, problems = decode_source(b"# A\r\n\r\n[x](y.md)\r\n")
    assert text == "# A\n\n[x](y.md)\n" and problems == []


def test_repeated_links_get_their_own_positions() -> None:
    model = Page.from_text("p.md", "[a](x.md) et [a](x.md)\n")
    assert [(link.line, link.column) for link in model.links] == [(1, 5), (1, 18)]


def test_nested_image_in_link() -> None:
    model = Page.from_text("p.md", "[![logo](logo.png)](accueil.md)\n")
    targets = {link.kind: (link.target, link.column) for link in model.links}
    assert targets["image"] == ("logo.png", 10)
    assert targets["link"] == ("accueil.md", 21)


def test_repeated_headings_get_numbered_ids() -> None:
    model = Page.from_text("p.md", "## Exemple\n\n## Exemple\n\n## Exemple\n")
    assert {"exemple", "exemple-1", "exemple-2"} <= model.anchor_ids


def test_html_links_carry_their_label() -> None:
    source = (
        'Voir <a href="mailto:a@b.fr">c@<em>d</em>.fr</a> et <a href="x.md">ouvert\n\n'
        '<table><tr><td><a href="mailto:e@f.fr">\n<b>g@h.fr</b></a></td></tr></table>\n'
    )
    model = Page.from_text("p.md", source)
    assert [(link.target, link.text) for link in model.links] == [("mailto:a@b.fr", "c@d.fr"), ("x.md", ""), ("mailto:e@f.fr", "g@h.fr")]
    label_runs = [run.text for run in model.text_runs if run.link is not None]
    assert label_runs == ["c@", "d", ".fr"]  # `ouvert` has no `</a>` in its paragraph: plain prose


def test_a_struck_html_block_is_a_struck_paragraph() -> None:
    source = "# T\n\n<del>\n<strong>Ancien titulaire</strong>\n</del>\n\n<p><s>a</s> b <s>c</s></p>\n"
    model = Page.from_text("p.md", source)
    struck = [(b.kind, b.text, b.line, b.bold, b.struck) for b in model.text_blocks if b.struck]
    assert struck == [("paragraph", "Ancien titulaire", 3, True, True)]
    assert [(s.text, s.line) for s in model.strikes] == [("Ancien titulaire", 3)]


def test_images_of_one_table_row_keep_their_own_columns_after_entities() -> None:
    cell = '<img src="../.gitbook/assets/{}.gif" alt="&#x22;effet&#x22;: {}">'
    row = f"| {cell.format('calin', 'calin')} | {cell.format('bise', 'bise')} |"
    page = Page.from_text("p.md", f"# T\n\n{row}\n| --- | --- |\n")
    values = [row.index('src="') + 5, row.rindex('src="') + 5]  # 0-based offsets of the two src values
    assert [link.column for link in page.links] == [offset + 1 for offset in values]
