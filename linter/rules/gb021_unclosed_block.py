"""A GitBook block is opened but never closed.

What
: Reports a block whose end tag is missing in the same container: `{% hint %}` without its
  `{% endhint %}`. Which tags need one is the block table's `x-end` (`schemas/blocks.schema.json`,
  listed in docs/schemas.md): `required` for the containers (hint, tabs, code, the API blocks…),
  `optional` for `embed` and `file`, which may stand alone, `never` for `include` and `page-ref`.

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
: Signale un bloc dont la balise de fin manque dans le même conteneur : un `{% hint %}` sans son
  `{% endhint %}`. Les balises qui en exigent une sont données par le `x-end` de la table des blocs
  (`schemas/blocks.schema.json`, listée dans docs/schemas.md) : `required` pour les conteneurs
  (hint, tabs, code, les blocs d'API…), `optional` pour `embed` et `file`, qui peuvent rester
  seuls, `never` pour `include` et `page-ref`.

Pourquoi
: GitBook avale tout ce qui suit un bloc non fermé, ou refuse la page à l'import.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for ref in problems_of_kind(page, "unclosed"):
        yield ctx.finding(ref, "unclosed", fix="add-end", name=ref.tag.name)
