"""A space of the site configuration maps to a folder that does not exist, or has no SUMMARY.md.

What
: For each space of `gitbook-docs.yaml` (or `docs.yaml`) whose `content.directory` is set,
  reports a folder that does not exist or leads outside the repository (an error), and a folder
  without the table of contents its `.gitbook.yaml` names (SUMMARY.md by default; a warning).
  `./docs` and `docs` are read from the file's folder, `/docs` from the repository's top;
  `null` (a space not synced from this repository) is not checked.

Why
: GitBook imports a space from its folder: a folder that does not exist (a rename not carried
  into the file) gives an empty space. Without SUMMARY.md, GitBook builds the table of contents
  from the folders, in its own order, and every page shows.

Bad
```yaml
site:
  structure:
    - type: section
      key: manuals
      children:
        - {type: space, key: user, content: {directory: ./manuals/users}}  # renamed to user/
```

Good
```yaml
site:
  structure:
    - type: section
      key: manuals
      children:
        - {type: space, key: user, content: {directory: ./manuals/user}}
```
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from ..spaces import configured_root, read_space_config
from ._content import severity_for
from ._site_config import site_config
from .base import Context

ID = "GB427"
NAME = "mapped-space-missing"
TAGS = ("config", "structure")
SEVERITY = "error"
SCOPE = "site"
MESSAGES = {
    "missing": {
        "en": "space `{space}`: `content.directory: {directory}` is not a folder of the repository; GitBook imports this space empty",
        "fr": "espace `{space}` : `content.directory: {directory}` n'est pas un dossier du dépôt ; GitBook importe cet espace vide",
    },
    "outside": {
        "en": "space `{space}`: `content.directory: {directory}` leads outside the repository",
        "fr": "espace `{space}` : `content.directory: {directory}` sort du dépôt",
    },
    "no-summary": {
        "en": "space `{space}`: `{directory}` has no `{summary}`; GitBook builds its table of contents from the folders",
        "fr": "espace `{space}` : `{directory}` n'a pas de `{summary}` ; GitBook construit sa table des matières à partir des dossiers",
    },
    "fix-path": {
        "en": "write the folder from this file's folder (`./docs`), or from the repository's top (`/docs`)",
        "fr": "écrivez le dossier depuis celui de ce fichier (`./docs`), ou depuis le haut du dépôt (`/docs`)",
    },
    "fix-summary": {
        "en": "add the table of contents (`# Table of contents` then `* [Title](page.md)` items)",
        "fr": "ajoutez la table des matières (`# Table of contents` puis des éléments `* [Titre](page.md)`)",
    },
}
DOC_FR = """Un espace de la configuration du site désigne un dossier qui n'existe pas, ou qui n'a pas de SUMMARY.md.

Quoi
: Pour chaque espace de `gitbook-docs.yaml` (ou `docs.yaml`) dont le `content.directory` est
  renseigné, signale un dossier qui n'existe pas ou qui sort du dépôt (une erreur), et un dossier
  sans la table des matières que nomme son `.gitbook.yaml` (SUMMARY.md par défaut ; un
  avertissement). `./docs` et `docs` se lisent depuis le dossier du fichier, `/docs` depuis le
  haut du dépôt ; `null` (un espace qui n'est pas synchronisé depuis ce dépôt) n'est pas vérifié.

Pourquoi
: GitBook importe un espace depuis son dossier : un dossier qui n'existe pas (un renommage non
  reporté dans le fichier) donne un espace vide. Sans SUMMARY.md, GitBook construit la table des
  matières à partir des dossiers, dans son ordre à lui, et toutes les pages s'affichent.

Mauvais

Bon
"""


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    found = site_config(site)
    if found is None:
        return
    config, path = found
    for space in config.spaces:
        if space.directory is None or not space.directory.strip():
            continue  # null: not synced from here (an empty string is GB425's)
        at = config.config.position_of((*space.location, "content", "directory"))
        if space.folder is None:
            yield ctx.finding(at, "outside", fix="fix-path", path=path, space=space.key, directory=space.directory)
        elif not space.folder.is_dir():
            yield ctx.finding(at, "missing", fix="fix-path", path=path, space=space.key, directory=space.directory)
        elif (summary := _missing_summary(space.folder)) is not None:
            severity = severity_for(ctx, "warning")
            yield ctx.finding(at, "no-summary", fix="fix-summary", path=path, severity=severity, space=space.key, directory=space.directory, summary=summary)


def _missing_summary(folder: Path) -> str | None:
    """The table of contents the space's `.gitbook.yaml` names when it is missing, else None."""
    config = read_space_config(folder)
    structure = config.mapping.get("structure") if config else None
    summary = structure.get("summary") if isinstance(structure, dict) else None
    summary = summary if isinstance(summary, str) and summary.strip() else "SUMMARY.md"
    return None if (configured_root(folder) / summary).is_file() else summary
