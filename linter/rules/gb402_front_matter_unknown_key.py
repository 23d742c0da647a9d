"""A front matter key GitBook does not know, often a misspelling (`descripton`).

What
: Reports each front matter key that `schemas/front-matter.schema.json` does not list, at the
  key, naming the closest known key when there is one (`descripton` → `description`,
  `Hidden` → `hidden`), else the keys GitBook reads. Nested keys count too (`layout.widht`).
  In `.gitbook/includes/*.md`, any key but `title`.

Why
: GitBook ignores keys it does not know: a misspelt `description` leaves the page without its
  subtitle and meta description, and nobody notices. Keys of other tools (GitHub issue
  templates, Jekyll) are harmless in GitBook but often a sign the file does not belong there.

Bad
```markdown
---
descripton: Le guide des marchés publics
---
```

Good
```markdown
---
description: Le guide des marchés publics
---
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ..validation.messages import SCHEMA_MESSAGES
from ._schema import front_matter_problems
from .base import Context

ID = "GB402"
NAME = "front-matter-unknown-key"
TAGS = ("front-matter", "schema")
SEVERITY = "warning"
SCOPE = "page"
MESSAGES = {key: SCHEMA_MESSAGES[key] for key in ("unknown-key", "unknown-key-close", "custom")}
DOC_FR = """Une clé d'en-tête (front matter) que GitBook ne connaît pas, souvent une faute de frappe (`descripton`).

Quoi
: Signale chaque clé d'en-tête absente de `schemas/front-matter.schema.json`, sur la clé, en
  nommant la clé connue la plus proche s'il y en a une (`descripton` → `description`,
  `Hidden` → `hidden`), sinon les clés que lit GitBook. Les clés imbriquées comptent aussi
  (`layout.widht`). Dans `.gitbook/includes/*.md`, toute clé autre que `title`.

Pourquoi
: GitBook ignore les clés qu'il ne connaît pas : une `description` mal orthographiée laisse la
  page sans sous-titre ni méta-description, sans que personne ne le remarque. Les clés d'autres
  outils (modèles d'issues GitHub, Jekyll) sont sans effet dans GitBook mais signalent souvent un
  fichier qui n'a rien à y faire.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    matter, problems = front_matter_problems(page, ctx.lang)
    for problem in problems:
        if matter is not None and problem.is_unknown_key:
            yield ctx.finding(matter.position_of(problem.location), problem.key, **problem.args)
