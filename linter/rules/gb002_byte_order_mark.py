"""A page starts with a byte-order mark (BOM).

What
: Reports a file whose first bytes are the UTF-8 byte-order mark `EF BB BF`.

Why
: GitBook expects front matter at the very first byte: behind a BOM, the opening `---` is not
  seen and the front matter is shown as text. Some Windows editors add the mark silently.

Bad
: `\\ufeff---` followed by `description: …` on the next line.

Good
: The same file saved as "UTF-8" without BOM.
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from .base import Context

ID = "GB002"
NAME = "byte-order-mark"
TAGS = ("syntax", "files")
SEVERITY = "warning"
SCOPE = "page"
MESSAGES = {
    "bom": {
        "en": "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
        "fr": "le fichier commence par une marque d'ordre des octets (BOM) ; enregistrez-le en UTF-8 sans BOM",
    },
}
DOC_FR = """Une page commence par une marque d'ordre des octets (BOM).

Quoi
: Signale un fichier dont les premiers octets sont la marque UTF-8 `EF BB BF`.

Pourquoi
: GitBook attend l'en-tête YAML dès le premier octet : derrière une BOM, le `---` d'ouverture
  n'est pas reconnu et l'en-tête s'affiche comme du texte.

Mauvais
: `\\ufeff---` suivi de `description: …` à la ligne suivante.

Bon
: Le même fichier enregistré en « UTF-8 » sans BOM.
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for problem in page.problems:
        if problem.kind == "bom":
            yield ctx.finding(problem, "bom")
