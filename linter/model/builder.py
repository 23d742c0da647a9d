"""Building a `Page` from markdown-it's tokens: one walk over the block tokens (`PageBuilder`) and one
over each inline run (`_InlineRun`), recording every element at its line and column."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

from markdown_it.token import Token

from ..parse import shared_markdown
from ..parse.frontmatter import load_front_matter
from ..parse.gitbook_blocks import CLOSE, OPEN, PROBLEMS_KEY, TAG, PairingProblem, closing_of
from ..parse.positions import Cursor
from ..parse.tags import ARGUMENT, Closing, link_attributes
from .elements import Anchor, Block, Comment, Expandable, Heading, Link, SourceProblem, Strike, TagRef, TextBlock, TextRun
from .html import (
    ANCHOR_CLOSE,
    ANCHOR_TAG,
    ANY_TAG,
    CARDS,
    CODE_TAG,
    COMMENT,
    STRIKE_CLOSE,
    STRIKE_OPEN,
    SUMMARY,
    html_attributes,
    html_link_label,
    struck_html_block,
    tag_name,
    without_code,
)
from .slug import candidate_ids

if TYPE_CHECKING:
    from .page import Page


# Tokens that are no content of the block they sit in: GitBook tags, front matter, and what
# sits inside a container markdown-it already opened (inline runs).
_NOT_CONTENT = frozenset({OPEN, CLOSE, TAG, "front_matter", "inline"})


class PageBuilder:
    """Walks the token stream once and fills the page's element lists."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.index = page.index
        self.block_stack: list[Block] = []
        self.container_stack: list[Token] = []
        self.list_depth = 0
        self.in_cards = False
        self.too_deep: Token | None = None  # the first block at markdown-it's nesting limit
        self.unpaired_inside: set[int] = set()  # blocks holding an opener never closed

    def build(self) -> None:
        page = self.page
        env: dict[str, Any] = {}
        page._tokens = shared_markdown().parse(page.text, env)
        self.problems = {id(problem.token): problem for problem in env.get(PROBLEMS_KEY, [])}
        notes = env.get("footnotes", {}).get("list", {})
        # Every definition, referenced in Markdown or not: GitBook renders them all, and HTML
        # (`<a data-footnote-ref href="#user-content-fn-1">` in a table) may be what refers to one.
        referenced = [note["label"] for note in notes.values() if "label" in note]
        defined = [key[1:] for key in env.get("footnotes", {}).get("refs", {}) if key.startswith(":")]
        page.footnote_labels = list(dict.fromkeys(referenced + defined))
        limit = shared_markdown().options["maxNesting"]
        for position, token in enumerate(page._tokens):
            if self.too_deep is None and token.level >= limit - 1 and token.map:
                self.too_deep = token
            self.visit(position, token)
        self._check_nesting(limit)
        page.links.sort(key=lambda link: (link.line, link.column))
        page.text_runs.sort(key=lambda run: (run.line, run.column))
        self._check_unterminated_front_matter()

    # -- block level -------------------------------------------------------------------------

    def visit(self, position: int, token: Token) -> None:
        kind = token.type
        if self.block_stack and token.nesting >= 0 and kind not in _NOT_CONTENT:
            self.note_loose_content(token)
        if kind == "front_matter":
            self.page.front_matter = load_front_matter(token.content, (token.map or [0, 0])[0] + 2)
        elif kind in (OPEN, TAG):
            self.open_block(position, token)
        elif kind == CLOSE:
            self.close_block(position, token)
        elif kind == "inline":
            self.visit_inline(token)
        elif kind == "html_block":
            start = self.index.line_start((token.map or [0])[0])
            self.visit_html(token.content, start)
            self.record_comments(token.content, start, standalone=True)
            self.record_struck_html(token)
        elif token.nesting == 1:
            self.container_stack.append(token)
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.list_depth += 1
        elif token.nesting == -1 and self.container_stack:
            self.container_stack.pop()
            if kind in ("bullet_list_close", "ordered_list_close"):
                self.list_depth -= 1

    def record_tag_line(self, token: Token) -> None:
        line, column = self.index.line_column(token.meta["offset"])
        problem: PairingProblem | None = self.problems.get(id(token))
        other = problem.other if problem is not None else None
        self.page.tag_lines.append(
            TagRef(
                token.meta["tag"],
                line,
                column,
                problem.kind if problem is not None else None,
                other.info if other is not None else None,
                (other.map or [0])[0] + 1 if other is not None else None,
            )
        )

    def open_block(self, position: int, token: Token) -> None:
        self.record_tag_line(token)
        tag = token.meta["tag"]
        line0 = (token.map or [0])[0]
        column = self.index.line_column(token.meta["offset"])[1]
        if tag.is_end:
            return  # a stray or mismatched end tag: the pairing problems report it
        block = Block(tag.name, tag, line0 + 1, column, token_range=(position, position + 1), depth=len(self.container_stack))
        if self.block_stack:
            block.parent = self.block_stack[-1]
            block.parent.children.append(block)
        self.page.blocks.append(block)
        self.add_tag_links(block)
        if token.type == OPEN:
            self.block_stack.append(block)
        elif self.block_stack and closing_of(tag.name) is not Closing.NEVER:
            # an opener never closed, or an unknown tag: what follows is its content, not loose
            # in the block around it (the pairing rules or GB020 report the tag, once)
            self.unpaired_inside.add(id(self.block_stack[-1]))

    def close_block(self, position: int, token: Token) -> None:
        self.record_tag_line(token)
        if not self.block_stack:
            return
        block = self.block_stack.pop()
        block.end_line = (token.map or [0])[0] + 1
        block.token_range = (block.token_range[0], position + 1)

    def add_tag_links(self, block: Block) -> None:
        parent = block.parent.name if block.parent else None
        links = link_attributes(block.name)
        for attribute in block.tag.attributes:
            kind = links.get(attribute.name)
            if kind is None:
                continue
            line, column = block.attribute_position(attribute.name)
            # Legacy exports escaped Markdown in attributes (`src="a\_b.pdf"` for `a_b.pdf`).
            target = _unescape(attribute.value)
            self.page.links.append(Link(kind, target, attribute.value, line, column, block=block.name))
        if ARGUMENT in links and block.tag.argument is not None:
            # the included content stands in the enclosing block: its link belongs there
            argument = block.tag.argument
            self.page.links.append(
                Link(links[ARGUMENT], argument, argument, block.line, block.column + block.tag.argument_column, block=parent)
            )

    def note_loose_content(self, token: Token) -> None:
        """Markdown content directly in the innermost open block (not in a child block, not
        deeper in a list or quote of its own): remember where the first one is."""
        block = self.block_stack[-1]
        if block.loose is not None or id(block) in self.unpaired_inside or len(self.container_stack) != block.depth:
            return
        if not token.map:
            return
        if token.type == "html_block" and not COMMENT.sub("", token.content).strip():
            return  # a comment shows nothing
        where = self.index.first_char(token.map[0])
        block.loose = (where.line, where.column)

    @property
    def current_block(self) -> str | None:
        return self.block_stack[-1].name if self.block_stack else None

    def visit_html(self, content: str, start: int) -> None:
        """Links and ids in raw HTML (a `<figure>`, a cards table, `<a name>`…)."""
        if CARDS.search(content):
            self.in_cards = True
        base = self.index.text.find(content[:80], start) if content else -1
        base = start if base == -1 else base
        for name, value, value_at in html_attributes(content):
            where = self.index.position(base + value_at)
            label = html_link_label(content, value_at) if name == "href" and tag_name(content, value_at) == "a" else ""
            self.add_html_attribute(name, value, where.line, where.column, label)
        if "</table>" in content.lower():
            self.in_cards = False
        if "<summary" in content.lower():
            self.record_expandables(without_code(content, ("pre",)), base)

    def record_expandables(self, content: str, base: int) -> None:
        """`<summary>Text</summary>`: the expandable's anchor is the heading id of its text."""
        for match in SUMMARY.finditer(content):
            text = " ".join(html.unescape(ANY_TAG.sub("", match["inner"])).split())
            where = self.index.position(base + match.start())
            self.page.expandables.append(Expandable(text, where.line, where.column, candidate_ids(text) if text else ()))

    def record_struck_html(self, token: Token) -> None:
        """A wholly struck HTML block (`<del>…</del>` on its own lines) is a struck paragraph."""
        found = struck_html_block(token.content) if "<" in token.content else None
        if found is None:
            return
        text, bold = found
        first = self.index.first_char((token.map or [0])[0])
        self.page.strikes.append(Strike(text, first.line, first.column))
        self.page.text_blocks.append(TextBlock("paragraph", text, first.line, first.column, bold, True, 0, self.current_block))

    def record_comments(self, content: str, start: int, *, standalone: bool) -> None:
        if "<!--" not in content:
            return
        for match in COMMENT.finditer(content):
            at = self.index.text.find(match.group(0), start)
            at = start if at == -1 else at
            begin, end = self.index.position(at), self.index.position(at + len(match.group(0)))
            self.page.comments.append(Comment(match.group(1).strip(), begin.line, begin.column, end.line, standalone))

    def add_html_attribute(self, name: str, value: str, line: int, column: int, label: str = "") -> int | None:
        """Record a link (returning its index in `page.links`) or an anchor."""
        value = html.unescape(value)
        if name in ("href", "src"):
            self.page.links.append(Link(f"html-{name}", value, value, line, column, label, self.current_block, self.in_cards))
            return len(self.page.links) - 1
        self.page.anchors.append(Anchor(value, line, column, "html"))
        return None

    # -- inline level ------------------------------------------------------------------------

    def visit_inline(self, token: Token) -> None:
        line_range = token.map or [0, 1]
        start = self.index.line_start(line_range[0])
        end = self.index.line_end(line_range[1] - 1)
        cursor = Cursor(self.index, start, end)
        children = token.children or []
        if len(children) == 1 and children[0].type == "text":
            self.visit_plain_inline(children[0].content, cursor, line_range[0])
        else:
            self.visit_inline_children(children, cursor, line_range[0])

    def visit_inline_children(self, children: list[Token], cursor: Cursor, line0: int) -> None:
        run = _InlineRun(self, cursor)
        for child in children:
            run.visit(child)
        run.close_html_link(closed=False)  # an `<a>` not closed in its inline has no label
        self.record_text_block(run.plain_text().strip(), *run.emphasis(), run.heading_anchor, line0)

    def visit_plain_inline(self, content: str, cursor: Cursor, line0: int) -> None:
        """An inline run of one text and nothing else, over half of them: what `_InlineRun` makes of
        it (one run of prose, neither bold nor struck out, no anchor) without its bookkeeping."""
        if content:
            line, column = self.index.line_column(cursor.find(content))
            self.page.text_runs.append(TextRun(content, line, column, None))
        self.record_text_block(content.strip(), False, False, None, line0)

    def record_text_block(self, text: str, bold: bool, struck: bool, anchor: Anchor | None, line0: int) -> None:
        parent = self.container_stack[-1] if self.container_stack else None
        first_line = line0
        if parent is not None and parent.type == "heading_open":
            self.add_heading(parent, anchor, text, struck)
            kind, level = "heading", int(parent.tag[1])
        elif parent is not None and parent.type in ("th_open", "td_open"):
            kind, level = "table-cell", 0
        elif len(self.container_stack) >= 2 and self.container_stack[-2].type == "list_item_open":
            kind, level = "list-item", self.list_depth
            item = self.container_stack[-2]
            first_line = (item.map or [line0])[0]
        else:
            kind, level = "paragraph", 0
        self.page.text_blocks.append(
            TextBlock(kind, text, first_line + 1, self.index.first_column(first_line), bold, struck, level, self.current_block)
        )

    def add_heading(self, opener: Token, anchor: Anchor | None, text: str, struck: bool) -> None:
        line0 = (opener.map or [0])[0]
        ids = candidate_ids(text) if text else ()
        self.page.headings.append(
            Heading(int(opener.tag[1]), text, line0 + 1, self.index.first_column(line0), anchor, struck, ids)
        )
        if anchor is not None:
            self.page.anchors.append(anchor)

    def _check_nesting(self, limit: int) -> None:
        """markdown-it stops reading a page whose blocks nest past `maxNesting`: say so."""
        if self.too_deep is not None and self.too_deep.map:
            line = self.too_deep.map[0] + 1
            self.page.problems.append(
                SourceProblem("nesting", f"blocks are nested more than {limit} levels deep", line, 1, limit)
            )

    def _check_unterminated_front_matter(self) -> None:
        page = self.page
        if page.front_matter is None and re.match(r"---[ \t]*\n", page.text):
            page.problems.append(
                SourceProblem(
                    "front-matter-unterminated",
                    "front matter opened by `---` on line 1 is never closed by a `---` line",
                    1,
                    1,
                )
            )


