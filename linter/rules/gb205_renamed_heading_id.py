"""A heading's stored anchor id no longer matches its text (information).

What
: Reports a heading anchor (`<a href="#x" id="x"></a>` or `<a id="x"></a>`) whose id is none of
  the ids GitBook would compute from the heading's current text (a `-1`, `-2` repeat suffix
  allowed): the heading was renamed and kept its old id. Off by default.

Why
: GitBook keeps the old id on purpose, so that existing links keep working; this is only worth
  knowing when one wants ids that read like their headings. Change the id only together with
  every link to it.

Bad
```markdown
## Calendrier du programme <a href="#planning" id="planning"></a>
```

Good
```markdown
## Calendrier du programme <a href="#calendrier-du-programme" id="calendrier-du-programme"></a>
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from .base import Context

ID = "GB205"
NAME = "renamed-heading-id"
TAGS = ("anchors", "headings")
SEVERITY = "info"
SCOPE = "page"
ENABLED = False
MESSAGES = {
    "renamed": {
        "en": "heading \u201c{text}\u201d keeps the old anchor id `{id}`; its text gives `{computed}`",
        "fr": "le titre \u00ab {text} \u00bb garde l'ancien id d'ancre `{id}` ; son texte donne `{computed}`",
    },
}
DOC_FR = """L'id d'ancre conservé d'un titre ne correspond plus à son texte (information).

Quoi
: Signale une ancre de titre (`<a href="#x" id="x"></a>` ou `<a id="x"></a>`) dont l'id n'est
  aucun des ids que GitBook calculerait à partir du texte actuel du titre (suffixe de
  répétition `-1`, `-2` admis) : le titre a été renommé et a gardé son ancien id. Désactivée
  par défaut.

Pourquoi
: GitBook garde l'ancien id exprès, pour que les liens existants continuent de fonctionner ;
  c'est seulement utile à savoir quand on veut des ids qui se lisent comme leurs titres. Ne
  changez l'id qu'avec tous les liens qui y mènent.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    if page.path == ctx.site.summary_path:
        return  # a SUMMARY group's id names the group for GitBook, not a link target to rename
    for heading in page.headings:
        anchor = heading.anchor
        if anchor is None or not anchor.id or not heading.computed_ids or _from_text(anchor.id, heading.computed_ids):
            continue
        yield ctx.finding(anchor, "renamed", text=heading.text, id=anchor.id, computed=heading.computed_ids[0])


def _from_text(anchor_id: str, computed: tuple[str, ...]) -> bool:
    """The id is computed from the text, possibly with GitBook's `-1`, `-2` repeat suffix."""
    base, dash, number = anchor_id.rpartition("-")
    return anchor_id in computed or bool(dash and number.isdigit() and base in computed)
