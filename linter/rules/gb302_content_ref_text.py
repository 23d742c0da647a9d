"""The link text of a `content-ref` is not the name GitBook writes for its target.

What
: Reports the link in a `{% content-ref %}` body whose text is not the last segment of the
  block's `url`: the file name with `.md` (`demarrer.md`), or the folder name for a folder page
  (`guide` for `guide/`). Links whose text is GitBook's `Broken link` placeholder are left to the
  placeholder rule, a link whose target differs from `url` to GB301, and a content-ref to a web
  address (GitBook's GitHub fallback for a lost page) to the link rules. Fixable with `--fix` when
  the body is exactly one `[text](url)` line: the text becomes the name GitBook writes.

Why
: GitBook shows the target page's title in the card and rewrites the body with the file name on
  its next save: a hand-written text never shows in GitBook and disappears at the next sync,
  while GitHub keeps showing it. It is usually a sign the block was edited by hand.

Bad
```markdown
{% content-ref url="guide/" %}
[Le guide complet](guide/)
{% endcontent-ref %}
```

Good
```markdown
{% content-ref url="guide/" %}
[guide](guide/)
{% endcontent-ref %}
```
"""

from __future__ import annotations

import re
from typing import Iterator
from urllib.parse import unquote

from ..finding import Edit, Finding
from ..model.elements import Block, Link
from ..model.page import Page
from ..model.references import same_target as leads_to
from ._content_ref import basename, body_links, content_refs, extra_text, is_placeholder, same_target
from .base import Context

ID = "GB302"
NAME = "content-ref-text"
TAGS = ("blocks", "links", "structure")
SEVERITY = "warning"
SCOPE = "page"
FIXABLE = True  # `--fix` applies the edit its findings carry
MESSAGES = {
    "text-differs": {
        "en": "the content-ref link text is `{text}`; GitBook writes the target's name `{name}`",
        "fr": "le texte du lien du content-ref est `{text}` ; GitBook écrit le nom de la cible `{name}`",
    },
    "write-name": {
        "en": "write `[{name}]({url})`",
        "fr": "écrivez `[{name}]({url})`",
    },
}
_EXTERNAL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
DOC_FR = """Le texte du lien d'un `content-ref` n'est pas le nom qu'écrit GitBook pour sa cible.

Quoi
: Signale le lien du corps d'un `{% content-ref %}` dont le texte n'est pas le dernier segment de
  l'`url` du bloc : le nom du fichier avec `.md` (`demarrer.md`), ou le nom du dossier pour la page
  d'un dossier (`guide` pour `guide/`). Les liens dont le texte est `Broken link` (le marqueur de
  GitBook) relèvent de la règle des marqueurs, un lien dont la cible diffère de `url` de GB301,
  et un content-ref vers une adresse web (le repli de GitBook sur GitHub pour une page perdue) des
  règles de liens. Corrigeable avec `--fix` quand le corps est exactement une ligne
  `[texte](url)` : le texte devient le nom qu'écrit GitBook.

Pourquoi
: GitBook affiche le titre de la page cible dans la carte et réécrit le corps avec le nom du
  fichier au prochain enregistrement : un texte écrit à la main n'apparaît jamais dans GitBook et
  disparaît à la synchronisation suivante, alors que GitHub continue de l'afficher. C'est en
  général le signe d'un bloc modifié à la main.

Mauvais

Bon
"""


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    for block in content_refs(page):
        url = block.attrs["url"]
        links = body_links(page, block)
        if len(links) != 1 or not leads_to(ctx.site, page.path, links[0].target, url) or is_placeholder(url, links[0].text):
            continue  # GB301 or the placeholder rule speaks for these
        if _EXTERNAL.match(url):
            continue  # GitBook's GitHub fallback for a lost page: the link rules report it
        link = links[0]
        name = basename(url)
        text = link.text.strip()
        if text not in (name, unquote(name)) and not same_target(text, unquote(name)):
            label = page.index.first_char(link.line - 1)
            edit = _edit(page, block, link, unquote(name))
            yield ctx.finding(
                (label.line, label.column + 1), "text-differs", fix="write-name", edit=edit, text=text, name=name, url=url
            )


_UNSAFE_IN_LABEL = set("[]\\`<>*")


def _edit(page: Page, block: Block, link: Link, name: str) -> Edit | None:
    """`--fix` replaces the label when the body is exactly `[label](url)` on one line (nothing
    else a reader wrote would be lost) and the name needs no Markdown escaping."""
    if extra_text(page, block, link) or _UNSAFE_IN_LABEL.intersection(name):
        return None
    line = page.index.line_text(link.line - 1)
    start = page.index.first_char(link.line - 1).column  # 0-based index just past the `[`
    end = link.column - 3  # 0-based index of the `](` before the destination
    if start > end or line[start - 1 : start] != "[" or line[end : end + 2] != "](":
        return None
    label = line[start:end]
    if _UNSAFE_IN_LABEL.intersection(label) or "](" in label:
        return None  # images, nested brackets or code: not a plain label
    return Edit(link.line, start + 1, label, name)
