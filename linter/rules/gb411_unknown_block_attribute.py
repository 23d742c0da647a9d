"""A `{% %}` block has an attribute GitBook does not know for that tag.

What
: Reports each attribute that the tag's definition in `schemas/blocks.schema.json` does not list,
  at the attribute, naming the closest known one (`{% tab titel="…" %}` → `title`), or saying
  the tag takes none (`{% tabs first="…" %}`). Legacy attributes GitBook still reads (`caption`
  on embed and file) are known.

Why
: GitBook ignores an attribute it does not know and drops it on the next save from the editor:
  a misspelt attribute is a setting that silently never applied. Attributes of the old GitBook
  CLI plugins (`{% tabs first="…" second="…" %}`) are the usual cause.

Bad
```markdown
{% code title="commande.sh" wrap="true" %}
```

Good
```markdown
{% code title="commande.sh" overflow="wrap" %}
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ._schema import block_position, block_problems
from .base import Context

ID = "GB411"
NAME = "unknown-block-attribute"
TAGS = ("blocks", "schema")
SEVERITY = "warning"
SCOPE = "page"
MESSAGES = {
    "unknown": {
        "en": "`{{% {tag} %}}`: unknown attribute `{name}`; known: {known}",
        "fr": "`{{% {tag} %}}` : attribut inconnu `{name}` ; attributs connus : {known}",
    },
    "unknown-close": {
        "en": "`{{% {tag} %}}`: unknown attribute `{name}`; did you mean `{close}`?",
        "fr": "`{{% {tag} %}}` : attribut inconnu `{name}` ; vouliez-vous dire `{close}` ?",
    },
    "none": {
        "en": "`{{% {tag} %}}` takes no attribute; found `{name}`",
        "fr": "`{{% {tag} %}}` ne prend aucun attribut ; trouvé `{name}`",
    },
}
DOC_FR = """Un bloc `{% %}` a un attribut que GitBook ne connaît pas pour cette balise.

Quoi
: Signale chaque attribut que la définition de la balise dans `schemas/blocks.schema.json` ne
  liste pas, sur l'attribut, en nommant l'attribut connu le plus proche
  (`{% tab titel="…" %}` → `title`), ou en disant que la balise n'en prend aucun
  (`{% tabs first="…" %}`). Les attributs hérités que GitBook lit encore (`caption` d'embed et de
  file) sont connus.

Pourquoi
: GitBook ignore un attribut qu'il ne connaît pas et le supprime au prochain enregistrement
  depuis l'éditeur : un attribut mal orthographié est un réglage qui ne s'est jamais appliqué.
  Les attributs des anciens plugins de GitBook CLI (`{% tabs first="…" second="…" %}`) en sont la
  cause habituelle.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for block, problem in block_problems(page, ctx.lang):
        if problem.location[:1] != ("attributes",) or not problem.is_unknown_key:
            continue
        position = block_position(block, problem.location)
        name = problem.args["name"]
        if "close" in problem.args:
            yield ctx.finding(position, "unknown-close", tag=block.name, name=name, close=problem.args["close"])
        elif problem.args.get("allowed", "—") == "—":  # the schema lists no attribute for this tag
            yield ctx.finding(position, "none", tag=block.name, name=name)
        else:
            yield ctx.finding(position, "unknown", tag=block.name, name=name, known=problem.args["allowed"])
