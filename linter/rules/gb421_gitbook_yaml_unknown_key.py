"""A `.gitbook.yaml` key GitBook does not know, often a misspelling (`strucure`).

What
: Reports each key of `.gitbook.yaml` that `schemas/gitbook-yaml.schema.json` does not list
  (GitBook reads `root`, `structure.readme`, `structure.summary` and `redirects`), at the key,
  naming the closest known key.

Why
: GitBook ignores keys it does not know: a misspelt `structure` means the space silently falls
  back to `README.md` and `SUMMARY.md` at the root.

Bad
```yaml
strucure:
  readme: accueil.md
```

Good
```yaml
structure:
  readme: accueil.md
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from ..validation.messages import SCHEMA_MESSAGES
from ._schema import prepare_gitbook_yaml, site_gitbook_yaml_problems
from .base import Context

ID = "GB421"
NAME = "gitbook-yaml-unknown-key"
TAGS = ("config", "schema")
SEVERITY = "warning"
SCOPE = "site"
PREPARE = prepare_gitbook_yaml
MESSAGES = {key: SCHEMA_MESSAGES[key] for key in ("unknown-key", "unknown-key-close", "custom")}
DOC_FR = """Une clé de `.gitbook.yaml` que GitBook ne connaît pas, souvent une faute de frappe (`strucure`).

Quoi
: Signale chaque clé de `.gitbook.yaml` absente de `schemas/gitbook-yaml.schema.json` (GitBook lit
  `root`, `structure.readme`, `structure.summary` et `redirects`), sur la clé, en nommant la clé
  connue la plus proche.

Pourquoi
: GitBook ignore les clés qu'il ne connaît pas : une `structure` mal orthographiée, et l'espace
  revient sans bruit à `README.md` et `SUMMARY.md` à la racine.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    if site.config is None:
        return
    for problem in site_gitbook_yaml_problems(site, ctx.lang):
        if problem.is_unknown_key:
            yield ctx.finding(site.config.position_of(problem.location), problem.key, path=site.config_path, **problem.args)
