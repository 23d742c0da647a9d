"""A link to the GitBook editor, which readers cannot open.

What
: Reports a link (Markdown, HTML `href`, `{% content-ref %}`…) to a GitBook editor address: the
  organisation editor `app.gitbook.com/o/…`, the legacy `app.gitbook.com/@org/…`, an `…/edit`
  address, or a change request `…/~/changes/…` (a draft). Embeds are checked by GB503.
  `app.gitbook.com/s/<space id>/…` is not reported: it is GitBook's own form for a link to
  another space, which GitBook turns into that space's published address. An editor address of
  a page of another space (`app.gitbook.com/o/<org>/s/<space id>/…`) is only a warning: GitBook
  reads it as a link to that space when it syncs the page (it rewrites it to the `/s/` form), so
  readers are not stranded; the fix writes GitBook's form directly.

Why
: An editor address opens the GitBook login page for anyone who is not a member of the
  organisation, and a change request may be merged or closed tomorrow. Readers need the
  published address, a relative link inside the space, or GitBook's link to another space
  (which GitBook itself writes when it syncs the editor form).

Bad
```markdown
Voir le [guide](https://app.gitbook.com/o/abc123/s/def456/guide).
```

Good
```markdown
Voir le [guide](https://app.gitbook.com/s/def456/guide).
```
"""

from __future__ import annotations

import re
from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ..model.references import tag_bodies
from ._content import editor_url_kind, severity_for
from .base import Context

ID = "GB505"
NAME = "gitbook-editor-link"
TAGS = ("links", "content")
SEVERITY = "error"
SCOPE = "page"
# `https://app.gitbook.com/o/<organisation>/s/<space>/<path>`: a page of another space, opened in
# the organisation's editor. GitBook rewrites it to `https://app.gitbook.com/s/<space>/<path>`.
_SPACE_IN_EDITOR = re.compile(r"^(?P<host>https?://app\.gitbook\.com)/o/[^/?#]+/s/(?P<rest>[^/?#]+(?:[/?#].*)?)$", re.I)
MESSAGES = {
    "editor": {
        "en": "link to the GitBook editor `{url}`: readers cannot open it",
        "fr": "lien vers l'éditeur GitBook `{url}` : les lecteurs ne peuvent pas l'ouvrir",
    },
    "change-request": {
        "en": "link to a GitBook change request (a draft) `{url}`: readers cannot open it",
        "fr": "lien vers une demande de modification GitBook (un brouillon) `{url}` : les lecteurs ne peuvent pas l'ouvrir",
    },
    "space-in-editor": {
        "en": "link to another space in the editor's form `{url}`: GitBook rewrites it when it syncs",
        "fr": "lien vers un autre espace sous la forme de l'éditeur `{url}` : GitBook le réécrit à la synchronisation",
    },
    "use-space-link": {
        "en": "link the other space the way GitBook writes it: `{suggestion}`",
        "fr": "liez l'autre espace comme GitBook l'écrit : `{suggestion}`",
    },
    "use-published": {
        "en": "link the published page instead (a relative link inside this space)",
        "fr": "liez plutôt la page publiée (un lien relatif dans cet espace)",
    },
}
DOC_FR = """Un lien vers l'éditeur GitBook, que les lecteurs ne peuvent pas ouvrir.

Quoi
: Signale un lien (Markdown, `href` HTML, `{% content-ref %}`…) vers une adresse de l'éditeur
  GitBook : l'éditeur d'organisation `app.gitbook.com/o/…`, l'ancien `app.gitbook.com/@org/…`,
  une adresse `…/edit`, ou une demande de modification `…/~/changes/…` (un brouillon). Les
  embeds sont vérifiés par GB503. `app.gitbook.com/s/<id d'espace>/…` n'est pas signalé : c'est
  la forme GitBook d'un lien vers un autre espace, que GitBook remplace par l'adresse publiée de
  cet espace. Une adresse d'éditeur d'une page d'un autre espace
  (`app.gitbook.com/o/<org>/s/<id d'espace>/…`) n'est qu'un avertissement : GitBook la lit comme
  un lien vers cet espace quand il synchronise la page (il la réécrit sous la forme `/s/`), les
  lecteurs ne sont donc pas bloqués ; la correction écrit directement la forme de GitBook.

Pourquoi
: Une adresse de l'éditeur ouvre la page de connexion GitBook pour qui n'est pas membre de
  l'organisation, et une demande de modification peut être fusionnée ou fermée demain. Les
  lecteurs ont besoin de l'adresse publiée, d'un lien relatif dans l'espace, ou du lien de
  GitBook vers un autre espace (que GitBook écrit lui-même quand il synchronise la forme de
  l'éditeur).

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    _, repeated = tag_bodies(ctx.site, page)
    for link in page.links:
        if link.kind in ("image", "html-src", "tag-src", "include") or (link.kind == "tag-url" and link.block == "embed"):
            continue
        if link in repeated:
            continue  # the tag's url says the same: reported there
        kind = editor_url_kind(link.target)
        if kind is None:
            continue
        space_link = _space_link(link.target) if kind == "editor" else None
        if space_link is not None:
            severity = severity_for(ctx, "warning")
            yield ctx.finding(
                link, "space-in-editor", fix="use-space-link", severity=severity, url=link.target, suggestion=space_link
            )
        else:
            yield ctx.finding(link, kind, fix="use-published", url=link.target)


def _space_link(url: str) -> str | None:
    """GitBook's own form of a link to another space, for an editor address of one of its pages."""
    match = _SPACE_IN_EDITOR.match(url.strip())
    if match is None or "/~/" in match["rest"]:
        return None
    return f"{match['host']}/s/{match['rest']}"
