"""Where spaces are: the folder of the space holding a path, the spaces under a folder, and which
files of a space are pages.

In a repository with a site configuration (`gitbook-docs.yaml` or `docs.yaml`, see
`site_config`), the folders it maps are the spaces, and nothing else is. Elsewhere a folder is a
space when it holds `.gitbook.yaml` or SUMMARY.md (its markers). A `.gitbook.yaml` may move the
space's root below it (`root: docs/`); a folder with its own SUMMARY.md beside such a root is a
space of its own. Searching upward never passes the top of a Git repository.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..guard import MAX_PAGE_BYTES, Refused, read_inside
from .site_config import SITE_CONFIG_NAMES, SiteConfig, find_site_config

if TYPE_CHECKING:  # the YAML parser is imported when a YAML file is read, not by every run
    from ..parse.frontmatter import FrontMatter

CONFIG_NAME = ".gitbook.yaml"
SUMMARY_NAME = "SUMMARY.md"
MARKERS = (CONFIG_NAME, SUMMARY_NAME)
ASSETS_DIR = ".gitbook/assets/"
INCLUDES_DIR = ".gitbook/includes/"
SKIPPED_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", ".hg", ".svn"}


def has_marker(folder: Path) -> bool:
    return any((folder / marker).is_file() for marker in MARKERS)


def is_page_path(relative: str) -> bool:
    """A Markdown file GitBook reads as a page: `.md`, and not an uploaded file of
    `.gitbook/assets/` (GitBook serves those as files, whatever their extension)."""
    return relative.lower().endswith(".md") and not relative.startswith(ASSETS_DIR)


def is_scanned_dir(name: str) -> bool:
    """Folders a space scan enters: not tool or version-control folders, not hidden ones
    except `.gitbook` (assets and includes)."""
    return name not in SKIPPED_DIRS and (not name.startswith(".") or name == ".gitbook")


def read_space_config(base: Path) -> FrontMatter | None:
    """`.gitbook.yaml` in `base`, parsed like front matter (the same YAML guards), or None.
    Read through the guard: a link out of the space is not read (the site lists it as refused,
    and GB003 reports it)."""
    text = _space_config_text(base)
    return _parsed(text) if text is not None else None


def _space_config_text(base: Path) -> str | None:
    path = base / CONFIG_NAME
    if not path.is_file():
        return None
    try:
        return read_inside(base, path, MAX_PAGE_BYTES).decode("utf-8", errors="replace").replace("\r\n", "\n")
    except (OSError, Refused):
        return None


def configured_root(base: Path) -> Path:
    """The folder the `.gitbook.yaml` in `base` names as `root:` (`base` itself without one)."""
    text = _space_config_text(base)
    if text is None or not _may_name_root(text):
        return base
    root = _parsed(text).mapping.get("root")
    return (base / root).resolve() if isinstance(root, str) and root.strip() else base


def _parsed(text: str) -> FrontMatter:
    from ..parse.frontmatter import load_front_matter

    return load_front_matter(text, 1)


def _may_name_root(text: str) -> bool:
    """Whether YAML `text` could hold a `root` key. A key is its text as written, but for the
    escapes of a double-quoted one (`"r\\x6fot"`): a file that spells `root` nowhere and holds
    no backslash names no root, and is not parsed (nor the YAML library imported) to know it."""
    return "root" in text or "\\" in text


def find_space(start: Path) -> Path:
    """The folder of the space holding `start`: the nearest folder upward with `.gitbook.yaml`
    when `start` is under the `root:` it names, else the nearest with SUMMARY.md (a space of its
    own beside a configured one), else the `.gitbook.yaml` folder, else `start` (or its folder)."""
    start = start.resolve()
    mapped = _mapped_space(start)
    if mapped is not None:
        return mapped
    folder = start if start.is_dir() else start.parent
    configured = _nearest_with(folder, CONFIG_NAME)
    summary = _nearest_with(folder, SUMMARY_NAME)
    if configured is not None:
        root = configured_root(configured)
        if summary is None or root == start or root in start.parents or summary in configured.parents:
            return configured
    return summary or configured or folder


def space_of(start: Path) -> Path | None:
    """The space holding `start`, or None when no folder up to the repository top is one (or
    the site configuration maps no space there)."""
    site = _mapping_site(start)
    if site is not None:
        return site.space_holding(start.resolve())
    found = find_space(start)
    return found if has_marker(found) else None


def outside_every_space(path: Path) -> bool:
    """A file of a site-wide repository that no mapped space holds (an AGENTS.md at its top)."""
    site = _mapping_site(path)
    return site is not None and site.space_holding(path.resolve()) is None


def _mapping_site(start: Path) -> SiteConfig | None:
    """The site configuration above `start` when it maps at least one existing folder."""
    site = find_site_config(start)
    return site if site is not None and site.folders() else None


def _mapped_space(start: Path) -> Path | None:
    site = _mapping_site(start)
    return site.space_holding(start) if site is not None else None


def in_a_space(path: Path) -> bool:
    return space_of(path) is not None


def spaces_below(folder: Path) -> list[Path]:
    """The outermost spaces under `folder` (a repository's top holding several spaces): the
    folders a site configuration maps, else the folders with a marker."""
    site = _mapping_site(folder)
    if site is not None:
        return [found for found in site.folders() if found == folder or folder in found.parents]
    found = []
    for current, dirs, names in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith(".") and name not in SKIPPED_DIRS)
        site = _mapping_site(Path(current)) if any(name in names for name in SITE_CONFIG_NAMES) else None
        if site is not None and site.project == Path(current):
            found.extend(site.folders())
            dirs[:] = []
        elif CONFIG_NAME in names or SUMMARY_NAME in names:
            found.append(Path(current))
            dirs[:] = []  # a space's subfolders belong to it
    return found


def default_space(here: Path) -> str:
    """What `gitbook-lint` lints with no path: the space here, else `content/` (this
    repository's own space), else here."""
    if has_marker(here):
        return "."
    if has_marker(here / "content"):
        return "content"
    return "."


def _nearest_with(folder: Path, marker: str) -> Path | None:
    """The nearest folder from `folder` upward holding `marker`, not past a Git repository's top."""
    for candidate in (folder, *folder.parents):
        if (candidate / marker).is_file():
            return candidate
        if (candidate / ".git").exists():
            break
    return None


def nested_spaces(root: Path) -> list[str]:
    """Folders inside the space at `root` that the site configuration maps to other spaces:
    their files are theirs, not this space's."""
    site = find_site_config(root)
    return site.nested_in(root.resolve()) if site is not None else []


def site_config_of(folder: Path) -> SiteConfig | None:
    """The site configuration of the project holding `folder`, if any (even one mapping nothing)."""
    return find_site_config(folder)


def site_config_file(path: Path) -> SiteConfig | None:
    """The site configuration `path` is (a hook passes `gitbook-docs.yaml` when it changes)."""
    if path.name not in SITE_CONFIG_NAMES:
        return None
    found = find_site_config(path)
    return found if found is not None and found.path == path.resolve() else None
