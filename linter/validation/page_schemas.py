"""Which page-type schema applies to which page: `Settings.page_schemas` maps globs to schema files.

The configuration's `page-schemas` table fills it (`"content/marches/*/README.md" =
"schemas/pages/procurement.schema.json"`): globs use gitignore syntax, like `per-file-ignores`,
and are matched against the page's path from the configuration's folder and from the space root;
schema paths come resolved from the configuration's folder.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..spaces.ignore import gitignore_spec

if TYPE_CHECKING:
    import pathspec


@lru_cache(maxsize=None)
def _spec(glob: str) -> pathspec.GitIgnoreSpec:
    return gitignore_spec([glob])


def page_candidates(page_path: str, root: Path, config_dir: Path | None) -> list[str]:
    """The page's path from the space root, and from the configuration's folder when it holds the space."""
    candidates = [page_path]
    if config_dir is not None:
        try:
            prefix = root.resolve().relative_to(config_dir.resolve()).as_posix()
        except ValueError:
            return candidates
        if prefix != ".":
            candidates.append(f"{prefix}/{page_path}")
    return candidates


def schemas_for(candidates: list[str], mapping: dict[str, str]) -> list[str]:
    """The schema files whose glob matches one of the page's paths, in the mapping's order."""
    return [schema for glob, schema in mapping.items() if any(_spec(glob).match_file(path) for path in candidates)]
