"""markdown-it block plugin for GitBook's `{% … %}` tag lines.

The block rule turns each tag line into one `gitbook_tag` token, wherever a block may start: the
lines around and between tags stay ordinary Markdown for the regular block rules, so a tab's body
is parsed as Markdown like any other. Because the rule sits in the `paragraph`, `list` and
`blockquote` terminator chains, a tag line ends a paragraph, which also stops CommonMark's lazy
continuation from swallowing `{% endhint %}` into the last list item. Fences and indented code
consume their lines before this rule sees them, so a tag inside code is never read.

A tag line also ends an HTML block that CommonMark would run to the next blank line (types 6
and 7: `<figure>`, `<details>`, `</div>`…). GitBook writes `<figure>…</figure>` then
`{% endstep %}` with no blank line between them and reads the tag as a tag; left in the HTML
block, it would vanish and every block around it would look unclosed. HTML blocks that end at
their own marker (`<pre>`, `<!--`…) keep their lines, tag-like or not. A page without a tag line
parses exactly as CommonMark.

A core rule then pairs the tags (`gitbook_pair`): matched open/close tags become
`gitbook_block_open`/`gitbook_block_close` tokens (nesting +1/-1) so that `SyntaxTreeNode` builds
the block tree; a tag that stands alone or cannot be paired stays a `gitbook_tag` (nesting 0).
Pairing problems are recorded in `env["gitbook_problems"]` for the rules to report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.html_block import HTML_SEQUENCES, html_block
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .tags import KNOWN_TAGS, Closing, TagLine, parse_tag_line

TAG = "gitbook_tag"
OPEN = "gitbook_block_open"
CLOSE = "gitbook_block_close"
PROBLEMS_KEY = "gitbook_problems"


@dataclass(frozen=True)
class PairingProblem:
    """A tag that could not be paired: `kind` is unclosed, mismatched or stray."""

    kind: str
    token: Token
    other: Token | None = None  # the opener a wrong end tag met, for `mismatched`


def gitbook_blocks_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "table",
        "gitbook_tag",
        tag_line_rule,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    ruler = md.block.ruler
    ruler.at("html_block", html_block_cut_at_tag, {"alt": ruler.__rules__[ruler.__find__("html_block")].alt})
    md.core.ruler.after("block", "gitbook_pair", _pair_tags)
    md.add_render_rule(OPEN, _render_open)
    md.add_render_rule(CLOSE, _render_close)
    md.add_render_rule(TAG, _render_tag)


def tag_line_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False  # indented code
    offset = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("{%", offset):
        return False
    tag = parse_tag_line(state.src[offset : state.eMarks[start]])
    if tag is None:
        return False
    if silent:
        return True
    token = state.push(TAG, "", 0)
    token.map = [start, start + 1]
    token.info = tag.name
    token.markup = "end" if tag.is_end else ""
    token.meta = {"tag": tag, "offset": offset}
    token.block = True
    state.line = start + 1
    return True


def _is_tag_line(state: StateBlock, line: int) -> bool:
    if state.sCount[line] - state.blkIndent >= 4:
        return False  # the tag rule would not read it either: it stays in the HTML
    offset = state.bMarks[line] + state.tShift[line]
    return state.src.startswith("{%", offset) and parse_tag_line(state.src[offset : state.eMarks[line]]) is not None


def _ends_at_blank_line(state: StateBlock, line: int) -> bool:
    """An HTML block would start at `line` and be of type 6 or 7, which only a blank line ends."""
    text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
    if not text.startswith("<"):
        return False  # most block starts: no regex to run
    opening = next((sequence for sequence in HTML_SEQUENCES if sequence[0].search(text)), None)
    return opening is not None and bool(opening[1].search(""))


def html_block_cut_at_tag(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """CommonMark's HTML block, ended before the first tag line when only a blank line would end it."""
    if not silent and _ends_at_blank_line(state, start):
        line = start + 1  # the scan stops where CommonMark's block would: at a blank line
        while line < end and not state.isEmpty(line) and not _is_tag_line(state, line):
            line += 1
        if line < end and _is_tag_line(state, line):
            end = line
    return html_block(state, start, end, silent)


def closing_of(name: str) -> Closing:
    """Unknown tags pair with their end tag when there is one, like an optional closing."""
    return KNOWN_TAGS.get(name, Closing.OPTIONAL)


def _pair_tags(state: StateCore) -> None:
    problems: list[PairingProblem] = state.env.setdefault(PROBLEMS_KEY, [])
    tokens = state.tokens
    if not any(token.type == TAG for token in tokens):
        return  # a page without tag lines: nothing to pair, no walk through its containers
    # Entries are markdown-it container openers (None) or pending GitBook openers; `open_names`
    # counts the pending openers of each name per container, so an end tag with no opener of its
    # name is known at once (without it, 50,000 stray end tags scanned the stack each: quadratic).
    # A container's counter is made with its first GitBook opener: most containers hold none.
    stack: list[Token | None] = []
    open_names: list[Counter[str] | None] = [None]
    for token in tokens:
        if token.type != TAG:
            if token.nesting == 1:
                stack.append(None)
                open_names.append(None)
            elif token.nesting == -1:
                _unwind(stack, problems)
                if len(open_names) > 1:
                    open_names.pop()
            continue
        tag: TagLine = token.meta["tag"]
        names = open_names[-1]
        if names is None:
            names = open_names[-1] = Counter()
        if tag.is_end:
            _close(token, tag.name, stack, problems, names)
        elif closing_of(tag.name) is not Closing.NEVER:
            stack.append(token)
            names[tag.name] += 1
    _unwind(stack, problems, to_marker=False)


def _close(token: Token, name: str, stack: list[Token | None], problems: list[PairingProblem], names: Counter[str]) -> None:
    """Pair an end tag with the nearest opener of its name inside the same container."""
    pending: list[Token] = []
    for entry in reversed(stack) if names[name] else ():
        if entry is None:
            break
        if entry.info == name:
            for skipped in pending:
                names[skipped.info] -= 1
                if closing_of(skipped.info) is Closing.REQUIRED:
                    problems.append(PairingProblem("mismatched", token, skipped))
            del stack[len(stack) - len(pending) - 1 :]
            names[name] -= 1
            _make_pair(entry, token)
            return
        pending.append(entry)
    top = stack[-1] if stack else None
    if top is not None and closing_of(top.info) is Closing.REQUIRED and name not in KNOWN_TAGS:
        # `{% endhnt %}` under `{% hint %}`: a misspelt end tag; count the hint as closed by it.
        problems.append(PairingProblem("mismatched", token, top))
        stack.pop()
        names[top.info] -= 1
        return
    problems.append(PairingProblem("stray", token))


def _unwind(stack: list[Token | None], problems: list[PairingProblem], to_marker: bool = True) -> None:
    """Pop to the enclosing container marker; required openers left there were never closed."""
    while stack:
        entry = stack.pop()
        if entry is None:
            if to_marker:
                return
            continue
        if closing_of(entry.info) is Closing.REQUIRED:
            problems.append(PairingProblem("unclosed", entry))


def _make_pair(opener: Token, closer: Token) -> None:
    opener.type, opener.nesting = OPEN, 1
    closer.type, closer.nesting = CLOSE, -1
    opener.meta["closer"] = closer
    closer.meta["opener"] = opener


def _render_open(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    return f'<div data-gitbook="{tokens[idx].info}">\n'


def _render_close(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    return "</div>\n"


def _render_tag(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    return f'<div data-gitbook="{tokens[idx].info}"></div>\n'
