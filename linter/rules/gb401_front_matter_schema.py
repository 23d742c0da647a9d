"""Front matter values GitBook cannot use: wrong type or value for a key it reads.

What
: Checks the front matter of every page against `schemas/front-matter.schema.json`, the keys
  GitBook reads: `description` (text), `hidden`, `noIndex`, `noRobotsIndex` (true or false),
  `icon`, `cover` (text), `coverY`, `coverHeight` (numbers), `layout` (`width`: default or wide;
  `cover.size`; each part's `visible`: true or false), `tags`, `metaLinks.alternates`, `if`,
  `vars`. Reusable blocks (`.gitbook/includes/*.md`) are checked against
  `schemas/include-front-matter.schema.json`: a `title` and nothing else. Each problem is
  reported at its key, with what was found and what is allowed. Unknown keys are GB402's.

Why
: GitBook ignores a value it cannot read (`hidden: yes`, `width: large`) or drops the whole front
  matter on the next sync, so the page silently shows up in the table of contents or loses its
  layout.

Bad
```markdown
---
hidden: oui
layout:
  width: large
---
```

Good
```markdown
---
hidden: true
layout:
  width: wide
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

ID = "GB401"
NAME = "front-matter-schema"
TAGS = ("front-matter", "schema")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = dict(SCHEMA_MESSAGES)
DOC_FR = """Des valeurs d'en-tête (front matter) que GitBook ne peut pas utiliser : mauvais type ou mauvaise valeur.

Quoi
: Vérifie l'en-tête de chaque page avec `schemas/front-matter.schema.json`, les clés que lit
  GitBook : `description` (texte), `hidden`, `noIndex`, `noRobotsIndex` (true ou false), `icon`,
  `cover` (texte), `coverY`, `coverHeight` (nombres), `layout` (`width` : default ou wide ;
  `cover.size` ; le `visible` de chaque partie : true ou false), `tags`, `metaLinks.alternates`,
  `if`, `vars`. Les blocs réutilisables (`.gitbook/includes/*.md`) sont vérifiés avec
  `schemas/include-front-matter.schema.json` : un `title` et rien d'autre. Chaque problème est
  signalé sur sa clé, avec ce qui a été trouvé et ce qui est permis. Les clés inconnues relèvent
  de GB402.

Pourquoi
: GitBook ignore une valeur qu'il ne sait pas lire (`hidden: yes`, `width: large`) ou abandonne
  tout l'en-tête à la synchronisation suivante : la page apparaît alors dans la table des
  matières, ou perd sa mise en page, sans bruit.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    matter, problems = front_matter_problems(page, ctx.lang)
    for problem in problems:
        if matter is not None and not problem.is_unknown_key:
            yield ctx.finding(matter.position_of(problem.location), problem.key, **problem.args)