class _InlineRun:
    """The children of one inline token, located in the source left to right."""

    def __init__(self, builder: PageBuilder, cursor: Cursor) -> None:
        self.builder = builder
        self.page = builder.page
        self.cursor = cursor
        self.pieces: list[tuple[str, bool, bool]] = []  # text, bold, struck
        self.bold = 0
        self.struck = 0
        # open links: the opener token, its offset, and the label's text runs (text, offset)
        self.link_stack: list[tuple[Token, int, list[tuple[str, int]]]] = []
        # an open HTML `<a href>`: its index in `page.links` and its label's text runs
        self.html_link: tuple[int, list[tuple[str, int]]] | None = None
        self.strike_start: tuple[int, list[str]] | None = None
        self.heading_anchor: Anchor | None = None
        self.pending_anchor: Anchor | None = None
        self.in_code = 0  # inside inline `<code>`/`<pre>` HTML: its tags are shown, not read

    def visit(self, child: Token) -> None:
        handler = _HANDLERS.get(child.type)
        if handler is not None:
            handler(self, child)

    def add_text(self, text: str, offset: int) -> None:
        if not text:
            return
        self.pieces.append((text, self.bold > 0, self.struck > 0))
        if self.strike_start is not None:
            self.strike_start[1].append(text)
        if self.link_stack:  # a label: its runs are recorded with their link when it closes
            self.link_stack[-1][2].append((text, offset))
        elif self.html_link is not None:
            self.html_link[1].append((text, offset))
        else:
            self.add_run(text, offset, None)

    def add_run(self, text: str, offset: int, link: Link | None) -> None:
        line, column = self.builder.index.line_column(offset)
        self.page.text_runs.append(TextRun(text, line, column, link))

    def on_text(self, child: Token) -> None:
        self.add_text(child.content, self.cursor.find(child.content))

    def on_code_inline(self, child: Token) -> None:
        self.cursor.find(child.content)
        self.pieces.append((child.content, self.bold > 0, self.struck > 0))

    def on_softbreak(self, child: Token) -> None:
        self.pieces.append((" ", True, True))

    on_hardbreak = on_softbreak

    def on_strong_open(self, child: Token) -> None:
        self.cursor.find(child.markup)
        self.bold += 1

    def on_strong_close(self, child: Token) -> None:
        self.cursor.find(child.markup)
        self.bold -= 1

    def on_em_open(self, child: Token) -> None:
        self.cursor.find(child.markup)

    on_em_close = on_em_open

    def on_s_open(self, child: Token) -> None:
        self.open_strike(self.cursor.find("~~"))

    def on_s_close(self, child: Token) -> None:
        self.cursor.find("~~")
        self.close_strike()

    def open_strike(self, offset: int) -> None:
        self.struck += 1
        if self.strike_start is None:
            self.strike_start = (offset, [])

    def close_strike(self) -> None:
        self.struck = max(0, self.struck - 1)
        if self.struck == 0 and self.strike_start is not None:
            offset, parts = self.strike_start
            where = self.builder.index.position(offset)
            self.page.strikes.append(Strike("".join(parts), where.line, where.column))
            self.strike_start = None

    def on_link_open(self, child: Token) -> None:
        opener = "<" if child.markup == "autolink" else "["
        offset = self.cursor.find(opener)
        self.link_stack.append((child, offset, []))

    def on_link_close(self, child: Token) -> None:
        if not self.link_stack:
            return
        opener, offset, runs = self.link_stack.pop()
        href = str(opener.attrs.get("href", ""))
        label = "".join(text for text, _ in runs)
        if opener.markup == "autolink":
            self.cursor.find(">")
            link = self.add_link("autolink", label, label, offset + 1, label)
        else:
            raw, raw_offset = self.destination_after_label(offset)
            target = href if raw is None else _unescape(raw)
            link = self.add_link("link", target, raw or href, raw_offset, label, opener)
        for text, text_offset in runs:
            self.add_run(text, text_offset, link)

    def on_image(self, child: Token) -> None:
        offset = self.cursor.find("![")
        src = str(child.attrs.get("src", ""))
        raw, raw_offset = self.destination_after_label(offset)
        self.add_link("image", src if raw is None else _unescape(raw), raw or src, raw_offset, child.content, child)

    def destination_after_label(self, label_offset: int) -> tuple[str | None, int]:
        """The raw `(destination)` that follows a link label, or None for a reference link."""
        text = self.builder.index.text
        close = _label_end(text, max(self.cursor.offset - 1, label_offset), self.cursor.end)
        if close == -1 or not text.startswith("(", close + 1):
            if close != -1:
                self.cursor.offset = close + 1
            return None, label_offset
        at = close + 2
        while at < self.cursor.end and text[at] in " \t\n":
            at += 1
        raw, after = _read_destination(text, at, self.cursor.end)
        self.cursor.offset = _skip_to_paren_close(text, after, self.cursor.end)
        return raw, at

    def add_link(self, kind: str, target: str, raw: str, offset: int, label: str, token: Token | None = None) -> Link:
        line, column = self.builder.index.line_column(offset)
        title = str(token.attrs.get("title", "")) if token is not None else ""
        link = Link(kind, target, raw, line, column, label, self.builder.current_block, False, title)
        self.page.links.append(link)
        return link

    def on_html_inline(self, child: Token) -> None:
        offset = self.cursor.find(child.content)
        content = child.content
        self.builder.record_comments(content, offset, standalone=False)
        if STRIKE_OPEN.match(content):
            self.open_strike(offset)
        elif STRIKE_CLOSE.match(content):
            self.close_strike()
        elif ANCHOR_CLOSE.fullmatch(content):
            self.close_html_link()
        if CODE_TAG.match(content):
            self.in_code = max(0, self.in_code + (-1 if content.startswith("</") else 1))
            return
        if self.in_code:
            return
        attributes = html_attributes(content)
        # `<a href="#x" id="x"></a>` in a heading is its anchor; an `<a href>` without id is a link.
        is_anchor = self.is_heading and ANCHOR_TAG.match(content) and any(name == "id" for name, _, _ in attributes)
        for name, value, value_at in attributes:
            line, column = self.builder.index.line_column(offset + value_at)
            if is_anchor and name in ("id", "href"):
                self.note_heading_anchor(name, value, line, column)
                continue
            index = self.builder.add_html_attribute(name, value, line, column)
            if index is not None and name == "href" and ANCHOR_TAG.match(content):
                self.close_html_link(closed=False)  # `<a>` does not nest: the previous one had no end
                self.html_link = (index, [])

    def close_html_link(self, *, closed: bool = True) -> None:
        """At `</a>`: give the open HTML link its label and record the label's runs with it.
        Not closed (`closed=False`), the runs are plain prose and the link keeps no label."""
        if self.html_link is None:
            return
        index, runs = self.html_link
        self.html_link = None
        link: Link | None = None
        if closed:
            link = replace(self.page.links[index], text=" ".join("".join(text for text, _ in runs).split()))
            self.page.links[index] = link
        for text, text_offset in runs:
            self.add_run(text, text_offset, link)

    @property
    def is_heading(self) -> bool:
        stack = self.builder.container_stack
        return bool(stack) and stack[-1].type == "heading_open"

    def note_heading_anchor(self, name: str, raw: str, line: int, column: int) -> None:
        current = self.heading_anchor
        value = html.unescape(raw)
        if name == "href":
            fragment = value[1:] if value.startswith("#") else value
            self.heading_anchor = Anchor(current.id if current else "", line, column, "heading", fragment, raw, line, column)
        elif current is not None and current.href is not None:  # keep where the href is written
            self.heading_anchor = replace(current, id=value, line=line, column=column)
        else:
            self.heading_anchor = Anchor(value, line, column, "legacy")

    def plain_text(self) -> str:
        return "".join(text for text, _, _ in self.pieces)

    def emphasis(self) -> tuple[bool, bool]:
        """Whether every visible piece (one holding more than white space) is bold, and whether
        every one is struck; both False without any. One pass for both, once the run is complete."""
        visible, bold, struck = False, True, True
        for text, piece_bold, piece_struck in self.pieces:
            if text and not text.isspace():  # not blank: `str.strip` removes the `isspace` characters
                visible, bold, struck = True, bold and piece_bold, struck and piece_struck
        return (visible and bold, visible and struck)


