"""A page is listed in SUMMARY.md more than once with its sub-pages.

What
: Reports every SUMMARY.md item, after the first, that leads to the same page (whatever the
  spelling: `dir/` and `dir/README.md`, percent-encoding, NFC or NFD accents) and holds
  sub-items, as the first does. An entry without sub-items that repeats a page is a link entry:
  GitBook writes its sidebar links to a page exactly so, and reads them back. An item that
  points at a heading (`* [Boutons](inline.md#boutons)`) is an entry for that heading: not a
  duplicate either (GB201 checks its fragment).

Why
: GitBook gives each page one place in the table of contents and one URL: the page's sub-pages
  cannot hang under two entries. The Git Sync of such a file keeps only one of them.

Bad
```markdown
* [Démarrer](guide/demarrer.md)
  * [Installer](guide/installer.md)
* [Premiers pas](guide/demarrer.md)
  * [Configurer](guide/configurer.md)
```

Good
```markdown
* [Démarrer](guide/demarrer.md)
  * [Installer](guide/installer.md)
  * [Configurer](guide/configurer.md)
* [Premiers pas](guide/demarrer.md)
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
        "en": "`{page}` is already listed with sub-pages in SUMMARY.md at line {first}; a page's sub-pages hang under one entry only",
        "fr": "`{page}` figure déjà avec des sous-pages dans SUMMARY.md à la ligne {first} ; les sous-pages d'une page ne pendent que sous une entrée",
    },
    "remove": {
        "en": "move these sub-items under the first entry, or point this item at another page",
        "fr": "déplacez ces sous-éléments sous la première entrée, ou faites pointer cet élément vers une autre page",
    },
}
DOC_FR = """Une page figure plusieurs fois dans SUMMARY.md avec ses sous-pages.

Quoi
: Signale chaque élément de SUMMARY.md, après le premier, qui mène à la même page (quelle que soit
  l'écriture : `dossier/` et `dossier/README.md`, encodage `%xx`, accents NFC ou NFD) et porte des
  sous-éléments, comme le premier. Une entrée sans sous-éléments qui répète une page est une
  entrée de lien : GitBook écrit ainsi ses liens de barre latérale vers une page, et les relit.
  Un élément qui pointe vers un titre (`* [Boutons](inline.md#boutons)`) est une entrée pour ce
  titre : pas un doublon non plus (GB201 vérifie son fragment).

Pourquoi
: GitBook donne à chaque page une seule place dans la table des matières et une seule URL : les
  sous-pages d'une page ne peuvent pas pendre sous deux entrées. La synchronisation Git d'un tel
  fichier n'en garde qu'une.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    for page, listed in site.summary_listing.items():
        # `page.md#id` is a heading entry; an entry without sub-items may be a link entry (GitBook
        # writes its sidebar links to a page this way): only a page's sub-pages cannot be twice
        items = [item for item in listed if not item.is_heading and item.children]
        if len(items) < 2:
            continue
        first = items[0]
        for item in items[1:]:
            at = item.link or item
            yield ctx.finding(at, "duplicate", fix="remove", path=site.summary_path, target=page, page=page, first=first.line)
