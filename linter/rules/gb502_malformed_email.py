"""An email address that is malformed, or a `mailto:` link that does not send where it says.

What
: Checks the syntax of every email address (with email-validator, without any DNS lookup) in
  prose (not in code, not inside URLs), in `mailto:` links (Markdown and HTML `href`) and in
  front matter strings: a missing or invalid domain, two dots in a row, a space, characters not
  allowed in an address, an empty `mailto:` (errors). Also reports a mailto link (Markdown, or
  HTML `<a href="mailto:…">…</a>` in a paragraph or an HTML block such as a table) whose visible
  text is an address other than the one it sends to (error), and several addresses joined by
  `;` in one `mailto:` (warning: the standard separator is `,`). Warnings too: an address in
  angle brackets that is no autolink (`<octo\\_malt@octo.com>`: the backslash breaks it, readers
  see the brackets and no link; the fix gives the clean form), and a word like
  `scop@scopyleft` in prose, an address whose domain has no suffix (`.fr`, `.coop`…).
  Look-alikes left alone: `@mentions`, `login dinum@`, `pkg@1.2.3`, `name@latest`, `user@` in
  code, URLs with a user (`https://jean@depot.example.org/`), escaped underscores in link text
  (`[octo\\_malt@octo.com](mailto:octo_malt@octo.com)`). Backslash escapes in a `mailto:`
  destination (`mailto:octo\\_malt@octo.com`, which GitBook writes and every CommonMark renderer
  reads) are GB507's, off by default.

  Options: `check_front_matter` (default true).

Why
: Readers copy addresses from the page or click them; a malformed address or a link that sends
  to another address than the one shown loses their message without a word.

Bad
```markdown
Écrivez à [contact@exemple.fr](mailto:contact@exemple..fr) ou à jean.dupont@exemple.
```

Good
```markdown
Écrivez à [contact@exemple.fr](mailto:contact@exemple.fr) ou à jean.dupont@exemple.fr.
```
"""

from __future__ import annotations

from typing import Any, Iterator
from urllib.parse import unquote

from ..finding import Edit, Finding
from ..model.elements import Link, TextRun
from ..model.page import Page
from ..parse.positions import loose_search
from ._content import severity_for
from ._emails import Candidate, candidates, check_address, same_address, suffixless
from .base import Context

