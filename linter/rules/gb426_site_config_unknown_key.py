"""A key of the site configuration (`gitbook-docs.yaml`, `docs.yaml`) that GitBook does not know.

What
: Reports each key that `schemas/site-config.schema.json` does not list for its place (a space
  has `key`, `title`, `path`, `default`, `draft`, `hidden`, `icon`, `localizedTitle`, `content`;
  a section also `description`, `localizedDescription` and `children`), at the key, naming the
  closest known key.

Why
: A misspelt key is ignored: `contents:` instead of `content:` leaves the space without a
  folder, `defualt: true` leaves the site without its home space.

Bad
```yaml
site:
  structure:
    - type: space
      key: guide
      contents:
        directory: ./guide
```

Good
```yaml
site:
  structure:
    - type: space
      key: guide
      content:
        directory: ./guide
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from ..validation.messages import SCHEMA_MESSAGES
from ._site_config import schema_findings
from .base import Context

ID = "GB426"
NAME = "site-config-unknown-key"
TAGS = ("config", "schema")
SEVERITY = "warning"
SCOPE = "site"
MESSAGES = {key: SCHEMA_MESSAGES[key] for key in ("unknown-key", "unknown-key-close", "custom")}
DOC_FR = """Une clé de la configuration du site (`gitbook-docs.yaml`, `docs.yaml`) que GitBook ne connaît pas.

Quoi
: Signale chaque clé que `schemas/site-config.schema.json` ne prévoit pas à sa place (un espace a
  `key`, `title`, `path`, `default`, `draft`, `hidden`, `icon`, `localizedTitle`, `content` ; une
  section aussi `description`, `localizedDescription` et `children`), sur la clé, en nommant la
  clé connue la plus proche.

Pourquoi
: Une clé mal orthographiée est ignorée : `contents:` au lieu de `content:` laisse l'espace sans
  dossier, `defualt: true` laisse le site sans espace d'accueil.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    yield from schema_findings(site, ctx, unknown_keys=True)
