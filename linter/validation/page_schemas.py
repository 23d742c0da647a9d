"""Which page-type schema applies to which page: `Settings.page_schemas` maps globs to schema files.

A relative glob is matched against the page's path in its space (`marches/**/README.md`); an
absolute one against the page's absolute path. `*` matches within one folder, `**` across folders
(`a/**/b.md` also matches `a/b.md`), `?` one character.

`read_page_schemas` is a stopgap reader of the `[tool.gitbook-lint.page-schemas]` table of the
nearest `pyproject.toml`, for as long as no configuration loader fills `Settings.page_schemas`.
It makes globs and schema paths absolute from that file's folder, so that
`"content/marches/**" = "schemas/pages/procurement.schema.json"` means the same from anywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path, PurePosixPath

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: no configuration from pyproject.toml
    tomllib = None  # type: ignore[assignment]

PYPROJECT = "pyproject.toml"


@lru_cache(maxsize=None)
def glob_pattern(glob: str) -> re.Pattern[str]:
    parts = []
    index = 0
    while index < len(glob):
        if glob.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
        elif glob.startswith("**", index):
            parts.append(".*")
            index += 2
        elif glob[index] == "*":
            parts.append("[^/]*")
            index += 1
        elif glob[index] == "?":
            parts.append("[^/]")
            index += 1
        else:
            parts.append(re.escape(glob[index]))
            index += 1
    return re.compile("".join(parts) + r"\Z")


def schemas_for(relative: str, absolute: str, mapping: dict[str, str]) -> list[str]:
    """The schema files whose glob matches the page, in the mapping's order."""
    found = []
    for glob, schema in mapping.items():
        subject = absolute if PurePosixPath(glob).is_absolute() else relative
        if glob_pattern(glob).match(subject):
            found.append(schema)
    return found


def read_page_schemas(start: Path) -> dict[str, str]:
    """The page-schemas table of the nearest pyproject.toml from `start` upward, made absolute."""
    config = _nearest(start.resolve())
    if config is None or tomllib is None:
        return {}
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    table = data.get("tool", {}).get("gitbook-lint", {}).get("page-schemas", {})
    folder = config.parent.as_posix()
    if not isinstance(table, dict):
        return {}
    return {
        _absolute(folder, glob): _absolute(folder, schema)
        for glob, schema in table.items()
        if isinstance(schema, str)
    }


def _nearest(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / PYPROJECT).is_file():
            return candidate / PYPROJECT
        if (candidate / ".git").exists():
            break
    return None


def _absolute(folder: str, path: str) -> str:
    return path if PurePosixPath(path).is_absolute() else f"{folder}/{path}"
