"""An `http://` link to a host that the space links with `https://` elsewhere.

What
: Reports, for information, a link or image address starting with `http://` when another link of
  the space reaches the same host with `https://`: the secure address exists, so the insecure
  one is most likely an old copy. Embeds are checked by GB503. `localhost` and addresses
  without a host are left alone.

Why
: An `http://` link exposes readers to a downgraded or intercepted connection, and browsers
  warn about it; when the space already links the host with `https://`, switching is safe.

Bad
```markdown
Le [projet](http://projet.example.org/) publie aussi ses [statistiques](https://projet.example.org/stats).
```

Good
```markdown
Le [projet](https://projet.example.org/) publie aussi ses [statistiques](https://projet.example.org/stats).
```
"""

from __future__ import annotations

import re
from typing import Iterator
from urllib.parse import urlsplit

from ..finding import Edit, Finding
from ..model.elements import Link
from ..model.references import tag_bodies
from ..model.site import Site
from .base import Context

ID = "GB506"
NAME = "http-link-https-available"
TAGS = ("links", "content", "security")
SEVERITY = "info"
SCOPE = "site"
FIXABLE = True  # `--fix` applies the edit its findings carry
MESSAGES = {
    "http": {
        "en": "`{url}` uses `http://` while `{host}` is linked with `https://` elsewhere in the space",
        "fr": "`{url}` utilise `http://` alors que `{host}` est lié en `https://` ailleurs dans l'espace",
    },
    "use-https": {"en": "write `{secure}`", "fr": "écrivez `{secure}`"},
}
DOC_FR = """Un lien `http://` vers un hôte que l'espace lie ailleurs en `https://`.

Quoi
: Signale, pour information, un lien ou une image dont l'adresse commence par `http://` quand un
  autre lien de l'espace atteint le même hôte en `https://` : l'adresse sécurisée existe, donc
  l'adresse non sécurisée est sans doute une vieille copie. Les embeds sont vérifiés par GB503.
  `localhost` et les adresses sans hôte sont ignorés.

Pourquoi
: Un lien `http://` expose les lecteurs à une connexion dégradée ou interceptée, et les
  navigateurs le signalent ; quand l'espace lie déjà l'hôte en `https://`, le changement est sûr.

Mauvais

Bon
"""

_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
# `http://host/…` with a plain ASCII host (no user, port, escape, bracket or tab in it), ending
# at `/`, `?`, `#` or the end: `urlsplit` reads this scheme and host, so most links skip it.
_PLAIN_WEB_ADDRESS = re.compile(r"(https?)://([A-Za-z0-9.-]+)(?=[/?#]|$)", re.I)


def check(site: Site, ctx: Context) -> Iterator[Finding]:
    links = list(_web_links(site))  # walked once: every link of the space
    secure_hosts = {host for _, link, scheme, host in links if scheme == "https"}
    for path, link, scheme, host in links:
        if scheme == "http" and host in secure_hosts and not _is_embed(link):
            secure = "https" + link.target.strip()[len("http") :]
            edit = _https_edit(link)
            yield ctx.finding(link, "http", path=path, fix="use-https", edit=edit, url=link.target, host=host, secure=secure)


def _web_links(site: Site) -> Iterator[tuple[str, Link, str, str]]:
    """(page path, link, scheme, host) of every http(s) address in the space."""
    for path, page in site.pages.items():
        _, repeated = tag_bodies(site, page)
        for link in page.links:
            target = link.target.strip()
            if link in repeated:
                continue  # the tag's url says the same: reported there
            if not target[:5].lower().startswith("http"):
                continue
            found = _scheme_and_host(target)
            if found is not None and found[1] not in _LOCAL_HOSTS:
                yield path, link, *found


def _scheme_and_host(target: str) -> tuple[str, str] | None:
    """The scheme and host (lower-cased) of an http(s) address, as `urlsplit` reads them; None
    for another scheme, no host, or an address it refuses."""
    plain = _PLAIN_WEB_ADDRESS.match(target)
    if plain is not None:
        return plain[1].lower(), plain[2].lower()
    try:
        parts = urlsplit(target)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    scheme = parts.scheme.lower()
    return (scheme, host) if scheme in ("http", "https") and host else None


def _https_edit(link: Link) -> Edit | None:
    """The written destination with `http:` made `https:` (`--fix` checks it is still there)."""
    at = link.raw.lower().find("http:")
    if at == -1:
        return None
    return Edit(link.line, link.column, link.raw, link.raw[:at] + "https:" + link.raw[at + len("http:") :])


def _is_embed(link: Link) -> bool:
    return link.kind == "tag-url" and link.block == "embed"
