"""A SUMMARY.md item is not written `* [Title](path.md)`.

What
: Reports a table-of-contents item that is not the single line GitBook writes: an item without a
  link, an item with text besides its link or with several links, or a list marker other than
  `*` (`-`, `+`, `1.`). The API reference GitBook generates from an OpenAPI spec is an item
  written as a fenced `yaml` block (`type: builtin:openapi`): valid, and checked against
  `schemas/summary-openapi.schema.json`.

Why
: GitBook builds the sidebar from SUMMARY.md and writes every item as `* [Title](path.md)` (an
  optional sidebar label may follow the path in quotes). An item without a link gives no page;
  text around the link is dropped; other markers are rewritten at the next sync, which makes
  noisy diffs.

Bad
```markdown
- [Démarrer](demarrer.md)
* Contacts
* [Guide](guide.md) (nouveau)
```

Good
```markdown
* [Démarrer](demarrer.md)
* [Contacts](contacts.md)
* [Guide](guide.md "Guide (nouveau)")
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from ..model.summary import NavItem
from ..parse.frontmatter import FrontMatter
from ..validation.messages import SCHEMA_MESSAGES
from ._schema import summary_openapi_problems
from .base import Context

ID = "GB311"
NAME = "summary-item-syntax"
TAGS = ("structure", "summary")
SEVERITY = "warning"
SCOPE = "site"
MESSAGES = {
    **SCHEMA_MESSAGES,
    "no-link": {
        "en": "SUMMARY item {text} has no link to a page",
        "fr": "l'élément {text} de SUMMARY n'a pas de lien vers une page",
    },
    "not-one-link": {
        "en": "SUMMARY item {text} holds more than its one link; GitBook keeps only `[Title](path.md)`",
        "fr": "l'élément {text} de SUMMARY contient plus que son seul lien ; GitBook ne garde que `[Titre](chemin.md)`",
    },
    "marker": {
        "en": "SUMMARY item uses the list marker `{marker}`; GitBook writes `*`",
        "fr": "l'élément de SUMMARY utilise la puce `{marker}` ; GitBook écrit `*`",
    },
    "write-item": {
        "en": "write the item as `* [Title](path.md)`",
        "fr": "écrivez l'élément sous la forme `* [Titre](chemin.md)`",
    },
}
DOC_FR = """Un élément de SUMMARY.md n'est pas écrit `* [Titre](chemin.md)`.

Quoi
: Signale un élément de la table des matières qui n'est pas la ligne unique qu'écrit GitBook : un
  élément sans lien, avec du texte autour de son lien ou plusieurs liens, ou une puce autre que
  `*` (`-`, `+`, `1.`). La référence d'API que GitBook génère depuis une spécification OpenAPI
  est un élément écrit comme un bloc `yaml` délimité (`type: builtin:openapi`) : valide, et
  vérifié avec `schemas/summary-openapi.schema.json`.

Pourquoi
: GitBook construit la barre latérale à partir de SUMMARY.md et écrit chaque élément
  `* [Titre](chemin.md)` (un libellé de barre latérale entre guillemets peut suivre le chemin). Un
  élément sans lien ne donne aucune page ; le texte autour du lien est perdu ; les autres puces
  sont réécrites à la synchronisation suivante, ce qui brouille les diffs.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    path = site.summary_path
    for item in site.nav_items():
        start = (item.line, item.indent + 1)
        if item.marker != "*":
            yield ctx.finding(start, "marker", fix="write-item", path=path, marker=item.marker)
        block = _reference_block(item)
        if block is not None:
            yield from _openapi_problems(block, item, ctx, path)
        elif item.link is None:
            yield ctx.finding(start, "no-link", fix="write-item", path=path, text=_short(item.title))
        elif not item.single_link:
            text = site.summary.page.index.line_text(item.line - 1).strip() if site.summary else item.title
            yield ctx.finding(start, "not-one-link", fix="write-item", path=path, text=_short(text))


def _reference_block(item: NavItem) -> FrontMatter | None:
    """The yaml block of an item meant as GitBook's generated reference (`type: builtin:…`, or
    the `dependencies` of one): checked against the schema, not reported as a linkless item."""
    data = item.block.data if item.block is not None else None
    if not isinstance(data, dict):
        return None
    meant = "dependencies" in data or str(data.get("type", "")).startswith("builtin:")
    return item.block if meant else None


def _openapi_problems(block: FrontMatter, item: NavItem, ctx: Context, path: str) -> Iterator[Finding]:
    for problem in summary_openapi_problems(block, ctx.lang):
        line = block.position_of(problem.location).line
        yield ctx.finding((line, item.indent + 1), problem.key, path=path, **problem.args)


def _short(text: str, limit: int = 60) -> str:
    """The item's text as a code span that shows it as written, backticks included."""
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if longest else text  # a span may not start or end with its delimiter
    return f"{fence}{padded}{fence}"
