"""Finding rendered text in the source: `loose_search` and the `Cursor` built on it."""

from __future__ import annotations

import html.entities
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.parse.positions import Cursor, LineIndex, loose_search


def regex_oracle(needle: str) -> re.Pattern[str]:
    """The loose spelling as one regular expression per needle (how positions were once found,
    and too slow to compile for every text run): the reference `loose_search` must agree with."""

    def one(char: str) -> str:
        if char in " \n":
            return r"\s+"
        own = r"\\?" + re.escape(char) if char.isascii() and not char.isalnum() else re.escape(char)
        names = [name for name, value in html.entities.html5.items() if value == char and name.endswith(";")]
        references = [f"&#0*{ord(char)};", f"&#[xX]0*{ord(char):x};"] + [f"&{re.escape(name)}" for name in names]
        return f"(?:{own}|{'|'.join(references)})"

    return re.compile("".join(one(char) for char in needle))


@pytest.mark.parametrize(
    ("needle", "source", "span"),
    [
        ("a:b", "x a&#58;b", (2, 9)),  # decimal reference
        ("a:b", "a&#x3a;b", (0, 8)),  # hexadecimal, lowercase digits
        ("a:b", "a&#X003a;b", (0, 10)),  # leading zeros, upper-case X
        ("a:b", "a&#x3A;b", None),  # upper-case digits are not read as the same character
        ("a:b", "a&colon;b", (0, 9)),  # named reference
        ("a:b", "a&Colon;b", None),  # names are case-sensitive (∷ is another character)
        ("a*b", r"a\*b", (0, 4)),  # backslash escape of ASCII punctuation
        ("aéb", "a\\éb", None),  # no escape for a letter
        ("a b", "a \n\t b", (0, 6)),  # a space stands for any white-space run
        ("a  b", "a   b", (0, 5)),  # two spaces: one run split in two
        ("&amp;", "&amp;amp;", (0, 5)),  # the plain `&` first, when the rest then matches
        ("&x", "&amp;x", (0, 6)),  # else `&amp;`
        ("\\a", "\\\\a", (0, 3)),  # an escaped backslash
        ("a\t", "a \t", None),  # a tab is not a space
        ("ab", "xab", (1, 3)),
        ("ab", "a", None),
    ],
)
def test_loose_spellings(needle: str, source: str, span: tuple[int, int] | None) -> None:
    assert loose_search(needle, source, 0, len(source)) == span
    found = regex_oracle(needle).search(source)
    assert (found.span() if found else None) == span


def test_a_match_never_runs_past_the_end() -> None:
    assert loose_search("a b", "a   b", 0, 3) is None
    assert loose_search("a:", "a&#58;", 0, 5) is None
    assert loose_search("ab", "xxab", 1, 4) == (2, 4)


_PIECES = st.sampled_from(
    ["a", "b", ":", "&", ";", "#", "x", "0", "5", "8", "3", "\\", " ", "\n", "\t", "*", "é", "&#58;", "&#x3a;",
     "&colon;", "&amp;", "&#0058;", "\\:", "\\&", "&#38;", "&AMP;", "\u00a0", "&nbsp;"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.lists(_PIECES, min_size=1, max_size=5).map("".join), st.data())
def test_loose_search_agrees_with_the_regex(source: str, needle: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, len(source)))
    found = regex_oracle(needle).search(source, start, end)
    assert loose_search(needle, source, start, end) == (found.span() if found else None)


def test_cursor_finds_text_written_with_a_reference_before_the_plain_one() -> None:
    source = "*&#58;* then http: here"
    cursor = Cursor(LineIndex(source), 0, len(source))
    assert cursor.find(":") == 1
    assert cursor.offset == 6
    assert cursor.find("then") == 8


def test_blanks_in_a_row_are_tried_once_per_end() -> None:
    """Thirty spaces of a needle against forty of the source: as many ways to split the run as a
    backtracking pattern tries (billions), but only ten places where they can end."""
    source = " " * 40 + "y"
    assert loose_search(" " * 30 + "x", source, 0, len(source)) is None
    assert loose_search(" " * 30 + "y", source, 0, len(source)) == (0, 41)
