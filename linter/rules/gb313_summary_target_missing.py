"""A SUMMARY.md item points at a page that does not exist.

What
: Reports a table-of-contents item whose link leads to no file of the space (resolved from the
  folder of SUMMARY.md, `dir/` meaning `dir/README.md`), to a file that is not a Markdown page,
  outside the space, or nowhere (an empty link or a bare `#fragment`). Items that link to an
  external site (`https://…`) are allowed: GitBook shows them as links in the sidebar.

Why
: GitBook imports the pages SUMMARY.md lists; an item whose file is missing makes the Git Sync
  fail or creates an empty page in its place, and readers see a dead entry in the sidebar.

Bad
```markdown
* [Démarrer](guide/demarer.md)
```

Good
```markdown
* [Démarrer](guide/demarrer.md)
* [Forum](https://forum.example.org)
```
"""

from __future__ import annotations

import posixpath
from typing import Iterator

from ..finding import Finding
from ..model.references import did_you_mean
from ..model.site import Site
from ._links import FIX_MESSAGES
from .base import Context

ID = "GB313"
NAME = "summary-target-missing"
TAGS = ("structure", "summary", "links")
SEVERITY = "error"
SCOPE = "site"
MESSAGES = {
    "missing": {
        "en": "SUMMARY item `{title}` points at `{wanted}`, which does not exist",
        "fr": "l'élément `{title}` de SUMMARY pointe vers `{wanted}`, qui n'existe pas",
    },
    "not-a-page": {
        "en": "SUMMARY item `{title}` points at `{wanted}`, which is not a Markdown page",
        "fr": "l'élément `{title}` de SUMMARY pointe vers `{wanted}`, qui n'est pas une page Markdown",
    },
    "escapes": {
        "en": "SUMMARY item `{title}` points at `{wanted}`, outside the space",
        "fr": "l'élément `{title}` de SUMMARY pointe vers `{wanted}`, hors de l'espace",
    },
    "no-page": {
        "en": "SUMMARY item `{title}` has an empty link or only a `#fragment`: it names no page",
        "fr": "l'élément `{title}` de SUMMARY a un lien vide ou seulement un `#fragment` : il ne désigne aucune page",
    },
    "fix-path": {
        "en": "correct the path (relative to SUMMARY.md's folder) or remove the item",
        "fr": "corrigez le chemin (relatif au dossier de SUMMARY.md) ou retirez l'élément",
    },
    **FIX_MESSAGES,
}
DOC_FR = """Un élément de SUMMARY.md pointe vers une page qui n'existe pas.

Quoi
: Signale un élément de la table des matières dont le lien ne mène à aucun fichier de l'espace
  (résolu depuis le dossier de SUMMARY.md, `dossier/` valant `dossier/README.md`), à un fichier
  qui n'est pas une page Markdown, hors de l'espace, ou nulle part (lien vide ou simple
  `#fragment`). Les éléments qui mènent à un site externe (`https://…`) sont permis : GitBook les
  affiche comme des liens dans la barre latérale.

Pourquoi
: GitBook importe les pages que liste SUMMARY.md ; un élément dont le fichier manque fait échouer
  la synchronisation Git ou crée une page vide à sa place, et les lecteurs voient une entrée morte
  dans la barre latérale.

Mauvais

Bon
"""

_KEYS = {"missing": "missing", "escapes": "escapes", "empty": "no-page", "fragment": "no-page"}


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    for item in site.nav_items():
        if item.link is None:
            continue  # GB311 reports items without a link
        target = site.resolve(site.summary_path, item.link.target)
        key = _KEYS.get(target.kind)
        if key is None and target.kind == "file" and target.path not in site.pages:
            key = "not-a-page"
        if key is None:
            continue
        wanted = target.wanted or item.link.target
        fix, suggestion = _fix(site, wanted) if key == "missing" else ("fix-path", "")
        yield ctx.finding(
            item.link,
            key,
            fix=fix,
            path=site.summary_path,
            target=wanted if key in ("missing", "not-a-page") else None,
            title=item.title,
            wanted=wanted,
            suggestion=suggestion,
        )


def _fix(site: Site, wanted: str) -> tuple[str, str]:
    """The fix message and the likely new place of a missing page, as SUMMARY.md writes it."""
    suggestion = did_you_mean(site, wanted)
    if suggestion is None:
        return "fix-path", ""
    folder = posixpath.dirname(site.summary_path) or "."
    return f"fix-{suggestion.source}", posixpath.relpath(suggestion.path, folder)
