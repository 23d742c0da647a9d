"""A reusable block of `.gitbook/includes/` that no page includes.

What
: Reports a Markdown file of `.gitbook/includes/` that no `{% include %}` of any page reaches
  (paths are compared after resolution, so `%20`, `<…>` and NFC/NFD spellings all count).

Why
: Reusable blocks are created in the GitBook editor and stay in the repository after the last
  page that used them is deleted or edited. An unused block is not wrong, but it is easy to keep
  updating it for nothing: this is information, to help clean up.

Bad
```text
.gitbook/includes/ancien-contact.md   # no page has {% include ".../ancien-contact.md" %}
```

Good
```markdown
{% include "../.gitbook/includes/contact.md" %}
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site, nfc
from .base import Context

ID = "GB331"
NAME = "unused-include"
TAGS = ("structure", "includes")
SEVERITY = "info"
SCOPE = "site"
MESSAGES = {
    "unused": {
        "en": "no page includes this reusable block",
        "fr": "aucune page n'inclut ce bloc réutilisable",
    },
    "use-or-delete": {
        "en": "include it with `{{% include \"…/{name}\" %}}`, or delete it",
        "fr": "incluez-le avec `{{% include \"…/{name}\" %}}`, ou supprimez-le",
    },
}
DOC_FR = """Un bloc réutilisable de `.gitbook/includes/` qu'aucune page n'inclut.

Quoi
: Signale un fichier Markdown de `.gitbook/includes/` qu'aucun `{% include %}` d'aucune page
  n'atteint (les chemins sont comparés une fois résolus : `%20`, `<…>` et les écritures NFC/NFD
  comptent tous).

Pourquoi
: Les blocs réutilisables sont créés dans l'éditeur GitBook et restent dans le dépôt après la
  suppression ou la modification de la dernière page qui les utilisait. Un bloc inutilisé n'est
  pas une faute, mais on peut continuer à le mettre à jour pour rien : c'est une information, pour
  aider au ménage.

Mauvais
```text
.gitbook/includes/ancien-contact.md   # aucune page n'a {% include ".../ancien-contact.md" %}
```

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    used = site.included_files
    for path in site.includes:
        if nfc(path) not in used:
            yield ctx.finding((1, 1), "unused", fix="use-or-delete", path=path, target=path, name=path.rsplit("/", 1)[-1])
