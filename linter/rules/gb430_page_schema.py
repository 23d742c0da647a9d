"""A page does not follow the page-type schema its configuration assigns to it.

What
: `page-schemas` in the configuration maps globs to JSON Schema files (for example
  `"content/marches/*/README.md" = "schemas/pages/procurement.schema.json"`; globs in gitignore
  syntax, from the configuration's folder or the space root). Each matching page's model —
  what `gitbook-lint dump PAGE` prints: front matter, title, headings, sections (headings and
  wholly bold paragraphs) with their links and emails, blocks — is validated against the schema,
  and each problem is reported at the line of the element concerned (the section, the front
  matter key, the block). Schemas word their own messages with `x-message`. A relative schema
  path is taken from the space's folder, else among the schemas shipped with gitbook-lint
  (`pages/procurement.schema.json`).

Why
: Pages of one type (a public contract, a team member, a tool) must give the same facts in the
  same places: readers look for them there, and a missing contact or section goes unnoticed in
  review.

Bad
```markdown
### Quelles sont les entreprises titulaires de ce marché ?

**1er titulaire : la Coopérative**

Pas de contact.
```

Good
```markdown
### Quelles sont les entreprises titulaires de ce marché ?

**1er titulaire : la Coopérative**

Contact : marches@cooperative.example
```
"""

from __future__ import annotations

from typing import Any, Iterator

from ..finding import Finding
from ..model.dump import page_to_json, position_in_dump
from ..model.page import Page
from ..validation.messages import SCHEMA_MESSAGES, Path, phrase, problems
from ..validation.page_schemas import page_candidates, schemas_for
from ..validation.schemas import SchemaFileError, validator_for_file
from ._schema import yaml_where
from .base import Context

ID = "GB430"
NAME = "page-schema"
TAGS = ("schema", "page-type")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    **SCHEMA_MESSAGES,
    "unusable": {
        "en": "the page-type schema for this page cannot be used: {problem}",
        "fr": "le schéma de type de page de cette page est inutilisable : {problem}",
    },
}
DOC_FR = """Une page ne suit pas le schéma de type de page que lui attribue la configuration.

Quoi
: `page-schemas` dans la configuration associe des motifs de chemins à des fichiers JSON Schema
  (par exemple `"content/marches/*/README.md" = "schemas/pages/procurement.schema.json"` ; motifs
  en syntaxe gitignore, depuis le dossier de la configuration ou la racine de l'espace). Le modèle de
  chaque page concernée — ce qu'affiche `gitbook-lint dump PAGE` : en-tête, titre, titres,
  sections (titres et paragraphes tout en gras) avec leurs liens et e-mails, blocs — est validé
  avec le schéma, et chaque problème est signalé à la ligne de l'élément concerné (la section,
  la clé d'en-tête, le bloc). Les schémas formulent leurs propres messages avec `x-message`. Un
  chemin de schéma relatif part du dossier de l'espace, sinon désigne un schéma livré avec
  gitbook-lint (`pages/procurement.schema.json`).

Pourquoi
: Les pages d'un même type (un marché public, un membre d'équipe, un outil) doivent donner les
  mêmes informations aux mêmes endroits : les lecteurs les y cherchent, et un contact ou une
  section manquante passe inaperçue en relecture.

Mauvais

Bon
"""

_WORDS = {
    "page": {"en": "the page", "fr": "la page"},
    "title": {"en": "the page title", "fr": "le titre de la page"},
    "intro": {"en": "the text before the first section", "fr": "le texte avant la première section"},
    "section": {"en": "section “{title}”", "fr": "section « {title} »"},
    "heading": {"en": "heading “{title}”", "fr": "titre « {title} »"},
    "block": {"en": "`{{% {title} %}}` block", "fr": "bloc `{{% {title} %}}`"},
    "link": {"en": "link to `{title}`", "fr": "lien vers `{title}`"},
}


def _word(name: str, lang: str, title: str = "") -> str:
    return phrase(_WORDS, name, lang, title=title)


def describe(dump: dict[str, Any], path: Path, lang: str) -> str:
    """The element a JSON path of the page model leads to, named as the editor sees it."""
    if not path:
        return _word("page", lang)
    if path[0] == "front_matter":
        return yaml_where(path[1:], lang, "front matter", "key")
    if path[0] in ("title", "intro"):
        return _word(str(path[0]), lang)
    named = _word("page", lang)
    node: Any = dump
    kinds = {"sections": "section", "headings": "heading", "blocks": "block", "children": "block", "links": "link"}
    container = None
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, str):
            container = part
        elif container in kinds and isinstance(node, dict):
            label = node.get("title") or node.get("text") or node.get("name") or node.get("target") or ""
            named = _word(kinds[container], lang, str(label))
    if path[-1] in kinds and len(path) == 1:  # one of the page's lists as a whole
        return f"{named} (`{path[0]}`)"
    return named


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    mapping = ctx.settings.page_schemas
    if not mapping:
        return
    candidates = page_candidates(page.path, ctx.site.root, ctx.settings.config_dir)
    for schema_path in schemas_for(candidates, mapping):
        try:
            validator = validator_for_file(schema_path, ctx.site.base.as_posix())
        except SchemaFileError as error:
            yield ctx.finding((1, 1), "unusable", problem=str(error))
            continue
        dump = page_to_json(page)
        for problem in problems(validator, dump, ctx.lang, lambda path, dump=dump: describe(dump, path, ctx.lang)):
            yield ctx.finding(position_in_dump(page, dump, problem.location), problem.key, **problem.args)
