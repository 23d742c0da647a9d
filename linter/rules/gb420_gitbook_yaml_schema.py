"""`.gitbook.yaml` cannot be read, or has a value of the wrong shape.

What
: Checks `.gitbook.yaml` against `schemas/gitbook-yaml.schema.json`: `root` is a folder path,
  `structure.readme` and `structure.summary` are Markdown paths, `redirects` maps each old path
  to a Markdown file. Reports YAML that cannot be read at all. Whether redirect targets exist is
  checked by the link rules; unknown keys are GB421's.

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

import os
from typing import Iterator

from ..finding import Finding
from ..model.site import CONFIG_NAME, Site
from ..validation.messages import SCHEMA_MESSAGES
from ._schema import gitbook_yaml_problems
from .base import Context

ID = "GB420"
NAME = "gitbook-yaml-schema"
TAGS = ("config", "schema")
SEVERITY = "error"
SCOPE = "site"
MESSAGES = {
    **SCHEMA_MESSAGES,
    "not-yaml": {
        "en": "`.gitbook.yaml` is not valid YAML: {problem}",
        "fr": "`.gitbook.yaml` n'est pas du YAML valide : {problem}",
    },
    "not-mapping": {
        "en": "`.gitbook.yaml` must be `key: value` lines (root, structure, redirects); found {found}",
        "fr": "`.gitbook.yaml` doit être fait de lignes `clé: valeur` (root, structure, redirects) ; trouvé {found}",
    },
}
DOC_FR = """`.gitbook.yaml` est illisible, ou a une valeur de la mauvaise forme.

Quoi
: Vérifie `.gitbook.yaml` avec `schemas/gitbook-yaml.schema.json` : `root` est un chemin de
  dossier, `structure.readme` et `structure.summary` sont des chemins Markdown, `redirects`
  associe à chaque ancien chemin un fichier Markdown. Signale un YAML illisible. L'existence des
  cibles de redirection relève des règles de liens ; les clés inconnues, de GB421.

Pourquoi
: GitBook lit ce fichier pour trouver l'espace : un mauvais `structure.summary` donne une table
  des matières vide, une redirection vers un dossier ou une liste au lieu d'un dictionnaire est
  ignorée, et Git Sync n'en dit rien.

Mauvais
```yaml
structure:
  summary: SUMMARY
redirects:
  - ancien: nouveau.md
```

Bon
```yaml
structure:
  summary: SUMMARY.md
redirects:
  ancien: nouveau.md
```
"""


def config_path(site: Site) -> str:
    """`.gitbook.yaml` relative to the space root (it sits above the root when `root:` is set)."""
    return os.path.relpath(site.base / CONFIG_NAME, site.root).replace(os.sep, "/")


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    config = site.config
    if config is None:
        return
    path = config_path(site)
    if config.problem is not None:
        yield ctx.finding(config.problem.position, "not-yaml", path=path, problem=config.problem.message)
        return
    if config.data is not None and not isinstance(config.data, dict):
        yield ctx.finding((1, 1), "not-mapping", path=path, found=type(config.data).__name__)
        return
    for problem in gitbook_yaml_problems(config, ctx.lang):
        if not problem.is_unknown_key:
            yield ctx.finding(config.position_of(problem.location), problem.key, path=path, **problem.args)
