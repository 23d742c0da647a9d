"""Shared by the three block-pairing rules: the pairing problems of a page, located."""

from __future__ import annotations

from typing import Iterator

from ..model.page import Page
from ..parse.gitbook_blocks import PairingProblem
from ..parse.positions import Position


def problems_of_kind(page: Page, kind: str) -> Iterator[tuple[PairingProblem, Position]]:
    for problem in page.pairing_problems:
        if problem.kind == kind:
            yield problem, page.index.position(problem.token.meta["offset"])


def line_of(page: Page, problem: PairingProblem) -> int:
    other = problem.other
    return (other.map or [0])[0] + 1 if other is not None else 0
