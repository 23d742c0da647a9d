"""A redirect of `.gitbook.yaml` leads to a file that does not exist.

What
: Reports an entry of `redirects:` in `.gitbook.yaml` whose target (a file path relative to the
  space root, `dir/` meaning `dir/README.md`) is not a file of the space, or climbs out of it.

Why
: GitBook never updates `.gitbook.yaml`: when a page is moved or renamed in the editor, the
  redirects that pointed at it keep the old path, and visitors of the old URL land on a "page not
  found" instead of the page. The space itself still publishes, hence a warning.

Bad
```yaml
redirects:
  ancien/guide: guide/demarer.md
```

Good
```yaml
redirects:
  ancien/guide: guide/demarrer.md
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.references import did_you_mean
from ..model.site import Site
from ._links import FIX_MESSAGES
from ._redirects import redirects
from .base import Context

ID = "GB321"
NAME = "redirect-target-missing"
TAGS = ("structure", "config", "redirects")
SEVERITY = "warning"
SCOPE = "site"
MESSAGES = {
    "missing": {
        "en": "the redirect `{source}` leads to `{wanted}`, which does not exist",
        "fr": "la redirection `{source}` mène à `{wanted}`, qui n'existe pas",
    },
    "escapes": {
        "en": "the redirect `{source}` leads to `{wanted}`, outside the space",
        "fr": "la redirection `{source}` mène à `{wanted}`, hors de l'espace",
    },
    "fix-target": {
        "en": "point it at the page's current path (relative to the space root), or remove it",
        "fr": "faites-la pointer vers le chemin actuel de la page (depuis la racine de l'espace), ou supprimez-la",
    },
    **FIX_MESSAGES,
}
DOC_FR = """Une redirection de `.gitbook.yaml` mène à un fichier qui n'existe pas.

Quoi
: Signale une entrée de `redirects:` dans `.gitbook.yaml` dont la cible (un chemin de fichier
  depuis la racine de l'espace, `dossier/` valant `dossier/README.md`) n'est pas un fichier de
  l'espace, ou en sort.

Pourquoi
: GitBook ne met jamais `.gitbook.yaml` à jour : quand une page est déplacée ou renommée dans
  l'éditeur, les redirections qui la visaient gardent l'ancien chemin, et les visiteurs de
  l'ancienne adresse tombent sur « page introuvable » au lieu de la page. L'espace est tout de même
  publié, d'où un avertissement.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    for redirect in redirects(site):
        if not isinstance(redirect.target, str):
            continue  # the schema rule reports a value that is not a path
        target = site.resolve("", redirect.target)
        if target.kind not in ("missing", "escapes", "empty"):
            continue
        suggestion = did_you_mean(site, target.wanted) if target.kind == "missing" else None
        yield ctx.finding(
            redirect.position,
            "escapes" if target.kind == "escapes" else "missing",
            fix=f"fix-{suggestion.source}" if suggestion else "fix-target",
            suggestion=suggestion.path if suggestion else "",
            path=site.config_path,
            target=target.wanted if target.kind == "missing" else None,
            source=redirect.source,
            wanted=target.wanted or redirect.target,
        )
