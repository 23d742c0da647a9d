"""SUMMARY.md as a nav tree: groups (`## Group`), items (`* [Title](path.md)`), their depth.

Each item also keeps how it is written (list marker, indentation, whether the line is exactly one
link), so that rules about SUMMARY's form read the model instead of re-scanning the text.

Besides page items, GitBook writes two other kinds: an item that points at a heading of a page
(`* [Buttons](inline.md#buttons)`, a second entry for that page, not a duplicate), and the API
reference generated from an OpenAPI spec, written as a fenced `yaml` block as the item's text
(`type: builtin:openapi`, `props`, `dependencies`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..parse.frontmatter import FrontMatter, load_front_matter
from .elements import Link
from .page import Page


@dataclass
class NavItem:
    title: str
    line: int
    column: int
    depth: int  # 0 for top-level items
    group: str | None
    link: Link | None  # None when the item holds no link
    marker: str = "*"  # the list marker as written: `*`, `-`, `+`, `1.`…
    indent: int = 0  # columns before the marker (a tab counts as one)
    single_link: bool = True  # the item's text is exactly one `[Title](path)` link
    block: FrontMatter | None = None  # a fenced `yaml` block written as the item (its YAML, at its lines)
    children: list[NavItem] = field(default_factory=list, repr=False)
    parent: NavItem | None = field(default=None, repr=False)

    @property
    def target(self) -> str:
        return self.link.target if self.link else ""

    @property
    def is_heading(self) -> bool:
        """An entry for a heading of a page (`page.md#id`), beside the page's own entry."""
        return self.link is not None and "#" in self.link.target.strip("<>").lstrip("#")

    @property
    def is_openapi(self) -> bool:
        """The API reference GitBook generates from an OpenAPI spec (`type: builtin:openapi`)."""
        data: Any = self.block.data if self.block is not None else None
        return isinstance(data, dict) and data.get("type") == OPENAPI_ITEM


OPENAPI_ITEM = "builtin:openapi"


@dataclass
class Summary:
    page: Page
    title: str = ""
    groups: list[str] = field(default_factory=list)
    items: list[NavItem] = field(default_factory=list)  # document order, all depths
    roots: list[NavItem] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.page.path


def read_summary(page: Page) -> Summary:
    summary = Summary(page)
    links_by_line: dict[int, list[Link]] = {}
    for link in page.links:
        if link.kind == "link":
            links_by_line.setdefault(link.line, []).append(link)
    group: str | None = None
    depth = -1
    open_items: list[NavItem | None] = []  # the item of each open list_item, innermost last
    pending_heading = 0
    for token in page.tokens:
        kind = token.type
        if kind == "heading_open":
            pending_heading = int(token.tag[1])
        elif kind == "inline" and pending_heading:
            text = (token.content or "").strip()
            heading = next((h for h in page.headings if h.line == (token.map or [0])[0] + 1), None)
            text = heading.text if heading else text
            if pending_heading == 1 and not summary.title:
                summary.title = text
            else:
                group = text
                summary.groups.append(text)
            pending_heading = 0
        elif kind == "hr" and depth < 0:
            group = None  # `***` ends the current group
        elif kind in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif kind == "list_item_open":
            line = (token.map or [0])[0] + 1
            item = _item_at(page, line, links_by_line.get(line, []), depth, group)
            parent = next((entry for entry in reversed(open_items) if entry is not None), None)
            if parent is not None:
                item.parent = parent
                parent.children.append(item)
            else:
                summary.roots.append(item)
            summary.items.append(item)
            open_items.append(item)
        elif kind == "list_item_close" and open_items:
            open_items.pop()
        elif kind == "fence" and open_items and open_items[-1] is not None:
            _attach_block(open_items[-1], token.info, token.content, (token.map or [0])[0] + 1)
    return summary


def _attach_block(item: NavItem, info: str, content: str, line: int) -> None:
    """A fenced `yaml` block that is the item's text (it opens on the item's line)."""
    if item.link is None and line == item.line and info.strip().lower() == "yaml" and item.block is None:
        item.block = load_front_matter(content, line + 1)


# `* [Title](path.md)` or `* [Title](<path with spaces.md> "Sidebar label")`, nothing else
_ITEM_LINE = re.compile(r"^(?P<indent>\s*)(?P<marker>[*+-]|\d+[.)])(?:\s+(?P<rest>.*))?$")
_ONE_LINK = re.compile(r'^\[(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*\]\((?:<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+"[^"]*")?\)$')


def _item_at(page: Page, line: int, links: list[Link], depth: int, group: str | None) -> NavItem:
    first = page.index.first_char(line - 1)
    match = _ITEM_LINE.match(page.index.line_text(line - 1))
    indent = len(match["indent"]) if match else first.column - 1
    marker = match["marker"] if match else ""
    rest = ((match["rest"] if match else None) or "").strip()
    single = len(links) == 1 and bool(_ONE_LINK.match(rest))
    if links:
        link = links[0]
        return NavItem(link.text, line, link.column, depth, group, link, marker, indent, single)
    return NavItem(rest, line, first.column, depth, group, None, marker, indent, False)
