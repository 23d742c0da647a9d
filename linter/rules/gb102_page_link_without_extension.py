"""A link names a page without its `.md`, which GitBook cannot open.

What
: Reports a relative link such as `[x](chapitre)` whose last segment has no extension and names
  neither a file nor a folder of the space. When `chapitre.md` exists, the fix is to write it.

Why
: GitBook links pages by their file: `chapitre` is not `chapitre.md`, so the link is lost on
  the next sync, while a Markdown preview on GitHub may still seem to work.

Bad
```markdown
Voir [le chapitre suivant](chapitre).
```

Good
```markdown
Voir [le chapitre suivant](chapitre.md), ou [le dossier](chapitres/).
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ..model.references import NO_EXTENSION, Suggestion
from ._links import FIX_MESSAGES, missing_path_finding, noting_repeat, page_references, suggestion_link
from .base import Context

ID = "GB102"
NAME = "page-link-without-extension"
TAGS = ("links", "files")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "no-extension": {
        "en": "link `{link}` names a page without `.md`: GitBook cannot open `{wanted}`",
        "fr": "le lien `{link}` désigne une page sans `.md` : GitBook ne peut pas ouvrir `{wanted}`",
    },
    "add-extension": {
        "en": "write `{suggestion}`",
        "fr": "écrivez `{suggestion}`",
    },
    **FIX_MESSAGES,
}
DOC_FR = """Un lien désigne une page sans son `.md`, que GitBook ne sait pas ouvrir.

Quoi
: Signale un lien relatif comme `[x](chapitre)` dont le dernier segment n'a pas d'extension et
  ne désigne ni un fichier ni un dossier de l'espace. Quand `chapitre.md` existe, la correction
  est de l'écrire.

Pourquoi
: GitBook relie les pages par leur fichier : `chapitre` n'est pas `chapitre.md`, donc le lien
  est perdu à la synchronisation suivante, alors qu'un aperçu Markdown sur GitHub peut sembler
  fonctionner.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for reference in page_references(page, ctx, NO_EXTENSION):
        wanted = reference.target.wanted if reference.target else ""
        with_md = ctx.site.lookup(wanted + ".md")
        if with_md is None:
            yield missing_path_finding(ctx, page, reference, "no-extension", look_for=wanted + ".md")
            continue
        link = reference.link.target
        suggestion = suggestion_link(ctx, page, Suggestion(with_md, "with-extension"), link)
        finding = ctx.finding(
            reference.link, "no-extension", fix="add-extension", target=wanted, link=link, wanted=wanted, suggestion=suggestion
        )
        yield noting_repeat(ctx, reference, finding)