ID = "GB502"
NAME = "malformed-email"
TAGS = ("content", "links", "email")
SEVERITY = "error"
SCOPE = "page"
FIXABLE = True  # `--fix` applies the edit its findings carry
OPTIONS = {
    "check_front_matter": {
        "type": "boolean",
        "description": "Also check the addresses found in front matter strings.",
    },
}
DEFAULTS: dict[str, Any] = {"check_front_matter": True}
MESSAGES = {
    "malformed": {
        "en": "malformed email address `{address}`: {reason}",
        "fr": "adresse e-mail mal formée `{address}` : {reason_fr}",
    },
    "empty-mailto": {
        "en": "`mailto:` link without an address",
        "fr": "lien `mailto:` sans adresse",
    },
    "text-differs": {
        "en": "the link text shows `{shown}` but the link sends to `{destination}`",
        "fr": "le texte du lien affiche `{shown}` mais le lien envoie à `{destination}`",
    },
    "not-autolink": {
        "en": "`{raw}` is not a link: readers see the angle brackets and no link (a backslash escape breaks an autolink)",
        "fr": "`{raw}` n'est pas un lien : le lecteur voit les chevrons et pas de lien (un échappement par barre oblique inverse casse le lien automatique)",
    },
    "no-suffix": {
        "en": "`{address}` reads as an email address whose domain has no suffix (`.fr`, `.com`…)",
        "fr": "`{address}` se lit comme une adresse e-mail dont le domaine n'a pas de suffixe (`.fr`, `.com`…)",
    },
    "complete-domain": {
        "en": "write the whole address, with the domain's suffix (`{address}.fr`?), or put it in code if it is no address",
        "fr": "écrivez l'adresse entière, avec le suffixe du domaine (`{address}.fr` ?), ou mettez-la en code si ce n'est pas une adresse",
    },
    "semicolon": {
        "en": "several addresses joined by `;` in `{raw}`: mail clients expect `,`",
        "fr": "plusieurs adresses séparées par `;` dans `{raw}` : les logiciels de messagerie attendent `,`",
    },
    "write-clean": {
        "en": "write `{clean}`",
        "fr": "écrivez `{clean}`",
    },
    "fix-address": {
        "en": "correct the address",
        "fr": "corrigez l'adresse",
    },
    "match-text": {
        "en": "make the text and the destination the same address",
        "fr": "mettez la même adresse dans le texte et la destination",
    },
}
DOC_FR = """Une adresse e-mail mal formée, ou un lien `mailto:` qui n'envoie pas là où il le dit.

Quoi
: Vérifie la syntaxe de chaque adresse e-mail (avec email-validator, sans requête DNS) dans le
  texte (hors code et hors URL), dans les liens `mailto:` (Markdown et `href` HTML) et dans les
  chaînes du front matter : domaine absent ou invalide, deux points qui se suivent, espace,
  caractères interdits, `mailto:` vide (erreurs). Signale aussi un lien mailto (Markdown, ou HTML
  `<a href="mailto:…">…</a>` dans un paragraphe ou un bloc HTML comme un tableau) dont le texte
  affiche une autre adresse que celle où il envoie (erreur), et plusieurs adresses séparées
  par `;` dans un même `mailto:` (avertissement : le séparateur standard est `,`).
  Avertissements aussi : une adresse entre chevrons qui n'est pas un lien automatique
  (`<octo\\_malt@octo.com>` : la barre oblique inverse le casse, le lecteur voit les chevrons et
  pas de lien ; la correction donne la forme propre), et un mot comme `scop@scopyleft` dans le
  texte, une adresse dont le domaine n'a pas de suffixe (`.fr`, `.coop`…). Ne sont pas
  signalés : les `@mentions`, `identifiant dinum@`, `pkg@1.2.3`, `nom@latest`, `user@` dans du
  code, les URL avec un utilisateur (`https://jean@depot.example.org/`), les tirets bas
  échappés dans le texte d'un lien (`[octo\\_malt@octo.com](mailto:octo_malt@octo.com)`). Les
  échappements dans une destination `mailto:` (`mailto:octo\\_malt@octo.com`, qu'écrit GitBook
  et que lit tout moteur CommonMark) relèvent de GB507, désactivée par défaut.

  Options : `check_front_matter` (vrai par défaut).

Pourquoi
: Les lecteurs copient les adresses de la page ou cliquent dessus ; une adresse mal formée, ou
  un lien qui envoie à une autre adresse que celle affichée, perd leur message sans prévenir.

Mauvais

Bon
"""

_MAILTO = "mailto:"
_MAIL_LINK_KINDS = ("link", "autolink", "html-href")


def check(page: Page, ctx: Context) -> Iterator[Finding]:
    yield from _prose(page, ctx)
    for link in page.links:
        if link.kind in _MAIL_LINK_KINDS and _is_mail_link(link):
            yield from _mail_link(link, ctx)
    if ctx.options["check_front_matter"] and page.front_matter is not None:
        yield from _front_matter(page, ctx)


def _is_mail_link(link: Link) -> bool:
    return link.target.lower().startswith(_MAILTO) or (link.kind == "autolink" and "@" in link.target and ":" not in link.target)


