"""Site-wide Git Sync: the `gitbook-docs.yaml` (formerly `docs.yaml`) that maps a site's spaces
to folders of one repository.

The file lives in the Git Sync project folder. `site.structure` lists spaces, sections (whose
`children` are spaces, the section's variants) and section groups (whose `children` are
sections); each space's `content.directory` is its folder: `./docs` or `docs` from the project
folder, `/docs` from the repository's top, `null` for a space of the site not synced here.
Each mapped folder is a space of its own, whatever `.gitbook.yaml` or SUMMARY.md lies above it.

A file called `docs.yaml` is often something else (an OpenAPI document, another tool's
configuration): it counts only when it says it is GitBook's (a `$schema` at api.gitbook.com,
or `site.structure`).
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..guard import Refused, read_in_repository
from ..guard import repository_top as _repository_top

if TYPE_CHECKING:  # the YAML parser is imported when a site configuration is read
    from ..parse.frontmatter import FrontMatter, JsonPath

SITE_CONFIG_NAMES = ("gitbook-docs.yaml", "docs.yaml")
_GITBOOK_MARK = "api.gitbook.com"


@dataclass(frozen=True)
class MappedSpace:
    """One space of `site.structure`: its key (its title when it has none), the `content.directory` it names (None for
    `null`), the folder that designates (None when null or outside the repository), and where
    the entry sits in the file (a YAML path)."""

    key: str
    directory: str | None
    folder: Path | None
    location: JsonPath


@dataclass
class SiteConfig:
    path: Path  # the file
    repository: Path  # the repository's top (the project folder when not in a repository)
    config: FrontMatter
    spaces: list[MappedSpace] = field(default_factory=list)

    @property
    def project(self) -> Path:
        return self.path.parent

    def folders(self) -> list[Path]:
        """The mapped folders that exist, in the file's order, each once."""
        found = [space.folder for space in self.spaces if space.folder is not None and space.folder.is_dir()]
        return list(dict.fromkeys(found))

    def space_holding(self, start: Path) -> Path | None:
        """The deepest mapped folder holding `start`, or None when `start` is in no space."""
        holding = [folder for folder in self.folders() if folder == start or folder in start.parents]
        return max(holding, key=lambda folder: len(folder.parts), default=None)

    def nested_in(self, root: Path) -> list[str]:
        """The mapped folders strictly inside `root`, relative to it: other spaces, not its files."""
        return [folder.relative_to(root).as_posix() for folder in self.folders() if root in folder.parents]


def find_site_config(start: Path) -> SiteConfig | None:
    """The site configuration of the project holding `start`: the nearest GitBook
    `gitbook-docs.yaml` or `docs.yaml` upward, not past the repository's top."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in SITE_CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                found = _read(path, _stamp(path))
                if found is not None:
                    return found
        if (candidate / ".git").exists():
            break
    return None


def _stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_mtime_ns, status.st_size


@lru_cache(maxsize=64)
def _read(path: Path, _stamp: tuple[int, int]) -> SiteConfig | None:
    """The file read once per version (the CLI, the plan and each space's loader ask)."""
    try:
        text = read_in_repository(path).decode("utf-8", errors="replace").replace("\r\n", "\n")
    except (OSError, Refused):  # a link out of the repository is not read
        return None
    from ..parse.frontmatter import load_front_matter

    config = load_front_matter(text, 1)
    if not _is_gitbooks(path, config, text):
        return None
    repository = _repository_top(path.parent)
    site = SiteConfig(path, repository, config)
    structure = config.mapping.get("site", {}).get("structure") if isinstance(config.mapping.get("site"), dict) else None
    if isinstance(structure, list):
        site.spaces = list(_spaces(structure, ("site", "structure"), site))
    return site


def _is_gitbooks(path: Path, config: FrontMatter, text: str) -> bool:
    if config.problem is not None:  # unreadable: GitBook's only if it says so
        return path.name == SITE_CONFIG_NAMES[0] or _GITBOOK_MARK in text
    data = config.mapping
    site = data.get("site")
    return _GITBOOK_MARK in str(data.get("$schema", "")) or (isinstance(site, dict) and "structure" in site)


def _spaces(items: list[Any], where: JsonPath, site: SiteConfig) -> Any:
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        location = (*where, index)
        children = item.get("children")
        if isinstance(children, list):
            yield from _spaces(children, (*location, "children"), site)
        content = item.get("content")
        if item.get("type") == "space" or isinstance(content, dict):
            directory = content.get("directory") if isinstance(content, dict) else None
            directory = directory if isinstance(directory, str) else None
            name = item.get("key") or item.get("title")  # the title names an entry without a key
            yield MappedSpace(str(name) if name is not None else "?", directory, _folder(site, directory), location)


def _folder(site: SiteConfig, directory: str | None) -> Path | None:
    """The folder `content.directory` names, or None when it is null or leaves the repository."""
    if directory is None or not directory.strip():
        return None
    base = site.repository if directory.startswith("/") else site.project
    relative = posixpath.normpath(directory.strip().lstrip("/") or ".")
    folder = Path(os.path.normpath(base / relative))
    inside = folder == site.repository or site.repository in folder.parents
    return folder if inside else None


