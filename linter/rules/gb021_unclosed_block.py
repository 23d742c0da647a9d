"""A GitBook block is opened but never closed.

What
: Reports a `{% hint %}`, `{% tabs %}`, `{% tab %}`, `{% content-ref %}`, `{% code %}`,
  `{% stepper %}`, `{% step %}`, `{% columns %}`, `{% column %}`, `{% updates %}`, `{% update %}`,
  `{% if %}`, `{% prompt %}` (or an API block) whose end tag is missing in the same container.
  `embed` and `file` may stand alone; `include` and `page-ref` never take an end tag.

Why
: GitBook swallows everything after an unclosed block into it, or refuses the page on import.

Bad
```markdown
{% hint style="warning" %}
Attention aux délais.

## Étape suivante
```

Good
```markdown
{% hint style="warning" %}
Attention aux délais.
{% endhint %}

## Étape suivante
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ._pairing import problems_of_kind
from .base import Context

ID = "GB021"
NAME = "unclosed-block"
TAGS = ("syntax", "blocks")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "unclosed": {
        "en": "`{{% {name} %}}` is never closed",
        "fr": "`{{% {name} %}}` n'est jamais fermé",
    },
    "add-end": {
        "en": "add `{{% end{name} %}}` where the block ends",
        "fr": "ajoutez `{{% end{name} %}}` là où le bloc se termine",
    },
}
DOC_FR = """Un bloc GitBook est ouvert mais jamais fermé.

Quoi
: Signale un `{% hint %}`, `{% tabs %}`, `{% tab %}`, `{% content-ref %}`, `{% code %}`,
  `{% stepper %}`, `{% step %}`, `{% columns %}`, `{% column %}`, `{% updates %}`,
  `{% update %}`, `{% if %}`, `{% prompt %}` (ou un bloc d'API) dont la balise de fin manque dans
  le même conteneur. `embed` et `file` peuvent rester seuls ; `include` et `page-ref` n'ont jamais
  de balise de fin.

Pourquoi
: GitBook avale tout ce qui suit un bloc non fermé, ou refuse la page à l'import.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for ref in problems_of_kind(page, "unclosed"):
        yield ctx.finding(ref, "unclosed", fix="add-end", name=ref.tag.name)
