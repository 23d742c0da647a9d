"""A redirect of `.gitbook.yaml` whose old address is still a published page.

What
: Reports an entry of `redirects:` whose source path is the address of a page the space
  publishes: `ancien/guide` while `ancien/guide.md` or `ancien/guide/README.md` exists and is
  listed in SUMMARY.md (every page counts when the space has no SUMMARY.md).

Why
: A redirect only applies to addresses where no page exists. While the page is there, visitors
  keep landing on it and the redirect never fires: either the page is an old copy that should
  have been deleted with the move, or the redirect is obsolete.

Bad
```yaml
redirects:
  guide/demarrer: nouveau-guide/demarrer.md   # guide/demarrer.md still exists
```

Good
```yaml
redirects:
  guide/demarrer: nouveau-guide/demarrer.md   # guide/demarrer.md was deleted
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from ._redirects import redirects
from .base import Context

ID = "GB323"
NAME = "redirect-shadowed"
TAGS = ("structure", "config", "redirects")
SEVERITY = "warning"
SCOPE = "site"
MESSAGES = {
    "shadowed": {
        "en": "the redirect `{source}` never fires: the page `{page}` is published at that address",
        "fr": "la redirection `{source}` ne s'applique jamais : la page `{page}` est publiée à cette adresse",
    },
    "remove": {
        "en": "delete the old page `{page}`, or remove the redirect",
        "fr": "supprimez l'ancienne page `{page}`, ou retirez la redirection",
    },
}
DOC_FR = """Une redirection de `.gitbook.yaml` dont l'ancienne adresse est encore une page publiée.

Quoi
: Signale une entrée de `redirects:` dont le chemin source est l'adresse d'une page que l'espace
  publie : `ancien/guide` alors que `ancien/guide.md` ou `ancien/guide/README.md` existe et figure
  dans SUMMARY.md (toutes les pages comptent quand l'espace n'a pas de SUMMARY.md).

Pourquoi
: Une redirection ne s'applique qu'aux adresses où aucune page n'existe. Tant que la page est là,
  les visiteurs y arrivent et la redirection ne sert jamais : soit la page est une ancienne copie
  qu'il fallait supprimer avec le déplacement, soit la redirection est périmée.

Mauvais
```yaml
redirects:
  guide/demarrer: nouveau-guide/demarrer.md   # guide/demarrer.md existe encore
```

Bon
```yaml
redirects:
  guide/demarrer: nouveau-guide/demarrer.md   # guide/demarrer.md a été supprimé
```
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    for redirect in redirects(site):
        page = _published_page_at(site, redirect.source)
        if page is not None:
            yield ctx.finding(
                redirect.position, "shadowed", fix="remove", path=site.config_path, target=page, source=redirect.source, page=page
            )


def _published_page_at(site: Site, source: str) -> str | None:
    """The published page whose address is `source` (`a/b` ← `a/b.md` or `a/b/README.md`)."""
    address = source.strip().strip("/")
    if not address:
        return None
    stem = address[:-3] if address.lower().endswith(".md") else address
    for candidate in (f"{stem}.md", f"{stem}/README.md"):
        found = site.lookup(candidate)
        if found is not None and found in site.pages and _published(site, found):
            return found
    return None


def _published(site: Site, path: str) -> bool:
    return site.summary is None or path in site.summary_listing
