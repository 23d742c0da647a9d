"""Faster stand-ins for markdown-it rules, each giving exactly the tokens of the rule it replaces.

Reading pages is most of a cold run, and most of markdown-it's time goes to rules that look at one
character and give up: every block rule is tried on every line (and again on each line of a
paragraph, to see whether it ends it), every inline rule at every punctuation mark. The rules here
answer those cases sooner and leave every other case to the stock rule, so the token stream and the
environment stay what the stock parser makes; the tests compare both, token by token, on real pages,
the CommonMark examples and generated text.

Each stand-in is installed through the ruler API (`Ruler.at`) and only where the rule in place is
the stock function it was written against: a rule some plugin replaced keeps its own function.
"""

from __future__ import annotations

import re
from functools import partial
from types import SimpleNamespace
from typing import Any, Callable

from markdown_it import MarkdownIt, rules_block, rules_core, rules_inline
from markdown_it import helpers as stock_helpers
from markdown_it.common.normalize_url import normalizeLink as stock_normalize_link
from markdown_it.common.utils import unescapeAll
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.footnote.index import footnote_def, footnote_inline, footnote_ref

from .gitbook_blocks import html_block_cut_at_tag, tag_line_rule

BlockRule = Callable[[StateBlock, int, int, bool], bool]
InlineRule = Callable[[StateInline, bool], bool]

# -- block rules ----------------------------------------------------------------------------------

# The characters a block may start with (after its indentation), read from each rule's first tests:
# on any other first character the rule returns False before it changes anything. "" (the end of
# the text) is listed where the rule would read past it and fail on its own.
_BLOCK_STARTS: dict[BlockRule, frozenset[str]] = {
    rules_block.hr: frozenset("*-_"),
    rules_block.blockquote: frozenset(">"),
    rules_block.fence: frozenset("~`"),
    rules_block.list_block: frozenset("*-+0123456789"),
    rules_block.reference: frozenset(["[", ""]),
    rules_block.html_block: frozenset("<"),
    html_block_cut_at_tag: frozenset("<"),
    rules_block.heading: frozenset("#"),
}


