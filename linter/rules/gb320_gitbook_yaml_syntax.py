"""`.gitbook.yaml` is not valid YAML, or not a mapping.

What
: Reports a `.gitbook.yaml` that YAML cannot read, that is not a set of `key: value` pairs, that
  writes a key twice (a redirect listed twice: GitBook keeps one, silently), or that uses YAML
  features GitBook's configuration never needs (aliases that expand to huge
  values, python tags). The finding points at the line and column where the parser stopped. An
  empty file is valid (it means "all defaults"). Which keys and values are allowed is checked by
  the schema rule; this rule only says whether the file can be read at all.

Why
: When GitBook cannot read `.gitbook.yaml`, the Git Sync stops or falls back to the defaults: the
  `root`, the `structure` paths and every redirect are ignored without a word.

Bad
```yaml
redirects:
  ancien/guide: guide.md
   autre: page.md
```

Good
```yaml
redirects:
  ancien/guide: guide.md
  autre: page.md
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from .base import Context

ID = "GB320"
NAME = "gitbook-yaml-syntax"
TAGS = ("structure", "config")
SEVERITY = "error"
SCOPE = "site"
MESSAGES = {
    "duplicate-key": {
        "en": "the key `{name}` is written twice (first on line {first}); YAML keeps only this one, silently",
        "fr": "la clé `{name}` est écrite deux fois (d'abord ligne {first}) ; YAML ne garde que celle-ci, sans rien dire",
    },
    "invalid": {
        "en": ".gitbook.yaml is not valid YAML: {problem}",
        "fr": ".gitbook.yaml n'est pas du YAML valide : {problem}",
    },
    "not-mapping": {
        "en": ".gitbook.yaml must be `key: value` pairs (root, structure, redirects), found {found}",
        "fr": ".gitbook.yaml doit être une suite de paires `clé: valeur` (root, structure, redirects), trouvé : {found}",
    },
}
DOC_FR = """`.gitbook.yaml` n'est pas du YAML valide, ou pas un dictionnaire.

Quoi
: Signale un `.gitbook.yaml` que YAML ne peut pas lire, qui n'est pas une suite de paires
  `clé: valeur`, qui écrit deux fois la même clé (une redirection en double : GitBook n'en garde
  qu'une, sans rien dire), ou qui utilise des fonctions de YAML dont la configuration de GitBook n'a jamais
  besoin (alias qui gonflent démesurément, balises python). Le signalement pointe la ligne et la
  colonne où l'analyseur s'est arrêté. Un fichier vide est valide (il veut dire « tout par
  défaut »). Les clés et valeurs permises relèvent de la règle de schéma ; cette règle dit
  seulement si le fichier se lit.

Pourquoi
: Quand GitBook ne peut pas lire `.gitbook.yaml`, la synchronisation Git s'arrête ou revient aux
  valeurs par défaut : `root`, les chemins de `structure` et toutes les redirections sont ignorés
  sans un mot.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    config = site.config
    if config is None:
        return
    if config.problem is not None:
        yield ctx.finding(config.problem.position, "invalid", path=site.config_path, problem=config.problem.message)
    elif config.data is not None and not isinstance(config.data, dict):
        yield ctx.finding((1, 1), "not-mapping", path=site.config_path, found=type(config.data).__name__)
    for key_path, where, first in config.duplicates:
        yield ctx.finding(where, "duplicate-key", path=site.config_path, name=".".join(map(str, key_path)), first=first)
