"""Shared by the three block-pairing rules: the page's tag lines that could not be paired."""

from __future__ import annotations

from typing import Iterator

from ..model.elements import TagRef
from ..model.page import Page


def problems_of_kind(page: Page, kind: str) -> Iterator[TagRef]:
    for ref in page.block_problems:
        if ref.problem == kind:
            yield ref
