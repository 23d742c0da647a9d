"""A heading anchor whose `href` and `id` differ.

What
: Reports a heading anchor `<a href="#a" id="b"></a>` where the `href` (without `#`) is not the
  `id`. GitBook always writes both equal. Fixable with `--fix`: the `href` becomes `#` and the
  `id`, which links elsewhere already use.

Why
: The anchor was edited by hand: readers who copy the heading's link get `#a`, which leads
  nowhere, while links elsewhere use `#b`.

Bad
```markdown
## Calendrier <a href="#planning" id="calendrier"></a>
```

Good
```markdown
## Calendrier <a href="#calendrier" id="calendrier"></a>
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Edit, Finding
from ..model.elements import Anchor
from ..model.page import Page
from .base import Context

ID = "GB203"
NAME = "anchor-href-mismatch"
TAGS = ("anchors",)
SEVERITY = "warning"
SCOPE = "page"
FIXABLE = True  # `--fix` applies the edit its findings carry
MESSAGES = {
    "mismatch": {
        "en": "heading anchor has href `#{href}` but id `{id}`: GitBook writes them equal",
        "fr": "l'ancre du titre a le href `#{href}` mais l'id `{id}` : GitBook les écrit identiques",
    },
    "align": {
        "en": "write `<a href=\"#{id}\" id=\"{id}\"></a>`",
        "fr": "écrivez `<a href=\"#{id}\" id=\"{id}\"></a>`",
    },
}
DOC_FR = """Une ancre de titre dont le `href` et l'`id` diffèrent.

Quoi
: Signale une ancre de titre `<a href="#a" id="b"></a>` dont le `href` (sans `#`) n'est pas
  l'`id`. GitBook écrit toujours les deux identiques. Corrigeable avec `--fix` : le `href` devient
  `#` suivi de l'`id`, que les liens ailleurs utilisent déjà.

Pourquoi
: L'ancre a été modifiée à la main : le lecteur qui copie le lien du titre obtient `#a`, qui ne
  mène nulle part, alors que les liens ailleurs utilisent `#b`.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for anchor in page.anchors:
        if anchor.kind == "heading" and anchor.href is not None and anchor.href != anchor.id:
            yield ctx.finding(anchor, "mismatch", fix="align", edit=_edit(anchor), href=anchor.href, id=anchor.id)


def _edit(anchor: Anchor) -> Edit | None:
    """`--fix` rewrites the href as `#id`, the id being what links elsewhere already use; not
    when the id would need escaping inside an attribute."""
    if not anchor.href_line or not anchor.id or any(char in anchor.id for char in "\"'<>&"):
        return None
    return Edit(anchor.href_line, anchor.href_column, anchor.href_raw, "#" + anchor.id)
