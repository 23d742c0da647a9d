"""Line and column bookkeeping: the one place that turns offsets into 1-based positions.

markdown-it gives block tokens a 0-based line range and inline tokens nothing at all, so the
page model finds inline elements in the source itself, left to right, through a `Cursor`.
"""

from __future__ import annotations

import bisect
import html.entities
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..lean import pickled_by_values


@pickled_by_values
@dataclass(frozen=True, order=True, slots=True)
class Position:
    """A 1-based line and column (columns count characters, not bytes)."""

    line: int
    column: int


class LineIndex:
    """Offsets ↔ positions for one normalised text (LF line ends)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        find = text.find
        at = find("\n")
        while at != -1:
            self.starts.append(at + 1)
            at = find("\n", at + 1)

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def position(self, offset: int) -> Position:
        return Position(*self.line_column(offset))

    def line_column(self, offset: int) -> tuple[int, int]:
        """`position` as a plain pair, for callers that only copy it into another object: a frozen
        dataclass costs several times a tuple to make, and the page builder places every run."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_start(self, line0: int) -> int:
        """Offset of the first character of 0-based line `line0` (end of text past the end)."""
        if line0 >= len(self.starts):
            return len(self.text)
        return self.starts[line0]

    def line_end(self, line0: int) -> int:
        """Offset just past the last character of 0-based line `line0`, newline excluded."""
        if line0 + 1 < len(self.starts):
            return self.starts[line0 + 1] - 1
        return len(self.text)

    def line_text(self, line0: int) -> str:
        """The text of 0-based line `line0`, newline excluded ("" past the end)."""
        starts, size = self.starts, len(self.text)  # `line_start` and `line_end` inline: it runs per block
        start = starts[line0] if line0 < len(starts) else size
        end = starts[line0 + 1] - 1 if line0 + 1 < len(starts) else size
        return self.text[start:end]

    def first_char(self, line0: int) -> Position:
        """Position of the first non-blank character of a 0-based line."""
        return Position(line0 + 1, self.first_column(line0))

    def first_column(self, line0: int) -> int:
        """The column of `first_char`."""
        text = self.line_text(line0)
        return len(text) - len(text.lstrip()) + 1


LOOSE_HEAD = 16

# An HTML character reference as the source may write it: `&colon;`, `&#58;`, `&#x3a;`.
_REFERENCE = re.compile(r"&#?[0-9A-Za-z]+;")
# The needle characters that may be written in more than one way at the same place: a run of
# white space of any length, a backslash (itself escaped or not), an ampersand (or `&amp;`).
_BRANCHING = frozenset(" \n\\&")


def _escapable(char: str) -> bool:
    """ASCII punctuation, which Markdown lets a backslash escape."""
    return char.isascii() and not char.isalnum()


def _zeros_then(digits: str, value: str) -> bool:
    """`digits` is `value` after any number of leading zeros."""
    return digits.endswith(value) and not digits[: len(digits) - len(value)].strip("0")


def _reference_of(token: str, char: str) -> bool:
    """Whether the character reference `token` (`&…;`) decodes to `char`: a decimal one with its
    number, a hexadecimal one with its number in lowercase digits, or a named one."""
    if token[1] != "#":
        return html.entities.html5.get(token[1:]) == char
    if token[2] in "xX":
        return _zeros_then(token[3:-1], f"{ord(char):x}")
    return _zeros_then(token[2:-1], str(ord(char)))


def _spellings(text: str, at: int, end: int, char: str) -> list[int]:
    """Where each way of writing `char` (no space nor line break) at `at` ends, before `end`, most
    wanted first: a backslash escape, the character itself, then a character reference."""
    ends = []
    if at < end:
        found = text[at]
        if found == "\\" and _escapable(char) and at + 1 < end and text[at + 1] == char:
            ends.append(at + 2)
        if found == char:
            ends.append(at + 1)
        if found == "&":
            reference = _REFERENCE.match(text, at, end)
            if reference is not None and _reference_of(reference.group(), char):
                ends.append(reference.end())
    return ends


