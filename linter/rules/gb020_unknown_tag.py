"""A `{% … %}` tag that GitBook does not know.

What
: Reports a tag line whose name is not one of GitBook's blocks (hint, tabs, tab, content-ref,
  page-ref, embed, file, code, include, stepper, step, columns, column, updates, update, openapi…,
  swagger…, api-method…, if, prompt).

Why
: GitBook shows an unknown tag as literal text, or drops it on the next save from the editor.
  Tags of the old GitBook CLI plugins (`{% content "first" %}`) and misspellings are the usual
  causes.

Bad
```markdown
{% hnit style="info" %}
Pensez à sauvegarder.
{% endhint %}
```

Good
```markdown
{% hint style="info" %}
Pensez à sauvegarder.
{% endhint %}
```
"""

from __future__ import annotations

import difflib
from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ..parse.tags import KNOWN_TAGS
from .base import Context

ID = "GB020"
NAME = "unknown-tag"
TAGS = ("syntax", "blocks")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "unknown": {
        "en": "unknown GitBook tag `{{% {name} %}}`",
        "fr": "balise GitBook inconnue `{{% {name} %}}`",
    },
    "unknown-close": {
        "en": "unknown GitBook tag `{{% {name} %}}`; did you mean `{close}`?",
        "fr": "balise GitBook inconnue `{{% {name} %}}` ; vouliez-vous dire `{close}` ?",
    },
    "did-you-mean": {
        "en": "write `{{% {close} … %}}`",
        "fr": "écrivez `{{% {close} … %}}`",
    },
}
DOC_FR = """Une balise `{% … %}` que GitBook ne connaît pas.

Quoi
: Signale une ligne de balise dont le nom n'est pas un bloc GitBook (hint, tabs, tab,
  content-ref, page-ref, embed, file, code, include, stepper, step, columns, column, updates,
  update, openapi…, swagger…, api-method…, if, prompt).

Pourquoi
: GitBook affiche une balise inconnue comme du texte, ou la supprime au prochain enregistrement
  depuis l'éditeur. Les balises des anciens plugins de GitBook CLI (`{% content "first" %}`) et
  les fautes de frappe en sont les causes habituelles.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for ref in page.tag_lines:
        if ref.tag.name in KNOWN_TAGS or (ref.tag.is_end and ref.problem is not None):
            continue  # an unpaired end tag is reported once, by the block-pairing rules
        close = difflib.get_close_matches(ref.tag.name, list(KNOWN_TAGS), n=1, cutoff=0.75)
        if close:
            suggestion = ("end" if ref.tag.is_end else "") + close[0]
            yield ctx.finding(ref, "unknown-close", fix="did-you-mean", name=ref.shown, close=suggestion)
        else:
            yield ctx.finding(ref, "unknown", name=ref.shown)
