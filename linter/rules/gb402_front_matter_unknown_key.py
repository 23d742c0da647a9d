"""A front matter key that is a misspelling of one GitBook reads (`descripton`).

What
: Reports each front matter key that `schemas/front-matter.schema.json` does not list and that
  is a near miss of a key it does (`descripton` → `description`, `hiden` → `hidden`,
  `Hidden` → `hidden`), at the key, naming that key. Nested keys count too (`layout.widht`).
  Other keys (`name:`, `metadata:`, `slug:`) are kept by GitBook and not reported; with the
  option `all_keys`, they are reported too, as information. In `.gitbook/includes/*.md`, the
  key GitBook reads is `title`.

Why
: GitBook ignores keys it does not know: a misspelt `description` leaves the page without its
  subtitle and meta description, and nobody notices. A key of another tool or of a generator
  (`name:`, `metadata:`) is GitBook's own output or harmless: reporting it would bury the typos.

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
from ._content import severity_for
from ._schema import front_matter_problems
from .base import Context

ID = "GB402"
NAME = "front-matter-unknown-key"
TAGS = ("front-matter", "schema")
SEVERITY = "warning"
SCOPE = "page"
MESSAGES = {key: SCHEMA_MESSAGES[key] for key in ("unknown-key", "unknown-key-close", "custom")}
OPTIONS = {
    "all_keys": {
        "type": "boolean",
        "description": "Also report, as information, the unknown keys that are no near miss of a key GitBook reads.",
    },
}
DEFAULTS = {"all_keys": False}
DOC_FR = """Une clé d'en-tête (front matter) qui est une faute de frappe d'une clé que lit GitBook (`descripton`).

Quoi
: Signale chaque clé d'en-tête absente de `schemas/front-matter.schema.json` qui est proche d'une
  clé qu'il connaît (`descripton` → `description`, `hiden` → `hidden`, `Hidden` → `hidden`), sur
  la clé, en nommant cette clé. Les clés imbriquées comptent aussi (`layout.widht`). Les autres
  clés (`name:`, `metadata:`, `slug:`) sont conservées par GitBook et ne sont pas signalées ;
  avec l'option `all_keys`, elles le sont aussi, pour information. Dans
  `.gitbook/includes/*.md`, la clé que lit GitBook est `title`.

Pourquoi
: GitBook ignore les clés qu'il ne connaît pas : une `description` mal orthographiée laisse la
  page sans sous-titre ni méta-description, sans que personne ne le remarque. Une clé d'un autre
  outil ou d'un générateur (`name:`, `metadata:`) est une sortie de GitBook lui-même ou sans
  effet : la signaler noierait les fautes de frappe.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    matter, problems = front_matter_problems(page, ctx.lang)
    for problem in problems:
        if matter is None or not problem.is_unknown_key:
            continue
        at = matter.position_of(problem.location)
        if problem.key == "unknown-key-close":
            yield ctx.finding(at, problem.key, **problem.args)
        elif ctx.options["all_keys"]:  # no near miss: GitBook keeps such keys (`name:`, `metadata:`)
            yield ctx.finding(at, problem.key, severity=severity_for(ctx, "info"), **problem.args)
