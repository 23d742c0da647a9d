"""A redirect of `.gitbook.yaml` starts with `/`.

What
: Reports a key or a value of `redirects:` in `.gitbook.yaml` written with a leading `/`
  (`/ancien/guide: /guide.md`). Both are paths relative to the space root: the key an old URL
  path without `.md`, the value a file. Fixable with `--fix`: the leading slashes are removed
  where the key or value is written.

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

from ..finding import Edit, Finding
from ..model.site import Site
from ..parse.positions import Position
from ._redirects import redirects
from .base import Context

ID = "GB322"
NAME = "redirect-leading-slash"
TAGS = ("structure", "config", "redirects")
SEVERITY = "warning"
SCOPE = "site"
FIXABLE = True  # `--fix` applies the edit its findings carry
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
  ancienne adresse sans `.md`, la valeur un fichier. Corrigeable avec `--fix` : les barres
  initiales sont retirées là où la clé ou la valeur est écrite.

Pourquoi
: La documentation de GitBook et toutes les configurations réelles écrivent les redirections sans
  barre initiale ; la barre fait dépendre l'entrée de la façon dont GitBook assemble les chemins,
  et une ancienne adresse jamais reconnue échoue sans bruit.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    sources = {str(key) for key in site.redirects}
    for redirect in redirects(site):
        for key, value, text_at in (
            ("source", redirect.source, redirect.source_text),
            ("target", redirect.target, redirect.target_text),
        ):
            if isinstance(value, str) and value.startswith("/"):
                fixed = value.lstrip("/")
                # `/old:` beside `old:` would become a second `old:` key: no edit, the user chooses
                duplicate = key == "source" and fixed in sources
                edit = None if duplicate else _edit(text_at, value, fixed)
                yield ctx.finding(
                    redirect.position, key, fix="drop-slash", path=site.config_path, edit=edit, value=value, fixed=fixed
                )


def _edit(text_at: Position | None, value: str, fixed: str) -> Edit | None:
    """Drop the slashes where the key or value is written; `--fix` checks the text is there (an
    escaped or folded scalar does not match and is left alone)."""
    if text_at is None or not fixed:
        return None  # `/` alone: the root has no relative spelling to offer
    return Edit(text_at.line, text_at.column, value[: len(value) - len(fixed)], "")
