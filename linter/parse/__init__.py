"""Parsing: one configured MarkdownIt instance that reads GitBook's dialect."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it is imported when a parser is made: reading a YAML file needs none
    from markdown_it import MarkdownIt

__all__ = ["make_markdown", "shared_markdown", "make_plain_markdown", "MAX_NESTING"]

# How deep blocks may nest before markdown-it stops reading a page (GB001 says so). CommonMark's
# preset stops at 20, which real SUMMARY.md files pass: each nav level is a list and its item, so
# GitBook's own 9-level navs reach 20. markdown-it's default preset allows 100; so do we. Deeper
# input is hostile or broken, and the limit keeps the parser's recursion far from Python's.
MAX_NESTING = 100


def make_plain_markdown(parser: type[MarkdownIt] | None = None) -> MarkdownIt:
    """CommonMark + tables + strikethrough + footnotes + YAML front matter, without GitBook's tags.
    `parser`: a subclass of MarkdownIt to make it with (markdown-it's own class by default)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = (parser or MarkdownIt)("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    md.use(front_matter_plugin)
    md.use(footnote_plugin)  # else `[^1]: Voir` would read as a link reference to a page "Voir"
    return md


def make_markdown() -> MarkdownIt:
    """The parser gitbook-lint reads every page with: the plain dialect plus `{% %}` blocks, and
    faster stand-ins for markdown-it's rules and link normalisation that give the same tokens
    (`fast_rules`)."""
    from .fast_rules import FastMarkdownIt, fast_rules_plugin
    from .gitbook_blocks import gitbook_blocks_plugin

    return make_plain_markdown(FastMarkdownIt).use(gitbook_blocks_plugin).use(fast_rules_plugin)


@lru_cache(maxsize=1)
def shared_markdown() -> MarkdownIt:
    """One instance per process: building the rule chains costs more than parsing a small page."""
    return make_markdown()
