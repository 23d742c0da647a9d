"""The suppression pass reads a page's prose only for a region that runs to the end of the page."""

from __future__ import annotations

from linter.model.page import PROSE_FIELDS, Page
from linter.suppress import regions


def _page_with_counted_prose(text: str) -> tuple[Page, list[str]]:
    """A page whose prose is left out and loaded through a loader that notes each load."""
    page = Page.from_text("a.md", text)
    prose = {name: getattr(page, name) for name in PROSE_FIELDS}
    loads: list[str] = []

    def load() -> dict[str, object]:
        loads.append(page.path)
        return dict(prose)

    page.set_prose_loader(load)
    return page, loads


def test_pages_without_comments_keep_their_prose_unread() -> None:
    page, loads = _page_with_counted_prose("# Titre\n\nUn [lien](absent.md).\n")
    assert regions(page) == []
    assert loads == []


def test_pages_with_other_comments_keep_their_prose_unread() -> None:
    page, loads = _page_with_counted_prose("# Titre\n\n<!-- une note -->\n[absent](absent.md)\n")
    assert regions(page) == []
    assert loads == []


def test_an_open_region_ends_at_the_last_line() -> None:
    page, loads = _page_with_counted_prose("# Titre\n\n<!-- gitbook-lint-disable GB101 -->\n[absent](absent.md)\n\nfin\n")
    [region] = regions(page)
    assert region.last == page.index.line_count
    assert loads == ["a.md"]
