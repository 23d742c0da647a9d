"""A link to the GitBook editor, which readers cannot open.

What
: Reports a link (Markdown, HTML `href`, `{% content-ref %}`…) to a GitBook editor address: the
  organisation editor `app.gitbook.com/o/…`, the legacy `app.gitbook.com/@org/…`, an `…/edit`
  address, or a change request `…/~/changes/…` (a draft). Embeds are checked by GB503.
  `app.gitbook.com/s/<space id>/…` is not reported: it is GitBook's own form for a link to
  another space, which GitBook turns into that space's published address.

Why
: An editor address opens the GitBook login page for anyone who is not a member of the
  organisation, and a change request may be merged or closed tomorrow. Readers need the
  published address, or a relative link inside the space.

Bad
```markdown
Voir le [guide](https://app.gitbook.com/o/abc123/s/def456/guide).
```

Good
```markdown
Voir le [guide](https://docs.example.org/guide).
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ._content import editor_url_kind
from .base import Context

ID = "GB505"
NAME = "gitbook-editor-link"
TAGS = ("links", "content")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "editor": {
        "en": "link to the GitBook editor `{url}`: readers cannot open it",
        "fr": "lien vers l'éditeur GitBook `{url}` : les lecteurs ne peuvent pas l'ouvrir",
    },
    "change-request": {
        "en": "link to a GitBook change request (a draft) `{url}`: readers cannot open it",
        "fr": "lien vers une demande de modification GitBook (un brouillon) `{url}` : les lecteurs ne peuvent pas l'ouvrir",
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
  cet espace.

Pourquoi
: Une adresse de l'éditeur ouvre la page de connexion GitBook pour qui n'est pas membre de
  l'organisation, et une demande de modification peut être fusionnée ou fermée demain. Les
  lecteurs ont besoin de l'adresse publiée, ou d'un lien relatif dans l'espace.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for link in page.links:
        if link.kind in ("image", "html-src", "tag-src", "include") or (link.kind == "tag-url" and link.block == "embed"):
            continue
        kind = editor_url_kind(link.target)
        if kind is not None:
            yield ctx.finding(link, kind, fix="use-published", url=link.target)
