"""An end tag with no opening tag.

What
: Reports `{% endhint %}`, `{% endtab %}`… when no block of that name is open in the same
  container (the same list item, quote or parent block).

Why
: A stray end tag shows as literal text in GitBook; it usually means the opening tag was deleted
  or sits inside a list item while its end does not.

Bad
```markdown
Texte.
{% endhint %}
```

Good
```markdown
{% hint style="info" %}
Texte.
{% endhint %}
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ._pairing import problems_of_kind
from .base import Context

ID = "GB023"
NAME = "stray-end-tag"
TAGS = ("syntax", "blocks")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "stray": {
        "en": "`{{% end{name} %}}` has no opening `{{% {name} %}}`",
        "fr": "`{{% end{name} %}}` n'a pas de balise d'ouverture `{{% {name} %}}`",
    },
}
DOC_FR = """Une balise de fin sans balise d'ouverture.

Quoi
: Signale `{% endhint %}`, `{% endtab %}`… quand aucun bloc de ce nom n'est ouvert dans le même
  conteneur (le même élément de liste, la même citation ou le même bloc parent).

Pourquoi
: Une balise de fin orpheline s'affiche comme du texte dans GitBook ; le plus souvent la balise
  d'ouverture a été supprimée, ou se trouve dans un élément de liste alors que la fin n'y est pas.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for ref in problems_of_kind(page, "stray"):
        yield ctx.finding(ref, "stray", name=ref.tag.name)
