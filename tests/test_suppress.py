"""Inline suppressions: which lines each comment covers (the fixture space covers the rest)."""

from __future__ import annotations

from linter.finding import Finding
from linter.model.page import Page
from linter.model.site import Site
from linter.rules import all_rules
from linter.settings import Settings
from linter.suppress import apply_suppressions, directives, regions


def _finding(line: int, rule: str = "GB021", path: str = "p.md") -> Finding:
    return Finding(path, line, 1, rule, "x", "error", "m")


def _site(text: str) -> Site:
    site = Site(base=None, root=None)  # type: ignore[arg-type]
    site.pages["p.md"] = Page.from_text("p.md", text)
    return site


def _kept(text: str, lines: list[int], rule: str = "GB021") -> list[int]:
    site = _site(text)
    ran = [r for r in all_rules() if r.id in {rule, "GB901"}]
    return [f.line for f in apply_suppressions(site, [_finding(n, rule) for n in lines], Settings(), ran).kept]


def test_disable_line_covers_its_own_line_only() -> None:
    text = "a\nb <!-- gitbook-lint-disable-line GB021 -->\nc\n"
    assert _kept(text, [1, 2, 3]) == [1, 3]


def test_disable_until_enable_and_to_the_end() -> None:
    text = "a\n<!-- gitbook-lint-disable unclosed-block -->\nb\n<!-- gitbook-lint-enable unclosed-block -->\nc\n\n<!-- gitbook-lint-disable -->\nd\n"
    assert _kept(text, [1, 3, 5, 8]) == [1, 5]


def test_enable_of_another_rule_does_not_close() -> None:
    text = "<!-- gitbook-lint-disable GB021 -->\n\n<!-- gitbook-lint-enable GB002 -->\n\nx\n"
    assert _kept(text, [5]) == []


def test_next_line_after_a_multiline_comment() -> None:
    text = "<!-- gitbook-lint-disable-next-line\n     GB021 -->\nx\ny\n"
    assert _kept(text, [3, 4]) == [4]


def test_selector_by_tag_and_prefix() -> None:
    assert _kept("<!-- gitbook-lint-disable-file blocks -->\nx\n", [2]) == []
    assert _kept("<!-- gitbook-lint-disable-file GB02 -->\nx\n", [2]) == []
    assert _kept("<!-- gitbook-lint-disable-file GB02 -->\nx\n", [2], "GB010") == [2]


def test_comments_in_code_are_not_directives() -> None:
    page = Page.from_text("p.md", "```html\n<!-- gitbook-lint-disable-file -->\n```\n\n`<!-- gitbook-lint-disable-file -->`\n")
    assert directives(page) == []


def test_regions_of_a_page_are_stable() -> None:
    page = Page.from_text("p.md", "<!-- gitbook-lint-disable GB021 -->\n")
    assert len(regions(page)) == 1 and regions(page)[0].last == page.index.line_count
