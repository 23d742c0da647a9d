"""A link climbs above the root of the space.

What
: Reports a relative link whose `../` steps go past the space's root folder, such as
  `../../../autre-depot/page.md` from a page one folder deep. The file out there is never read.

Why
: GitBook only knows the files of the space: such a link cannot be synced and is rewritten to a
  placeholder or a GitHub address. It usually counts one `../` too many.

Bad
```markdown
Voir [le glossaire](../../glossaire.md) depuis `guide/page.md`.
```

Good
```markdown
Voir [le glossaire](../glossaire.md) depuis `guide/page.md`.
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ..model.references import ESCAPES
from ._links import REPEAT_MESSAGES, noting_repeat, page_references
from .base import Context

ID = "GB106"
NAME = "path-escapes-root"
TAGS = ("links", "files")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    **REPEAT_MESSAGES,
    "escapes": {
        "en": "`{link}` climbs above the space root (to `{wanted}` from the root): GitBook cannot follow it",
        "fr": "`{link}` remonte au-dessus de la racine de l'espace (vers `{wanted}` depuis la racine) : GitBook ne peut pas le suivre",
    },
    "fewer-steps": {
        "en": "count the `../` steps from this page's folder",
        "fr": "comptez les `../` depuis le dossier de cette page",
    },
}
DOC_FR = """Un lien remonte au-dessus de la racine de l'espace.

Quoi
: Signale un lien relatif dont les `../` dépassent le dossier racine de l'espace, comme
  `../../../autre-depot/page.md` depuis une page d'un dossier de profondeur. Le fichier visé
  n'est jamais lu.

Pourquoi
: GitBook ne connaît que les fichiers de l'espace : un tel lien ne peut pas être synchronisé et
  devient un marqueur ou une adresse GitHub. Il compte le plus souvent un `../` de trop.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for reference in page_references(page, ctx, ESCAPES):
        wanted = reference.target.wanted if reference.target else ""
        finding = ctx.finding(reference.link, "escapes", fix="fewer-steps", link=reference.link.target, wanted=wanted)
        yield noting_repeat(ctx, reference, finding)
