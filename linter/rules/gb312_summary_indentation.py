"""A SUMMARY.md item is not indented by two spaces per level.

What
: Reports a table-of-contents item whose indentation is not two spaces per nesting level (`* ` at
  the top, `  * ` for a child, `    * ` for a grandchild), as GitBook writes it.

Why
: Markdown accepts other indentations, but GitBook rewrites SUMMARY.md with two spaces per level
  at its next sync, and mixed indentations are how an item silently ends up under the wrong
  parent (four spaces where two were meant still nests one level, six may nest two).

Bad
```markdown
* [Guide](guide/README.md)
    * [Démarrer](guide/demarrer.md)
```

Good
```markdown
* [Guide](guide/README.md)
  * [Démarrer](guide/demarrer.md)
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from .base import Context

ID = "GB312"
NAME = "summary-indentation"
TAGS = ("structure", "summary")
SEVERITY = "warning"
SCOPE = "site"
MESSAGES = {
    "indent": {
        "en": "SUMMARY item at level {level} is indented by {found} spaces; GitBook writes {expected}",
        "fr": "l'élément de SUMMARY de niveau {level} est indenté de {found} espaces ; GitBook en écrit {expected}",
    },
    "reindent": {
        "en": "indent by two spaces per level ({expected} here)",
        "fr": "indentez de deux espaces par niveau ({expected} ici)",
    },
}
DOC_FR = """Un élément de SUMMARY.md n'est pas indenté de deux espaces par niveau.

Quoi
: Signale un élément de la table des matières dont l'indentation n'est pas de deux espaces par
  niveau d'imbrication (`* ` au premier niveau, `  * ` pour un enfant, `    * ` pour un
  petit-enfant), comme l'écrit GitBook.

Pourquoi
: Markdown accepte d'autres indentations, mais GitBook réécrit SUMMARY.md avec deux espaces par
  niveau à la synchronisation suivante, et c'est en mélangeant les indentations qu'un élément se
  retrouve sans bruit sous le mauvais parent (quatre espaces au lieu de deux imbriquent encore
  d'un niveau, six peuvent en imbriquer deux).

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    for item in site.nav_items():
        expected = 2 * item.depth
        if item.indent != expected:
            yield ctx.finding(
                (item.line, 1),
                "indent",
                fix="reindent",
                path=site.summary_path,
                level=item.depth + 1,
                found=item.indent,
                expected=expected,
            )
