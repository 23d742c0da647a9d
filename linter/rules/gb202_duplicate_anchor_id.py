"""Two anchors of one page carry the same id (information).

What
: Reports a stored anchor id (`<a href="#x" id="x"></a>` at the end of a heading, `<a id="x"></a>`)
  that an earlier heading or expandable (`<details><summary>`) of the page already has: GitBook
  serves the later one numbered, `#x-1`, then `#x-2`…, and the message names that id. Also
  reports an HTML `id=` or `name=` given twice, which GitBook does not number. Two headings with
  the same text (`## Example` twice) are not reported: their numbered ids are the expected ones.
  An `id` and a `name` with the same value on one line are one element, not a duplicate. Off by
  default.

Why
: Nothing is broken: GitBook numbers repeated ids and links that say `#x-1` reach the second
  section. It is worth knowing when a link meant for the second section says `#x`, or when one
  wants each section's id to read like its heading.

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
from ..model.elements import Anchor, Expandable, Heading
from ..model.page import Page
from .base import Context

ID = "GB202"
NAME = "duplicate-anchor-id"
TAGS = ("anchors",)
SEVERITY = "info"
SCOPE = "page"
ENABLED = False
MESSAGES = {
    "renumbered": {
        "en": "id `{id}` is already used on line {first}: GitBook serves this one as `#{served}`",
        "fr": "l'id `{id}` est déjà utilisé ligne {first} : GitBook sert celui-ci sous `#{served}`",
    },
    "duplicate": {
        "en": "anchor id `{id}` is already used on line {first}: links to `#{id}` reach only the first",
        "fr": "l'id d'ancre `{id}` est déjà utilisé ligne {first} : les liens vers `#{id}` n'atteignent que le premier",
    },
    "rename": {
        "en": "give this anchor an id of its own",
        "fr": "donnez à cette ancre un id qui lui soit propre",
    },
}
DOC_FR = """Deux ancres d'une même page portent le même id (information).

Quoi
: Signale un id d'ancre enregistré (`<a href="#x" id="x"></a>` en fin de titre, `<a id="x"></a>`)
  qu'un titre ou un bloc dépliable (`<details><summary>`) précédent de la page porte déjà :
  GitBook sert le suivant numéroté, `#x-1`, puis `#x-2`…, et le message donne cet id. Signale
  aussi un `id=` ou `name=` HTML donné deux fois, que GitBook ne numérote pas. Deux titres au même
  texte (`## Exemple` deux fois) ne sont pas signalés : leurs ids numérotés sont ceux qu'on
  attend. Un `id` et un `name` de même valeur sur une même ligne sont un seul élément, pas un
  doublon. Désactivée par défaut.

Pourquoi
: Rien n'est cassé : GitBook numérote les ids répétés et les liens en `#x-1` atteignent la
  seconde section. C'est utile à savoir quand un lien destiné à la seconde section dit `#x`, ou
  quand on veut que l'id de chaque section se lise comme son titre.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    # an empty heading holding only a copy of the anchor above (a GitBook export leftover) is one
    # problem, GB204's: the fix is to remove that heading, not to rename its anchor
    leftovers = {id(heading.anchor) for heading in page.headings if heading.anchor is not None and not heading.text.strip()}
    renumbered = dict(_renumbered(page))
    first_line: dict[str, int] = {}
    for anchor in sorted(page.anchors, key=lambda anchor: (anchor.line, anchor.column)):
        if not anchor.id:
            continue
        first = first_line.setdefault(anchor.id, anchor.line)
        if id(anchor) in leftovers:
            continue
        if id(anchor) in renumbered:
            first, served = renumbered.pop(id(anchor))
            yield ctx.finding(anchor, "renumbered", fix="rename", id=anchor.id, first=first, served=served)
        elif first != anchor.line:
            yield ctx.finding(anchor, "duplicate", fix="rename", id=anchor.id, first=first)
    for target, (first, served) in _expandables(page, renumbered):
        yield ctx.finding(target, "renumbered", fix="rename", id=target.id, first=first, served=served)


def _renumbered(page: Page) -> Iterator[tuple[int, tuple[int, str]]]:
    """(key, (line of the first holder, served id)) of each target GitBook numbers where a stored id
    is involved, keyed by the `id()` of its anchor, or of the expandable itself."""
    first: dict[str, Heading | Expandable] = {}
    for target, served in page.served_ids:
        holder = first.setdefault(target.id, target)
        if holder is target or not (_stored(target) or _stored(holder)):
            continue
        anchor = target.anchor if isinstance(target, Heading) else None
        yield id(anchor if anchor is not None else target), (_line(holder), served)


def _expandables(page: Page, renumbered: dict[int, tuple[int, str]]) -> Iterator[tuple[Expandable, tuple[int, str]]]:
    for expandable in page.expandables:
        if id(expandable) in renumbered:
            yield expandable, renumbered[id(expandable)]


def _stored(target: Heading | Expandable) -> bool:
    return isinstance(target, Heading) and target.anchor is not None


def _line(target: Heading | Expandable) -> int:
    anchor: Anchor | None = target.anchor if isinstance(target, Heading) else None
    return anchor.line if anchor is not None else target.line
