"""A Markdown page of the space that SUMMARY.md does not list.

What
: Reports a `.md` page that no SUMMARY.md item leads to. The space's home page (the root
  README, or `structure.readme` of `.gitbook.yaml`), SUMMARY.md itself and the files under
  `.gitbook/` (reusable blocks in `.gitbook/includes/`) are not pages of the table of contents
  and are never reported. A space without SUMMARY.md has no orphans: GitBook then builds the
  table of contents from the folders. Files that live in the repository but are not meant for
  GitBook (`CONTRIBUTING.md`, a `drafts/` folder) can be left out with the `ignore` option, a
  list of glob patterns matched against root-relative paths (`drafts/**`, `CONTRIBUTING.md`).

Why
: GitBook imports only the pages SUMMARY.md lists: an orphan page is not published, its edits
  never show up, and links to it from other pages lead nowhere on the site. Orphans are often an
  old copy left behind after a move in GitBook, or a page added in Git and never listed.

Bad
```markdown
# Table of contents

* [Accueil](README.md)
<!-- guide/demarrer.md exists but is not listed -->
```

Good
```markdown
# Table of contents

* [Accueil](README.md)
* [Démarrer](guide/demarrer.md)
```
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Any, Iterator

from ..finding import Finding
from ..model.site import Site
from .base import Context

ID = "GB315"
NAME = "orphan-page"
TAGS = ("structure", "summary")
SEVERITY = "warning"
SCOPE = "site"
OPTIONS = {
    "ignore": {
        "type": "array",
        "items": {"type": "string"},
        "description": "Glob patterns of root-relative paths that are not GitBook pages (`CONTRIBUTING.md`, `drafts/**`).",
    },
}
DEFAULTS: dict[str, Any] = {"ignore": []}
MESSAGES = {
    "orphan": {
        "en": "this page is not listed in {summary}: GitBook does not publish it",
        "fr": "cette page ne figure pas dans {summary} : GitBook ne la publie pas",
    },
    "list-it": {
        "en": "add `* [Title]({link})` to {summary}, or delete the page if it is an old copy",
        "fr": "ajoutez `* [Titre]({link})` à {summary}, ou supprimez la page si c'est une ancienne copie",
    },
}
DOC_FR = """Une page Markdown de l'espace que SUMMARY.md ne liste pas.

Quoi
: Signale une page `.md` à laquelle aucun élément de SUMMARY.md ne mène. La page d'accueil de
  l'espace (le README de la racine, ou `structure.readme` de `.gitbook.yaml`), SUMMARY.md
  lui-même et les fichiers sous `.gitbook/` (blocs réutilisables de `.gitbook/includes/`) ne sont
  pas des pages de la table des matières et ne sont jamais signalés. Un espace sans SUMMARY.md n'a
  pas d'orphelines : GitBook construit alors la table des matières à partir des dossiers. Les
  fichiers du dépôt qui ne sont pas destinés à GitBook (`CONTRIBUTING.md`, un dossier
  `brouillons/`) s'excluent avec l'option `ignore`, une liste de motifs glob comparés aux chemins
  depuis la racine (`brouillons/**`, `CONTRIBUTING.md`).

Pourquoi
: GitBook n'importe que les pages listées dans SUMMARY.md : une page orpheline n'est pas publiée,
  ses modifications n'apparaissent jamais, et les liens vers elle depuis d'autres pages ne mènent
  nulle part sur le site. C'est souvent une ancienne copie restée après un déplacement dans
  GitBook, ou une page ajoutée dans Git et jamais listée.

Mauvais
```markdown
# Table of contents

* [Accueil](README.md)
<!-- guide/demarrer.md existe mais n'est pas listée -->
```

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    if site.summary is None:
        return
    listed = site.summary_listing
    home = site.lookup(site.readme_path)
    ignored = list(ctx.options.get("ignore") or [])
    for path in site.pages:
        if path in listed or path in (site.summary_path, home) or path.startswith(".gitbook/"):
            continue
        if any(fnmatchcase(path, pattern) for pattern in ignored):
            continue
        link = site.relative_link(site.summary_path, path)
        link = path if link.endswith("/") else link  # SUMMARY names folder pages `dir/README.md`
        yield ctx.finding((1, 1), "orphan", fix="list-it", path=path, target=path, summary=site.summary_path, link=link)
