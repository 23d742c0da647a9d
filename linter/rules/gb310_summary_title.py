"""SUMMARY.md does not start with a `# …` title line.

What
: Reports a SUMMARY.md whose first line is not a level-1 heading (`# Table of contents` is what
  GitBook writes), for instance one that starts with a group heading `## …` or with an item.
  Blank lines before the title are tolerated.

Why
: GitBook reads the first `#` heading of SUMMARY.md as the title of the table of contents, and
  the `##` headings that follow as sidebar groups. Without the title line, the first group or
  item is misread, and GitBook rewrites the file on its next sync.

Bad
```markdown
## Guides

* [Démarrer](demarrer.md)
```

Good
```markdown
# Table of contents

## Guides

* [Démarrer](demarrer.md)
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from .base import Context

ID = "GB310"
NAME = "summary-title"
TAGS = ("structure", "summary")
SEVERITY = "warning"
SCOPE = "site"
MESSAGES = {
    "no-title": {
        "en": "SUMMARY.md must start with a `# …` title line, found `{found}`",
        "fr": "SUMMARY.md doit commencer par une ligne de titre `# …`, trouvé : `{found}`",
    },
    "write-title": {
        "en": "start the file with `# Table of contents`",
        "fr": "commencez le fichier par `# Table of contents`",
    },
}
DOC_FR = """SUMMARY.md ne commence pas par une ligne de titre `# …`.

Quoi
: Signale un SUMMARY.md dont la première ligne n'est pas un titre de niveau 1 (GitBook écrit
  `# Table of contents`), par exemple un fichier qui commence par un groupe `## …` ou par un
  élément. Les lignes vides avant le titre sont tolérées.

Pourquoi
: GitBook lit le premier titre `#` de SUMMARY.md comme le titre de la table des matières, et les
  titres `##` suivants comme des groupes de la barre latérale. Sans ligne de titre, le premier
  groupe ou élément est mal lu, et GitBook réécrit le fichier à la synchronisation suivante.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    summary = site.summary
    if summary is None:
        return
    page = summary.page
    line0 = next((n for n in range(page.index.line_count) if page.index.line_text(n).strip()), 0)
    first = page.index.line_text(line0)
    if first.startswith("# ") and first[2:].strip():
        return
    shown = first.strip() or "(empty file)"
    yield ctx.finding((line0 + 1, 1), "no-title", fix="write-title", path=page.path, found=shown[:60])
