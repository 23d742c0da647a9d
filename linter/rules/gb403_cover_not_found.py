"""The front matter `cover` names an image that is not in the space.

What
: Reports a `cover` that is a path (not a URL) to a file that does not exist. Like every path
  GitBook writes in a page, it is relative to the page (`../.gitbook/assets/banniere.png` from a
  page in a folder); raw spaces and `%20` are both accepted.

Why
: GitBook shows no cover at all when the file is missing, and the sync does not say why. The
  usual causes are a renamed upload (`image (1).png`) or a page moved to another folder.

Bad
```markdown
---
cover: .gitbook/assets/banniere.png
---
```

Good
```markdown
---
cover: ../.gitbook/assets/banniere.png
---
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from .base import Context

ID = "GB403"
NAME = "cover-not-found"
TAGS = ("front-matter", "schema", "links")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "missing": {
        "en": "front matter key `cover`: the image `{cover}` is not in the space (looked for `{wanted}`)",
        "fr": "clé `cover` de l'en-tête : l'image `{cover}` n'est pas dans l'espace (cherchée en `{wanted}`)",
    },
    "escapes": {
        "en": "front matter key `cover`: `{cover}` points outside the space",
        "fr": "clé `cover` de l'en-tête : `{cover}` pointe hors de l'espace",
    },
}
DOC_FR = """La clé `cover` de l'en-tête nomme une image qui n'est pas dans l'espace.

Quoi
: Signale une `cover` qui est un chemin (pas une URL) vers un fichier qui n'existe pas. Comme
  tout chemin que GitBook écrit dans une page, il est relatif à la page
  (`../.gitbook/assets/banniere.png` depuis une page dans un dossier) ; les espaces bruts et
  `%20` sont acceptés tous deux.

Pourquoi
: GitBook n'affiche aucune couverture quand le fichier manque, et la synchronisation ne dit pas
  pourquoi. Les causes habituelles : un fichier téléversé renommé (`image (1).png`) ou une page
  déplacée dans un autre dossier.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    matter = page.front_matter
    if matter is None:
        return
    for key, cover in matter.covers():  # a wrong type is GB401's
        target = ctx.site.resolve(page.path, cover)
        position = matter.position_of(key)
        if target.kind == "missing":
            yield ctx.finding(position, "missing", cover=cover, wanted=target.wanted)
        elif target.kind == "escapes":
            yield ctx.finding(position, "escapes", cover=cover)
