"""The body of `{% content-ref %}` blocks, shared by the rules that check it (GB301, GB302)."""

from __future__ import annotations

from typing import Iterator
from urllib.parse import unquote

from ..model.elements import Block, Link
from ..model.names import nfc
from ..model.page import Page


def content_refs(page: Page) -> Iterator[Block]:
    """The closed content-ref blocks that have a `url` (the others are other rules' business)."""
    for block in page.blocks:
        if block.name == "content-ref" and block.closed and "url" in block.attrs:
            yield block


def body_links(page: Page, block: Block) -> list[Link]:
    end = block.end_line or block.line
    return [link for link in page.links if block.line < link.line < end and link.block == "content-ref"]


def extra_text(page: Page, block: Block, link: Link) -> str:
    """Visible text in the body other than the link's label."""
    end = block.end_line or block.line
    texts = [b.text for b in page.text_blocks if block.line < b.line < end and b.block == "content-ref"]
    rest = " ".join(texts).replace(link.text, "", 1).strip()
    return rest


def same_target(href: str, url: str) -> bool:
    """Whether two spellings name the same target (`%20` or a space, NFC or NFD accents)."""
    return nfc(unquote(href.strip())) == nfc(unquote(url.strip()))


def basename(url: str) -> str:
    """The link text GitBook writes: the last path segment (`page.md`, or `dir` for `dir/`)."""
    path = url.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    return path.rsplit("/", 1)[-1]




_PLACEHOLDER_TEXT = "Broken link"


def is_placeholder(url: str, text: str) -> bool:
    """GitBook's marks for a lost target (`broken-reference`, `/broken/…`, text `Broken link`)."""
    path = url.split("#", 1)[0].rstrip("/")
    return (
        text.strip() == _PLACEHOLDER_TEXT
        or path == "broken-reference"
        or path.endswith("/broken-reference")
        or path.startswith("/broken/")
    )
