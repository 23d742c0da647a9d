"""Two anchors of one page carry the same id.

What
: Reports an explicit anchor id (`<a href="#x" id="x"></a>`, `<a id="x"></a>`, HTML `id=` or
  `name=`) already given to an earlier anchor of the same page. An `id` and a `name` with the
  same value on one line are one element, not a duplicate.

Why
: A link `#x` can only land on the first one: the second section is unreachable, and GitBook
  may drop or rename one of them on the next save.

Bad
```markdown
## Contacts <a id="contacts"></a>

## Équipe <a id="contacts"></a>
```

Good
```markdown
## Contacts <a id="contacts"></a>

## Équipe <a id="equipe"></a>
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from .base import Context

ID = "GB202"
NAME = "duplicate-anchor-id"
TAGS = ("anchors",)
SEVERITY = "warning"
SCOPE = "page"
MESSAGES = {
    "duplicate": {
        "en": "anchor id `{id}` is already used on line {first}: links to `#{id}` reach only the first",
        "fr": "l'id d'ancre `{id}` est déjà utilisé ligne {first} : les liens vers `#{id}` n'atteignent que le premier",
    },
    "rename": {
        "en": "give this anchor an id of its own",
        "fr": "donnez à cette ancre un id qui lui soit propre",
    },
}
DOC_FR = """Deux ancres d'une même page portent le même id.

Quoi
: Signale un id d'ancre explicite (`<a href="#x" id="x"></a>`, `<a id="x"></a>`, `id=` ou
  `name=` HTML) déjà donné à une ancre précédente de la même page. Un `id` et un `name` de même
  valeur sur une même ligne sont un seul élément, pas un doublon.

Pourquoi
: Un lien `#x` ne peut atteindre que la première : la seconde section est inaccessible, et
  GitBook peut supprimer ou renommer l'une d'elles au prochain enregistrement.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    first_line: dict[str, int] = {}
    # an empty heading holding only a copy of the anchor above (a GitBook export leftover) is one
    # problem, GB204's: the fix is to remove that heading, not to rename its anchor
    leftovers = {id(heading.anchor) for heading in page.headings if heading.anchor is not None and not heading.text.strip()}
    for anchor in sorted(page.anchors, key=lambda anchor: (anchor.line, anchor.column)):
        if not anchor.id:
            continue
        first = first_line.setdefault(anchor.id, anchor.line)
        if first != anchor.line and id(anchor) not in leftovers:
            yield ctx.finding(anchor, "duplicate", fix="rename", id=anchor.id, first=first)