def _prose(page: Page, ctx: Context) -> Iterator[Finding]:
    for run in page.text_runs:
        if "@" not in run.text:
            continue  # no address, nor anything like one (most runs: checked before anything else)
        if run.link is not None and _is_mail_link(run.link):
            continue  # a mailto label is compared with its destination instead
        for candidate in candidates(run.text):
            if _in_angle_brackets(run.text, candidate):
                yield _not_autolink(page, ctx, run, candidate)
            else:
                yield from _malformed(ctx, candidate.address, _written_at(page, run, candidate.address, candidate.offset)[:2])
        for candidate in suffixless(run.text):
            at = _written_at(page, run, candidate.address, candidate.offset)[:2]
            yield ctx.finding(at, "no-suffix", fix="complete-domain", severity=severity_for(ctx, "warning"), address=candidate.address)


def _written_at(page: Page, run: TextRun, text: str, offset: int) -> tuple[int, int, str | None]:
    """(line, column, source text) of `text`, found at `offset` of the prose run, as the source
    writes it: backslash escapes and entities make the source longer than the prose, never
    shorter, so it is the first spelling at or after that offset. No source text when not found."""
    line = page.index.line_text(run.line - 1)
    written = loose_search(text, line, max(0, run.column - 1 + offset), len(line))
    if written is None:
        return run.line, run.column + offset, None
    return run.line, written[0] + 1, line[written[0] : written[1]]


def _in_angle_brackets(text: str, candidate: Candidate) -> bool:
    """`<a@b.fr>` left as text: a real autolink would be a link, not prose."""
    end = candidate.offset + len(candidate.address)
    return text[candidate.offset - 1 : candidate.offset] == "<" and text[end : end + 1] == ">"


def _not_autolink(page: Page, ctx: Context, run: TextRun, candidate: Candidate) -> Finding:
    """The finding at the `<` as written in the source (escapes make the prose and the source
    differ), with the clean autolink as its fix."""
    clean = f"<{candidate.address}>"
    _, column, written = _written_at(page, run, clean, candidate.offset - 1)
    raw = written or clean
    edit = Edit(run.line, column, raw, clean) if written and raw != clean else None
    return ctx.finding(
        (run.line, column), "not-autolink", fix="write-clean", severity=severity_for(ctx, "warning"), edit=edit, raw=raw, clean=clean
    )


def _malformed(ctx: Context, address: str, at: Any) -> Iterator[Finding]:
    problem = check_address(address)
    if problem is not None:
        yield ctx.finding(at, "malformed", fix="fix-address", address=address, reason=problem.reason_en, reason_fr=problem.reason_fr)


def _mail_link(link: Link, ctx: Context) -> Iterator[Finding]:
    target = link.target
    if link.kind == "autolink" and not target.lower().startswith(_MAILTO):
        target = _MAILTO + target
    body = unquote(target[len(_MAILTO) :].split("?", 1)[0])
    if not body.strip():
        yield ctx.finding(link, "empty-mailto", fix="fix-address")
        return
    if ";" in body:
        clean = _MAILTO + ",".join(part.strip() for part in body.split(";") if part.strip())
        yield ctx.finding(link, "semicolon", fix="write-clean", severity=severity_for(ctx, "warning"), raw=target, clean=clean)
    addresses = [part.strip() for part in body.replace(";", ",").split(",") if part.strip()]
    malformed = [finding for address in addresses for finding in _malformed(ctx, address, link)]
    yield from malformed
    if not malformed:  # a broken destination is reported once, not also as a mismatch
        yield from _text_differs(link, addresses, ctx)


def _text_differs(link: Link, addresses: list[str], ctx: Context) -> Iterator[Finding]:
    """The label shows an address the link does not send to."""
    if link.kind not in ("link", "html-href"):  # an autolink shows its own destination
        return
    for candidate in candidates(link.text):
        if not any(same_address(candidate.address, address) for address in addresses):
            yield ctx.finding(link, "text-differs", fix="match-text", shown=candidate.address, destination=", ".join(addresses))
            return


def _front_matter(page: Page, ctx: Context) -> Iterator[Finding]:
    matter = page.front_matter
    assert matter is not None
    for path, value in _strings(matter.data, ()):
        for candidate in candidates(value):
            yield from _malformed(ctx, candidate.address, matter.position_of(path))


def _strings(data: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
