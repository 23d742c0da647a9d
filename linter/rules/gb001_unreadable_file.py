"""A page cannot be read as UTF-8 Markdown text.

What
: Reports a `.md` file that is binary, is not valid UTF-8, cannot be read at all (a symbolic
  link to nothing, a named pipe), is larger than `max-page-size` (8 MiB by default: real pages
  are a few hundred KB at most, and a huge one would hold the run for minutes), or nests blocks
  so deep (more than 20 lists or quotes) that the rest of it cannot be read.

Why
: GitBook imports Markdown as UTF-8 text. A binary file or a file in another encoding shows up
  as garbage or breaks the Git Sync, and the other rules cannot check it.

Bad
: A file `guide.md` saved in Latin-1 by an old editor (`caf\\xe9` instead of `café`).

Good
: The same file saved as UTF-8.
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.elements import SourceProblem
from ..model.page import Page
from .base import Context

ID = "GB001"
NAME = "unreadable-file"
TAGS = ("syntax", "files")
SEVERITY = "error"
SCOPE = "page"
KINDS = ("binary", "encoding", "unreadable", "nesting", "dangling-link", "special-file", "too-large")
MESSAGES = {
    "binary": {
        "en": "this is a binary file, not Markdown text",
        "fr": "ce fichier est binaire, ce n'est pas du texte Markdown",
    },
    "encoding": {
        "en": "the file is not valid UTF-8 ({detail}); save it as UTF-8",
        "fr": "le fichier n'est pas en UTF-8 valide ({detail}) ; enregistrez-le en UTF-8",
    },
    "nesting": {
        "en": "blocks (lists, quotes) are nested more than {detail} levels deep here; the rest of the page cannot be checked",
        "fr": "les blocs (listes, citations) sont imbriqués sur plus de {detail} niveaux ici ; la suite de la page ne peut pas être vérifiée",
    },
    "dangling-link": {
        "en": "this is a symbolic link to a file that does not exist",
        "fr": "c'est un lien symbolique vers un fichier qui n'existe pas",
    },
    "special-file": {
        "en": "this is not a regular file (a named pipe, a socket or a device), it cannot be read as a page",
        "fr": "ce n'est pas un fichier ordinaire (tube nommé, socket ou périphérique) : il ne peut pas être lu comme une page",
    },
    "too-large": {
        "en": "the page is too large to be checked ({detail} bytes, the `max-page-size`); it was not read",
        "fr": "la page est trop grande pour être vérifiée ({detail} octets, la limite `max-page-size`) ; elle n'a pas été lue",
    },
    "unreadable": {
        "en": "the file cannot be read: {detail}",
        "fr": "le fichier ne peut pas être lu : {detail}",
    },
}
DOC_FR = """Une page ne peut pas être lue comme du texte Markdown en UTF-8.

Quoi
: Signale un fichier `.md` binaire, qui n'est pas en UTF-8 valide, qui ne peut pas être lu (lien
  symbolique vers rien, tube nommé), qui dépasse `max-page-size` (8 Mio par défaut : une vraie
  page fait au plus quelques centaines de Ko, et une page énorme bloquerait l'analyse des
  minutes), ou qui imbrique des blocs si profondément (plus de 20 listes ou citations) que la suite est illisible.

Pourquoi
: GitBook importe le Markdown comme du texte UTF-8. Un fichier binaire ou dans un autre encodage
  s'affiche mal ou casse la synchronisation Git, et les autres règles ne peuvent pas le vérifier.

Mauvais
: Un fichier `guide.md` enregistré en Latin-1 par un ancien éditeur.

Bon
: Le même fichier enregistré en UTF-8.
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for problem in page.problems:
        if problem.kind in KINDS:
            yield ctx.finding(problem, problem.kind, detail=_detail(problem))


def _detail(problem: SourceProblem) -> str:
    if problem.detail is not None:
        return str(problem.detail)
    message = problem.message
    return message.split("(", 1)[-1].rstrip(")") if "(" in message else message
