"""The elements of a page, each with its 1-based line and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..lean import pickled_as_values, pickled_by_values
from ..parse.tags import TagLine


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Anchor:
    """An id a `#fragment` can point to.

    `kind` is `heading` (`<a href="#x" id="x"></a>` at the end of a heading), `legacy` (the older
    `<a id="x"></a>` in a heading) or `html` (any other `id=`/`name=` in the page's HTML).
    """

    id: str
    line: int
    column: int
    kind: str
    href: str | None = None  # the `href` of a heading anchor, without its `#`
    href_raw: str = ""  # that `href` value exactly as written, and where it starts
    href_line: int = 0
    href_column: int = 0


@pickled_as_values
@dataclass(slots=True)
class Heading:
    level: int
    text: str  # plain text, markup and the anchor removed, entities decoded
    line: int
    column: int
    anchor: Anchor | None = None
    struck: bool = False  # the whole text is struck out
    computed_ids: tuple[str, ...] = ()  # ids GitBook computes from `text`, current generation first

    @property
    def id(self) -> str:
        """The id GitBook serves for this heading (before any `-1` de-duplication suffix)."""
        if self.anchor is not None:
            return self.anchor.id
        return self.computed_ids[0] if self.computed_ids else ""


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Expandable:
    """An expandable block, `<details><summary>Text</summary>…</details>`: GitBook makes it a link
    target with the id a heading of the same text would get."""

    text: str  # the summary's plain text, tags removed, entities decoded
    line: int
    column: int
    computed_ids: tuple[str, ...] = ()  # as for a heading, current generation first

    @property
    def id(self) -> str:
        """The id GitBook serves for it (before any `-1` de-duplication suffix)."""
        return self.computed_ids[0] if self.computed_ids else ""


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Link:
    """A reference to another file, a fragment or a URL.

    `kind`: link, image, autolink, html-href, html-src, tag-url, tag-src, tag-page, include.
    `target` is the destination as the reader's renderer sees it (backslash escapes and `<…>`
    removed, not percent-decoded); `raw` is exactly what the source says.
    """

    kind: str
    target: str
    raw: str
    line: int
    column: int
    text: str = ""
    block: str | None = None  # the innermost GitBook block (`content-ref`, `hint`…) it sits in
    in_card: bool = False  # inside a `<table data-view="cards">`
    title: str = ""


@pickled_by_values
@dataclass(frozen=True, slots=True)
class TextRun:
    """A piece of visible prose (not code), for rules that read words: emails, mentions."""

    text: str
    line: int
    column: int
    link: Link | None = None  # set when the text is the label of a link


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Strike:
    """A struck-out run (`~~…~~`, `<del>`, `<s>`)."""

    text: str
    line: int
    column: int


@pickled_as_values
@dataclass(slots=True)
class TextBlock:
    """A heading, paragraph, list item or table cell, in document order.

    `bold` and `struck` say that *all* its visible text is bold / struck out: a wholly bold
    paragraph is the pseudo-heading GitBook editors often use instead of a heading.
    """

    kind: str  # heading, paragraph, list-item, table-cell
    text: str
    line: int
    column: int
    bold: bool = False
    struck: bool = False
    level: int = 0  # heading level, or list depth for list items
    block: str | None = None

    @property
    def is_pseudo_heading(self) -> bool:
        return self.kind == "paragraph" and self.bold and bool(self.text.strip())


@dataclass(slots=True)
class Block:
    """A GitBook `{% tag %}` block, with its children blocks."""

    name: str
    tag: TagLine
    line: int
    column: int
    end_line: int | None = None  # line of the end tag; None when not closed
    parent: Block | None = field(default=None, repr=False)
    children: list[Block] = field(default_factory=list, repr=False)
    token_range: tuple[int, int] = (0, 0)  # indices in `Page.tokens`, end exclusive
    # The first Markdown content (paragraph, list, figure…) directly in the block, outside its
    # child blocks: what GitBook drops from a `tabs` or a `stepper`. None when there is none.
    loose: tuple[int, int] | None = None
    depth: int = field(default=0, repr=False)  # Markdown containers open around its tag

    @property
    def attrs(self) -> dict[str, str]:
        return self.tag.attrs

    @property
    def closed(self) -> bool:
        return self.end_line is not None

    def attribute_position(self, name: str) -> tuple[int, int]:
        """Line and column of an attribute's value (the tag's position when it has none)."""
        for attribute in self.tag.attributes:
            if attribute.name == name:
                return self.line, self.column + attribute.column + len(name) + 1 + int(attribute.quoted)
        return self.line, self.column


@pickled_by_values
@dataclass(frozen=True, slots=True)
class TagRef:
    """One `{% … %}` line as written, paired or not (`problem`: unclosed, mismatched, stray)."""

    tag: TagLine
    line: int
    column: int
    problem: str | None = None
    other_name: str | None = None  # for `mismatched`: the open block the end tag met
    other_line: int | None = None

    @property
    def shown(self) -> str:
        return ("end" if self.tag.is_end else "") + self.tag.name


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment `<!-- … -->` (GitBook keeps them in the source and does not show them)."""

    text: str  # between `<!--` and `-->`, stripped
    line: int
    column: int
    end_line: int
    standalone: bool  # alone on its lines (an HTML block), not inside a paragraph


@pickled_by_values
@dataclass(frozen=True, slots=True)
class SourceProblem:
    """Something wrong with the file itself: it cannot be decoded, is binary, has a BOM…"""

    kind: str
    message: str
    line: int
    column: int
    detail: Any = None
