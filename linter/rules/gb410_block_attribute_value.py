"""A `{% %}` block lacks a required attribute or has a value GitBook does not accept.

What
: Checks each block's attributes against its tag's definition in `schemas/blocks.schema.json`:
  required attributes (`hint style`, `tab title`, `content-ref url`, `embed url`, `file src`,
  `update date`), enumerations (`hint style` is info, success, warning or danger; `code
  overflow` is wrap), booleans written `"true"` or `"false"`, `column width` in percent, `update
  date` as YYYY-MM-DD, non-empty paths and URLs, and the argument of `include` and `if`. The
  finding points at the attribute's value (or at the tag when the attribute is missing). The
  constraints live in the schema file only. A quoted value without its closing quote
  (`url="https://…` then `%}`) is reported as such, at its opening quote, and read to the end of
  the tag for the other checks (not as a missing attribute).

Why
: GitBook drops or rewrites what it cannot read: a `{% hint style="tip" %}` becomes a plain info
  hint on the next save from the editor, a tab without a title shows an empty label, an update
  with a bad date sorts wrongly in the changelog.

Bad
```markdown
{% hint style="tip" %}
Pensez à joindre le bon de commande.
{% endhint %}
```

Good
```markdown
{% hint style="info" %}
Pensez à joindre le bon de commande.
{% endhint %}
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.elements import Block
from ..model.page import Page
from ..parse.tags import Unclosed
from ..validation.messages import SCHEMA_MESSAGES
from ._schema import block_position, block_problems
from .base import Context

ID = "GB410"
NAME = "block-attribute-value"
TAGS = ("blocks", "schema")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    **SCHEMA_MESSAGES,
    "no-closing-quote": {
        "en": "the value of `{name}` has no closing quote (`{quote}`): GitBook cannot read the tag",
        "fr": "la valeur de `{name}` n'a pas de guillemet fermant (`{quote}`) : GitBook ne peut pas lire la balise",
    },
    "argument-no-closing-quote": {
        "en": "the argument of `{{% {tag} %}}` has no closing quote (`{quote}`): GitBook cannot read the tag",
        "fr": "l'argument de `{{% {tag} %}}` n'a pas de guillemet fermant (`{quote}`) : GitBook ne peut pas lire la balise",
    },
    "close-quote": {
        "en": "end the value with `{quote}`: `{written}`",
        "fr": "terminez la valeur par `{quote}` : `{written}`",
    },
    "missing-attribute": {
        "en": "`{{% {tag} %}}` needs the attribute `{name}`",
        "fr": "`{{% {tag} %}}` doit avoir l'attribut `{name}`",
    },
}
DOC_FR = """Un bloc `{% %}` n'a pas un attribut obligatoire, ou a une valeur que GitBook n'accepte pas.

Quoi
: Vérifie les attributs de chaque bloc avec la définition de sa balise dans
  `schemas/blocks.schema.json` : attributs obligatoires (`style` de hint, `title` de tab, `url`
  de content-ref et d'embed, `src` de file, `date` d'update), valeurs énumérées (`style` de hint :
  info, success, warning ou danger ; `overflow` de code : wrap), booléens écrits `"true"` ou
  `"false"`, `width` de column en pourcentage, `date` d'update en AAAA-MM-JJ, chemins et URL non
  vides, et l'argument d'`include` et d'`if`. Le signalement pointe la valeur de l'attribut (ou
  la balise quand l'attribut manque). Les contraintes sont dans le fichier de schéma seulement.
  Une valeur entre guillemets sans guillemet fermant (`url="https://…` puis `%}`) est signalée
  comme telle, à son guillemet ouvrant, et lue jusqu'à la fin de la balise pour les autres
  vérifications (pas comme un attribut manquant).

Pourquoi
: GitBook abandonne ou réécrit ce qu'il ne sait pas lire : un `{% hint style="tip" %}` devient un
  simple encadré info au prochain enregistrement depuis l'éditeur, un onglet sans titre affiche
  une étiquette vide, une mise à jour mal datée se classe mal dans le journal des modifications.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for block in page.blocks:
        if block.tag.unclosed is not None:
            yield _no_closing_quote(block, block.tag.unclosed, ctx)
    for block, problem in block_problems(page, ctx.lang):
        if problem.location[:1] not in (("attributes",), ("argument",)) or problem.is_unknown_key:
            continue  # nesting is GB412's, unknown attributes GB411's
        position = block_position(block, problem.location)
        if problem.key == "required":
            yield ctx.finding(position, "missing-attribute", tag=block.name, name=problem.args["name"])
        else:
            yield ctx.finding(position, problem.key, **problem.args)


def _no_closing_quote(block: Block, unclosed: Unclosed, ctx: Context) -> Finding:
    """At the opening quote, with the value closed as the fix (read to the end of the tag)."""
    at = (block.line, block.column + unclosed.column)
    quote = unclosed.quote
    if unclosed.name is None:
        written = f"{quote}{block.tag.argument or ''}{quote}"
        return ctx.finding(at, "argument-no-closing-quote", fix="close-quote", tag=block.name, quote=quote, written=written)
    written = f"{unclosed.name}={quote}{block.attrs.get(unclosed.name, '')}{quote}"
    return ctx.finding(at, "no-closing-quote", fix="close-quote", name=unclosed.name, quote=quote, written=written)
