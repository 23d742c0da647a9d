"""Shared by the site configuration rules (GB425–GB427): the file as the space sees it."""

from __future__ import annotations

import os
from typing import Iterator

from ..finding import Finding
from ..model.site import Site
from ..spaces import SiteConfig
from ._schema import site_config_problems
from .base import Context


def site_config(site: Site) -> tuple[SiteConfig, str] | None:
    """The repository's site configuration and its path from the space root (`../docs.yaml`:
    finding paths are root-relative; the run reports a shared file's findings once)."""
    found = site.site_config
    if found is None:
        return None
    return found, os.path.relpath(found.path, site.root).replace(os.sep, "/")


def schema_findings(site: Site, ctx: Context, unknown_keys: bool) -> Iterator[Finding]:
    """The schema problems of the site configuration: the unknown keys (GB426) or all the others
    (GB425). Validated once per site and language; the two rules share the result."""
    found = site_config(site)
    if found is None:
        return
    config, path = found
    key = ("site-config-problems", ctx.lang)
    if key not in site.memo:
        site.memo[key] = site_config_problems(config.config, config.path.name, ctx.lang)
    for problem in site.memo[key]:
        if problem.is_unknown_key == unknown_keys:
            yield ctx.finding(config.config.position_of(problem.location), problem.key, path=path, **problem.args)
