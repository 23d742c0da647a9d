"""A link to this repository's own file view on GitHub instead of the page.

What
: Reports a link `https://github.com/<owner>/<repo>/blob/…` or `…/tree/…` to the repository
  the space is synced with. The repository comes from the `github_repository` setting or, when
  unset, from the GitHub remote in the repository's `.git/config` (`origin` first). When the file
  exists in the space, the fix gives the relative link to write instead; when it does not exist
  in the working tree, GB101 reports the link as a missing target.

Why
: This is GitBook's fallback for a link it could not match to a file: readers leave the
  documentation for a raw Markdown file on GitHub, and the link breaks when the file moves.

Bad
```markdown
Voir [la procédure](https://github.com/exemple/documentation/blob/main/guide/procedure.md).
```

Good
```markdown
Voir [la procédure](guide/procedure.md).
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ..model.references import OWN_GITHUB, Suggestion, space_file
from ._links import REPEAT_MESSAGES, noting_repeat, page_references, suggestion_link
from .base import Context

ID = "GB105"
NAME = "own-github-link"
TAGS = ("links",)
SEVERITY = "warning"
SCOPE = "page"
MESSAGES = {
    **REPEAT_MESSAGES,
    "github": {
        "en": "`{link}` opens this repository's file view on GitHub, not the page in GitBook",
        "fr": "`{link}` ouvre la vue GitHub du fichier de ce dépôt, pas la page dans GitBook",
    },
    "relative": {
        "en": "link the file of the space instead: `{suggestion}`",
        "fr": "liez plutôt le fichier de l'espace : `{suggestion}`",
    },
}
DOC_FR = """Un lien vers la vue GitHub d'un fichier de ce dépôt au lieu de la page.

Quoi
: Signale un lien `https://github.com/<propriétaire>/<dépôt>/blob/…` ou `…/tree/…` vers le
  dépôt synchronisé avec l'espace. Le dépôt vient du réglage `github_repository` ou, à défaut,
  du dépôt distant GitHub déclaré dans `.git/config` (`origin` d'abord). Quand le fichier existe
  dans l'espace, la correction donne le lien relatif à écrire ; quand il n'existe pas dans la
  copie de travail, GB101 signale le lien comme cible manquante.

Pourquoi
: C'est le repli de GitBook pour un lien qu'il n'a pas pu relier à un fichier : le lecteur
  quitte la documentation pour un fichier Markdown brut sur GitHub, et le lien casse quand le
  fichier est déplacé.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for reference in page_references(page, ctx, OWN_GITHUB):
        link = reference.link.target
        found = space_file(ctx.site, reference.detail)
        if found is None:
            yield noting_repeat(ctx, reference, ctx.finding(reference.link, "github", link=link))
            continue
        suggestion = suggestion_link(ctx, page, Suggestion(found, "github"), link)
        finding = ctx.finding(reference.link, "github", fix="relative", link=link, suggestion=suggestion)
        yield noting_repeat(ctx, reference, finding)
