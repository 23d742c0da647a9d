"""A page is listed more than once in SUMMARY.md.

What
: Reports every SUMMARY.md item after the first that leads to the same page (whatever the
  spelling: `dir/` and `dir/README.md`, percent-encoding, NFC or NFD accents). An item that
  points at a heading (`* [Boutons](inline.md#boutons)`) is an entry for that heading, which
  GitBook lists beside the page's own entry: not a duplicate (GB201 checks its fragment).

Why
: GitBook gives each page one place in the table of contents and one URL; its documentation
  states that a Markdown file cannot be referenced twice in SUMMARY.md. The Git Sync of such a
  file fails or keeps only one of the entries.

Bad
```markdown
* [Démarrer](guide/demarrer.md)
* [Premiers pas](guide/demarrer.md)
```

Good
```markdown
* [Démarrer](guide/demarrer.md)
* [Premiers pas](guide/premiers-pas.md)
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from .base import Context

ID = "GB314"
NAME = "summary-duplicate"
TAGS = ("structure", "summary")
SEVERITY = "error"
SCOPE = "site"
MESSAGES = {
    "duplicate": {
        "en": "`{page}` is already listed in SUMMARY.md at line {first}; a page can be listed only once",
        "fr": "`{page}` figure déjà dans SUMMARY.md à la ligne {first} ; une page ne peut y figurer qu'une fois",
    },
    "remove": {
        "en": "remove this item, or point it at another page",
        "fr": "retirez cet élément, ou faites-le pointer vers une autre page",
    },
}
DOC_FR = """Une page figure plusieurs fois dans SUMMARY.md.

Quoi
: Signale chaque élément de SUMMARY.md, après le premier, qui mène à la même page (quelle que soit
  l'écriture : `dossier/` et `dossier/README.md`, encodage `%xx`, accents NFC ou NFD). Un élément
  qui pointe vers un titre (`* [Boutons](inline.md#boutons)`) est une entrée pour ce titre, que
  GitBook liste à côté de l'entrée de la page : pas un doublon (GB201 vérifie son fragment).

Pourquoi
: GitBook donne à chaque page une seule place dans la table des matières et une seule URL ; sa
  documentation précise qu'un fichier Markdown ne peut pas être référencé deux fois dans
  SUMMARY.md. La synchronisation Git d'un tel fichier échoue ou ne garde qu'une des entrées.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    for page, listed in site.summary_listing.items():
        items = [item for item in listed if not item.is_heading]  # `page.md#id`: a heading entry
        if not items:
            continue
        first = items[0]
        for item in items[1:]:
            at = item.link or item
            yield ctx.finding(at, "duplicate", fix="remove", path=site.summary_path, target=page, page=page, first=first.line)
