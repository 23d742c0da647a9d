"""`.gitbook.yaml` cannot be read, or has a value of the wrong shape.

What
: Checks `.gitbook.yaml` against `schemas/gitbook-yaml.schema.json`: `root` is a folder path,
  `structure.readme` and `structure.summary` are Markdown paths, `redirects` maps each old path
  to a Markdown file. YAML that cannot be read is GB320's, whether redirect targets exist
  GB321's, unknown keys GB421's.

Why
: GitBook reads this file to find the space: a wrong `structure.summary` gives an empty table of
  contents, a redirect to a folder or a list instead of a mapping is ignored, and Git Sync says
  nothing about it.

Bad
```yaml
structure:
  summary: SUMMARY
redirects:
  - ancien: nouveau.md
```

Good
```yaml
structure:
  summary: SUMMARY.md
redirects:
  ancien: nouveau.md
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from ..validation.messages import SCHEMA_MESSAGES
from ._schema import prepare_gitbook_yaml, site_gitbook_yaml_problems
from .base import Context

ID = "GB420"
NAME = "gitbook-yaml-schema"
TAGS = ("config", "schema")
SEVERITY = "error"
SCOPE = "site"
PREPARE = prepare_gitbook_yaml
MESSAGES = dict(SCHEMA_MESSAGES)
DOC_FR = """`.gitbook.yaml` est illisible, ou a une valeur de la mauvaise forme.

Quoi
: Vérifie `.gitbook.yaml` avec `schemas/gitbook-yaml.schema.json` : `root` est un chemin de
  dossier, `structure.readme` et `structure.summary` sont des chemins Markdown, `redirects`
  associe à chaque ancien chemin un fichier Markdown. Un YAML illisible relève de GB320,
  l'existence des cibles de redirection de GB321, les clés inconnues de GB421.

Pourquoi
: GitBook lit ce fichier pour trouver l'espace : un mauvais `structure.summary` donne une table
  des matières vide, une redirection vers un dossier ou une liste au lieu d'un dictionnaire est
  ignorée, et Git Sync n'en dit rien.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    if site.config is None:
        return
    for problem in site_gitbook_yaml_problems(site, ctx.lang):
        if not problem.is_unknown_key:
            yield ctx.finding(site.config.position_of(problem.location), problem.key, path=site.config_path, **problem.args)
