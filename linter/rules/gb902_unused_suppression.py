"""A suppression comment silences nothing.

What
: Reports a `<!-- gitbook-lint-disable… -->` comment (or one rule it names) under which no
  finding of that rule was silenced in this run. A rule left out of the run (by `select`,
  `ignore` or a severity of `off`) is not judged, and a comment naming no rule is judged only
  when every rule that is on by default ran.

Why
: Suppressions outlive the problem they hid: once the page is fixed, a leftover comment would
  silence the next, real problem at that spot without anyone noticing.

Bad
```markdown
<!-- gitbook-lint-disable-next-line unclosed-block -->
{% hint style="info" %}
Tout va bien.
{% endhint %}
```

Good
```markdown
{% hint style="info" %}
Tout va bien.
{% endhint %}
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from ..suppress import Directive, directives
from . import all_rules
from .base import Context

ID = "GB902"
NAME = "unused-suppression"
TAGS = ("suppressions",)
SEVERITY = "warning"
SCOPE = "suppressions"  # runs after the suppression pass, over the site
MESSAGES = {
    "unused": {
        "en": "`gitbook-lint-{kind}` for {rule} silences nothing here",
        "fr": "`gitbook-lint-{kind}` pour {rule} ne fait rien taire ici",
    },
    "unused-all": {
        "en": "`gitbook-lint-{kind}` silences nothing here",
        "fr": "`gitbook-lint-{kind}` ne fait rien taire ici",
    },
    "remove": {
        "en": "remove it (or the rule's name from it)",
        "fr": "supprimez-le (ou le nom de la règle qu'il cite)",
    },
}
DOC_FR = """Un commentaire de suppression ne fait rien taire.

Quoi
: Signale un commentaire `<!-- gitbook-lint-disable… -->` (ou une règle qu'il nomme) sous
  lequel aucun signalement de cette règle n'a été tu pendant l'exécution. Une règle écartée de
  l'exécution (par `select`, `ignore` ou une sévérité `off`) n'est pas jugée, et un commentaire
  qui ne nomme aucune règle n'est jugé que si toutes les règles actives par défaut ont tourné.

Pourquoi
: Les suppressions survivent au problème qu'elles cachaient : une fois la page corrigée, un
  commentaire oublié ferait taire le prochain vrai problème à cet endroit sans que personne ne le
  voie.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    """Run by the engine after the suppression pass, whose record (`ctx.suppressions`) says
    which comments silenced something and which rules ran."""
    outcome = ctx.suppressions
    if outcome is None:
        return
    everything = {rule.id for rule in all_rules() if rule.enabled_by_default}
    for page in site.pages.values():
        for directive in directives(page):
            if directive.kind == "enable":
                continue
            if not directive.selectors:
                # "every rule" can only be judged when every rule on by default ran
                if id(directive) not in outcome.used and outcome.ran >= everything:
                    yield ctx.finding(directive, "unused-all", path=page.path, fix="remove", kind=directive.kind)
                continue
            yield from _unused_selectors(page.path, directive, outcome.used, outcome.ran, ctx)


def _unused_selectors(path: str, directive: Directive, used: set[int], ran: frozenset[str], ctx: Context) -> Iterator[Finding]:
    for selector in directive.selectors:
        # Only what ran can be judged: a rule left out of this run may well be silenced.
        if selector.rules and id(selector) not in used and selector.rules <= ran:
            yield ctx.finding(selector, "unused", path=path, fix="remove", rule=selector.text, kind=directive.kind)
