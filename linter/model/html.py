"""Reading the HTML that GitBook pages hold: attributes that are links or ids, comments, struck and bold
wrappers, code that only shows markup. Plain functions over strings; the page builder calls them."""

from __future__ import annotations

import html
import re

# Not preceded by a name character: `data-id=` or `data-src=` are not `id=` or `src=`.
_ATTRIBUTE = re.compile(r"""(?<![\w:-])(?P<name>href|src|id|name)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>"']+))""", re.I)
_TAG_NAME = re.compile(r"<\s*([A-Za-z][\w-]*)")
ANCHOR_TAG = re.compile(r"^<a\s[^>]*>$", re.I)
ANCHOR_CLOSE = re.compile(r"</a\s*>", re.I)
ANY_TAG = re.compile(r"<[^>]*>")
_BLOCK_WRAPPER = re.compile(r"<(p|div)(?:\s[^>]*)?>(?P<inner>.*)</\1\s*>", re.I | re.S)
_STRUCK_HTML = re.compile(r"<(del|s|strike)(?:\s[^>]*)?>(?P<inner>.*)</\1\s*>", re.I | re.S)
_BOLD_HTML = re.compile(r"<(strong|b)(?:\s[^>]*)?>(?P<inner>.*)</\1\s*>|\*\*(?P<stars>.*)\*\*", re.I | re.S)
STRIKE_OPEN = re.compile(r"^<(del|s|strike)(\s[^>]*)?>$", re.I)
STRIKE_CLOSE = re.compile(r"^</(del|s|strike)\s*>$", re.I)
COMMENT = re.compile(r"<!--(.*?)-->", re.S)
# An opening tag as CommonMark reads it: quoted values may hold `>`.
_REAL_TAG = re.compile(r"""<[A-Za-z][\w-]*(?:"[^"]*"|'[^']*'|[^'">])*>""")
_CODE_OPEN = re.compile(r"<(pre|code)(?:\s[^>]*)?>", re.I)
CODE_TAG = re.compile(r"</?(pre|code)(?:\s[^>]*)?>$", re.I)
SUMMARY = re.compile(r"<summary(?:\s[^>]*)?>(?P<inner>.*?)</summary\s*>", re.I | re.S)
CARDS = re.compile(r"""<table[^>]*\bdata-view\s*=\s*["']?cards""", re.I)


def without_code(content: str, names: tuple[str, ...] = ("pre", "code")) -> str:
    """`content` with the inside of its `<pre>` and `<code>` elements blanked, offsets kept: what
    they hold is displayed text (`<img src=…>` shown as code), never markup to read."""
    pieces: list[str] = []
    cursor = 0
    while (opening := _CODE_OPEN.search(content, cursor)) is not None:
        name = opening.group(1).lower()
        if name not in names:
            pieces.append(content[cursor : opening.end()])
            cursor = opening.end()
            continue
        closing = re.compile(rf"</{name}\s*>", re.I).search(content, opening.end())
        stop = closing.start() if closing is not None else len(content)
        pieces += [content[cursor : opening.end()], re.sub(r"[^\n]", " ", content[opening.end() : stop])]
        cursor = stop
    return "".join(pieces) + content[cursor:]


def html_attributes(content: str) -> list[tuple[str, str, int]]:
    """(name, value, offset of the value) of each href/src/id/name attribute in an HTML snippet.
    Only real tags count: not entity-escaped ones (`&#x3C;img src=…>`), not code (`without_code`)."""
    found = []
    visible = without_code(content) if "<" in content else content
    matches = (match for tag in _REAL_TAG.finditer(visible) for match in _ATTRIBUTE.finditer(visible, tag.start(), tag.end()))
    for match in matches:
        name = match["name"].lower()
        if name == "name" and tag_name(content, match.start()) != "a":
            continue  # only `<a name>` is a fragment target; `<input name>` is a form field
        group = "dq" if match["dq"] is not None else "sq" if match["sq"] is not None else "bare"
        found.append((name, match[group], match.start(group)))
    return found


def html_link_label(content: str, value_at: int) -> str:
    """The visible text of the `<a>` whose `href` value starts at `value_at`: what lies between
    the end of its opening tag and the next `</a>`, tags removed, entities decoded."""
    opened = content.find(">", value_at)
    closed = ANCHOR_CLOSE.search(content, opened + 1) if opened != -1 else None
    if closed is None:
        return ""
    return " ".join(html.unescape(ANY_TAG.sub("", content[opened + 1 : closed.start()])).split())


def struck_html_block(content: str) -> tuple[str, bool] | None:
    """(plain text, bold) of an HTML block that is wholly struck out — `<del>…</del>`, `<s>`,
    `<strike>`, possibly inside `<p>` or `<div>` — or None. Bold when `<strong>`, `<b>` (or the
    `**` an editor meant as bold) wraps the whole struck text."""
    body = content.strip()
    while (wrapper := _BLOCK_WRAPPER.fullmatch(body)) is not None:
        body = wrapper["inner"].strip()
    struck = _STRUCK_HTML.fullmatch(body)
    if struck is None or re.search(rf"</{struck.group(1)}\s*>", struck["inner"], re.I):
        return None  # not struck, or several struck runs with text between them
    inner = struck["inner"].strip()
    bold = _BOLD_HTML.fullmatch(inner)
    if bold is not None:
        wrapped = bold["inner"] if bold["inner"] is not None else bold["stars"]
        end = rf"</{bold.group(1)}\s*>" if bold.group(1) else r"\*\*"
        if re.search(end, wrapped, re.I) is None:  # `<b>a</b> b <b>c</b>` is not wholly bold
            inner = wrapped
        else:
            bold = None
    text = " ".join(html.unescape(ANY_TAG.sub("", inner)).split())
    return (text, bold is not None) if text else None


def tag_name(content: str, offset: int) -> str:
    """The lowercase name of the HTML tag whose attribute starts at `offset`."""
    match = _TAG_NAME.match(content, max(0, content.rfind("<", 0, offset)))
    return match.group(1).lower() if match else ""
