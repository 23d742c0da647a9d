"""The fast rules (`linter.parse.fast_rules`) change no token: the parser with them and the same
parser without them give equal token streams and environments, on real pages, the CommonMark
examples, generated text and inputs made to reach markdown-it's nesting limits."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt, rules_core, rules_inline
from markdown_it.common.normalize_url import normalizeLink as stock_normalize_link
from markdown_it.helpers import parseLinkDestination as stock_parse_link_destination
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from linter.parse import make_markdown, make_plain_markdown
from linter.parse.fast_rules import FastMarkdownIt, normalize_link, parse_link_destination
from linter.parse.gitbook_blocks import gitbook_blocks_plugin

FAST = make_markdown()


def stock_markdown() -> MarkdownIt:
    """The same parser as `make_markdown`, without the fast rules."""
    return make_plain_markdown().use(gitbook_blocks_plugin)


STOCK = stock_markdown()

# The spec's examples and the corpora of real pages, next to the repository when this machine has them.
_SHARED = Path(__file__).resolve().parents[2] / "shared"
_SPEC = Path(os.environ.get("COMMONMARK_SPEC_JSON") or _SHARED / "data" / "commonmark-spec.json")
_CORPORA = _SHARED / "corpora"


def _tokens_of(tokens: list[Token]) -> dict[int, int]:
    """Every token of the stream, children included, numbered in reading order."""
    numbers: dict[int, int] = {}

    def walk(level: list[Token]) -> None:
        for token in level:
            numbers.setdefault(id(token), len(numbers))
            walk(token.children or [])

    walk(tokens)
    return numbers


def _plain(value: Any, numbers: dict[int, int]) -> Any:
    """`value` with tokens of the stream as their number (meta links an opener to its closer) and
    other tokens, dataclasses and containers as plain values, to compare two parses."""
    if isinstance(value, Token):
        if id(value) in numbers:
            return ("token", numbers[id(value)])
        return _token(value, numbers)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, [_plain(getattr(value, f.name), numbers) for f in dataclasses.fields(value)])
    if isinstance(value, dict):
        return [(key, _plain(item, numbers)) for key, item in value.items()]
    if isinstance(value, (list, tuple)):
        return [_plain(item, numbers) for item in value]
    return value


def _token(token: Token, numbers: dict[int, int]) -> tuple[Any, ...]:
    return (
        token.type,
        token.tag,
        token.nesting,
        token.map,
        token.level,
        token.content,
        token.markup,
        token.info,
        _plain(token.attrs, numbers),
        None if token.children is None else [_token(child, numbers) for child in token.children],
        _plain(token.meta, numbers),
        token.block,
        token.hidden,
    )


def parsed(md: MarkdownIt, source: str) -> tuple[list[Any], list[Any]]:
    """The token stream and the environment of one parse, as plain values."""
    env: dict[str, Any] = {}
    tokens = md.parse(source, env)
    numbers = _tokens_of(tokens)
    return [_token(token, numbers) for token in tokens], _plain(env, numbers)


def assert_same_parse(source: str, fast: MarkdownIt = FAST, stock: MarkdownIt = STOCK) -> None:
    assert parsed(fast, source) == parsed(stock, source)


def test_the_fast_rules_are_in_place() -> None:
    """Else the comparisons below would compare the stock parser with itself."""
    assert FAST.inline.ruler.getRules("")[0] is not rules_inline.text
    assert STOCK.inline.ruler.getRules("")[0] is rules_inline.text
    assert FAST.block.ruler.getRules("") != STOCK.block.ruler.getRules("")
    # the core rule that hands an inline of plain text over without the inline parser
    assert _core_rule(FAST, "inline") is not rules_core.inline
    assert _core_rule(STOCK, "inline") is rules_core.inline


def _core_rule(md: MarkdownIt, name: str) -> Any:
    return md.core.ruler.__rules__[md.core.ruler.__find__(name)].fn


def _corpus_pages() -> list[Path]:
    return sorted(_CORPORA.rglob("*.md")) if _CORPORA.is_dir() else []


@pytest.mark.skipif(not _corpus_pages(), reason="no corpora of real pages beside the repository")
def test_every_corpus_page_parses_the_same() -> None:
    different = [str(page) for page in _corpus_pages() if parsed(FAST, _read(page)) != parsed(STOCK, _read(page))]
    assert different == []


def _read(page: Path) -> str:
    return page.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")


def _spec_examples() -> list[dict[str, Any]]:
    return json.loads(_SPEC.read_text(encoding="utf-8")) if _SPEC.is_file() else []


@pytest.mark.skipif(not _spec_examples(), reason="no copy of the CommonMark spec examples (COMMONMARK_SPEC_JSON)")
def test_every_commonmark_example_parses_the_same() -> None:
    different = [e["example"] for e in _spec_examples() if parsed(FAST, e["markdown"]) != parsed(STOCK, e["markdown"])]
    assert different == []


# Pieces that start, end or almost make every construct the rules read: the text generated from
# them reaches the fast rules' gates from both sides.
_PIECES = [
    "word",
    "mot ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "  \n",
    "    ",
    ":",
    "-",
    "#",
    "=",
    "%",
    "@",
    "+",
    "$",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "![",
    "[^1]",
    "[^1]: note",
    "^[inline]",
    "*",
    "**",
    "_",
    "__",
    "~",
    "~~",
    "`",
    "```",
    "~~~",
    "<",
    ">",
    "> ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "# ",
    "###### ",
    "===",
    "---",
    "***",
    "___",
    "|",
    "| a | b |\n|---|:-:|\n| c | d |",
    '[ref]: /url "title"',
    "[ref]",
    "[a](b)",
    "[a](<b c> 'd')",
    "<http://a.b/c>",
    "<x@y.fr>",
    '<a href="x">',
    "</a>",
    "<div>",
    "</div>",
    "<!-- c -->",
    "<pre>",
    "&amp;",
    "&#58;",
    "&nbsp;",
    "\\",
    "\\*",
    '{% hint style="info" %}',
    "{% endhint %}",
    "{% tabs %}",
    '{% tab title="A" %}',
    "{% endtab %}",
    "{% endtabs %}",
    "é",
    "—",
    "\u00a0",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_generated_markdown_parses_the_same(source: str) -> None:
    assert_same_parse(source)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_text_parses_the_same(source: str) -> None:
    assert_same_parse(source)


@pytest.mark.parametrize(
    "source",
    [
        "[" * 120 + "a" + "]" * 120 + "(x)",
        "[a " * 110 + "b" + "](c)" * 110,
        "![" * 105 + "x" + "]" * 105,
        "*" * 150 + "a" + "*" * 150,
        "> " * 120 + "deep: quote",
        "".join("  " * depth + "- item: " + str(depth) + "\n" for depth in range(120)),
        "a: b",  # the footnote rule makes its (empty) tables where the stock text rule stops
        "word\n===\n\ntext\n- \n---\n  ==\n",
        "para\n    ---\n\n> quote\n---\n",
        "para\n\n> quote\n2. item\n",
        "para\n\n> quote\n-\n",
    ],
)
def test_inputs_at_the_limits_parse_the_same(source: str) -> None:
    assert_same_parse(source)


def _colon_rule(state: StateInline, silent: bool) -> bool:
    """A rule the fast rules do not know, matching where they would not stop: at `:`."""
    if state.src[state.pos] != ":":
        return False
    if not silent:
        state.push("colon", "", 0)
    state.pos += 1
    return True


def test_an_unknown_inline_rule_makes_the_text_rule_stop_where_the_stock_one_does() -> None:
    fast, stock = make_markdown(), stock_markdown()
    for md in (fast, stock):
        md.inline.ruler.after("entity", "colon", _colon_rule)
    for source in ("a: b", "[x: y](z)", "# Titre : sous-titre"):
        assert_same_parse(source, fast, stock)
        assert any(child.type == "colon" for token in fast.parse(source) for child in token.children or [])


def _bang_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A block rule the fast rules do not know: a line starting with `!!!`."""
    if not state.src.startswith("!!!", state.bMarks[start] + state.tShift[start]):
        return False
    if not silent:
        state.push("bang", "", 0).map = [start, start + 1]
    state.line = start + 1
    return True


