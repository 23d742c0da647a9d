"""Which `#fragments` of web addresses can be checked against the ids of an HTML page."""

from __future__ import annotations

import re
from urllib.parse import unquote

from .collect import host_of

# Fragments that name no element: client-side routes (`#/path`, `#!/path`), text fragments
# (`#:~:text=`), PDF viewer parameters (`#page=3`), GitHub's line ranges (`#L10-L20`).
_NOT_AN_ID = re.compile(r"^(?:[/!]|:~:|page=|L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$)")


def checkable_fragment(url: str, fragment: str) -> bool:
    if not fragment or _NOT_AN_ID.match(fragment):
        return False
    return not url.split("#", 1)[0].lower().split("?", 1)[0].endswith(".pdf")


def fragment_found(url: str, fragment: str, ids: list[str]) -> bool:
    """Whether the page's ids hold the fragment (as written or percent-decoded). GitHub prefixes
    the ids of rendered Markdown with `user-content-`, and its script scrolls to them."""
    if not ids:
        return True  # no id at all: a page built by a script, nothing to judge by
    wanted = {fragment, unquote(fragment)}
    if host_of(url).endswith("github.com"):
        wanted |= {"user-content-" + name.lower() for name in wanted}
    return bool(wanted & set(ids))
