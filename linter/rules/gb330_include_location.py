"""An `{% include %}` that does not point into `.gitbook/includes/`.

What
: Reports an `{% include "…" %}` whose path (relative to the page) leads anywhere but a file of
  the space's `.gitbook/includes/` folder, where GitBook keeps reusable blocks. Whether the file
  exists is the business of the link rules; this rule says where it has to be.

Why
: GitBook only knows reusable content stored in `.gitbook/includes/`: an include of an ordinary
  page or of a file elsewhere is not resolved on import, and the block disappears from the
  published page.

Bad
```markdown
{% include "../commun/contact.md" %}
```

Good
```markdown
{% include "../.gitbook/includes/contact.md" %}
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ..spaces import INCLUDES_DIR
from .base import Context

ID = "GB330"
NAME = "include-location"
TAGS = ("structure", "includes")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "outside": {
        "en": "the include `{raw}` leads to `{wanted}`; GitBook includes only files of `{folder}`",
        "fr": "l'include `{raw}` mène à `{wanted}` ; GitBook n'inclut que des fichiers de `{folder}`",
    },
    "move": {
        "en": "move the reusable block into `{folder}` and include it from there",
        "fr": "déplacez le bloc réutilisable dans `{folder}` et incluez-le depuis ce dossier",
    },
}
DOC_FR = """Un `{% include %}` qui ne pointe pas dans `.gitbook/includes/`.

Quoi
: Signale un `{% include "…" %}` dont le chemin (relatif à la page) mène ailleurs qu'à un fichier
  du dossier `.gitbook/includes/` de l'espace, où GitBook range les blocs réutilisables.
  L'existence du fichier relève des règles de liens ; cette règle dit où il doit se trouver.

Pourquoi
: GitBook ne connaît que le contenu réutilisable rangé dans `.gitbook/includes/` : l'include
  d'une page ordinaire ou d'un fichier rangé ailleurs n'est pas résolu à l'import, et le bloc
  disparaît de la page publiée.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for link in page.links:
        if link.kind != "include":
            continue
        target = ctx.site.resolve(page.path, link.target)
        if target.kind not in ("file", "missing"):
            continue  # external, empty or escaping paths are the link rules' findings
        if not target.wanted.startswith(INCLUDES_DIR):
            yield ctx.finding(link, "outside", fix="move", target=target.wanted, raw=link.target, wanted=target.wanted, folder=INCLUDES_DIR)
