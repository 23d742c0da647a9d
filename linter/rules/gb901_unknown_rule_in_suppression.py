"""A suppression comment names a rule that does not exist.

What
: Reports each name in a `<!-- gitbook-lint-disable… -->` or `<!-- gitbook-lint-enable… -->`
  comment that is neither a rule id (`GB021`), an id prefix (`GB2`), a rule name
  (`unclosed-block`), a tag (`links`) nor `all`.

Why
: A misspelt name silences nothing: the finding the editor meant to accept stays, or worse, a
  later reader believes a check is off when it is not.

Bad
```markdown
<!-- gitbook-lint-disable-next-line GB21 unclosed-blok -->
{% hint style="info" %}
```

Good
```markdown
<!-- gitbook-lint-disable-next-line GB021 unclosed-block -->
{% hint style="info" %}
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ..suppress import directives
from ..words import closest
from . import all_rules
from .base import Context

ID = "GB901"
NAME = "unknown-rule-in-suppression"
TAGS = ("suppressions",)
SEVERITY = "warning"
SCOPE = "page"
MESSAGES = {
    "unknown": {
        "en": "`gitbook-lint-{kind}` names {name!r}, which is no rule id, name or tag",
        "fr": "`gitbook-lint-{kind}` nomme {name!r}, qui n'est ni un identifiant, ni un nom, ni une étiquette de règle",
    },
    "did-you-mean": {
        "en": "did you mean {closest!r}?",
        "fr": "vouliez-vous dire {closest!r} ?",
    },
    "see-rules": {
        "en": "`gitbook-lint rules` lists the rules",
        "fr": "`gitbook-lint rules` liste les règles",
    },
}
DOC_FR = """Un commentaire de suppression nomme une règle qui n'existe pas.

Quoi
: Signale chaque nom d'un commentaire `<!-- gitbook-lint-disable… -->` ou
  `<!-- gitbook-lint-enable… -->` qui n'est ni un identifiant de règle (`GB021`), ni un préfixe
  d'identifiant (`GB2`), ni un nom de règle (`unclosed-block`), ni une étiquette (`links`), ni `all`.

Pourquoi
: Un nom mal orthographié ne fait rien taire : le signalement que l'équipe voulait accepter reste,
  ou pire, un relecteur croit une vérification désactivée alors qu'elle ne l'est pas.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for directive in directives(page):
        for selector in directive.selectors:
            if selector.rules or selector.text == "all":
                continue
            closest = _closest(selector.text)
            fix = "did-you-mean" if closest else "see-rules"
            yield ctx.finding(selector, "unknown", fix=fix, kind=directive.kind, name=selector.text, closest=closest)


def _closest(name: str) -> str:
    return closest(name, [word for rule in all_rules() for word in (rule.id, rule.name)]) or ""
