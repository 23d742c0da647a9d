"""A web link or embed whose address does not answer (with `--external`).

What
: With `--external` (or `external = true`), every http(s) address of the space is requested
  once: Markdown and HTML links and images, `{% embed url %}`, content-ref and card targets,
  buttons, front matter `cover`. Errors: an error status (404, 410, 500…, after retries for
  5xx; an error answering HEAD is asked again with GET, as servers that route GET only answer
  HEAD with 404 or 405, except 410 Gone, which is final), a host name that does not resolve, a failed secure connection, no answer in time, a
  dropped connection, a redirect loop or too many redirects. Warnings: 401, 403, 429 (after
  waiting as asked) and 999, which servers give robots while readers may see the page.
  Addresses excluded in the configuration, browser-only hosts and private networks are not
  requested (see docs/configuration.md). Without `--external` the rule reports nothing.

  Options: `accept` (statuses taken as working, e.g. `[403]`; default none).

Why
: Sites move and close: a dead link or an empty embed frame is the first thing a reader meets
  and the last thing a reviewer clicks. Reading `{% embed %}`, cards and content-refs, which
  generic link checkers ignore, covers what the reader really sees.

Bad
```markdown
Voir le [guide](https://www.example.org/ancien-guide) (the server answers 404).
```

Good
```markdown
Voir le [guide](https://www.example.org/guide).
```
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any, Iterator

from ..finding import Finding
from ..model.page import Page
from ._content import severity_for
from ._external import checked_links
from .base import Context

ID = "GB601"
NAME = "external-link-unreachable"
TAGS = ("links", "external")
SEVERITY = "error"
SCOPE = "page"
OPTIONS = {
    "accept": {
        "type": "array",
        "items": {"type": "integer", "minimum": 100, "maximum": 999},
        "description": "HTTP statuses taken as working (e.g. 403 for sites that refuse robots).",
    },
}
DEFAULTS: dict[str, Any] = {"accept": []}
MESSAGES = {
    "status": {"en": "`{url}` answers {status} {reason}", "fr": "`{url}` répond {status} {reason}"},
    "denied": {
        "en": "`{url}` refuses the automated check ({status} {reason}): open it in a browser to be sure",
        "fr": "`{url}` refuse la vérification automatique ({status} {reason}) : ouvrez-la dans un navigateur pour en être sûr",
    },
    "dns": {
        "en": "`{url}`: the host name `{host}` does not resolve",
        "fr": "`{url}` : le nom d'hôte `{host}` ne se résout pas",
    },
    "tls": {
        "en": "`{url}`: the secure connection fails ({detail})",
        "fr": "`{url}` : la connexion sécurisée échoue ({detail})",
    },
    "timeout": {"en": "`{url}`: no answer in time", "fr": "`{url}` : pas de réponse à temps"},
    "connection": {
        "en": "`{url}`: the connection fails ({detail})",
        "fr": "`{url}` : la connexion échoue ({detail})",
    },
    "redirects": {
        "en": "`{url}`: more than {detail} redirects",
        "fr": "`{url}` : plus de {detail} redirections",
    },
    "loop": {
        "en": "`{url}`: the redirects go round in a loop (back to `{detail}`)",
        "fr": "`{url}` : les redirections tournent en boucle (retour à `{detail}`)",
    },
    "invalid": {
        "en": "`{url}` is not an address that can be requested ({detail})",
        "fr": "`{url}` n'est pas une adresse qui peut être demandée ({detail})",
    },
}
DOC_FR = """Un lien web ou un embed dont l'adresse ne répond pas (avec `--external`).

Quoi
: Avec `--external` (ou `external = true`), chaque adresse http(s) de l'espace est demandée une
  fois : liens et images Markdown et HTML, `{% embed url %}`, cibles de content-ref et de
  cartes, boutons, `cover` de l'en-tête. Erreurs : un statut d'erreur (404, 410, 500…, après de
  nouveaux essais pour les 5xx ; une erreur en réponse à HEAD est redemandée en GET, car des
  serveurs qui ne routent que GET répondent 404 ou 405 à HEAD, sauf 410 Gone, définitif), un nom d'hôte qui ne se résout pas, une connexion sécurisée qui
  échoue, pas de réponse à temps, une connexion coupée, une boucle ou trop de redirections.
  Avertissements : 401, 403, 429 (après avoir attendu comme demandé) et 999, que des serveurs
  donnent aux robots alors que les lecteurs voient la page. Les adresses exclues par la
  configuration, les hôtes réservés aux navigateurs et les réseaux privés ne sont pas demandés
  (voir docs/configuration.md). Sans `--external`, la règle ne signale rien.

  Options : `accept` (statuts considérés comme valides, par ex. `[403]` ; aucun par défaut).

Pourquoi
: Les sites déménagent et ferment : un lien mort ou un cadre d'embed vide est la première chose
  que voit le lecteur et la dernière que clique le relecteur. Lire `{% embed %}`, les cartes et
  les content-refs, que les vérificateurs de liens génériques ignorent, couvre ce que le lecteur
  voit vraiment.

Mauvais
```markdown
Voir le [guide](https://www.example.org/ancien-guide) (le serveur répond 404).
```

Bon
"""

_DENIED = "denied"


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    accepted = set(ctx.options["accept"])
    for link, result in checked_links(page, ctx):
        if not result.failed or result.status in accepted:
            continue
        words = {"url": link.url, "host": link.host, "detail": result.detail, "status": result.status}
        if result.kind == _DENIED:
            yield ctx.finding(link, "denied", severity=severity_for(ctx, "warning"), reason=_reason(result.status), **words)
        elif result.error:
            yield ctx.finding(link, result.error if result.error in MESSAGES else "connection", **words)
        else:
            yield ctx.finding(link, "status", reason=_reason(result.status), **words)


def _reason(status: int | None) -> str:
    try:
        return HTTPStatus(status or 0).phrase
    except ValueError:
        return ""
