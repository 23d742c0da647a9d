"""Pieces of the page builder that were rewritten for speed, against the plain reading they replace."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from linter.model.builder import _read_destination, _unescape
from linter.model.page import Page
from linter.parse.positions import LineIndex


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
