"""A web link whose address redirects permanently: the new address is the one to write (with `--external`).

What
: Reports, for information, a web address that answers 301 or 308 (moved permanently), with
  the address the permanent redirects lead to as the fix (the link's `#fragment` kept). A
  temporary redirect (302, 303, 307) is not reported, nor a redirect whose end is broken (GB601
  reports that), nor the short links of hosts whose very job is to redirect (option
  `ignore_hosts`: `youtu.be`, `bit.ly`… by default). Without `--external` the rule reports nothing.

Why
: A permanent redirect says the old address may stop working any day, and it costs readers a
  round trip; the new address is known, so updating the link is cheap and safe.

Bad
```markdown
La [charte](http://www.example.org/charte) (answers 301 to `https://www.example.org/charte/`).
```

Good
```markdown
La [charte](https://www.example.org/charte/).
```
"""

from __future__ import annotations

from typing import Any, Iterator

from ..external.result import OK
from ..finding import Finding
from ..model.page import Page
from ._external import checked_links
from .base import Context

ID = "GB602"
NAME = "external-link-moved"
TAGS = ("links", "external")
SEVERITY = "info"
SCOPE = "page"
OPTIONS = {
    "ignore_hosts": {
        "type": "array",
        "items": {"type": "string", "minLength": 1},
        "description": "Hosts (and their subdomains) whose redirects are their purpose: short links.",
    },
}
DEFAULTS: dict[str, Any] = {
    "ignore_hosts": ["youtu.be", "bit.ly", "t.co", "goo.gl", "forms.gle", "tinyurl.com", "ow.ly", "urlz.fr"],
}
MESSAGES = {
    "moved": {
        "en": "`{url}` has moved permanently to `{new}`",
        "fr": "`{url}` a été déplacée définitivement vers `{new}`",
    },
    "write-new": {"en": "write `{new}`", "fr": "écrivez `{new}`"},
}
DOC_FR = """Un lien web dont l'adresse redirige définitivement : c'est la nouvelle adresse qu'il faut écrire (avec `--external`).

Quoi
: Signale, pour information, une adresse web qui répond 301 ou 308 (déplacée définitivement),
  avec en correction l'adresse à laquelle mènent les redirections définitives (le `#fragment`
  du lien conservé). Une redirection temporaire (302, 303, 307) n'est pas signalée, ni une
  redirection qui mène à une adresse cassée (GB601 la signale), ni les liens courts des hôtes
  dont c'est le métier (option `ignore_hosts` : `youtu.be`, `bit.ly`… par défaut). Sans
  `--external`, la règle ne signale rien.

Pourquoi
: Une redirection définitive annonce que l'ancienne adresse peut cesser de fonctionner, et elle
  coûte un aller-retour au lecteur ; la nouvelle adresse est connue, la mise à jour est simple
  et sûre.

Mauvais
```markdown
La [charte](http://www.example.org/charte) (répond 301 vers `https://www.example.org/charte/`).
```

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    ignored = [host.lower() for host in ctx.options["ignore_hosts"]]
    for link, result in checked_links(page, ctx):
        if result.kind != OK or not result.permanent_to or result.permanent_to == link.address:
            continue
        if any(link.host == host or link.host.endswith("." + host) for host in ignored):
            continue
        new = result.permanent_to
        if link.fragment and "#" not in new:
            new = f"{new}#{link.fragment}"
        yield ctx.finding(link, "moved", fix="write-new", url=link.url, new=new)