def test_an_unknown_block_rule_is_tried_on_every_line() -> None:
    fast, stock = make_markdown(), stock_markdown()
    for md in (fast, stock):
        md.block.ruler.before("paragraph", "bang", _bang_rule)
    source = "!!! note\n\n- !!! in a list\n\ntext\n!!! after text\n"
    assert_same_parse(source, fast, stock)
    assert sum(token.type == "bang" for token in fast.parse(source)) == 2


# -- link normalisation ---------------------------------------------------------------------------

_URL_HEADS = ["", "http://", "https://", "HTTP://", "//", "mailto:", "ftp://", "/", "../", "#", "?", "skype:"]
_URL_CHARS = "aZ09-._~:/?#[]@!$&'()*+,;=%Ff \t\\<>\"`{}|^éü\u00a0\u3002"


def test_the_parser_normalises_links_the_fast_way() -> None:
    """Else the token comparisons above would not cover `normalize_link`."""
    assert type(FAST).normalizeLink is FastMarkdownIt.normalizeLink
    assert type(STOCK) is MarkdownIt


@pytest.mark.parametrize(
    "url",
    [
        "",
        "#x",
        "../a%20b.md",
        "../a%2.md",
        "a%zz",
        "https://example.com",
        "https://example.com/a?b=c#d",
        "https://a..b/",
        "https://ex.com:80/",
        "https://user@ex.com/",
        "http://a@b@c/d",
        "https://é.com/",
        "https://" + "a" * 64 + ".com/",
        "https://" + ".".join(["a" * 63] * 5) + "/x",
        "https://ex_ample.com/",
        "//host/x",
        "mailto:someone@example.com",
        "javascript:alert(1)",
        "https://[::1]/x",
        "page.md#a:b",
        "foo:bar",
    ],
)
def test_a_link_is_normalised_as_markdown_it_does(url: str) -> None:
    assert normalize_link(url) == stock_normalize_link(url)


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(_URL_HEADS), st.text(alphabet=_URL_CHARS, max_size=40))
def test_any_destination_is_normalised_as_markdown_it_does(head: str, rest: str) -> None:
    assert normalize_link(head + rest) == stock_normalize_link(head + rest)


