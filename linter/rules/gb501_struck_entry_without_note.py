"""A struck-out entry (a contract holder, an offer…) without a note that explains it.

What
: Reports a heading, a pseudo-heading (a wholly bold paragraph), a list item, or on a
  procurement page a paragraph naming a titulaire, whose whole text is struck out (`~~…~~`, `<del>`, `<s>`, also as an HTML block on its own
  lines, bold when `<strong>` or `<b>` wraps it all) when no text that is not struck follows it inside its
  entry: up to the next heading or pseudo-heading (for a list item: up to its next sibling item).
  A struck section is one entry, reported once: a struck heading with the struck titles under
  it, or a `{% hint %}` (or any block) whose text is all struck out, whose note may follow it.
  On a procurement page (path or title matching `procurement_pages`), a struck entry inside a
  section whose heading matches `titulaire_headings` (or whose own text matches it) is a
  titulaire, and the finding is an error; any other struck entry gets a warning. When you set
  this rule's severity in the configuration, it applies to both.

  Options: `procurement_pages` (pattern on the page's path and title), `titulaire_headings`
  (pattern on headings), `note_pattern` (when set, the note must match it), `other_pages`
  (false: check procurement pages only). Patterns ignore case and accents.

Why
: Striking out a contract holder keeps the history visible, but a reader cannot tell whether the
  company left, merged or lost the contract, nor whom to contact instead. The note is what makes
  the strike useful.

Bad
```markdown
### Titulaires du marché

~~**3e titulaire : Agence Exemple**~~

* ~~[Agence Exemple](https://agence.example.org/)~~
```

Good
```markdown
### Titulaires du marché

~~**3e titulaire : Agence Exemple**~~

* ~~[Agence Exemple](https://agence.example.org/)~~

(Depuis le 1er mars 2023, Agence Exemple fait partie du 2e titulaire.)
```
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any, Iterator

from ..finding import Finding
from ..model.elements import TextBlock
from ..model.page import Page
from ._content import fold, folded_pattern, severity_for
from .base import Context

ID = "GB501"
NAME = "struck-entry-without-note"
TAGS = ("content", "procurement")
SEVERITY = "error"
SCOPE = "page"
OPTIONS = {
    "procurement_pages": {
        "type": "string",
        "description": "Pattern (regular expression, case and accents ignored) matched against a page's path "
        "and title: the pages that list contract holders.",
    },
    "titulaire_headings": {
        "type": "string",
        "description": "Pattern matched against headings (and struck entries): a titulaire section.",
    },
    "note_pattern": {
        "type": ["string", "null"],
        "description": "When set, a note must match this pattern; by default any text that is not struck.",
    },
    "other_pages": {
        "type": "boolean",
        "description": "Also check struck entries outside titulaire sections (as warnings).",
    },
}
DEFAULTS: dict[str, Any] = {
    "procurement_pages": r"(?<![a-z])(marches?|accords?[- ]cadres?|appels?[- ]d.offres?|attributaires?|titulaires?)(?![a-z])",
    "titulaire_headings": "titulaire",
    "note_pattern": None,
    "other_pages": True,
}
MESSAGES = {
    "titulaire": {
        "en": "struck-out titulaire `{text}` has no note saying why (merged, withdrawn, replaced…)",
        "fr": "titulaire barré `{text}` sans note qui explique pourquoi (fusion, retrait, remplacement…)",
    },
    "entry": {
        "en": "struck-out {kind} `{text}` has no note saying why it is struck out",
        "fr": "{kind_fr} barré `{text}` sans note qui explique pourquoi",
    },
    "add-note": {
        "en": "add a line that is not struck out after it, before the next {boundary}",
        "fr": "ajoutez une ligne non barrée après, avant {boundary_fr}",
    },
}
DOC_FR = """Une entrée barrée (un titulaire, une offre…) sans note qui l'explique.

