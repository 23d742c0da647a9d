"""A GitBook block is closed by the wrong end tag.

What
: Reports an end tag that meets an open block of another name: `{% endtab %}` while a
  `{% hint %}` inside the tab is still open, or a misspelt `{% endhnit %}`.

Why
: GitBook pairs tags strictly; a wrong end tag leaves the inner block open and breaks the layout
  of everything after it.

Bad
```markdown
{% tab title="Acheteur" %}
{% hint style="info" %}
Texte.
{% endtab %}
```

Good
```markdown
{% tab title="Acheteur" %}
{% hint style="info" %}
Texte.
{% endhint %}
{% endtab %}
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ._pairing import problems_of_kind
from .base import Context

ID = "GB022"
NAME = "mismatched-end-tag"
TAGS = ("syntax", "blocks")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "mismatched": {
        "en": "`{{% end{name} %}}` meets `{{% {open} %}}` opened on line {line}, which is not closed",
        "fr": "`{{% end{name} %}}` rencontre `{{% {open} %}}` ouvert à la ligne {line}, qui n'est pas fermé",
    },
    "close-first": {
        "en": "close it first with `{{% end{open} %}}`",
        "fr": "fermez-le d'abord avec `{{% end{open} %}}`",
    },
}
DOC_FR = """Un bloc GitBook est fermé par la mauvaise balise de fin.

Quoi
: Signale une balise de fin qui rencontre un bloc ouvert d'un autre nom : `{% endtab %}` alors
  qu'un `{% hint %}` est encore ouvert dans l'onglet, ou un `{% endhnit %}` mal orthographié.

Pourquoi
: GitBook apparie les balises strictement ; une mauvaise balise de fin laisse le bloc intérieur
  ouvert et casse la mise en page de tout ce qui suit.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for ref in problems_of_kind(page, "mismatched"):
        yield ctx.finding(
            ref, "mismatched", fix="close-first", name=ref.tag.name, open=ref.other_name, line=ref.other_line
        )
