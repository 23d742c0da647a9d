"""The `redirects:` of `.gitbook.yaml`, with where each entry is written, for the GB32x rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..model.site import Site
from ..parse.positions import Position


@dataclass(frozen=True)
class Redirect:
    source: str  # the key: an old URL path of the space, without `.md`
    target: object  # the value as YAML read it: a file path when it is a string
    position: Position  # where the key is written in .gitbook.yaml
    # where the key's and the value's text start (inside any quote), when each is a one-line scalar
    source_text: Position | None = None
    target_text: Position | None = None


def redirects(site: Site) -> Iterator[Redirect]:
    config = site.config
    if config is None:
        return
    for source, target in site.redirects.items():
        path = ("redirects", str(source))
        yield Redirect(
            str(source),
            target,
            config.position_of(path),
            config.key_text_positions.get(path),
            config.value_text_positions.get(path),
        )
