"""A file of `.gitbook/assets/` that nothing references.

What
: Reports a file of `.gitbook/assets/` that no page uses: no Markdown link or image, no HTML
  `src`/`href` (figures, cards, buttons), no `{% file src %}`, no card cover, no front matter
  `cover`. References are resolved the way GitBook resolves them (relative to the page,
  percent-decoded, `<…>` removed, NFC and NFD spellings of a name being the same file). Pages
  that SUMMARY.md does not list still count as users. Off by default: enable it to clean up.

Why
: GitBook keeps every upload in `.gitbook/assets/`, also after the image is removed from the
  page, and makes a new copy (`image (1).png`) when the same name is uploaded again. Unused
  assets weigh on the repository and make it hard to tell which picture is the current one.

Bad
```text
.gitbook/assets/ancien-schema.png   # no page shows or links it
```

Good
```markdown
![Le schéma](<../.gitbook/assets/ancien-schema.png>)
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site, nfc
from .base import Context

ID = "GB340"
NAME = "unused-asset"
TAGS = ("structure", "assets")
SEVERITY = "info"
SCOPE = "site"
ENABLED = False
MESSAGES = {
    "unused": {
        "en": "no page uses this asset",
        "fr": "aucune page n'utilise ce fichier",
    },
    "delete": {
        "en": "delete it if it is no longer needed",
        "fr": "supprimez-le s'il ne sert plus",
    },
}
DOC_FR = """Un fichier de `.gitbook/assets/` que rien ne référence.

Quoi
: Signale un fichier de `.gitbook/assets/` qu'aucune page n'utilise : aucun lien ou image
  Markdown, aucun `src`/`href` HTML (figures, cartes, boutons), aucun `{% file src %}`, aucune
  couverture de carte, aucune `cover` d'en-tête. Les références sont résolues comme le fait
  GitBook (relatives à la page, `%xx` décodés, `<…>` retirés, les écritures NFC et NFD d'un nom
  désignant le même fichier). Les pages absentes de SUMMARY.md comptent aussi. Désactivée par
  défaut : activez-la pour faire le ménage.

Pourquoi
: GitBook garde chaque fichier téléversé dans `.gitbook/assets/`, même après que l'image a été
  retirée de la page, et crée une copie (`image (1).png`) quand le même nom est téléversé de
  nouveau. Les fichiers inutilisés alourdissent le dépôt et brouillent quelle image est la bonne.

Mauvais
```text
.gitbook/assets/ancien-schema.png   # aucune page ne l'affiche ni n'y mène
```

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    used = site.linked_files
    for path in site.assets:
        if nfc(path) not in used:
            yield ctx.finding((1, 1), "unused", fix="delete", path=path, target=path)