# The inline token types the run reads, and the method that reads each.
_HANDLERS: dict[str, Callable[[_InlineRun, Token], None]] = {
    name[len("on_") :]: method for name, method in vars(_InlineRun).items() if name.startswith("on_")
}


# A backslash escape of ASCII punctuation, which CommonMark reads as the character itself.
_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescape(raw: str) -> str:
    """The destination as CommonMark reads it: `<…>` removed, backslash escapes resolved."""
    if raw.startswith("<") and raw.endswith(">"):
        raw = raw[1:-1]
    if "\\" in raw:  # most destinations escape nothing: no substitution to run
        raw = _BACKSLASH_ESCAPE.sub(r"\1", raw)
    return html.unescape(raw)


def _label_end(text: str, start: int, end: int) -> int:
    """Offset of the `]` that closes a link label, searching from `start`."""
    return text.find("]", start, end) if start < end else -1


# What ends a link destination or changes how it is read: a blank, a parenthesis, a backslash.
_DESTINATION_MARK = re.compile(r"[\\ \t\n()]")


def _read_destination(text: str, at: int, end: int) -> tuple[str, int]:
    if at < end and text[at] == "<":
        close = text.find(">", at, end)
        if close != -1:
            return text[at : close + 1], close + 1
    depth = 0
    position = at
    while True:
        # every other character is part of the destination: jump to the next one that may not be
        found = _DESTINATION_MARK.search(text, position, end)
        if found is None:
            position = max(position, end)  # a destination that starts past the end stays empty
            break
        position = found.start()
        char = text[position]
        if char == "\\":
            position += 2 if position + 1 < end else 1
            continue
        if char in " \t\n":
            break
        if char == "(":
            depth += 1
        elif depth == 0:  # `)`
            break
        else:
            depth -= 1
        position += 1
    return text[at:position], position


def _skip_to_paren_close(text: str, at: int, end: int) -> int:
    close = text.find(")", at, end)
    return end if close == -1 else close + 1