def _gated(rule: BlockRule, starts: frozenset[str]) -> BlockRule:
    """`rule`, not called on a line whose first character no block of its kind starts with: the
    stock rule returns False there too, having changed nothing (it would only log its entry)."""

    def gated(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        at = state.bMarks[start] + state.tShift[start]
        if state.src[at : at + 1] not in starts:
            return False
        return rule(state, start, end, silent)

    return gated


def _gated_lheading(rule: BlockRule) -> BlockRule:
    """The setext heading rule, not called when no line of the paragraph could underline it.

    The stock rule walks the lines after `start` up to a blank one, stopping at the first underline
    (`===` or `---` at the paragraph's indentation) and trying every paragraph terminator on the
    others. Without any line there that starts with `=` or `-` it finds no underline and returns
    False, leaving `state.parentType` set to "paragraph" (it restores it only on success): so does
    this gate, and paragraph, which runs next, reads it the same."""

    def gated(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if state.is_code_block(start):
            return False  # the stock rule's first answer, before it changes anything
        src, indent = state.src, state.blkIndent
        line = start + 1
        while line < end and not state.isEmpty(line):
            if indent <= state.sCount[line] <= indent + 3 and src[state.bMarks[line] + state.tShift[line]] in "-=":
                return rule(state, start, end, silent)
            line += 1
        state.parentType = "paragraph"
        return False

    return gated


def _install_block_gates(md: MarkdownIt) -> dict[BlockRule, frozenset[str]]:
    """Gate the rules of `_BLOCK_STARTS` and the setext heading rule. Returns the first characters
    of the lines each rule may match, for every rule that has them known (gated or not)."""
    ruler = md.block.ruler
    starts = dict(_UNGATED_STARTS)
    for rule in list(ruler.__rules__):
        if rule.fn in _BLOCK_STARTS:
            gated = _gated(rule.fn, _BLOCK_STARTS[rule.fn])
            starts[gated] = _BLOCK_STARTS[rule.fn]
            ruler.at(rule.name, gated, {"alt": list(rule.alt)})
        elif rule.fn is rules_block.lheading:
            ruler.at(rule.name, _gated_lheading(rule.fn), {"alt": list(rule.alt)})
    return starts


# Rules that test their first character at once themselves: `{%` for a tag line, `[^` for a
# footnote definition (after a length test that only fails more).
_UNGATED_STARTS: dict[BlockRule, frozenset[str]] = {tag_line_rule: frozenset("{"), footnote_def: frozenset("[")}


class _BlockChain:
    """The rules of the main block chain, by the first character of a line: those that may match a
    line starting with it, in chain order (every rule whose first characters are not known)."""

    def __init__(self, starts: dict[BlockRule, frozenset[str]], dispatch: BlockRule) -> None:
        self.starts = starts
        self.dispatch = dispatch
        self.rules: list[BlockRule] | None = None
        self.by_char: dict[str, list[BlockRule]] = {}
        self.anywhere: list[BlockRule] = []

    def candidates(self, rules: list[BlockRule], first: str) -> list[BlockRule]:
        if rules is not self.rules:  # the active rules changed (`getRules` makes a new list then)
            self.rules = rules
            chain = rules[rules.index(self.dispatch) + 1 :]  # the rules after the dispatching one
            chars = set().union(*(self.starts.get(rule, ()) for rule in chain))
            self.by_char = {char: [r for r in chain if r not in self.starts or char in self.starts[r]] for char in chars}
            self.anywhere = [rule for rule in chain if rule not in self.starts]
        return self.by_char.get(first, self.anywhere)


def _install_block_dispatch(md: MarkdownIt, starts: dict[BlockRule, frozenset[str]]) -> None:
    """A first rule in the main block chain that tries, in chain order, only the rules that may
    match the line's first character, and answers for the chain. The rules it leaves out return
    False on that line having changed nothing (see `_BLOCK_STARTS`), so the first rule of the
    chain to match is the same; when none does (no paragraph rule), the chain runs after it as
    before, its rules failing again the same way."""
    ruler = md.block.ruler

    def dispatch(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        rules = ruler.getRules("")
        at = state.bMarks[start] + state.tShift[start]
        for rule in chain.candidates(rules, state.src[at : at + 1]):
            if rule(state, start, end, silent):
                return True
        return False

    chain = _BlockChain(starts, dispatch)
    ruler.before(ruler.__rules__[0].name, "fast_dispatch", dispatch)


# -- inline rules ---------------------------------------------------------------------------------

# The character each stock inline rule needs at `state.pos` to match, read from its first tests; at
# any other position it returns False having changed nothing. `footnote_ref` is the exception: it
# fills `env["footnotes"]` with empty tables wherever it is tried (see `_FOOTNOTES`).
_INLINE_TRIGGERS: dict[Any, str] = {
    rules_inline.newline: "\n",
    rules_inline.escape: "\\",
    rules_inline.backtick: "`",
    rules_inline.strikethrough.tokenize: "~",
    rules_inline.emphasis.tokenize: "*_",
    rules_inline.link: "[",
    rules_inline.image: "!",
    footnote_inline: "^",
    footnote_ref: "[",
    rules_inline.autolink: "<",
    rules_inline.html_inline: "<",
    rules_inline.entity: "&",
}
# The env key `footnote_ref` creates on its first try in a document, even where it does not match.
_FOOTNOTES = "footnotes"
# The post-processing rules that leave a lone text token as it is (no delimiters to pair, one text
# token to join, its level already 0).
_INERT_ON_TEXT = frozenset(
    {
        rules_inline.link_pairs,
        rules_inline.strikethrough.postProcess,
        rules_inline.emphasis.postProcess,
        rules_inline.fragments_join,
    }
)


def _unwrapped(fn: Any) -> Any:
    """The footnote plugin binds footnote_ref's option (`always_match`, which changes nothing of
    where it may match): it is the same rule here."""
    return footnote_ref if isinstance(fn, partial) and fn.func is footnote_ref else fn


class _InlineChain:
    """What the fast inline rules need to know of the active inline rules: the characters at which
    one of them may match (`stops`: the text rule must stop there), or None when a rule of unknown
    behaviour is active (then the text rule stops where the stock one does)."""

    def __init__(self, text_rule: InlineRule) -> None:
        self.text_rule = text_rule
        self.rules: list[InlineRule] | None = None
        self.rules2: list[Any] | None = None
        self.stops: re.Pattern[str] | None = None
        self.tries_footnote_ref = False
        self.inert_after = False

    def refresh(self, md: MarkdownIt) -> None:
        """Recompute when the active rules changed (`getRules` makes a new list then)."""
        rules = md.inline.ruler.getRules("")
        if rules is not self.rules:
            self.rules = rules
            others = [_unwrapped(fn) for fn in rules if fn is not self.text_rule]
            known = rules[:1] == [self.text_rule] and all(fn in _INLINE_TRIGGERS for fn in others)
            # `]` ends a link label: parseLinkLabel looks for it at each position the rules reach.
            chars = "]" + "".join(_INLINE_TRIGGERS[fn] for fn in others) if known else None
            self.stops = re.compile("[" + re.escape(chars) + "]") if chars is not None else None
            self.tries_footnote_ref = footnote_ref in others
        rules2 = md.inline.ruler2.getRules("")
        if rules2 is not self.rules2:
            self.rules2 = rules2
            self.inert_after = all(fn in _INERT_ON_TEXT for fn in rules2)

    def pattern(self, state: StateInline) -> re.Pattern[str]:
        """Where the text rule stops: at the next character some rule may match, or where the stock
        rule stops as long as `footnote_ref` has its effect still to have."""
        if state.md.inline.ruler.getRules("") is not self.rules:
            self.refresh(state.md)
        if self.stops is None or (self.tries_footnote_ref and _FOOTNOTES not in state.env):
            return state.md.inline.terminator_re
        return self.stops


def fast_rules_plugin(md: MarkdownIt) -> None:
    """Install the stand-ins on `md` (after every other plugin: they test which rules are active)."""
    _install_block_dispatch(md, _install_block_gates(md))

    def text(state: StateInline, silent: bool) -> bool:
        """The stock text rule with fewer stops: it reads on through punctuation no active rule can
        match at (`:`, `-`, `#`…), which the stock rule hands to every rule in turn, each giving
        up, before adding it to the same pending text. The loops that call it read the same state
        either way: the level never changes between their steps, and `]`, which link labels look
        for between steps, is a stop."""
        start = state.pos
        stop = chain.pattern(state).search(state.src, start)
        end = stop.start() if stop else state.posMax
        if end == start:
            return False
        if not silent:
            state.append_pending(state.src[start:end])
        state.pos = end
        return True

    chain = _InlineChain(text)

    def inline(state: StateCore) -> None:
        """The stock core rule, without the inline parser for content no inline rule can match in:
        its tokens are one text token holding the content (what the text rule and the parser's
        pending text make of it), which the post-processing rules leave as it is."""
        md_ = state.md
        chain.refresh(md_)
        for token in state.tokens:
            if token.type != "inline":
                continue
            if token.children is None:
                token.children = []
            content = token.content
            if _only_text(chain, state, content):
                if content:
                    token.children.append(Token("text", "", 0, content=content))
            else:
                md_.inline.parse(content, md_, state.env, token.children)

    if md.inline.ruler.getRules("")[:1] == [rules_inline.text]:
        md.inline.ruler.at("text", text)
    if md.core.ruler.__rules__[md.core.ruler.__find__("inline")].fn is rules_core.inline:
        md.core.ruler.at("inline", inline)


def _only_text(chain: _InlineChain, state: StateCore, content: str) -> bool:
    """Whether the inline parser would make one text token of `content`: the text rule reads all of
    it at once, and the post-processing rules have nothing to do."""
    if chain.stops is None or not chain.inert_after:
        return False
    if chain.stops.search(content):
        return False
    # `footnote_ref` has still to make its table: let the parser try it where the stock one would
    return not (chain.tries_footnote_ref and _FOOTNOTES not in state.env and state.md.inline.terminator_re.search(content))


# -- link destinations ----------------------------------------------------------------------------

# A destination made only of what mdurl's encoding keeps as it is (ASCII letters and digits, the
# characters of `mdurl.ENCODE_DEFAULT_CHARS`, and `%` followed by two hexadecimal digits, an escape
# it keeps): `normalizeLink` gives it back unchanged when parsing and formatting it again changes
# nothing, which `_UNCHANGED_LINK` makes sure of (see `normalize_link`).
_KEPT = r"(?:[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]|%[0-9A-Fa-f]{2})"
_KEPT_NO_COLON = r"(?:[A-Za-z0-9;/?@&=+$,\-_.!~*'()#]|%[0-9A-Fa-f]{2})"
# A relative destination (no `scheme:` and no `//host`, so mdurl finds no host in it: it splits it
# at `#` and `?` and joins it back), or an http(s) one whose host is plain ASCII labels of at most 63
# characters (mdurl keeps such a host as it is, and punycode leaves ASCII labels alone) ended by the
# end, `/`, `?` or `#`.
_UNCHANGED_LINK = re.compile(
    rf"(?!//){_KEPT_NO_COLON}*|https?://(?P<host>[A-Za-z0-9-]{{1,63}}(?:\.[A-Za-z0-9-]{{0,63}})*)(?:[/?#]{_KEPT}*)?"
)
# mdurl drops a host longer than this.
_HOST_MAX = 255


def normalize_link(url: str) -> str:
    """markdown-it's `normalizeLink`, with the common destinations it leaves unchanged answered at
    once: the stock function parses, formats and percent-encodes each, character by character."""
    found = _UNCHANGED_LINK.fullmatch(url)
    if found is not None and len(found["host"] or "") <= _HOST_MAX:
        return url
    return stock_normalize_link(url)


class Destination:
    """What markdown-it's link rules read of a parsed destination (its helper's result)."""

    __slots__ = ("ok", "pos", "str")

    def __init__(self, ok: bool = False, pos: int = 0, text: str = "") -> None:
        self.ok = ok
        self.pos = pos
        self.str = text


# What ends a destination that is not in `<…>`, or changes how it is read: a blank or control
# character, a backslash (escaping the next character), a parenthesis (nesting).
_DESTINATION_STOP = re.compile(r"[\x00-\x20\x7f\\()]")
# markdown-it gives up on a destination nesting parentheses deeper than this.
_DESTINATION_DEPTH = 32


def parse_link_destination(string: str, pos: int, maximum: int) -> Destination:
    """markdown-it's `parseLinkDestination`, the same answer for a destination not in `<…>` (left
    to the stock helper) found by jumping from one character that matters to the next: the stock
    helper reads each character through a function call, the costliest part of a link's parse."""
    if string.startswith("<", pos):
        return stock_helpers.parseLinkDestination(string, pos, maximum)  # type: ignore[return-value]
    start, level = pos, 0
    while pos < maximum:
        found = _DESTINATION_STOP.search(string, pos, maximum)
        if found is None:  # the stock helper stops at `maximum`, or at the end of the string before it
            pos = max(pos, min(maximum, len(string)))
            break
        pos = found.start()
        char = string[pos]
        if char == "\\":
            if pos + 1 < maximum and string[pos + 1 : pos + 2] == " ":
                break  # an escaped space is no escape: the blank ends the destination
            pos += 2 if pos + 1 < maximum else 1
        elif char == "(":
            level += 1
            if level > _DESTINATION_DEPTH:
                return Destination()
            pos += 1
        elif char == ")" and level:
            level -= 1
            pos += 1
        else:
            break  # a blank, a control character, or the `)` that closes the link
    if start == pos or level != 0:
        return Destination()
    return Destination(True, pos, unescapeAll(string[start:pos]))


# markdown-it's link helpers, with `parse_link_destination`.
_HELPERS = SimpleNamespace(**{name: getattr(stock_helpers, name) for name in stock_helpers.__all__})
_HELPERS.parseLinkDestination = parse_link_destination


class FastMarkdownIt(MarkdownIt):
    """The parser with `normalize_link` and `parse_link_destination`: overriding normalizeLink and
    setting the instance's `helpers` are markdown-it's ways to change how links are read (its rules
    call both through the instance)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helpers = _HELPERS  # type: ignore[assignment]

    def normalizeLink(self, url: str) -> str:  # noqa: N802 - markdown-it's name
        return normalize_link(url)
