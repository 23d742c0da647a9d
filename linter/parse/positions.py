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
        line = bisect.bisect_right(self.starts, offset) - 1
        return Position(line + 1, offset - self.starts[line] + 1)

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
        return self.text[self.line_start(line0) : self.line_end(line0)]

    def first_char(self, line0: int) -> Position:
        """Position of the first non-blank character of a 0-based line."""
        text = self.line_text(line0)
        return Position(line0 + 1, len(text) - len(text.lstrip()) + 1)


LOOSE_HEAD = 16


def _entity_names() -> dict[str, list[str]]:
    """Each character's named HTML entities (`:` → `colon;`), as markdown-it decodes them."""
    names: dict[str, list[str]] = {}
    for name, value in html.entities.html5.items():
        if len(value) == 1 and name.endswith(";"):
            names.setdefault(value, []).append(name)
    return names


_ENTITY_NAMES = _entity_names()


def _char_pattern(char: str) -> str:
    """`char` as the source may write it: itself (with a backslash escape for ASCII
    punctuation), or an HTML entity that decodes to it (`&#58;`, `&#x3A;`, `&colon;`)."""
    own = r"\\?" + re.escape(char) if char.isascii() and not char.isalnum() else re.escape(char)
    entities = [f"&#0*{ord(char)};", f"&#[xX]0*{ord(char):x};"] + [f"&{re.escape(name)}" for name in _ENTITY_NAMES.get(char, [])]
    return f"(?:{own}|{'|'.join(entities)})"


@lru_cache(maxsize=4096)
def loose_pattern(needle: str) -> re.Pattern[str]:
    """A pattern for `needle` as it may be written in the source: any ASCII punctuation may carry
    a Markdown backslash escape, any character may be an HTML entity, and a line break may stand
    where the rendered text has a space."""
    parts = [r"\s+" if char in " \n" else _char_pattern(char) for char in needle]
    return re.compile("".join(parts))


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
            match = loose_pattern(needle).search(text, self.offset, at)
            if match is not None:
                at, length = match.start(), match.end() - match.start()
        if at == -1:
            match = loose_pattern(needle[:LOOSE_HEAD]).search(text, self.offset, self.end)
            if match is None:
                return self.offset
            at, length = match.start(), match.end() - match.start()
        if advance:
            self.offset = at + length
        return at

    def find_from(self, needle: str, offset: int) -> int:
        """Offset of `needle` at or after `offset`, without moving the cursor; -1 if absent."""
        return self.index.text.find(needle, offset, self.end)
