"""Pieces of the page builder that were rewritten for speed, against the plain reading they replace."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from linter.model.builder import PageBuilder, _read_destination, _unescape
from linter.model.page import Page
from linter.parse.positions import Cursor, LineIndex


def read_destination_char_by_char(text: str, at: int, end: int) -> tuple[str, int]:
    """A link destination read one character at a time: to a blank or an unbalanced `)`, a backslash
    taking the next character with it."""
    if at < end and text[at] == "<":
        close = text.find(">", at, end)
        if close != -1:
            return text[at : close + 1], close + 1
    depth, position = 0, at
    while position < end:
        char = text[position]
        if char == "\\" and position + 1 < end:
            position += 2
            continue
        if char in " \t\n" or (char == ")" and depth == 0):
            break
        depth += {"(": 1, ")": -1}.get(char, 0)
        position += 1
    return text[at:position], position


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab()\\<> \t\n", max_size=30), st.integers(0, 32), st.integers(0, 32))
@example("a\\b", 0, 2)  # a backslash just before the end escapes nothing
@example("[x](y)", 5, 4)  # a destination that would start past the end
def test_a_destination_reads_as_char_by_char(text: str, at: int, end: int) -> None:
    end = min(end, len(text))
    assert _read_destination(text, at, end) == read_destination_char_by_char(text, at, end)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a \t\u00a0\u3000\n", max_size=30), st.integers(0, 12))
def test_first_char_is_the_first_non_blank_of_the_line(text: str, line0: int) -> None:
    index = LineIndex(text)
    line = index.line_text(line0)
    where = index.first_char(line0)
    assert (where.line, where.column) == (line0 + 1, len(line) - len(line.lstrip()) + 1)


@pytest.mark.parametrize(
    ("source", "bold", "struck"),
    [
        ("**Tout en gras**", True, False),
        ("**gras** et pas", False, False),
        ("**gras** **encore**", True, False),  # the blank between them does not count
        ("~~**barré et gras**~~", True, True),
        ("~~barré~~ puis `code`", False, False),
        ("<del>barré</del>", False, True),
        ("[**lien gras**](x.md)", True, False),
    ],
)
def test_a_text_block_is_bold_or_struck_when_all_its_visible_text_is(source: str, bold: bool, struck: bool) -> None:
    (block,) = Page.from_text("page.md", source + "\n").text_blocks
    assert (block.bold, block.struck) == (bold, struck)


@pytest.mark.parametrize(
    ("raw", "target"),
    [
        ("a\\_b.pdf", "a_b.pdf"),  # legacy exports escaped Markdown in destinations
        ("<mon\\ fichier (1).pdf>", "mon\\ fichier (1).pdf"),  # a space is no punctuation: kept escaped
        ("<a\\(b>", "a(b"),
        ("x&amp;y", "x&y"),
        ("a\\)b\\\\c", "a)b\\c"),
        ("plain/path.md#part", "plain/path.md#part"),
    ],
)
def test_a_destination_is_unescaped_as_commonmark_reads_it(raw: str, target: str) -> None:
    assert _unescape(raw) == target


class _EveryInlineByItsRun(PageBuilder):
    """The builder without its shortcut for an inline of one text: every inline through `_InlineRun`."""

    def visit_plain_inline(self, content: str, cursor: Cursor, line0: int) -> None:
        self.visit_inline_children([Token("text", "", 0, content=content)], cursor, line0)


class _CountingPlainInlines(PageBuilder):
    """The builder, counting the inlines it builds through its shortcut for one text."""

    taken = 0

    def visit_plain_inline(self, content: str, cursor: Cursor, line0: int) -> None:
        type(self).taken += 1
        super().visit_plain_inline(content, cursor, line0)

    @classmethod
    def taken_in(cls, text: str) -> int:
        cls.taken = 0
        _built(text, cls)
        return cls.taken


def _built(text: str, builder: type[PageBuilder]) -> Page:
    page = Page(path="page.md", text=text)
    page.index = LineIndex(text)
    builder(page).build()
    return page


_MODEL = ("headings", "anchors", "links", "text_runs", "strikes", "text_blocks", "comments", "expandables", "problems")
_PLAIN_INLINES = [
    "# Title\n\nA paragraph.\n\n## Café &amp; co {#x}\n",
    "- item\n  - nested item\n\n1. first\n2. second\n",
    "| a | b |\n| - | - |\n| cell | x &#58; y |\n",
    '{% hint style="info" %}\nInside a hint.\n{% endhint %}\n\n> quoted\n',
    "Line one\nline two\\\n\n   \n\n&nbsp;\n\n`code` only\n",
    "Title\n=====\n\nSub\n---\n\n* * *\n",
]
_SHARED_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


@pytest.mark.parametrize("text", _PLAIN_INLINES)
def test_an_inline_of_one_text_is_built_as_by_its_run(text: str) -> None:
    fast, general = _built(text, PageBuilder), _built(text, _EveryInlineByItsRun)
    assert _CountingPlainInlines.taken_in(text) > 0, "the shortcut is taken"
    assert [getattr(fast, name) for name in _MODEL] == [getattr(general, name) for name in _MODEL]


@pytest.mark.skipif(not _SHARED_CORPORA.is_dir(), reason="no corpora of real pages beside the repository")
def test_every_corpus_page_is_built_as_by_its_runs() -> None:
    different = []
    for path in sorted(_SHARED_CORPORA.rglob("*.md")):
        text = path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")
        fast, general = _built(text, PageBuilder), _built(text, _EveryInlineByItsRun)
        if [getattr(fast, name) for name in _MODEL] != [getattr(general, name) for name in _MODEL]:
            different.append(str(path))
    assert different == []
