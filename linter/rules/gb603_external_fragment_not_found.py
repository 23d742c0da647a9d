"""A web link's `#fragment` names no element of the HTML page it opens (with `--external`).

What
: When on (`--extend-select GB603`) and with `--external`, the pages of web addresses written
  with a `#fragment` are read (GET, HTML only) and the fragment is looked for among their `id`
  and `name` attributes, as written and percent-decoded (on GitHub, also with the
  `user-content-` prefix GitHub gives ids in rendered Markdown). Not judged: client-side routes
  (`#/…`, `#!…`), text fragments (`#:~:text=`), PDF parameters, GitHub line ranges (`#L10-L20`),
  pages that are not HTML, and pages without any id (built by a script in the browser).

Why
: A fragment that names nothing leaves the reader at the top of a long page instead of the
  section the link promised: the heading was renamed or removed since the link was written.

Bad
```markdown
Voir [la section installation](https://www.example.org/guide#installaton).
```

Good
```markdown
Voir [la section installation](https://www.example.org/guide#installation).
```
"""

from __future__ import annotations

from typing import Iterator

from ..external.fragments import checkable_fragment, fragment_found
from ..external.result import OK
from ..finding import Finding
from ..model.page import Page
from ._external import checked_links
from .base import Context

ID = "GB603"
NAME = "external-fragment-not-found"
TAGS = ("links", "anchors", "external")
SEVERITY = "warning"
SCOPE = "page"
ENABLED = False
MESSAGES = {
    "missing": {
        "en": "`#{fragment}` names no element of the page `{address}`",
        "fr": "`#{fragment}` ne désigne aucun élément de la page `{address}`",
    },
}
DOC_FR = """Le `#fragment` d'un lien web ne désigne aucun élément de la page HTML qu'il ouvre (avec `--external`).

Quoi
: Quand elle est activée (`--extend-select GB603`) et avec `--external`, les pages des adresses
  web écrites avec un `#fragment` sont lues (GET, HTML seulement) et le fragment est cherché
  parmi leurs attributs `id` et `name`, tel qu'écrit et décodé (sur GitHub, aussi avec le
  préfixe `user-content-` que GitHub donne aux ids du Markdown affiché). Non jugés : les routes
  côté client (`#/…`, `#!…`), les fragments de texte (`#:~:text=`), les paramètres PDF, les
  plages de lignes GitHub (`#L10-L20`), les pages qui ne sont pas du HTML et les pages sans
  aucun id (construites par un script dans le navigateur).

Pourquoi
: Un fragment qui ne désigne rien laisse le lecteur en haut d'une longue page au lieu de la
  section promise : le titre a été renommé ou supprimé depuis l'écriture du lien.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for link, result in checked_links(page, ctx):
        if result.kind != OK or result.ids is None or not checkable_fragment(link.address, link.fragment):
            continue
        if not fragment_found(result.permanent_to or link.address, link.fragment, result.ids):
            yield ctx.finding(link, "missing", fragment=link.fragment, address=link.address)
