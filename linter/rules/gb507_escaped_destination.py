"""A link destination or tag address written with backslash escapes GitBook itself writes.

What
: Reports, for information, a Markdown link or image destination, or the `url`/`src`/`page` of
  a `{% %}` tag, that holds backslash escapes of punctuation: `mailto:octo\\_malt@octo.com`,
  `{% embed url="https://exemple.fr/\\#/" %}`. CommonMark removes those backslashes in link
  destinations, and GitBook reads its own tag attributes the same way, so the link works
  everywhere; GitBook's older exports and its git-sync normalisation wrote them. Off by default:
  select it (`--extend-select GB507`) to clean them with `--fix`. Backslashes before `(`, `)`,
  `<`, `>`, quotes and another backslash are left alone (removing them could change the link).

Why
: Nothing is broken, but the clean address is easier to read, to copy and to search for.

Bad
```markdown
Écrire à [l'équipe](mailto:octo\\_malt@octo.com).
```

Good
```markdown
Écrire à [l'équipe](mailto:octo_malt@octo.com).
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..finding import Edit, Finding
from ..model.elements import Link
from ..model.page import Page
from .base import Context

ID = "GB507"
NAME = "escaped-destination"
TAGS = ("links", "style")
SEVERITY = "info"
SCOPE = "page"
FIXABLE = True  # `--fix` applies the edit its findings carry
ENABLED = False
MESSAGES = {
    "escaped": {
        "en": "`{raw}` is written with backslash escapes; GitBook reads it as `{clean}`",
        "fr": "`{raw}` est écrit avec des échappements par barre oblique inverse ; GitBook le lit `{clean}`",
    },
    "write-clean": {"en": "write `{clean}`", "fr": "écrivez `{clean}`"},
}
DOC_FR = """Une destination de lien ou une adresse de balise écrite avec les échappements qu'écrit GitBook.

Quoi
: Signale, pour information, une destination de lien ou d'image Markdown, ou l'`url`, le `src`
  ou la `page` d'une balise `{% %}`, qui contient des échappements de ponctuation par barre
  oblique inverse : `mailto:octo\\_malt@octo.com`, `{% embed url="https://exemple.fr/\\#/" %}`.
  CommonMark retire ces barres dans les destinations de liens, et GitBook lit les attributs de
  ses balises de la même façon : le lien fonctionne partout ; les anciens exports de GitBook et
  sa normalisation git-sync les écrivaient. Désactivée par défaut : sélectionnez-la
  (`--extend-select GB507`) pour les nettoyer avec `--fix`. Les barres devant `(`, `)`, `<`,
  `>`, les guillemets et une autre barre restent (les retirer pourrait changer le lien).

Pourquoi
: Rien n'est cassé, mais l'adresse propre est plus facile à lire, à copier et à chercher.

Mauvais

Bon
"""

# A backslash escape whose removal cannot change how the destination or the attribute is read.
_REMOVABLE = re.compile(r"""\\([!#-&*-/:;=?@\[\]^_`{|}~])""")
_KINDS = ("link", "image", "tag-url", "tag-src", "tag-page")


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for link in page.links:
        if link.kind in _KINDS and "\\" in link.raw:
            yield from _escaped(link, ctx)


def _escaped(link: Link, ctx: Context) -> Iterator[Finding]:
    clean = _REMOVABLE.sub(r"\1", link.raw)
    if clean != link.raw:
        edit = Edit(link.line, link.column, link.raw, clean)
        yield ctx.finding(link, "escaped", fix="write-clean", edit=edit, raw=link.raw, clean=clean)
