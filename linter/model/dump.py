"""A page's model as plain JSON: what `gitbook-lint dump PAGE` prints and page-type schemas validate.

    {"path", "front_matter", "title",
     "headings": [{"level", "text", "id", "struck", "line", "column"}],
     "intro":    {"links", "emails"},
     "sections": [{"kind", "title", "slug", "level", "id", "struck", "line", "column",
                   "links": [{"kind", "target", "text", "line", "column"}], "emails": ["a@b.fr"],
                   "sections": [...]}],
     "blocks":   [{"name", "attributes", "argument", "line", "column", "end_line", "children": [...]}]}

A section's `slug` is its title lowercased, accents folded and every run of other characters made
one `-` ("Où trouver le cahier" → "ou-trouver-le-cahier"): page-type schemas match it with plain
patterns, whatever the accents and the case. Every element carries its `line` and `column`, so
`position_in_dump` can tell where any JSON path of a validation error sits in the page.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .elements import Block, Heading, Link
from .page import Page
from .sections import Section
from .slug import gitbook_id

JsonPath = tuple[str | int, ...]


def json_value(value: Any) -> Any:
    """YAML data as JSON sees it: keys as text, dates and times as ISO text (`2024-01-31`)."""
    if isinstance(value, dict):
        return {_json_key(key): json_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_value(item) for item in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _json_key(key: Any) -> str:
    if key is None or isinstance(key, bool):
        return json.dumps(key)
    return str(key)


def page_to_json(page: Page) -> dict[str, Any]:
    matter = page.front_matter
    return {
        "path": page.path,
        "front_matter": json_value(matter.data) if matter is not None and matter.problem is None else None,
        "title": page.title,
        "headings": [_heading(heading) for heading in page.headings],
        "intro": {
            "links": [_link(link) for link in page.outline.intro.links],
            "emails": _addresses(page.outline.intro),
        },
        "sections": [_section(section) for section in page.outline.sections],
        "blocks": [_block(block) for block in page.blocks if block.parent is None],
    }


def _heading(heading: Heading) -> dict[str, Any]:
    return {
        "level": heading.level,
        "text": heading.text,
        "id": heading.id,
        "struck": heading.struck,
        "line": heading.line,
        "column": heading.column,
    }


def _link(link: Link) -> dict[str, Any]:
    return {"kind": link.kind, "target": link.target, "text": link.text, "line": link.line, "column": link.column}


def _addresses(section: Section) -> list[str]:
    seen: dict[str, str] = {}
    for email in section.emails:
        seen.setdefault(email.address.lower(), email.address)
    return list(seen.values())


def _section(section: Section) -> dict[str, Any]:
    return {
        "kind": section.kind,
        "title": section.title,
        "slug": gitbook_id(section.title, legacy=True),
        "level": section.level,
        "id": section.id,
        "struck": section.struck,
        "line": section.line,
        "column": section.column,
        "links": [_link(link) for link in section.links],
        "emails": _addresses(section),
        "sections": [_section(child) for child in section.sections],
    }


def _block(block: Block) -> dict[str, Any]:
    return {
        "name": block.name,
        "attributes": dict(block.attrs),
        "argument": block.tag.argument,
        "line": block.line,
        "column": block.column,
        "end_line": block.end_line,
        "children": [_block(child) for child in block.children],
    }


def position_in_dump(page: Page, dump: dict[str, Any], path: JsonPath) -> tuple[int, int]:
    """The line and column of the element a JSON path leads to: the deepest element on the way
    that has a position (front matter keys have theirs; the page as a whole is its title)."""
    if path and path[0] == "front_matter":
        matter = page.front_matter
        if matter is None:
            return 1, 1
        position = matter.position_of(tuple(path[1:]))
        return position.line, position.column
    title = next((heading for heading in page.headings if heading.level == 1), None)
    where = (title.line, title.column) if title else (1, 1)  # the page as a whole: its title
    node: Any = dump
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and "line" in node:
            where = (node["line"], node.get("column") or 1)
    return where



def dump_file(file: Path) -> dict[str, Any]:
    """The JSON model of one Markdown file, read as part of its space (for its path in it)."""
    from ..guard import read_inside
    from ..spaces import find_space, has_marker
    from .site import Site  # site imports the page model: import it late

    named = file.parent.resolve() / file.name  # a symbolic link is judged where it stands
    folder = find_space(named.parent)
    site = Site.load(folder, only=None if has_marker(folder) else {named.name})
    try:
        relative = named.relative_to(site.root).as_posix()
    except ValueError:  # outside the space's root: the page on its own, still through the guard
        return page_to_json(Page.from_bytes(file.name, read_inside(named.parent, named)))
    page = site.page_of(relative)
    # not a page of the space (a link out of it is refused by the guard, never read)
    return page_to_json(page if page is not None else Page.from_bytes(relative, read_inside(site.root, named)))
