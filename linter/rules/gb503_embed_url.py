"""An `{% embed %}` whose `url` readers cannot open.

What
: The `url` of an `{% embed %}` must be an absolute `https://` address with a host. Errors: an
  empty url, a relative path or another scheme, no host, a space, leftover Markdown (`[x](y)`,
  `<…>`), and a GitBook editor or change-request address (`app.gitbook.com/o/…`,
  `…/~/changes/…`, `…/edit`) that only the space's editors can open. Warnings: `http://`
  (browsers block or warn about insecure content inside an `https` page). Backslash escapes
  (`edit\\#slide=…\\_0`, `…/\\#/`) are what GitBook's exports write and GitBook reads them as
  the clean address, which is the one checked; cleaning them is GB507's (off by default).

  Options: `allow_http` (default false: `http://` is a warning).

Why
: GitBook shows the embed as a card or a frame that loads the address as written: a broken
  address gives an empty frame, an editor address a GitBook login page.

Bad
```markdown
{% embed url="https://app.gitbook.com/o/abc/s/def/~/changes/12/guide" %}

{% embed url="[vidéo](https://video.example.org/v/42)" %}
```

Good
```markdown
{% embed url="https://video.example.org/v/42" %}
```
"""

from __future__ import annotations

import re
from typing import Any, Iterator
from urllib.parse import urlsplit

from ..finding import Finding
from ..model.elements import Block
from ..model.page import Page
from ._content import editor_url_kind, severity_for
from .base import Context

ID = "GB503"
NAME = "embed-url"
TAGS = ("content", "blocks", "links")
SEVERITY = "error"
SCOPE = "page"
OPTIONS = {
    "allow_http": {
        "type": "boolean",
        "description": "Accept `http://` embed addresses without a warning.",
    },
}
DEFAULTS: dict[str, Any] = {"allow_http": False}
MESSAGES = {
    "empty": {"en": "embed without an address (`url` is empty)", "fr": "embed sans adresse (`url` est vide)"},
    "markdown": {
        "en": "embed url `{url}` holds Markdown or angle brackets, not just an address",
        "fr": "l'url d'embed `{url}` contient du Markdown ou des chevrons, pas seulement une adresse",
    },
    "space": {"en": "embed url `{url}` contains a space", "fr": "l'url d'embed `{url}` contient une espace"},
    "not-absolute": {
        "en": "embed url `{url}` is not an absolute `https://` address",
        "fr": "l'url d'embed `{url}` n'est pas une adresse absolue `https://`",
    },
    "no-host": {"en": "embed url `{url}` has no host name", "fr": "l'url d'embed `{url}` n'a pas de nom d'hôte"},
    "http": {"en": "embed url `{url}` uses `http://`", "fr": "l'url d'embed `{url}` utilise `http://`"},
    "editor": {
        "en": "embed url `{url}` is a GitBook editor address: readers cannot open it",
        "fr": "l'url d'embed `{url}` est une adresse de l'éditeur GitBook : les lecteurs ne peuvent pas l'ouvrir",
    },
    "change-request": {
        "en": "embed url `{url}` is a GitBook change request (a draft): readers cannot open it",
        "fr": "l'url d'embed `{url}` est une demande de modification GitBook (un brouillon) : les lecteurs ne peuvent pas l'ouvrir",
    },
    "write-clean": {"en": "write `{clean}`", "fr": "écrivez `{clean}`"},
    "write-absolute": {
        "en": "write the full address, starting with `https://`",
        "fr": "écrivez l'adresse complète, commençant par `https://`",
    },
    "use-published": {
        "en": "embed the published address of the page instead",
        "fr": "utilisez plutôt l'adresse publiée de la page",
    },
}
DOC_FR = """Un `{% embed %}` dont l'`url` ne s'ouvre pas pour les lecteurs.

Quoi
: L'`url` d'un `{% embed %}` doit être une adresse absolue `https://` avec un nom d'hôte.
  Erreurs : url vide, chemin relatif ou autre schéma, pas d'hôte, espace, reste de Markdown
  (`[x](y)`, `<…>`), et adresse de l'éditeur GitBook ou d'une demande de modification
  (`app.gitbook.com/o/…`, `…/~/changes/…`, `…/edit`) que seuls les éditeurs de l'espace
  peuvent ouvrir. Avertissements : `http://` (les navigateurs bloquent ou signalent un contenu
  non sécurisé dans une page `https`). Les échappements (`edit\\#slide=…\\_0`, `…/\\#/`) sont
  ce qu'écrivent les exports de GitBook, qui les lit comme l'adresse propre, celle qui est
  vérifiée ; les nettoyer relève de GB507 (désactivée par défaut).

  Options : `allow_http` (faux par défaut : `http://` est un avertissement).

Pourquoi
: GitBook affiche l'embed comme une carte ou un cadre qui charge l'adresse telle qu'elle est
  écrite : une adresse cassée donne un cadre vide, une adresse de l'éditeur une page de
  connexion GitBook.

Mauvais

Bon
"""

_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\((?P<target><[^>]*>|[^)\s]*)\)")
_ANGLE = re.compile(r"^<(?P<target>[^>]*)>$")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for block in page.blocks:
        if block.name == "embed" and "url" in block.attrs:
            yield from _check_url(block, ctx)


def _check_url(block: Block, ctx: Context) -> Iterator[Finding]:
    url = block.attrs["url"]
    at = block.attribute_position("url")
    if not url.strip():
        yield ctx.finding(at, "empty", fix="write-absolute", url=url)
        return
    if "[" in url or "<" in url or ">" in url:
        clean = _leftover_markdown_target(url)
        fix = "write-clean" if clean else "write-absolute"
        yield ctx.finding(at, "markdown", fix=fix, url=url, clean=clean)
        return
    if any(char.isspace() for char in url.strip()):
        encoded = re.sub(r"\s", "%20", url.strip())
        yield ctx.finding(at, "space", fix="write-clean", url=url, clean=encoded)
        return
    # GitBook reads `\#` as `#` (its own exports write it): the clean address is what loads;
    # cleaning the spelling is GB507's, off by default.
    clean = _ESCAPE.sub(r"\1", url.strip())
    yield from _check_address(clean, url, at, ctx)


def _check_address(clean: str, url: str, at: Any, ctx: Context) -> Iterator[Finding]:
    try:
        parts = urlsplit(clean)
    except ValueError:
        yield ctx.finding(at, "not-absolute", fix="write-absolute", url=url)
        return
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        yield ctx.finding(at, "not-absolute", fix="write-absolute", url=url)
        return
    if not parts.hostname:
        yield ctx.finding(at, "no-host", fix="write-absolute", url=url)
        return
    kind = editor_url_kind(clean)
    if kind is not None:
        yield ctx.finding(at, kind, fix="use-published", url=url)
    elif scheme == "http" and not ctx.options["allow_http"]:
        secure = "https" + clean[len(scheme) :]
        yield ctx.finding(at, "http", fix="write-clean", severity=severity_for(ctx, "warning"), url=url, clean=secure)


def _leftover_markdown_target(url: str) -> str:
    """The address inside `[text](address)` or `<address>`, when there is one."""
    match = _MARKDOWN_LINK.search(url) or _ANGLE.match(url.strip())
    if match is None:
        return ""
    return match["target"].strip("<>")
