"""A page's sections: its headings and pseudo-headings, each with the links and emails under it.

Editors often use a paragraph wholly in bold (`**2e titulaire : …**`) instead of a heading: such
a *pseudo-heading* opens a section too, one level below the heading it sits under, and ends at
the next heading or pseudo-heading. Only paragraphs outside `{% %}` blocks count (a bold line
inside a hint is emphasis, not structure). The page title (the first `#` heading) is not a
section: the sections are what it holds.

A section owns the links and emails between its own line and the next section's line; those of
its sub-sections belong to them. What comes before the first section is the page's `intro`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .elements import Heading, Link, TextBlock

if TYPE_CHECKING:
    from .page import Page

# Deliberately simple: finding the addresses is enough here; judging their syntax is another rule's job.
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


@dataclass(frozen=True)
class Email:
    address: str
    line: int
    column: int


@dataclass
class Section:
    kind: str  # "heading" or "pseudo-heading"
    title: str
    level: int  # heading level; a pseudo-heading is one below the heading it sits under
    line: int
    column: int
    id: str | None = None  # the heading's id; a pseudo-heading has none
    struck: bool = False  # the whole title is struck out
    links: list[Link] = field(default_factory=list)
    emails: list[Email] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


@dataclass
class Outline:
    intro: Section  # what comes before the first section (kind "intro", level 1)
    sections: list[Section]

    def walk(self) -> list[Section]:
        """Every section, in document order."""
        found: list[Section] = []
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            found.append(section)
            stack.extend(reversed(section.sections))
        return found


def page_emails(page: Page) -> list[Email]:
    """Addresses in the prose and in `mailto:` links, in document order, each once per place."""
    found: dict[tuple[str, int], Email] = {}
    for run in page.text_runs:
        for match in EMAIL.finditer(run.text):
            email = Email(match.group(), run.line, run.column + match.start())
            found.setdefault((email.address.lower(), email.line), email)
    for link in page.links:
        if link.target.lower().startswith("mailto:"):
            addresses = link.target[len("mailto:") :].split("?", 1)[0]
            for address in filter(None, (part.strip() for part in addresses.split(","))):
                found.setdefault((address.lower(), link.line), Email(address, link.line, link.column))
    return sorted(found.values(), key=lambda email: (email.line, email.column))


def build_outline(page: Page) -> Outline:
    title = next((heading for heading in page.headings if heading.level == 1), None)
    intro = Section("intro", page.title, 1, 1, 1)
    sections: list[Section] = []
    stack: list[Section] = []
    starts: list[Section] = [intro]
    for block in page.text_blocks:
        section = _section_of(block, page, title)
        if section is None:
            continue
        while stack and stack[-1].level >= section.level:
            stack.pop()
        (stack[-1].sections if stack else sections).append(section)
        stack.append(section)
        starts.append(section)
    _distribute(page, starts)
    return Outline(intro, sections)


def _section_of(block: TextBlock, page: Page, title: Heading | None) -> Section | None:
    if block.kind == "heading":
        heading = next((h for h in page.headings if h.line == block.line), None)
        if heading is None or heading is title:
            return None
        return Section("heading", heading.text, heading.level, heading.line, heading.column, heading.id, heading.struck)
    if block.is_pseudo_heading and block.block is None:
        level = _enclosing_heading_level(page, block.line) + 1
        return Section("pseudo-heading", block.text, level, block.line, block.column, None, block.struck)
    return None


def _enclosing_heading_level(page: Page, line: int) -> int:
    before = [heading.level for heading in page.headings if heading.line < line]
    return before[-1] if before else 1


def _distribute(page: Page, starts: list[Section]) -> None:
    """Give each link and email to the section whose own lines hold it."""
    lines = [section.line for section in starts]

    def owner(line: int) -> Section:
        return starts[max(0, bisect_right(lines, line) - 1)]

    for link in page.links:
        owner(link.line).links.append(link)
    for email in page.emails:
        owner(email.line).emails.append(email)
