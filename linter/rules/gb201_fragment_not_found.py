"""A `#fragment` names no anchor of its target page.

What
: Reports a link `#id`, `page.md#id` or `dossier/#id` whose id exists nowhere on the target
  page. An id exists when it is an explicit anchor (`<a href="#x" id="x"></a>`, the older
  `<a id="x"></a>`, any HTML `id=` or `name=`), the id GitBook computes for a heading or an
  expandable block (`<details><summary>Creator</summary>` is `#creator`) in any of its
  generations, one of these numbered the way GitBook numbers repeated ids (the second `focus` is
  `#focus-1`, stored ids included), a footnote id (`user-content-fn-1`), or an id of a reusable
  block the page includes. SUMMARY.md items that point at a heading
  (`* [Boutons](inline.md#boutons)`) are checked the same way. The message proposes the closest
  ids GitBook serves.

Why
: The page opens at its top instead of the section: the reader has to search for it. Fragments
  break when a heading is renamed without keeping its anchor.

Bad
```markdown
## Étapes clés

Voir [les étapes](#etapes).
```

Good
```markdown
## Étapes clés

Voir [les étapes](#etapes-cles).
```
"""

from __future__ import annotations

import difflib
from typing import Iterator

from ..finding import Finding
from ..model.page import Page
from ..model.references import OK, references
from ..model.site import Site
from ._links import REPEAT_MESSAGES, noting_repeat
from .base import Context

ID = "GB201"
NAME = "fragment-not-found"
TAGS = ("links", "anchors")
SEVERITY = "warning"
SCOPE = "page"
MESSAGES = {
    **REPEAT_MESSAGES,
    "same-page": {
        "en": "no anchor `#{fragment}` on this page",
        "fr": "aucune ancre `#{fragment}` dans cette page",
    },
    "same-page-close": {
        "en": "no anchor `#{fragment}` on this page; closest ids: {closest}",
        "fr": "aucune ancre `#{fragment}` dans cette page ; ids les plus proches : {closest}",
    },
    "other-page": {
        "en": "no anchor `#{fragment}` on `{page}`",
        "fr": "aucune ancre `#{fragment}` dans `{page}`",
    },
    "other-page-close": {
        "en": "no anchor `#{fragment}` on `{page}`; closest ids: {closest}",
        "fr": "aucune ancre `#{fragment}` dans `{page}` ; ids les plus proches : {closest}",
    },
    "did-you-mean": {
        "en": "did you mean `#{best}`?",
        "fr": "vouliez-vous dire `#{best}` ?",
    },
}
DOC_FR = """Un `#fragment` ne désigne aucune ancre de sa page cible.

Quoi
: Signale un lien `#id`, `page.md#id` ou `dossier/#id` dont l'id n'existe nulle part dans la
  page visée. Un id existe s'il s'agit d'une ancre explicite (`<a href="#x" id="x"></a>`,
  l'ancienne `<a id="x"></a>`, tout `id=` ou `name=` HTML), de l'id que GitBook calcule pour un
  titre ou un bloc dépliable (`<details><summary>Creator</summary>` donne `#creator`) dans l'une
  de ses générations, de l'un d'eux numéroté comme GitBook numérote les ids répétés (le second
  `focus` est `#focus-1`, ids enregistrés compris), d'un id de note de bas de page
  (`user-content-fn-1`), ou d'un id d'un bloc réutilisable inclus dans la page. Les éléments de
  SUMMARY.md qui pointent vers un titre (`* [Boutons](inline.md#boutons)`) sont vérifiés de même.
  Le message propose les ids servis par GitBook les plus proches.

Pourquoi
: La page s'ouvre en haut au lieu de la section : le lecteur doit la chercher. Les fragments
  cassent quand un titre est renommé sans garder son ancre.

Mauvais

Bon
"""

_CLOSEST = 3


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    site = ctx.site
    if page.path == site.summary_path:
        yield from _heading_entries(site, ctx)
        return
    for reference in references(site, page, ctx.settings.github_repository):
        target = reference.target
        if reference.kind != OK or target is None or not target.fragment or target.path not in site.pages:
            continue  # no fragment, or not a page: a missing file is another rule's finding
        same_page = target.kind == "fragment"
        if same_page and page.is_include:
            continue  # `#id` in a reusable block names an anchor of the page that includes it
        anchors = site.anchor_index[target.path]
        if target.fragment in anchors.ids:
            continue
        finding = _finding(ctx, reference.link, target.fragment, anchors.served, None if same_page else target.path)
        yield noting_repeat(ctx, reference, finding)


def _heading_entries(site: Site, ctx: Context) -> Iterator[Finding]:
    """SUMMARY.md items that point at a heading of a page: their fragment must name it."""
    for item in site.nav_items():
        if not item.is_heading or item.link is None:
            continue
        target = site.resolve(site.summary_path, item.link.target)
        if target.kind != "file" or target.path not in site.pages or not target.fragment:
            continue  # a missing page is GB313's finding
        anchors = site.anchor_index[target.path]
        if target.fragment not in anchors.ids:
            yield _finding(ctx, item.link, target.fragment, anchors.served, target.path)


def _finding(ctx: Context, at: object, fragment: str, served: tuple[str, ...], page: str | None) -> Finding:
    # A shortened id (`#section` for `#section-du-dossier`) is as likely as a misspelt one.
    longer = [name for name in served if name.startswith(fragment + "-")][:1]
    close = difflib.get_close_matches(fragment, served, n=_CLOSEST, cutoff=0.6)
    closest = list(dict.fromkeys(longer + close))[:_CLOSEST]
    key = "same-page" if page is None else "other-page"
    if not closest:
        return ctx.finding(at, key, fragment=fragment, page=page, target=page)
    shown = ", ".join(f"`#{name}`" for name in closest)
    return ctx.finding(
        at, key + "-close", fix="did-you-mean", fragment=fragment, page=page, closest=shown, best=closest[0], target=page
    )
