"""An absolute link to a page of this very space, where a relative link would survive a move.

What
: Reports a link (Markdown, autolink or HTML `href`) whose address starts with the space's own
  published address (the `site_url` setting, plus the `also_match` option for older addresses of
  the same space). GitBook serves a page at its file path without `.md`, and a folder's
  `README.md` at the folder's address (a `.gitbook.yaml` redirect is followed): when that page
  exists, the fix gives the relative link to write. Without a `site_url` the rule reports nothing.

  Options: `also_match` (other published addresses of this space, such as a former domain or a
  `gitbook.io` address).

Why
: GitBook rewrites relative links when a page is moved or renamed in the editor, and checks
  them; it leaves absolute addresses alone, so they break silently after a move, and they send
  readers of a preview or of another variant to the published site.

Bad
```markdown
Voir la [charte](https://docs.example.org/equipe/accueil/charte).
```

Good
```markdown
Voir la [charte](accueil/charte.md).
```
"""

from __future__ import annotations

import posixpath
from typing import Any, Iterator
from urllib.parse import unquote, urlsplit

from ..finding import Finding
from ..model.elements import Link
from ..model.page import Page
from ..model.site import Site
from .base import Context

ID = "GB504"
NAME = "absolute-link-to-own-site"
TAGS = ("links", "content")
SEVERITY = "warning"
SCOPE = "page"
OPTIONS = {
    "also_match": {
        "type": "array",
        "items": {"type": "string"},
        "description": "Other published addresses of this space (a former domain, a gitbook.io address).",
    },
}
DEFAULTS: dict[str, Any] = {"also_match": []}
MESSAGES = {
    "absolute": {
        "en": "absolute link `{url}` to this space's own site: it breaks when the page moves",
        "fr": "lien absolu `{url}` vers le site de cet espace : il casse si la page est déplacée",
    },
    "use-relative": {"en": "write `{relative}`", "fr": "écrivez `{relative}`"},
    "namesake": {
        "en": "no page `{wanted}` in this space any more; same name elsewhere: `{relative}`",
        "fr": "plus de page `{wanted}` dans cet espace ; même nom ailleurs : `{relative}`",
    },
    "no-such-page": {
        "en": "no page `{wanted}` in this space: link the page with its relative path",
        "fr": "aucune page `{wanted}` dans cet espace : liez la page par son chemin relatif",
    },
}
DOC_FR = """Un lien absolu vers une page de ce même espace, là où un lien relatif survivrait à un déplacement.

Quoi
: Signale un lien (Markdown, lien automatique ou `href` HTML) dont l'adresse commence par
  l'adresse publiée de l'espace (le réglage `site_url`, et l'option `also_match` pour les
  anciennes adresses du même espace). GitBook sert une page à son chemin de fichier sans `.md`,
  et le `README.md` d'un dossier à l'adresse du dossier (en suivant les redirections de
  `.gitbook.yaml`) : quand la page existe, la correction donne le lien relatif à écrire. Sans `site_url`, la règle ne signale rien.

  Options : `also_match` (autres adresses publiées de cet espace, comme un ancien domaine ou une
  adresse `gitbook.io`).

Pourquoi
: GitBook réécrit les liens relatifs quand une page est déplacée ou renommée dans l'éditeur, et
  les vérifie ; il laisse les adresses absolues telles quelles : elles cassent sans bruit après
  un déplacement et envoient les lecteurs d'un aperçu vers le site publié.

Mauvais

Bon
"""

_KINDS = ("link", "autolink", "html-href")


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    bases = [url for url in (ctx.settings.site_url, *ctx.options["also_match"]) if url]
    if not bases:
        return
    prefixes = [_prefix(url) for url in bases]
    for link in page.links:
        if link.kind not in _KINDS:
            continue
        rest = _path_under(link.target, prefixes)
        if rest is not None:
            yield _finding(page, link, rest, ctx)


def _prefix(url: str) -> tuple[str, str]:
    """(host, path) of a site address, `www.` and trailing slashes left out."""
    parts = urlsplit(url.strip() if "://" in url else "https://" + url.strip())
    return _host(parts.hostname or ""), parts.path.rstrip("/")


def _host(host: str) -> str:
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def _path_under(target: str, prefixes: list[tuple[str, str]]) -> tuple[str, str] | None:
    """(page path in the site, fragment) when `target` is an address of the site, else None."""
    try:
        parts = urlsplit(target.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https"):
        return None
    host = _host(parts.hostname or "")
    for prefix_host, prefix_path in prefixes:
        path = parts.path
        if host == prefix_host and (path.rstrip("/") == prefix_path or path.startswith(prefix_path + "/")):
            return unquote(path[len(prefix_path) :]).strip("/"), parts.fragment
    return None


def _finding(page: Page, link: Link, rest: tuple[str, str], ctx: Context) -> Finding:
    wanted, fragment = rest
    found = _page_for(ctx.site, wanted)
    if found is None:
        namesakes = [ctx.site.relative_link(page.path, path) for path in _namesakes(ctx.site, wanted)]
        if namesakes:
            shown = "`, `".join(namesakes)
            return ctx.finding(link, "absolute", fix="namesake", url=link.target, wanted=wanted, relative=shown)
        return ctx.finding(link, "absolute", fix="no-such-page", url=link.target, wanted=wanted or "/")
    if found == page.path and fragment:
        relative = "#" + fragment  # a link to a heading of the same page
    else:
        relative = ctx.site.relative_link(page.path, found) + ("#" + fragment if fragment else "")
    return ctx.finding(link, "absolute", fix="use-relative", url=link.target, relative=relative)


def _namesakes(site: Site, wanted: str) -> list[str]:
    """Pages elsewhere in the space served under the same last path segment: the page has moved."""
    name = posixpath.basename(wanted)
    if not name:
        return []
    found = []
    for path in site.pages:
        stem = posixpath.basename(posixpath.dirname(path)) if path.endswith("/README.md") else posixpath.basename(path)[:-3]
        if stem == name:
            found.append(path)
    return sorted(found)


def _page_for(site: Site, wanted: str) -> str | None:
    """The page GitBook serves at `wanted`: `x.md`, or `x/README.md` for a folder."""
    if not wanted:
        return site.lookup(site.readme_path)
    for candidate in (f"{wanted}.md", f"{wanted}/README.md", wanted):
        found = site.lookup(candidate)
        if found is not None and found in site.pages:
            return found
    redirect = site.redirects.get(wanted)  # a page moved in Git keeps its old address this way
    if isinstance(redirect, str):
        found = site.lookup(posixpath.normpath(redirect.lstrip("/")))
        return found if found in site.pages else None
    return None
