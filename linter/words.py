"""Words shown to people: a text in their language, and the valid spelling nearest a mistyped one.

The bottom layer for everything that speaks: rule messages, schema messages and the command
line's own sentences all pick their language here, so English stays the one fallback.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

LANGUAGES = ("en", "fr")
FALLBACK = "en"


def localised(texts: Mapping[str, str], lang: str) -> str | None:
    """The text of `texts` (language → text) in `lang`, else the English one; None when it has
    neither (a schema written by a user may word a message in French only)."""
    return texts.get(lang) or texts.get(FALLBACK)


def say_in(texts: Mapping[str, str], lang: str, **args: Any) -> str:
    """`texts` in `lang` (English when missing), formatted with `args`; our own tables always
    have the English text."""
    return (texts.get(lang) or texts[FALLBACK]).format(**args)


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The valid spelling nearest to `word`: `GB21` → `GB021`, `unclosed-blok` → `unclosed-block`."""
    pool = list(candidates)
    padded = re.fullmatch(r"[Gg][Bb](\d{1,2})", word)
    if padded and f"GB{int(padded.group(1)):03d}" in pool:
        return f"GB{int(padded.group(1)):03d}"
    lowered = {candidate.lower(): candidate for candidate in pool}
    import difflib  # only a misspelt name needs it

    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None
