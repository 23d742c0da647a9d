"""A heading with no text.

What
: Reports a heading whose text is empty once its anchor and `&#x20;` spaces are set aside:
  `## `, `#### &#x20;<a href="#x" id="x"></a>`, `##  <a id="x"></a>`.

Why
: GitBook shows an empty line in the page and an empty entry in its outline; such headings are
  left behind when a heading's text was deleted in the editor.

Bad
```markdown
## &#x20;<a href="#contacts" id="contacts"></a>
```

Good
```markdown
## Contacts <a href="#contacts" id="contacts"></a>
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from .base import Context

ID = "GB204"
NAME = "empty-heading"
TAGS = ("anchors", "headings")
SEVERITY = "warning"
SCOPE = "page"
MESSAGES = {
    "empty": {
        "en": "heading {level} has no text",
        "fr": "le titre de niveau {level} n'a pas de texte",
    },
    "empty-anchor": {
        "en": "heading {level} has no text, only the anchor `{id}`",
        "fr": "le titre de niveau {level} n'a pas de texte, seulement l'ancre `{id}`",
    },
    "write-or-remove": {
        "en": "write its text or remove the heading",
        "fr": "écrivez son texte ou supprimez le titre",
    },
}
DOC_FR = """Un titre sans texte.

Quoi
: Signale un titre dont le texte est vide une fois son ancre et ses espaces `&#x20;` mis à
  part : `## `, `#### &#x20;<a href="#x" id="x"></a>`, `##  <a id="x"></a>`.

Pourquoi
: GitBook affiche une ligne vide dans la page et une entrée vide dans son sommaire ; ces titres
  restent quand le texte d'un titre a été effacé dans l'éditeur.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for heading in page.headings:
        if heading.text.strip():
            continue
        if heading.anchor is not None and heading.anchor.id:
            yield ctx.finding(heading, "empty-anchor", fix="write-or-remove", level=heading.level, id=heading.anchor.id)
        else:
            yield ctx.finding(heading, "empty", fix="write-or-remove", level=heading.level)
