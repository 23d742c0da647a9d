"""A `{% %}` block sits where GitBook does not allow it: wrong container or wrong child.

What
: Checks which blocks may hold which, as `schemas/blocks.schema.json` says: `tabs` holds only
  `tab`, `stepper` only `step`, `columns` only `column` (at most two), `updates` only `update`;
  a `tab`, `step`, `column` or `update` must sit directly inside its container; no `stepper`
  inside a `step`. Content written directly in `tabs`, `stepper`, `columns` or `updates`,
  outside any of their child blocks (a paragraph, a list, a figure), is reported too: GitBook
  drops it. The finding points at the misplaced block or content. A container opened and never
  closed is GB021's finding alone: the blocks it holds are not also reported here.

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
from ..model.elements import Block
from ..model.page import Page
from ._schema import block_position, block_problems, child_names, known_children
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
    "loose": {
        "en": "content directly inside `{{% {tag} %}}`, outside any {allowed}: GitBook drops it",
        "fr": "contenu directement dans `{{% {tag} %}}`, hors de tout {allowed} : GitBook le supprime",
    },
    "move-into": {
        "en": "move it into a {allowed}, or out of the block",
        "fr": "déplacez-le dans un {allowed}, ou hors du bloc",
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
  directement dans son conteneur ; pas de `stepper` dans un `step`. Un contenu écrit
  directement dans `tabs`, `stepper`, `columns` ou `updates`, hors de leurs blocs enfants (un
  paragraphe, une liste, une figure), est signalé aussi : GitBook le supprime. Le signalement
  pointe le bloc ou le contenu mal placé. Un conteneur ouvert et jamais fermé relève de GB021
  seule : les blocs qu'il contient ne sont pas signalés ici en plus.

Pourquoi
: L'éditeur de GitBook ne sait pas représenter ces formes : à l'import il supprime le bloc mal
  placé ou aplatit le conteneur, et la page perd du contenu ou sa mise en page au prochain
  enregistrement.

Mauvais

Bon
"""


def _left_open(page: Page, block: Block, allowed: Any) -> bool:
    """Whether an allowed container was opened before `block`, inside its parent, and never
    closed: `{% tabs %}` without `{% endtabs %}` leaves its tabs in no block, one root cause."""
    names = allowed if isinstance(allowed, list) else [allowed]
    after = block.parent.line if block.parent is not None else 0
    return any(
        ref.problem == "unclosed" and ref.tag.name in names and after < ref.line < block.line for ref in page.tag_lines
    )


def _tags(value: Any) -> str:
    """`{% tab %}` from the schema's `const`/`enum` value."""
    names = value if isinstance(value, list) else [value]
    return ", ".join(f"`{{% {name} %}}`" for name in names)


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for block, problem in block_problems(page, ctx.lang):
        location, keyword = problem.location, problem.keyword
        position = block_position(block, location)
        children = known_children(block)
        if location == ("loose",) and block.loose is not None:
            allowed = _tags(child_names(block.name))
            yield ctx.finding(block.loose, "loose", fix="move-into", tag=block.name, allowed=allowed)
        elif location == ("parent",) and _left_open(page, block, problem.value):
            continue  # its container was opened and never closed: GB021 reports that, once
        elif location[:1] == ("children",) and keyword in ("maxItems",):
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
