"""What a space is and which files belong to it: the one place that decides.

The command line (which paths to lint), the run plan (which spaces to load) and the site loader
(which files to read) all ask here: the markers (`.gitbook.yaml`, SUMMARY.md), the `root:` of
`.gitbook.yaml`, the folders a scan enters, and the ignore files.
"""

from __future__ import annotations

from .ignore import PathFilter
from .locate import (
    ASSETS_DIR,
    CONFIG_NAME,
    INCLUDES_DIR,
    MARKERS,
    SKIPPED_DIRS,
    SUMMARY_NAME,
    configured_root,
    default_space,
    find_space,
    has_marker,
    in_a_space,
    is_page_path,
    is_scanned_dir,
    nested_spaces,
    outside_every_space,
    read_space_config,
    site_config_file,
    site_config_of,
    space_of,
    spaces_below,
)
from .site_config import SITE_CONFIG_NAMES, MappedSpace, SiteConfig

__all__ = [
    "ASSETS_DIR",
    "CONFIG_NAME",
    "INCLUDES_DIR",
    "MARKERS",
    "SITE_CONFIG_NAMES",
    "SKIPPED_DIRS",
    "SUMMARY_NAME",
    "MappedSpace",
    "PathFilter",
    "SiteConfig",
    "configured_root",
    "default_space",
    "find_space",
    "has_marker",
    "in_a_space",
    "is_page_path",
    "is_scanned_dir",
    "nested_spaces",
    "outside_every_space",
    "read_space_config",
    "site_config_file",
    "site_config_of",
    "space_of",
    "spaces_below",
]