def _blank_ends(text: str, at: int, end: int, count: int, following: str) -> range:
    """Where `count` spaces or line breaks of the needle, each standing for a white-space run, may
    end when they start at `at`: the longest first. Only the longest when `following`, the needle's
    next character, cannot itself be white space (a shorter one would leave it facing a blank)."""
    stop = at
    while stop < end and text[stop].isspace():
        stop += 1
    if stop - at < count:
        return range(0)
    return range(stop, at + count - 1, -1) if following.isspace() else range(stop, stop - 1, -1)


def _loose_match(needle: str, text: str, start: int, end: int) -> int:
    """Where `needle`, written loosely, ends if it starts at `start`; -1 if it does not. Where a
    piece may be written in several ways, the first that lets the rest match is taken: the choice
    a backtracking regular expression would make, but each end tried once (blanks in a row split a
    white-space run in many ways that end at the same place)."""
    size = len(needle)
    choices = [(0, start)]  # (needle index, text offset) still to try, the next one last
    while choices:
        index, at = choices.pop()
        while index < size:
            char = needle[index]
            if at < end and char not in _BRANCHING and text[at] == char:
                index, at = index + 1, at + 1  # the common case: one way only
                continue
            if char in " \n":
                after = index + 1
                while after < size and needle[after] in " \n":
                    after += 1
                ends: Sequence[int] = _blank_ends(text, at, end, after - index, needle[after : after + 1])
            else:
                after, ends = index + 1, _spellings(text, at, end, char)
            if not ends:
                break
            if len(ends) > 1:
                choices.extend((after, other) for other in reversed(ends[1:]))
            index, at = after, ends[0]
        else:
            return at
    return -1


@lru_cache(maxsize=256)
def _first_chars(char: str) -> re.Pattern[str]:
    """A pattern for the characters a loose spelling of `char` can start with."""
    if char in " \n":
        return re.compile(r"\s")
    starts = {char, "&"} | ({"\\"} if _escapable(char) else set())
    return re.compile("[" + "".join(re.escape(start) for start in sorted(starts)) + "]")


def loose_search(needle: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first span of `text[start:end]` that is `needle` as the source may write it: any ASCII
    punctuation may carry a Markdown backslash escape, any character may be an HTML character
    reference, and white space of any kind and length may stand where the rendered text has a
    space or a line break. No pattern is compiled per needle: there are as many needles as text
    runs, and compiling each cost more than parsing the page."""
    if not needle:
        return start, start
    first = _first_chars(needle[0])
    while True:
        candidate = first.search(text, start, end)
        if candidate is None:
            return None
        stop = _loose_match(needle, text, candidate.start(), end)
        if stop != -1:
            return candidate.start(), stop
        start = candidate.start() + 1


class Cursor:
    """Finds successive pieces of a block in the source, moving forward as they are found.

    A piece that cannot be found (an entity, a rewritten character) takes the cursor's position
    and leaves the cursor where it was, so one miss never shifts the pieces after it.
    """

    def __init__(self, index: LineIndex, start: int, end: int) -> None:
        self.index = index
        self.offset = start
        self.end = end

    def find(self, needle: str, *, advance: bool = True) -> int:
        """Offset of the next occurrence of `needle`: exact first, else its first characters
        with escapes tolerated (the rest of a rewritten text cannot be matched reliably)."""
        if not needle:
            return self.offset
        text = self.index.text
        at = text.find(needle, self.offset, self.end)
        length = len(needle)
        if at != -1 and text.find("&", self.offset, at) != -1:
            # the text may stand earlier, written with an entity (`*&#58;*` before `http:`); the
            # whole needle must match there, not only its head: two `<img src="…">` cells of a
            # table row share their first characters
            span = loose_search(needle, text, self.offset, at)
            if span is not None:
                at, length = span[0], span[1] - span[0]
        if at == -1:
            span = loose_search(needle[:LOOSE_HEAD], text, self.offset, self.end)
            if span is None:
                return self.offset
            at, length = span[0], span[1] - span[0]
        if advance:
            self.offset = at + length
        return at
