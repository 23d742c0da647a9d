"""Helpers shared by the content rules (GB5xx): severities chosen per finding, accent folding,
and what a GitBook editor URL looks like."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from .base import Context

# GitBook's editor application; `gitbook.com` and `gitbook.io` sub-domains other than `app` are
# published sites, which readers can open.
EDITOR_HOSTS = ("app.gitbook.com", "app.gitbook.io")


def severity_for(ctx: Context, wanted: str) -> str | None:
    """`wanted` unless the user set this rule's severity, which then applies to every finding.

    `None` lets `ctx.finding` apply the rule's configured severity.
    """
    return None if ctx.rule.id in ctx.settings.severities else wanted


def fold(text: str) -> str:
    """Lowercase text without accents, for patterns written without them (`marche`, `titulaire`)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=64)
def folded_pattern(pattern: str) -> re.Pattern[str]:
    """A user's pattern, matched against folded text: accents and case never matter."""
    return re.compile(fold(pattern))


def editor_url_kind(url: str) -> str | None:
    """What kind of GitBook editor address `url` is, or None when readers can open it.

    - `change-request`: `…/~/changes/…` or `…/~/revisions/…` (a draft, visible to editors only);
    - `editor`: the organisation editor `app.gitbook.com/o/…`, the legacy `app.gitbook.com/@org/…`,
      or an `…/edit` (`…/~/edit/…`) address;
    - None for `app.gitbook.com/s/<space>/…`: GitBook's own cross-space link form, which it
      rewrites to the published address of the target space.
    """
    if "gitbook" not in url.lower():
        return None  # the cheap test first: this runs on every link of every page
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if (parts.hostname or "").lower() not in EDITOR_HOSTS:
        return None
    path = parts.path
    if "/~/changes/" in path or "/~/revisions/" in path:
        return "change-request"
    if path.startswith(("/o/", "/@")) or "/~/edit" in path or path.rstrip("/").endswith("/edit"):
        return "editor"
    return None
