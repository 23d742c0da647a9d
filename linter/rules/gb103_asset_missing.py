"""An image or file of `.gitbook/assets` that is not there.

What
: Reports a link, image, `src`, `{% file src %}` or card cover that points into
  `.gitbook/assets/` at a file that does not exist. Names are compared the way GitBook does:
  `%20` or raw spaces, `<…>`, accents in NFC or NFD form. A separate rule from GB101 so that a
  space can treat missing uploads apart from missing pages. The fix proposes a file with the
  same name elsewhere, or the rename Git recorded.

Why
: The reader sees a broken image or a download that fails. Uploads are renamed by GitBook
  (` (1).png` suffixes) and lost when a page is copied between spaces.

Bad
```markdown
![Le parcours](../.gitbook/assets/parcours-usager.png)
```

Good
```markdown
![Le parcours](<../.gitbook/assets/parcours usager (1).png>)
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ..model.references import ASSET_MISSING
from ._links import FIX_MESSAGES, missing_path_finding, page_references
from .base import Context

ID = "GB103"
NAME = "asset-missing"
TAGS = ("links", "files", "assets")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "missing": {
        "en": "asset not found: `{link}` leads to `{wanted}`, which is not in .gitbook/assets",
        "fr": "fichier introuvable : `{link}` mène à `{wanted}`, absent de .gitbook/assets",
    },
    **FIX_MESSAGES,
}
DOC_FR = """Une image ou un fichier de `.gitbook/assets` qui n'y est pas.

Quoi
: Signale un lien, une image, un `src`, un `{% file src %}` ou une couverture de carte qui
  pointe dans `.gitbook/assets/` vers un fichier inexistant. Les noms sont comparés comme le
  fait GitBook : `%20` ou espaces, `<…>`, accents en forme NFC ou NFD. Règle distincte de GB101
  pour qu'un espace puisse traiter à part les fichiers téléversés manquants. La correction
  propose un fichier du même nom ailleurs, ou le renommage enregistré par Git.

Pourquoi
: Le lecteur voit une image cassée ou un téléchargement qui échoue. GitBook renomme les
  fichiers téléversés (suffixes ` (1).png`) et les perd quand une page est copiée d'un espace à
  l'autre.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for reference in page_references(page, ctx, ASSET_MISSING):
        yield missing_path_finding(ctx, page, reference, "missing")
