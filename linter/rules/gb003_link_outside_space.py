"""A file or folder of the space is a symbolic link that leads outside it, or a link loop.

What
: Reports a page, `SUMMARY.md`, `.gitbook.yaml`, asset, include or folder that is a symbolic
  link whose target lies outside the space root (`secrets.md -> /etc/…`), or a link that leads
  back to itself (`x.png -> x.png`). gitbook-lint never reads such a file: the finding names the
  link, never what it points to, and links to it are not checked.

Why
: GitBook's Git Sync does not follow symbolic links: the file is missing from the published
  space. And a linter runs on pull requests from strangers: a link to `/proc/self/environ` or
  to a key file must not end up quoted in a CI log.

Bad
```text
docs/secret.md -> ../../.env
```

Good
: A real file in the space (copy the content you mean to publish).
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from .base import Context

ID = "GB003"
NAME = "link-outside-space"
TAGS = ("files", "security")
SEVERITY = "error"
SCOPE = "site"
MESSAGES = {
    "outside-link": {
        "en": "this is a symbolic link that leads outside the space; it was not read",
        "fr": "c'est un lien symbolique qui mène hors de l'espace ; il n'a pas été lu",
    },
    "link-loop": {
        "en": "this is a symbolic link that loops (it leads back to itself); it was not read",
        "fr": "c'est un lien symbolique qui boucle (il mène à lui-même) ; il n'a pas été lu",
    },
    "replace": {
        "en": "replace the link with the file itself, or remove it",
        "fr": "remplacez le lien par le fichier lui-même, ou supprimez-le",
    },
}
DOC_FR = """Un fichier ou dossier de l'espace est un lien symbolique qui mène hors de l'espace, ou une boucle de liens.

Quoi
: Signale une page, `SUMMARY.md`, `.gitbook.yaml`, une image, un bloc réutilisable ou un dossier
  qui est un lien symbolique dont la cible est hors de la racine de l'espace
  (`secrets.md -> /etc/…`), ou un lien qui mène à lui-même (`x.png -> x.png`). gitbook-lint ne lit
  jamais un tel fichier : le signalement nomme le lien, jamais ce vers quoi il pointe, et les
  liens vers lui ne sont pas vérifiés.

Pourquoi
: La synchronisation Git de GitBook ne suit pas les liens symboliques : le fichier manque dans
  l'espace publié. Et un linter tourne sur les demandes de fusion d'inconnus : un lien vers
  `/proc/self/environ` ou vers une clé ne doit pas finir cité dans un journal de CI.

Mauvais
```text
docs/secret.md -> ../../.env
```

Bon
: Un vrai fichier dans l'espace (copiez le contenu à publier).
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    for path, kind in sorted(site.refused.items()):
        if kind in ("outside-link", "link-loop"):
            yield ctx.finding((1, 1), kind, fix="replace", path=path)
