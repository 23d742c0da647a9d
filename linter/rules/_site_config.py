"""Shared by the site configuration rules (GB425–GB427): the file as the space sees it."""

from __future__ import annotations

import os

from ..model.site import Site
from ..spaces import SiteConfig


def site_config(site: Site) -> tuple[SiteConfig, str] | None:
    """The repository's site configuration and its path from the space root (`../docs.yaml`:
    finding paths are root-relative; the run reports a shared file's findings once)."""
    found = site.site_config
    if found is None:
        return None
    return found, os.path.relpath(found.path, site.root).replace(os.sep, "/")
