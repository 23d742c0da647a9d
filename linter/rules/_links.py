"""Shared by the link rules (GB1xx): the page's classified links and the "did you mean" hint."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterator

from ..finding import Finding
from ..model.page import Page
from ..model.references import GITHUB_FALLBACK, Reference, Suggestion, did_you_mean, references, web_address
from .base import Context

# Said after the message of a finding at a tag attribute whose body link repeats it.
REPEAT_MESSAGES = {
    "repeated-in-body": {
        "en": "; the link on line {line} of its body leads to the same place",
        "fr": " ; le lien de son corps, ligne {line}, mène au même endroit",
    },
}
# Fix messages every link rule that reports a missing path can use (merged into its MESSAGES).
FIX_MESSAGES = {
    "fix-redirect": {
        "en": "did you mean `{suggestion}`? (.gitbook.yaml redirects this path there)",
        "fr": "vouliez-vous dire `{suggestion}` ? (.gitbook.yaml redirige ce chemin vers ce fichier)",
    },
    "fix-renamed": {
        "en": "did you mean `{suggestion}`? (Git history: the file was renamed to it)",
        "fr": "vouliez-vous dire `{suggestion}` ? (historique Git : le fichier a été renommé ainsi)",
    },
    "fix-same-name": {
        "en": "did you mean `{suggestion}`? (a file with the same name elsewhere in the space)",
        "fr": "vouliez-vous dire `{suggestion}` ? (un fichier du même nom ailleurs dans l'espace)",
    },
    "fix-similar-name": {
        "en": "did you mean `{suggestion}`? (a page whose file name is this name made into a GitBook slug)",
        "fr": "vouliez-vous dire `{suggestion}` ? (une page dont le nom de fichier est ce nom converti en identifiant GitBook)",
    },
    **REPEAT_MESSAGES,
}
_FIX_KEYS = {
    "redirect": "fix-redirect",
    "renamed": "fix-renamed",
    "same-name": "fix-same-name",
    "similar-name": "fix-similar-name",
}


def page_references(page: Page, ctx: Context, kind: str) -> Iterator[Reference]:
    """The page's links of one class (see `linter.model.references`)."""
    for reference in references(ctx.site, page, ctx.settings.github_repository):
        if reference.kind == kind:
            yield reference


def noting_repeat(ctx: Context, reference: Reference, finding: Finding) -> Finding:
    """The finding at a tag attribute, saying that its body link repeats it (and is not reported)."""
    if reference.repeated_by is None:
        return finding
    note = ctx.rule.message("repeated-in-body", ctx.lang, {"line": reference.repeated_by.line})
    return replace(finding, message=finding.message + note)


def suggestion_link(ctx: Context, page: Page, suggestion: Suggestion, link_target: str) -> str:
    """How the page should write the link to the suggested file, keeping the `#fragment`."""
    written = ctx.site.relative_link(page.path, suggestion.path)
    _, hash_sign, fragment = link_target.partition("#")
    return written + (hash_sign + fragment if hash_sign else "")


def missing_path_finding(
    ctx: Context, page: Page, reference: Reference, key: str, look_for: str | None = None, **args: Any
) -> Finding:
    """A finding about a missing path, with the likely new place of `look_for` (default: the
    missing path) as its fix when one is known."""
    wanted = reference.target.wanted if reference.target else ""
    link = reference.link
    suggestion = did_you_mean(ctx.site, look_for or wanted)
    fix = None
    if suggestion is not None:
        fix = _FIX_KEYS[suggestion.source]
        args["suggestion"] = suggestion_link(ctx, page, suggestion, link.target)
    elif "fix-web-address" in ctx.rule.messages and web_address(link.target) and reference.detail != GITHUB_FALLBACK:
        fix = "fix-web-address"
        args["address"] = web_address(link.target)
        # the path it leads to (`dossier/ https:/x.fr`) would only puzzle: say why it is a path
        key = f"{key}-web-address" if f"{key}-web-address" in ctx.rule.messages else key
    finding = ctx.finding(link, key, fix=fix, target=wanted, link=link.target, wanted=wanted, **args)
    return noting_repeat(ctx, reference, finding)
