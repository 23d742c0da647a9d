"""Installed distributions, read from their metadata folders on the import path.

`importlib.metadata` answers the same questions, but it imports the email package (and csv,
zipfile…) to do so: 15 to 20 ms, paid by every run that asks. The two questions a run asks need
no parser: a library's version is in the name of its metadata folder (`PyYAML-6.0.2.dist-info`),
and the project's own addresses are `Project-URL:` lines in the header of its METADATA file.
Standard library only: the cache's fingerprint asks on every run.
"""

from __future__ import annotations

import os
import re
from typing import Iterable

_KINDS = ("dist-info", "egg-info")


def metadata_folders(names: Iterable[str], path: list[str]) -> dict[str, tuple[str, str]]:
    """For each distribution of `names` that is installed, its version and its metadata folder (a
    file, for an old `.egg-info`): the first found along `path` (the import path), as
    `importlib.metadata` finds it. One listing per folder of `path`."""
    wanted = {_key(name): name for name in names}
    found: dict[str, tuple[str, str]] = {}
    for folder in path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:  # gone, or a zip file
            continue
        for entry in entries:
            stem, _, kind = entry.rpartition(".")
            distribution, _, version = stem.partition("-")
            name = wanted.get(_key(distribution))
            if kind in _KINDS and name is not None and name not in found:
                found[name] = (version, os.path.join(folder or ".", entry))
    return found


def versions(names: Iterable[str], path: list[str]) -> list[str]:
    """`name=version` for each of `names`, `name=?` when it is not installed. An upgrade renames
    the metadata folder, so the version read from its name changes with it."""
    names = list(names)
    found = metadata_folders(names, path)
    return [f"{name}={found[name][0] if name in found else '?'}" for name in names]


def header_values(name: str, field: str, path: list[str]) -> list[str]:
    """Every value of `field` in the header of distribution `name`'s METADATA (PKG-INFO for an
    egg-info), in order; empty when it is not installed or says nothing of `field`."""
    found = metadata_folders([name], path).get(name)
    if found is None:
        return []
    folder = found[1]
    files = [folder] if os.path.isfile(folder) else [os.path.join(folder, "METADATA"), os.path.join(folder, "PKG-INFO")]
    for file in files:
        try:
            with open(file, encoding="utf-8", errors="replace") as handle:
                return _values(handle, field)
        except OSError:
            continue
    return []


def _values(lines: Iterable[str], field: str) -> list[str]:
    """The values of `field` in an email-style header, which ends at the first empty line."""
    prefix = field.lower() + ":"
    values = []
    for line in lines:
        line = line.rstrip("\r\n")
        if not line:
            break
        if line.lower().startswith(prefix):
            values.append(line[len(prefix) :].strip())
    return values


def _key(name: str) -> str:
    """A distribution's name as every spelling of it compares (`PyYAML`, `pyyaml`; `markdown-it-py`,
    `markdown_it_py`): lower case, each run of `-`, `_` and `.` as one `_`."""
    return re.sub(r"[-_.]+", "_", name).lower()