Quoi
: Signale un titre, un pseudo-titre (paragraphe entièrement en gras), un élément de liste, ou
  sur une page de marché un paragraphe qui nomme un titulaire, dont tout le texte est barré (`~~…~~`, `<del>`, `<s>`, aussi en bloc HTML sur ses propres
  lignes, en gras quand `<strong>` ou `<b>` l'entoure en entier) quand aucun texte non barré ne le suit dans
  son entrée : jusqu'au titre ou pseudo-titre suivant (pour un élément de liste : jusqu'à
  l'élément suivant). Une section barrée est une seule entrée, signalée une fois : un titre
  barré avec les titres barrés qu'il contient, ou un `{% hint %}` (ou tout bloc) dont tout le
  texte est barré, dont la note peut suivre le bloc. Sur une page de marché (chemin ou titre correspondant à
  `procurement_pages`), une entrée barrée dans une section dont le titre correspond à
  `titulaire_headings` (ou dont le texte y correspond) est un titulaire : c'est une erreur ;
  toute autre entrée barrée est un avertissement. Si vous fixez la sévérité de cette règle dans
  la configuration, elle s'applique aux deux.

  Options : `procurement_pages` (motif sur le chemin et le titre de la page),
  `titulaire_headings` (motif sur les titres), `note_pattern` (si défini, la note doit y
  correspondre), `other_pages` (false : seulement les pages de marché). Les motifs ignorent
  la casse et les accents.

Pourquoi
: Barrer un titulaire garde l'historique visible, mais le lecteur ne sait pas si l'entreprise
  est partie, a fusionné ou a perdu le marché, ni qui contacter à la place. C'est la note qui
  rend la rature utile.

Mauvais

Bon
"""

_KINDS = {"heading": ("heading", "titre"), "paragraph": ("entry", "pseudo-titre"), "list-item": ("list item", "élément de liste")}
_BOUNDARY = {
    "list-item": ("list item, heading or bold title", "l'élément de liste, le titre ou le titre en gras suivant"),
    "other": ("heading or bold title", "le titre ou le titre en gras suivant"),
}
_SHOWN = 60


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    if not any(block.struck for block in page.text_blocks):
        return  # nothing struck out, nothing to explain (most pages: skip the section analysis)
    options = ctx.options
    procurement = _is_procurement(page, options["procurement_pages"])
    if not procurement and not options["other_pages"]:
        return
    titulaire = folded_pattern(options["titulaire_headings"])
    note = folded_pattern(options["note_pattern"]) if options.get("note_pattern") else None
    blocks = page.text_blocks
    in_section = _titulaire_sections(blocks, titulaire)
    struck_groups = _struck_groups(page)
    covered_until = -1
    for index in range(len(blocks)):
        if index < covered_until:
            continue
        group_end = struck_groups.get(index)
        first = _first_entry(blocks, index, group_end or index + 1, titulaire if procurement else None)
        if first is None:
            continue
        # a wholly struck hint (or tab…) is one entry: its struck titles are one struck section
        end = _entry_end(blocks, group_end - 1 if group_end else index)
        covered_until = end  # struck items inside this entry are part of it: one finding
        if any(_is_note(other, note) for other in blocks[index + 1 : end]):
            continue
        entry = blocks[first]
        is_titulaire = procurement and (in_section[first] or bool(titulaire.search(fold(entry.text))))
        if not is_titulaire and not options["other_pages"]:
            continue
        yield _finding(ctx, entry, is_titulaire)


def _first_entry(blocks: list[TextBlock], start: int, end: int, titulaire: re.Pattern[str] | None) -> int | None:
    """The index of the first struck entry among `blocks[start:end]`, if any."""
    return next((index for index in range(start, end) if _is_entry(blocks[index], titulaire)), None)


def _struck_groups(page: Page) -> dict[int, int]:
    """For each `{% %}` block whose text is all struck out, the index of its first text block
    → the index just past its last (outermost blocks only)."""
    groups: dict[int, int] = {}
    covered = -1
    lines = [block.line for block in page.text_blocks]
    for block in sorted(page.blocks, key=lambda b: b.line):
        if block.end_line is None:
            continue
        start = bisect_right(lines, block.line)
        end = bisect_left(lines, block.end_line)
        if start < end and start >= covered and all(text.struck for text in page.text_blocks[start:end]):
            groups[start] = end
            covered = end
    return groups


def _is_procurement(page: Page, pattern: str) -> bool:
    return bool(folded_pattern(pattern).search(fold(f"{page.path} {page.title}")))


def _is_entry(block: TextBlock, titulaire: re.Pattern[str] | None) -> bool:
    """A wholly struck heading, pseudo-heading or list item (a struck table cell is data); on a
    procurement page, also a wholly struck plain paragraph that names a titulaire."""
    if not block.struck:
        return False
    if block.kind in ("heading", "list-item") or block.is_pseudo_heading:
        return True
    return block.kind == "paragraph" and titulaire is not None and bool(titulaire.search(fold(block.text)))


def _titulaire_sections(blocks: list[TextBlock], titulaire: re.Pattern[str]) -> list[bool]:
    """For each block: does it sit under a heading that matches the titulaire pattern?"""
    flags = []
    section_level = 0  # level of the matching heading we are under; 0: none
    for block in blocks:
        if block.kind == "heading":
            if section_level and block.level <= section_level:
                section_level = 0
            if not section_level and titulaire.search(fold(block.text)):
                section_level = block.level
                flags.append(False)  # the section heading itself is not an entry of it
                continue
        flags.append(bool(section_level))
    return flags


def _entry_end(blocks: list[TextBlock], start: int) -> int:
    """Index just past the entry that `blocks[start]` opens."""
    first = blocks[start]
    for index in range(start + 1, len(blocks)):
        block = blocks[index]
        if first.kind == "heading" and block.struck and (block.is_pseudo_heading or block.kind == "heading" and block.level > first.level):
            continue  # a struck heading's struck sub-titles are part of its struck section
        if block.kind == "heading" or block.is_pseudo_heading:
            return index
        if first.kind == "list-item" and block.kind == "list-item" and block.line != first.line and block.level <= first.level:
            return index  # the next item of the same list, or of an outer one
    return len(blocks)


def _is_note(block: TextBlock, note: re.Pattern[str] | None) -> bool:
    if block.struck or not block.text.strip():
        return False
    return note is None or bool(note.search(fold(block.text)))


def _finding(ctx: Context, block: TextBlock, is_titulaire: bool) -> Finding:
    text = block.text if len(block.text) <= _SHOWN else block.text[: _SHOWN - 1] + "…"
    kind = "list-item" if block.kind == "list-item" else "other"
    boundary, boundary_fr = _BOUNDARY[kind]
    if is_titulaire:
        return ctx.finding(block, "titulaire", fix="add-note", text=text, boundary=boundary, boundary_fr=boundary_fr)
    kind_en, kind_fr = _KINDS[block.kind]
    return ctx.finding(
        block,
        "entry",
        fix="add-note",
        severity=severity_for(ctx, "warning"),
        text=text,
        kind=kind_en,
        kind_fr=kind_fr,
        boundary=boundary,
        boundary_fr=boundary_fr,
    )
