"""A redirect of `.gitbook.yaml` starts with `/`.

What
: Reports a key or a value of `redirects:` in `.gitbook.yaml` written with a leading `/`
  (`/ancien/guide: /guide.md`). Both are paths relative to the space root: the key an old URL
  path without `.md`, the value a file.

Why
: GitBook's documentation and every real configuration write redirects without the leading
  slash; the slash makes the entry depend on how GitBook happens to join paths, and an old URL
  that is never matched fails silently.

Bad
```yaml
redirects:
  /ancien/guide: /guide/demarrer.md
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
from ..model.site import Site
from ._redirects import redirects
from .base import Context

ID = "GB322"
NAME = "redirect-leading-slash"
TAGS = ("structure", "config", "redirects")
SEVERITY = "warning"
SCOPE = "site"
MESSAGES = {
    "source": {
        "en": "the redirect source `{value}` starts with `/`; write it relative to the space root",
        "fr": "la source de redirection `{value}` commence par `/` ; écrivez-la depuis la racine de l'espace",
    },
    "target": {
        "en": "the redirect target `{value}` starts with `/`; write it relative to the space root",
        "fr": "la cible de redirection `{value}` commence par `/` ; écrivez-la depuis la racine de l'espace",
    },
    "drop-slash": {
        "en": "write `{fixed}`",
        "fr": "écrivez `{fixed}`",
    },
}
DOC_FR = """Une redirection de `.gitbook.yaml` commence par `/`.

Quoi
: Signale une clé ou une valeur de `redirects:` dans `.gitbook.yaml` écrite avec un `/` initial
  (`/ancien/guide: /guide.md`). Les deux sont des chemins depuis la racine de l'espace : la clé une
  ancienne adresse sans `.md`, la valeur un fichier.

Pourquoi
: La documentation de GitBook et toutes les configurations réelles écrivent les redirections sans
  barre initiale ; la barre fait dépendre l'entrée de la façon dont GitBook assemble les chemins,
  et une ancienne adresse jamais reconnue échoue sans bruit.

Mauvais
```yaml
redirects:
  /ancien/guide: /guide/demarrer.md
```

Bon
```yaml
redirects:
  ancien/guide: guide/demarrer.md
```
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    for redirect in redirects(site):
        for key, value in (("source", redirect.source), ("target", redirect.target)):
            if isinstance(value, str) and value.startswith("/"):
                fixed = value.lstrip("/")
                yield ctx.finding(redirect.position, key, fix="drop-slash", path=site.config_path, value=value, fixed=fixed)
