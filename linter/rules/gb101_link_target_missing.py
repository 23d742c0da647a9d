"""A link, image or block points to a file that is not in the space.

What
: Reports a relative link whose target does not exist: Markdown links and images, HTML `href`
  and `src` (figures, buttons, cards and their covers), `{% content-ref url %}`, the legacy
  `{% page-ref page %}`, `{% file src %}` and `{% include %}`. Paths are read the way GitBook
  reads them: `%20` and other escapes decoded, `<…>` removed, `dir/` meaning `dir/README.md`, an
  accented name matching in either Unicode form (NFC or NFD). A missing file of
  `.gitbook/assets` (GB103), a page link without `.md` (GB102), GitBook's own placeholders
  (GB104) and paths that climb above the space (GB106) have their own rules. A tag whose body
  link repeats its `url` (a content-ref's `[x.md](x.md)`) is one problem, reported once, at the
  `url`. A link to this repository's own GitHub file view (`https://github.com/<owner>/<repo>/
  blob/<branch>/<path>`, GitBook's fallback for a link it could not match) is read as `<path>`
  in the working tree: reported here when that file does not exist (GB105 otherwise). The fix proposes
  the likely new place: the `.gitbook.yaml` redirect, the rename recorded by Git, or a file with
  the same name elsewhere.

Why
: GitBook cannot match the link to a page: on the next sync it rewrites it to a placeholder or a
  GitHub address, and readers land on an error page.

Bad
```markdown
Lisez [le guide](guide/demarrer.md) avant de commencer.
```

Good
```markdown
Lisez [le guide](guide/premiers-pas.md) avant de commencer.
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ..model.references import GITHUB_FALLBACK, MISSING
from ._links import FIX_MESSAGES, missing_path_finding, page_references
from .base import Context

ID = "GB101"
NAME = "link-target-missing"
TAGS = ("links", "files")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "missing": {
        "en": "link target not found: `{link}` leads to `{wanted}`, which is not in the space",
        "fr": "cible de lien introuvable : `{link}` mène à `{wanted}`, absent de l'espace",
    },
    "missing-github": {
        "en": "link target not found: `{link}` is GitBook's GitHub fallback for `{wanted}`, which is not in the repository",
        "fr": "cible de lien introuvable : `{link}` est le repli GitHub de GitBook pour `{wanted}`, absent du dépôt",
    },
    "missing-web-address": {
        "en": "link target not found: `{link}` is read as a file of the space, not as a web address",
        "fr": "cible de lien introuvable : `{link}` est lu comme un fichier de l'espace, pas comme une adresse web",
    },
    "fix-web-address": {
        "en": "if this is a web address, write it in full, with nothing before it: `{address}`",
        "fr": "s'il s'agit d'une adresse web, écrivez-la en entier, sans rien devant : `{address}`",
    },
    **FIX_MESSAGES,
}
DOC_FR = """Un lien, une image ou un bloc pointe vers un fichier absent de l'espace.

Quoi
: Signale un lien relatif dont la cible n'existe pas : liens et images Markdown, `href` et `src`
  HTML (figures, boutons, cartes et leurs couvertures), `{% content-ref url %}`, l'ancien
  `{% page-ref page %}`, `{% file src %}` et `{% include %}`. Les chemins sont lus comme GitBook
  les lit : `%20` et autres échappements décodés, `<…>` retirés, `dossier/` valant
  `dossier/README.md`, un nom accentué reconnu sous ses deux formes Unicode (NFC ou NFD). Un
  fichier absent de `.gitbook/assets` (GB103), un lien de page sans `.md` (GB102), les
  marqueurs de GitBook (GB104) et les chemins qui sortent de l'espace (GB106) ont leurs propres
  règles. Un bloc dont le lien du corps répète l'`url` (le `[x.md](x.md)` d'un content-ref) est
  un seul problème, signalé une fois, sur l'`url`. Un lien vers la vue GitHub d'un fichier de ce
  dépôt (`https://github.com/<propriétaire>/<dépôt>/blob/<branche>/<chemin>`, le repli de GitBook
  pour un lien qu'il n'a pas pu relier) se lit comme `<chemin>` dans la copie de travail :
  signalé ici quand ce fichier n'existe pas (GB105 sinon). La correction propose le nouvel emplacement probable : la redirection de
  `.gitbook.yaml`, le renommage enregistré par Git, ou un fichier du même nom ailleurs.

Pourquoi
: GitBook ne peut pas relier le lien à une page : à la synchronisation suivante, il le remplace
  par un marqueur ou une adresse GitHub, et le lecteur tombe sur une page d'erreur.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for reference in page_references(page, ctx, MISSING):
        key = "missing-github" if reference.detail == GITHUB_FALLBACK else "missing"
        yield missing_path_finding(ctx, page, reference, key)
