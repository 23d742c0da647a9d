"""A `content-ref` block whose body is not exactly one link to its `url`.

What
: Reports a `{% content-ref url="…" %}` block whose body is not the single line GitBook writes,
  `[name](url)`: a body without a link, with several links or with text besides the link, or a
  link whose target differs from the block's `url`. Targets are compared as GitBook resolves
  them: `dir/` and `dir/README.md`, `./x.md` and `x.md`, `%20` and a space, NFC and NFD accents
  name the same page. A body link that goes elsewhere is reported here only, not also by the
  link rules.

Why
: GitBook draws the page card from `url` and rewrites the body on its next save; the body link is
  what other renderers (GitHub, an editor's preview) show. When the two disagree, readers of the
  repository follow one page and readers of the published site another, and anything written
  around the link is lost at the next sync.

Bad
```markdown
{% content-ref url="guide/demarrer.md" %}
[demarrer.md](guide/ancien.md)
{% endcontent-ref %}
```

Good
```markdown
{% content-ref url="guide/demarrer.md" %}
[demarrer.md](guide/demarrer.md)
{% endcontent-ref %}
```
"""

from __future__ import annotations

from typing import Iterator

from ..finding import Finding
from ..model.elements import Block, Link
from ..model.page import Page
from ..model.references import same_target
from ._content_ref import basename, body_links, content_refs, extra_text
from .base import Context

ID = "GB301"
NAME = "content-ref-body"
TAGS = ("blocks", "links", "structure")
SEVERITY = "error"
SCOPE = "page"
MESSAGES = {
    "href-differs": {
        "en": "the content-ref link leads to `{href}` but the block's url is `{url}`",
        "fr": "le lien du content-ref mène à `{href}` alors que l'url du bloc est `{url}`",
    },
    "no-link": {
        "en": "the content-ref to `{url}` has no link in its body",
        "fr": "le content-ref vers `{url}` n'a pas de lien dans son corps",
    },
    "several-links": {
        "en": "the content-ref to `{url}` holds {count} links; GitBook writes exactly one",
        "fr": "le content-ref vers `{url}` contient {count} liens ; GitBook n'en écrit qu'un",
    },
    "extra-text": {
        "en": "the content-ref to `{url}` holds text besides its link (`{text}`); GitBook drops it",
        "fr": "le content-ref vers `{url}` contient du texte en plus de son lien (`{text}`) ; GitBook le supprime",
    },
    "write-body": {
        "en": "write the body as `[{name}]({url})`",
        "fr": "écrivez le corps sous la forme `[{name}]({url})`",
    },
}
DOC_FR = """Un bloc `content-ref` dont le corps n'est pas exactement un lien vers son `url`.

Quoi
: Signale un bloc `{% content-ref url="…" %}` dont le corps n'est pas la ligne unique qu'écrit
  GitBook, `[nom](url)` : un corps sans lien, avec plusieurs liens ou du texte autour du lien, ou
  un lien dont la cible diffère de l'`url` du bloc. Les cibles sont comparées comme GitBook les
  résout : `dossier/` et `dossier/README.md`, `./x.md` et `x.md`, `%20` et une espace, accents
  NFC et NFD désignent la même page. Un lien du corps qui mène ailleurs est signalé ici
  seulement, pas aussi par les règles de liens.

Pourquoi
: GitBook dessine la carte de la page à partir de `url` et réécrit le corps au prochain
  enregistrement ; le lien du corps est ce que montrent les autres affichages (GitHub, l'aperçu
  d'un éditeur). Quand les deux divergent, les lecteurs du dépôt et ceux du site publié suivent
  deux pages différentes, et le texte écrit autour du lien disparaît à la synchronisation suivante.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for block in content_refs(page):
        url = block.attrs["url"]
        links = body_links(page, block)
        name = basename(url)
        if not links:
            yield ctx.finding(block, "no-link", fix="write-body", url=url, name=name)
        elif len(links) > 1:
            yield ctx.finding(links[1], "several-links", fix="write-body", url=url, name=name, count=len(links))
        else:
            yield from _check_one(page, ctx, block, links[0], url, name)


def _check_one(page: Page, ctx: Context, block: Block, link: Link, url: str, name: str) -> Iterator[Finding]:
    if not same_target(ctx.site, page.path, link.target, url):
        yield ctx.finding(link, "href-differs", fix="write-body", href=link.target, url=url, name=name)
    extra = extra_text(page, block, link)
    if extra:
        yield ctx.finding(link, "extra-text", fix="write-body", url=url, name=name, text=extra)