# -- link destinations ----------------------------------------------------------------------------


def test_the_parser_reads_destinations_the_fast_way() -> None:
    """Else the token comparisons above would not cover `parse_link_destination`."""
    assert FAST.helpers.parseLinkDestination is parse_link_destination
    assert STOCK.helpers.parseLinkDestination is not parse_link_destination


def _same_destination(string: str, pos: int, maximum: int) -> None:
    fast, stock = parse_link_destination(string, pos, maximum), stock_parse_link_destination(string, pos, maximum)
    assert (fast.ok, fast.pos, fast.str) == (stock.ok, stock.pos, stock.str)


@pytest.mark.parametrize(
    "string",
    [
        "",
        "a",
        "a b",
        "a\\ b",
        "a\\",
        "a\\(b",
        "(a)b)",
        "((a)",
        "(" * 32 + ")" * 32,
        "(" * 33 + ")" * 33,
        "a\x7fb",
        "a\tb",
        "<a b>",
        "<a",
        "a&amp;b\\*c",
        "é/ü.md",
    ],
)
def test_a_destination_is_read_as_markdown_it_does(string: str) -> None:
    for maximum in range(len(string) + 2):
        for pos in range(len(string) + 1):
            _same_destination(string, pos, maximum)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="ab()\\ \t\n<>&;#x\x7f\x01é", max_size=40), st.integers(0, 42), st.integers(0, 42))
def test_any_destination_is_read_as_markdown_it_does(string: str, pos: int, maximum: int) -> None:
    _same_destination(string, pos, maximum)
