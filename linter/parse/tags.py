"""The GitBook `{% … %}` tag vocabulary and the grammar of one tag line.

The vocabulary is the block table, `schemas/blocks.schema.json`: adding a block there (its
definition, `x-end`, `x-links`) teaches it to the parser, the link extraction and the block rules.

GitBook writes each tag alone on its line: `{% name attr="value" … %}`, closed by `{% endname %}`.
Older exports also used unquoted values (`required=true`) and single quotes; `include` and `if`
take a positional argument (a quoted path, a condition expression).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

from ..lean import pickled_by_values


class Closing(Enum):
    """Whether a tag needs its `{% endname %}`."""

    REQUIRED = "required"
    OPTIONAL = "optional"  # embed and file: the end tag wraps a caption when present
    NEVER = "never"  # include and the legacy page-ref stand alone


@pickled_by_values
@dataclass(frozen=True, slots=True)
class BlockKind:
    """One GitBook block as the block table describes it: `schemas/blocks.schema.json`, whose
    `$defs` entry for the tag holds its end tag (`x-end`), the attributes that are links
    (`x-links`) and its schema (attributes, parent, children)."""

    name: str
    closing: Closing
    links: Mapping[str, str]  # attribute → the kind of link its value is (`url` → `tag-url`)
    schema: Mapping[str, Any]


def _block_table() -> dict[str, BlockKind]:
    text = resources.files("linter.schemas").joinpath("blocks.schema.json").read_text(encoding="utf-8")
    return {
        name: BlockKind(name, Closing(entry["x-end"]), dict(entry.get("x-links", {})), entry)
        for name, entry in json.loads(text)["$defs"].items()
        if "x-end" in entry
    }


BLOCKS: dict[str, BlockKind] = _block_table()
KNOWN_TAGS: dict[str, Closing] = {name: block.closing for name, block in BLOCKS.items()}
ARGUMENT = "(argument)"  # in `links`: the positional argument (`{% include "path" %}`)
# A tag the table does not know (misspelt, or one GitBook added since) still has the links of its
# named attributes checked.
_ANY_LINKS: dict[str, str] = {
    attribute: kind for block in BLOCKS.values() for attribute, kind in block.links.items() if attribute != ARGUMENT
}


def link_attributes(tag: str) -> Mapping[str, str]:
    """The attributes of `tag` whose value is a link, and the kind of each link."""
    block = BLOCKS.get(tag)
    return block.links if block is not None else _ANY_LINKS


# One whole line: `{%`, optional `end`, a name, the rest, `%}`. Spaces inside the braces are free.
TAG_LINE = re.compile(r"^\{%-?\s*(?P<end>end)?(?P<name>[A-Za-z][\w-]*)(?P<rest>.*?)\s*-?%\}\s*$")
# A quoted value (or quoted argument) whose closing quote is missing: it runs to the end of the tag.
_UNCLOSED = re.compile(r"""(?:(?P<key>[A-Za-z_][\w.:-]*)\s*=\s*)?(?P<quote>["'])(?P<value>.*)$""")
_WORD_END = re.compile(r"[\s,]|$")
_ATTR = re.compile(
    r"""(?P<key>[A-Za-z_][\w.:-]*)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s,"']+))"""
    r"""|"(?P<pos_dq>[^"]*)"|'(?P<pos_sq>[^']*)'"""
)


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Attribute:
    """One `name="value"` of a tag line, with its 0-based column in the line."""

    name: str
    value: str
    column: int
    quoted: bool


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Unclosed:
    """A quoted value without its closing quote: `name` is the attribute (None for the
    positional argument), `column` the 0-based column of its opening quote in the line."""

    name: str | None
    quote: str
    column: int


@pickled_by_values
@dataclass(frozen=True, slots=True)
class TagLine:
    """A parsed `{% … %}` line."""

    name: str
    is_end: bool
    attributes: tuple[Attribute, ...] = ()
    argument: str | None = None  # the positional part: include path or `if` condition
    argument_column: int = 0
    extra: str = field(default="", compare=False)  # text that is neither attribute nor argument
    unclosed: Unclosed | None = None  # a value whose closing quote is missing (read to the end)

    @property
    def attrs(self) -> dict[str, str]:
        return {a.name: a.value for a in self.attributes}


@lru_cache(maxsize=4096)  # the same lines (`{% endhint %}`) recur; TagLine is immutable
def parse_tag_line(line: str) -> TagLine | None:
    """Parse one source line (without its newline); None when it is not a tag line."""
    match = TAG_LINE.match(line)
    if match is None:
        return None
    name = match["name"]
    is_end = match["end"] is not None
    # `{% endhint %}` matches with end="end", name="hint"; no GitBook tag name starts with `end`.
    rest, offset = match["rest"], match.start("rest")
    if name == "if" and not is_end:
        return TagLine(name, is_end, argument=rest.strip(), argument_column=offset + _lead(rest))
    attributes: list[Attribute] = []
    argument: str | None = None
    argument_column = 0
    leftovers: list[str] = []
    unclosed: Unclosed | None = None
    cursor = 0
    while cursor < len(rest):
        if rest[cursor] in " \t,":
            leftovers.append(rest[cursor])
            cursor += 1
            continue
        attr = _ATTR.match(rest, cursor)
        if attr is None:
            open_quote = _UNCLOSED.match(rest, cursor)
            if open_quote is not None:  # no closing quote: the value runs to the end of the tag
                unclosed = Unclosed(open_quote["key"], open_quote["quote"], offset + open_quote.start("quote"))
                value = open_quote["value"].rstrip()
                if open_quote["key"] is not None:
                    attributes.append(Attribute(open_quote["key"], value, offset + cursor, True))
                elif argument is None:
                    argument, argument_column = value, offset + open_quote.start("value")
                break
            end = _WORD_END.search(rest, cursor + 1).start()  # type: ignore[union-attr]
            leftovers.append(rest[cursor:end])
            cursor = end
            continue
        cursor = attr.end()
        if attr["key"] is not None:
            value = next(v for v in (attr["dq"], attr["sq"], attr["bare"]) if v is not None)
            attributes.append(Attribute(attr["key"], value, offset + attr.start(), attr["bare"] is None))
        elif argument is None:
            argument = attr["pos_dq"] if attr["pos_dq"] is not None else attr["pos_sq"]
            argument_column = offset + attr.start() + 1
    extra = "".join(leftovers).replace(",", " ").strip()
    return TagLine(name, is_end, tuple(attributes), argument, argument_column, extra, unclosed)


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())
