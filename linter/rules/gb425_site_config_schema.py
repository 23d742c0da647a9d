"""The site configuration (`gitbook-docs.yaml`, `docs.yaml`) cannot be read, or has the wrong shape.

What
: Checks the file of site-wide Git Sync against `schemas/site-config.schema.json`: YAML that
  reads, a `site` with a `structure` list whose items are spaces, sections (whose `children` are
  spaces) or section groups (whose `children` are sections), each with a `key`, and each space
  with a `content.directory` (a folder, or `null` for a space not synced from this repository).
  Unknown keys are GB426's, folders that do not exist GB427's.

Why
: GitBook maps each space of the site to a folder of the repository from this file. When it
  cannot read it, or an entry has the wrong shape, the sync fails or a space is left out.

Bad
```yaml
site:
  structure:
    - type: space
      title: Guide
      content: ./guide
```

Good
```yaml
site:
  structure:
    - type: space
      key: guide
      title: Guide
      content:
        directory: ./guide
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from ..validation.messages import SCHEMA_MESSAGES
from ._site_config import schema_findings, site_config
from .base import Context

ID = "GB425"
NAME = "site-config-schema"
TAGS = ("config", "schema")
SEVERITY = "error"
SCOPE = "site"
MESSAGES = {
    **SCHEMA_MESSAGES,
    "invalid-yaml": {
        "en": "`{file}` is not valid YAML: {problem}",
        "fr": "`{file}` n'est pas du YAML valide : {problem}",
    },
}
DOC_FR = """La configuration du site (`gitbook-docs.yaml`, `docs.yaml`) est illisible, ou de la mauvaise forme.

Quoi
: Vérifie le fichier de la synchronisation Git à l'échelle du site avec
  `schemas/site-config.schema.json` : un YAML lisible, un `site` avec une liste `structure` dont
  les éléments sont des espaces, des sections (dont les `children` sont des espaces) ou des
  groupes de sections (dont les `children` sont des sections), chacun avec une `key`, et chaque
  espace avec un `content.directory` (un dossier, ou `null` pour un espace qui n'est pas
  synchronisé depuis ce dépôt). Les clés inconnues relèvent de GB426, les dossiers absents de
  GB427.

Pourquoi
: GitBook associe chaque espace du site à un dossier du dépôt d'après ce fichier. S'il ne peut
  pas le lire, ou si une entrée a la mauvaise forme, la synchronisation échoue ou un espace est
  laissé de côté.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    found = site_config(site)
    if found is None:
        return
    config, path = found
    name = config.path.name
    if config.config.problem is not None:
        problem = config.config.problem
        yield ctx.finding(problem.position, "invalid-yaml", path=path, file=name, problem=problem.message)
        return
    yield from schema_findings(site, ctx, unknown_keys=False)
