"""A `{% %}` block sits where GitBook does not allow it: wrong container or wrong child.

What
: Checks which blocks may hold which, as `schemas/blocks.schema.json` says: `tabs` holds only
  `tab`, `stepper` only `step`, `columns` only `column` (at most two), `updates` only `update`;
  a `tab`, `step`, `column` or `update` must sit directly inside its container; no `stepper`
  inside a `step`. The finding points at the misplaced block.

Why
: GitBook's editor cannot represent these shapes: on import it drops the misplaced block or
  flattens the container, and the page loses content or layout on the next save.

Bad
```markdown
{% tabs %}
{% hint style="info" %}
Hors onglet.
{% endhint %}
{% endtabs %}
```

Good
```markdown
{% tabs %}
{% tab title="Administrations" %}
{% hint style="info" %}
Dans un onglet.
{% endhint %}
{% endtab %}
{% endtabs %}
```
"""

from __future__ import annotations

from typing import Any, Iterator

from ..finding import Finding
from ..model.page import Page
from ._schema import block_position, block_problems, known_children
from .base import Context

ID = "GB412"
NAME = "block-nesting"
TAGS = ("blocks", "schema")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "only": {
        "en": "`{{% {tag} %}}` may hold only {allowed} blocks; found `{{% {child} %}}`",
        "fr": "`{{% {tag} %}}` ne peut contenir que des blocs {allowed} ; trouvé `{{% {child} %}}`",
    },
    "forbidden": {
        "en": "`{{% {child} %}}` is not allowed inside `{{% {tag} %}}`",
        "fr": "`{{% {child} %}}` n'est pas permis dans `{{% {tag} %}}`",
    },
    "too-many": {
        "en": "`{{% {tag} %}}` holds at most {limit} blocks; found {count}",
        "fr": "`{{% {tag} %}}` contient au plus {limit} blocs ; trouvé {count}",
    },
    "outside": {
        "en": "`{{% {tag} %}}` must be directly inside {allowed}; here it is not inside any block",
        "fr": "`{{% {tag} %}}` doit être directement dans {allowed} ; ici il n'est dans aucun bloc",
    },
    "wrong-parent": {
        "en": "`{{% {tag} %}}` must be directly inside {allowed}; here it is inside `{{% {parent} %}}`",
        "fr": "`{{% {tag} %}}` doit être directement dans {allowed} ; ici il est dans `{{% {parent} %}}`",
    },
}
DOC_FR = """Un bloc `{% %}` est placé là où GitBook ne l'accepte pas : mauvais conteneur ou mauvais contenu.

Quoi
: Vérifie quels blocs peuvent en contenir d'autres, comme le dit `schemas/blocks.schema.json` :
  `tabs` ne contient que des `tab`, `stepper` que des `step`, `columns` que des `column` (deux au
  plus), `updates` que des `update` ; un `tab`, `step`, `column` ou `update` doit être
  directement dans son conteneur ; pas de `stepper` dans un `step`. Le signalement pointe le
  bloc mal placé.

Pourquoi
: L'éditeur de GitBook ne sait pas représenter ces formes : à l'import il supprime le bloc mal
  placé ou aplatit le conteneur, et la page perd du contenu ou sa mise en page au prochain
  enregistrement.

Mauvais

Bon
"""


def _tags(value: Any) -> str:
    """`{% tab %}` from the schema's `const`/`enum` value."""
    names = value if isinstance(value, list) else [value]
    return ", ".join(f"`{{% {name} %}}`" for name in names)


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for block, problem in block_problems(page, ctx.lang):
        location, keyword = problem.location, problem.keyword
        position = block_position(block, location)
        children = known_children(block)
        if location[:1] == ("children",) and keyword in ("maxItems",):
            limit = problem.args["limit"]
            extra = children[limit] if limit < len(children) else block
            yield ctx.finding((extra.line, extra.column), "too-many", tag=block.name, limit=limit, count=len(children))
        elif location[:1] == ("children",) and len(location) >= 2 and isinstance(location[1], int):
            child = children[location[1]].name
            if keyword in ("const", "enum"):
                yield ctx.finding(position, "only", tag=block.name, allowed=_tags(problem.value), child=child)
            else:
                yield ctx.finding(position, "forbidden", tag=block.name, child=child)
        elif location == ("parent",) and keyword in ("const", "enum"):
            allowed = _tags(problem.value)
            if block.parent is None:
                yield ctx.finding(position, "outside", tag=block.name, allowed=allowed)
            else:
                yield ctx.finding(position, "wrong-parent", tag=block.name, allowed=allowed, parent=block.parent.name)
