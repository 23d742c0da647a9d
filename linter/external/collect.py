"""The http(s) addresses a page links to, read from its model (no parsing again).

Markdown and HTML links and images, `{% embed url %}`, content-ref and card targets, buttons
(all in `Page.links`), and the front matter `cover` when it is a web address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ..model.page import Page

_SPACE = re.compile(r"\s")  # what str.isspace() calls a space, searched in C
WEB_KINDS = ("link", "image", "autolink", "html-href", "html-src", "tag-url", "tag-src")


@dataclass(frozen=True)
class WebLink:
    """One web address written in a page, at its line and column."""

    url: str  # as written, fragment included
    line: int
    column: int

    @property
    def address(self) -> str:
        """What is fetched: the address without its fragment (one request serves every `#…`)."""
        return self.url.split("#", 1)[0]

    @property
    def fragment(self) -> str:
        return self.url.split("#", 1)[1] if "#" in self.url else ""

    @property
    def host(self) -> str:
        return host_of(self.url)


@lru_cache(maxsize=8192)  # asked several times per address during a check
def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def is_web_address(url: str) -> bool:
    """An absolute http(s) address with a host and no space (others are not ours to fetch)."""
    if not url[:8].lower().startswith(("http://", "https://")) or _SPACE.search(url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return False
    return bool(parts.hostname)


def web_links(page: Page) -> Iterator[WebLink]:
    """The page's web addresses, in reading order (the cover first: it is in the front matter)."""
    matter = page.front_matter
    for key, cover in matter.covers() if matter is not None else ():
        if is_web_address(cover):
            position = matter.value_text_positions.get(key) or matter.position_of(key)
            yield WebLink(cover, position.line, position.column)
    for link in page.links:
        target = link.target.strip()
        if link.kind in WEB_KINDS and is_web_address(target):
            yield WebLink(target, link.line, link.column)
