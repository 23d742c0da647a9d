"""A link to the GitBook editor, which readers cannot open.

What
: Reports a link (Markdown, HTML `href`, `{% content-ref %}`…) to a GitBook editor address: the
  organisation editor `app.gitbook.com/o/…`, the legacy `app.gitbook.com/@org/…`, an `…/edit`
  address, or a change request `…/~/changes/…` (a draft). Embeds are checked by GB503.
  `app.gitbook.com/s/<space id>/…` is not reported: it is GitBook's own form for a link to
  another space, which GitBook turns into that space's published address; for an editor address
  of a page of another space (`app.gitbook.com/o/<org>/s/<space id>/…`), the fix is that form.

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
from ._content import editor_url_kind
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
  cet espace ; pour une adresse d'éditeur d'une page d'un autre espace
  (`app.gitbook.com/o/<org>/s/<id d'espace>/…`), la correction propose cette forme.

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
            yield ctx.finding(link, kind, fix="use-space-link", url=link.target, suggestion=space_link)
        else:
            yield ctx.finding(link, kind, fix="use-published", url=link.target)


def _space_link(url: str) -> str | None:
    """GitBook's own form of a link to another space, for an editor address of one of its pages."""
    match = _SPACE_IN_EDITOR.match(url.strip())
    if match is None or "/~/" in match["rest"]:
        return None
    return f"{match['host']}/s/{match['rest']}"
