"""Front matter is not valid YAML, not closed, or not a mapping.

What
: Reports front matter (the YAML between a first-line `---` and the next `---`) that YAML
  cannot read, that is never closed, that is not a `key: value` mapping, that writes a key twice
  (YAML keeps one of them, silently), or that uses YAML
  features GitBook never writes and that could exhaust memory (alias expansion, python tags).
  The finding points at the line and column where the YAML parser stopped.

Why
: GitBook's Git Sync fails silently on broken front matter: the page keeps its old description,
  or the YAML ends up as visible text.

Bad
```markdown
---
description: Le guide: tout savoir
---
```

Good
```markdown
---
description: "Le guide: tout savoir"
---
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from .base import Context

ID = "GB010"
NAME = "front-matter-yaml"
TAGS = ("syntax", "front-matter")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "duplicate-key": {
        "en": "the key `{name}` is written twice (first on line {first}); YAML keeps only this one, silently",
        "fr": "la clé `{name}` est écrite deux fois (d'abord ligne {first}) ; YAML ne garde que celle-ci, sans rien dire",
    },
    "invalid": {
        "en": "front matter is not valid YAML: {problem}",
        "fr": "l'en-tête YAML (front matter) n'est pas valide : {problem}",
    },
    "unterminated": {
        "en": "front matter opened by `---` on line 1 is never closed by a `---` line",
        "fr": "l'en-tête ouvert par `---` à la ligne 1 n'est jamais fermé par une ligne `---`",
    },
    "not-mapping": {
        "en": "front matter must be `key: value` pairs, found {found}",
        "fr": "l'en-tête doit être une suite de paires `clé: valeur`, trouvé : {found}",
    },
}
DOC_FR = """L'en-tête YAML (front matter) n'est pas du YAML valide, n'est pas fermé ou n'est pas un dictionnaire.

Quoi
: Signale un en-tête (le YAML entre un `---` en première ligne et le `---` suivant) illisible,
  jamais fermé, qui n'est pas une suite de paires `clé: valeur`, qui écrit deux fois la même clé
  (YAML n'en garde qu'une, sans rien dire), ou qui utilise des fonctions de
  YAML que GitBook n'écrit jamais (alias, balises python). Le signalement pointe la ligne et la
  colonne où l'analyseur YAML s'est arrêté.

Pourquoi
: La synchronisation Git de GitBook échoue sans bruit sur un en-tête cassé : la page garde son
  ancienne description, ou le YAML s'affiche comme du texte.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for problem in page.problems:
        if problem.kind == "front-matter-unterminated":
            yield ctx.finding(problem, "unterminated")
    matter = page.front_matter
    if matter is None:
        return
    if matter.problem is not None:
        yield ctx.finding(matter.problem.position, "invalid", problem=matter.problem.message)
    elif matter.data is not None and not isinstance(matter.data, dict):
        yield ctx.finding((matter.first_line, 1), "not-mapping", found=type(matter.data).__name__)
    for key_path, where, first in matter.duplicates:
        yield ctx.finding(where, "duplicate-key", name=".".join(map(str, key_path)), first=first)
