"""What the GB6xx rules share: the results of the external check, and the links they are about."""

from __future__ import annotations

from typing import Iterator

from ..external.collect import WebLink, web_links
from ..external.result import RESULTS, Result  # a fixture may give plain dicts there
from ..model.page import Page
from .base import Context


def checked_links(page: Page, ctx: Context) -> Iterator[tuple[WebLink, Result]]:
    """Each web link of the page with the result of its address; nothing without `--external`."""
    results = ctx.settings.extra.get(RESULTS)
    if not results:
        return
    for link in web_links(page):
        found = results.get(link.address)
        if isinstance(found, dict):
            found = Result.from_dict(link.address, found)
        if found is not None:
            yield link, found
