"""GitBook lost the target of this link and left a placeholder.

What
: Reports the placeholders GitBook writes when a link's target was deleted or moved out of its
  reach: `broken-reference` (bare, `broken-reference/`, `../x/broken-reference`), and since 2025
  `/broken/pages/<id>`, `/broken/spaces/<id>/pages/<id>`, `/broken/spaces/<id>`,
  `/broken/files/<id>`, also at the end of a GitHub file view (`https://github.com/…/blob/main/
  broken-reference/README.md`, `…/broken/pages/<id>/README.md`: GitBook's GitHub fallback for a
  link it had already lost); also a link or `content-ref` whose text is GitBook's `Broken link`.
  Reported here only, not as a missing file. Inside an OpenAPI block (`{% openapi-operation %}`,
  `{% openapi %}`…) the body link is a fallback readers never see, the block showing the API from
  its spec: a placeholder there is only information.

Why
: The published link leads nowhere. Only a person knows which page it meant: the placeholder has
  erased the original path.

Bad
```markdown
Consultez [la charte](broken-reference) et [le guide](/broken/pages/aBcD1234).
```

Good
```markdown
Consultez [la charte](../equipe/charte.md) et [le guide](guide.md).
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ..model.references import PLACEHOLDER
from ._content import severity_for
from ._links import REPEAT_MESSAGES, noting_repeat, page_references
from .base import Context

ID = "GB104"
NAME = "broken-link-placeholder"
TAGS = ("links",)
SEVERITY = "error"
SCOPE = "page"
_LOST = {
    "en": "GitBook lost the target of this link: ",
    "fr": "GitBook a perdu la cible de ce lien : ",
}
MESSAGES = {
    **REPEAT_MESSAGES,
    "broken-reference": {
        "en": _LOST["en"] + "`{link}` is its `broken-reference` placeholder",
        "fr": _LOST["fr"] + "`{link}` est son marqueur `broken-reference`",
    },
    "broken-pages": {
        "en": _LOST["en"] + "`{link}` is its placeholder for a deleted or moved page",
        "fr": _LOST["fr"] + "`{link}` est son marqueur de page supprimée ou déplacée",
    },
    "broken-spaces-pages": {
        "en": _LOST["en"] + "`{link}` is its placeholder for a page of another space",
        "fr": _LOST["fr"] + "`{link}` est son marqueur de page d'un autre espace",
    },
    "broken-spaces": {
        "en": _LOST["en"] + "`{link}` is its placeholder for a space it cannot reach",
        "fr": _LOST["fr"] + "`{link}` est son marqueur d'un espace qu'il ne peut atteindre",
    },
    "broken-files": {
        "en": _LOST["en"] + "`{link}` is its placeholder for a deleted file",
        "fr": _LOST["fr"] + "`{link}` est son marqueur de fichier supprimé",
    },
    "broken-link-text": {
        "en": _LOST["en"] + "its text is GitBook's `Broken link` placeholder",
        "fr": _LOST["fr"] + "son texte est le marqueur `Broken link` de GitBook",
    },
    "hidden": {
        "en": "`{link}` is a GitBook placeholder in the body of an `{block}` block, which readers never see: "
        "the block shows the API from its spec",
        "fr": "`{link}` est un marqueur de GitBook dans le corps d'un bloc `{block}`, que les lecteurs ne voient "
        "jamais : le bloc affiche l'API d'après sa spécification",
    },
    "leave-hidden": {
        "en": "nothing to fix for readers; GitBook writes this line again when the block's spec is set",
        "fr": "rien à corriger pour les lecteurs ; GitBook réécrit cette ligne quand la spécification du bloc est renseignée",
    },
    "relink": {
        "en": "link it again to the page it meant, or remove it",
        "fr": "reliez-le à la page visée, ou supprimez-le",
    },
}
DOC_FR = """GitBook a perdu la cible de ce lien et laissé un marqueur.

Quoi
: Signale les marqueurs que GitBook écrit quand la cible d'un lien a été supprimée ou déplacée
  hors de sa portée : `broken-reference` (seul, `broken-reference/`, `../x/broken-reference`),
  et depuis 2025 `/broken/pages/<id>`, `/broken/spaces/<id>/pages/<id>`, `/broken/spaces/<id>`,
  `/broken/files/<id>`, y compris au bout d'une vue de fichier GitHub
  (`https://github.com/…/blob/main/broken-reference/README.md`, `…/broken/pages/<id>/README.md` :
  le repli GitHub de GitBook pour un lien déjà perdu) ; aussi un lien ou un `content-ref` dont
  le texte est le `Broken link` de GitBook. Signalés ici seulement, pas comme fichier manquant.
  Dans un bloc OpenAPI (`{% openapi-operation %}`, `{% openapi %}`…), le lien du corps est une
  solution de repli que les lecteurs ne voient jamais, le bloc affichant l'API d'après sa
  spécification : un marqueur à cet endroit n'est qu'une information.

Pourquoi
: Le lien publié ne mène nulle part. Seule une personne sait quelle page il visait : le
  marqueur a effacé le chemin d'origine.

Mauvais

Bon
"""


# Blocks rendered from their spec: the Markdown link in their body is only a fallback, never shown.
_RENDERED_FROM_SPEC = ("openapi", "openapi-operation", "openapi-schemas", "openapi-webhook")


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for reference in page_references(page, ctx, PLACEHOLDER):
        link = reference.link
        if link.block in _RENDERED_FROM_SPEC and link.kind == "link":
            severity = severity_for(ctx, "info")
            yield ctx.finding(link, "hidden", fix="leave-hidden", severity=severity, link=link.target, block=link.block)
            continue
        finding = ctx.finding(reference.link, reference.detail, fix="relink", link=reference.link.target)
        yield noting_repeat(ctx, reference, finding)
