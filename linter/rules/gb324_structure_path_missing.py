"""`.gitbook.yaml` names a root folder, README or SUMMARY that does not exist.

What
: Reports a `root:` of `.gitbook.yaml` that is not a folder inside the repository, and a
  `structure.readme` or `structure.summary` that is not a file of the space (both are relative
  to the root). Only values written in the file are checked: the defaults (`./`, `README.md`,
  `SUMMARY.md`) are not.

Why
: GitBook reads the whole space from these three paths. With a wrong `root:`, it reads another
  folder (and this linter, like GitBook, falls back to the folder of `.gitbook.yaml`); with a
  wrong `structure.readme`, the space has no home page; with a wrong `structure.summary`, GitBook
  ignores the table of contents written in Git and builds one from the folders.

Bad
```yaml
root: ./documentation/
structure:
  summary: SOMMAIRE.md
```

Good
```yaml
root: ./docs/
structure:
  summary: SUMMARY.md
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from .base import Context

ID = "GB324"
NAME = "structure-path-missing"
TAGS = ("structure", "config")
SEVERITY = "error"
SCOPE = "site"
MESSAGES = {
    "root-missing": {
        "en": "`root: {value}` is not a folder of the repository; the space is read from the folder of .gitbook.yaml",
        "fr": "`root: {value}` n'est pas un dossier du dépôt ; l'espace est lu depuis le dossier de .gitbook.yaml",
    },
    "root-outside": {
        "en": "`root: {value}` leads outside the folder of .gitbook.yaml; the space is read from that folder instead",
        "fr": "`root: {value}` sort du dossier de .gitbook.yaml ; l'espace est lu depuis ce dossier à la place",
    },
    "file-missing": {
        "en": "`structure.{name}: {value}` names `{wanted}`, which is not a file of the space",
        "fr": "`structure.{name}: {value}` désigne `{wanted}`, qui n'est pas un fichier de l'espace",
    },
    "fix-path": {
        "en": "write the path relative to the space root (the `root:` folder)",
        "fr": "écrivez le chemin depuis la racine de l'espace (le dossier `root:`)",
    },
}
DOC_FR = """`.gitbook.yaml` désigne un dossier racine, un README ou un SUMMARY qui n'existe pas.

Quoi
: Signale un `root:` de `.gitbook.yaml` qui n'est pas un dossier du dépôt, et un
  `structure.readme` ou `structure.summary` qui n'est pas un fichier de l'espace (les deux sont
  relatifs à la racine). Seules les valeurs écrites dans le fichier sont vérifiées : les valeurs
  par défaut (`./`, `README.md`, `SUMMARY.md`) ne le sont pas.

Pourquoi
: GitBook lit tout l'espace à partir de ces trois chemins. Avec un mauvais `root:`, il lit un
  autre dossier (et ce linter, comme GitBook, se rabat sur le dossier de `.gitbook.yaml`) ; avec
  un mauvais `structure.readme`, l'espace n'a pas de page d'accueil ; avec un mauvais
  `structure.summary`, GitBook ignore la table des matières écrite dans Git et en construit une à
  partir des dossiers.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    config = site.config
    if config is None:
        return
    if site.ignored_root is not None:
        value, why = site.ignored_root
        yield ctx.finding(config.position_of(("root",)), f"root-{why}", path=site.config_path, value=value)
    structure = config.mapping.get("structure")
    if not isinstance(structure, dict):
        return
    for key, wanted in (("readme", site.readme_path), ("summary", site.summary_path)):
        value = structure.get(key)
        if isinstance(value, str) and site.lookup(wanted) is None:
            at = config.position_of(("structure", key))
            yield ctx.finding(at, "file-missing", fix="fix-path", path=site.config_path, target=wanted, name=key, value=value, wanted=wanted)
