"""A whole run's findings on a space, reused when nothing the run reads changed.

Before a space is loaded, its folder is walked and every file's and folder's status is taken
(size, modification time, inode, mode): no file is read. When that listing, the files beyond
the folder a run reads (the site configuration up to the repository's top, Git's HEAD, config
and index), the configuration and the tool are those of the stored run, its findings are the
answer: no page is parsed or even unpickled.

A page whose status changed but whose bytes did not (a `touch`, a checkout that rewrote it) is
hashed and compared with the hash stored for it. A file modified within `RACY_NS` of the stored
walk could have changed again in the same clock tick without its status showing it (Git's
"racily clean" problem): such a file is never trusted on its status: a page is hashed, like a
touched one; any other file makes the space be loaded.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from .cache import CACHE_DIR_NAME, cache_directory, digest, read_entry, tool_fingerprint, write_entry
from .finding import Finding
from .incremental import configuration_key, git_head

if TYPE_CHECKING:
    from .model.page import Page
    from .model.site import Site
    from .settings import Settings

RACY_NS = 2_000_000_000
_SITE_CONFIG_NAMES = ("gitbook-docs.yaml", "docs.yaml")  # as `spaces.site_config` (not imported: start-up)

Status = tuple[int, int, int, int]  # size, mtime_ns, inode, mode


@dataclass
class Listing:
    """What the walk of a space's folder saw, without reading a file."""

    taken: int  # time.time_ns() when the walk began
    files: dict[str, Status]  # folder-relative path → status
    folders: list[str]
    beyond: tuple[Any, ...]  # the files beyond the folder that a run reads


@dataclass
class SpaceOutline:
    """What the report needs of a space once its findings are known: a stand-in for `Site`."""

    base: Path
    root: Path
    summary_path: str
    config_path: str
    config: Any  # an object with `raw`, or None
    unreadable_folders: list[str]
    page_paths: list[str]
    max_page_bytes: int | None
    pages: Mapping[str, Page] = field(init=False)

    def __post_init__(self) -> None:
        self.pages = _PagesOnDemand(self)


class _PagesOnDemand(Mapping[str, "Page"]):
    """The outline's pages, each read when asked for (a text report's excerpts)."""

    def __init__(self, outline: SpaceOutline) -> None:
        self._outline = outline
        self._read: dict[str, Page] = {}

    def __getitem__(self, path: str) -> Page:
        if path not in self._outline.page_paths:
            raise KeyError(path)
        if path not in self._read:
            from .model.site import read_page

            self._read[path] = read_page(self._outline.root, path, self._outline.max_page_bytes)
        return self._read[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._outline.page_paths)

    def __len__(self) -> int:
        return len(self._outline.page_paths)


@dataclass
class _Raw:
    raw: str


@dataclass
class Snapshot:
    file: Path
    header: tuple[str, ...]
    listing: Listing

    @classmethod
    def open(cls, folder: Path, settings: Settings) -> Snapshot | None:
        """The snapshot slot of this space under these settings; None when the cache is off."""
        cache = cache_directory(folder, settings) if settings.cache else None
        if cache is None or _checks_the_web(settings):
            return None
        config = configuration_key(settings)
        header = ("snapshot", tool_fingerprint(), config, str(folder))
        listing = walk(folder, cache)
        return cls(cache / "runs" / f"snapshot-{digest(str(folder), config)}.pickle", header, listing)

    def _stored(self) -> object | None:
        if not hasattr(self, "_entry"):
            self._entry = read_entry(self.file, self.header)
        return self._entry

    def trusted_hashes(self) -> dict[str, str]:
        """Content hashes of the pages whose status is the stored one, by absolute path: their
        bytes need not be read again to be known unchanged."""
        stored = self._stored()
        if not isinstance(stored, dict):
            return {}
        try:
            old: Listing = stored["listing"]
            folder = self.header[3]
            return {
                os.path.join(folder, path): content
                for path, content in stored["hashes"].items()
                if _trusted(self.listing.files.get(path), old.files.get(path), old.taken)
            }
        except (KeyError, TypeError, AttributeError, ValueError, IndexError):
            return {}

    def reuse(self) -> tuple[list[Finding], SpaceOutline] | None:
        """The stored run's findings and outline when nothing changed since; else None."""
        stored = self._stored()
        if not isinstance(stored, dict):
            return None
        try:
            old: Listing = stored["listing"]
            hashes: dict[str, str] = stored["hashes"]
            if old.folders != self.listing.folders or old.beyond != self.listing.beyond:
                return None
            if old.files.keys() != self.listing.files.keys():
                return None
            touched = []
            for path, status in self.listing.files.items():
                if _trusted(status, old.files[path], old.taken):
                    continue
                if path not in hashes:
                    return None  # changed, or racily clean, and its bytes were never hashed
                touched.append(path)
            for path in touched:  # a new status, maybe the same bytes
                try:
                    same = digest((Path(self.header[3]) / path).read_bytes()) == hashes[path]
                except OSError:
                    return None
                if not same:
                    return None
            findings, outline = list(stored["findings"]), stored["outline"]
        except (KeyError, TypeError, AttributeError, ValueError):
            return None
        if touched:  # remember the new statuses; the stored walk's time stays (racy files stay checked)
            kept = Listing(old.taken, {**old.files, **{p: self.listing.files[p] for p in touched}}, old.folders, old.beyond)
            write_entry(self.file, self.header, {**stored, "listing": kept})
        return findings, outline

    def store(self, site: Site, findings: list[Finding]) -> None:
        """Keep this run's findings, unless a file changed while the run read it."""
        folder = Path(self.header[3])
        again = walk(folder, self.file.parent.parent)
        if again.files != self.listing.files or again.folders != self.listing.folders or again.beyond != self.listing.beyond:
            return
        hashes = {}
        # The root's place in the folder, once: the pages' paths are relative and normalised.
        prefix = os.path.relpath(site.root, folder).replace(os.sep, "/")
        for path, (content, _) in site.digests.items():
            relative = path if prefix == "." else f"{prefix}/{path}"
            if relative in self.listing.files:
                hashes[relative] = content
        outline = SpaceOutline(
            site.base,
            site.root,
            site.summary_path,
            site.config_path,
            _Raw(site.config.raw) if site.config is not None else None,
            list(site.unreadable_folders),
            list(site.pages),
            site.max_page_bytes,
        )
        value = {"listing": self.listing, "hashes": hashes, "findings": tuple(findings), "outline": outline}
        write_entry(self.file, self.header, value)


def _trusted(status: Status | None, stored: Status | None, taken: int) -> bool:
    """A file's status says its bytes are those of the stored run, whose walk began at `taken`:
    the same status, and a modification older than that walk by more than `RACY_NS`."""
    return status == stored and stored is not None and stored[1] < taken - RACY_NS


def _checks_the_web(settings: Settings) -> bool:
    """Web addresses' answers change with time: such a run is never reused whole."""
    options = settings.extra.get("external")
    return bool(getattr(options, "enabled", False))


def walk(folder: Path, cache: Path) -> Listing:
    """Every file and folder under `folder` with its status (Git's and the cache's folders left out),
    and the status of what a run reads beyond it."""
    taken = time.time_ns()
    files: dict[str, Status] = {}
    folders: list[str] = []
    # The cache folder is left out wherever it is. A folder of the walk is no link: where it
    # really is ends with its own name, so only one named like the cache's is resolved (each
    # resolution takes a status of every folder above it, the most of the walk's time).
    cache_path = os.path.realpath(cache)
    cache_name = os.path.basename(cache_path)
    pending = [(str(folder), "")]
    while pending:
        path, prefix = pending.pop()
        try:
            entries = sorted(os.scandir(path), key=lambda entry: entry.name)
        except OSError as error:
            folders.append(f"{prefix}!{error.errno}")  # unreadable: a change of that is seen too
            continue
        for entry in entries:
            relative = prefix + entry.name
            try:
                status = entry.stat(follow_symlinks=False)
                if entry.is_dir(follow_symlinks=False):
                    if entry.name in (".git", CACHE_DIR_NAME) or (entry.name == cache_name and os.path.realpath(entry.path) == cache_path):
                        continue
                    folders.append(f"{relative}/{status.st_mode:o}")
                    pending.append((entry.path, relative + "/"))
                    continue
                if entry.is_symlink():  # where it points matters too
                    status = os.stat(entry.path) if os.path.exists(entry.path) else status
                    relative += " -> " + os.readlink(entry.path)
            except OSError:
                files[relative] = (-1, -1, -1, -1)
                continue
            files[relative] = (status.st_size, status.st_mtime_ns, status.st_ino, status.st_mode)
    folders.sort()
    return Listing(taken, files, folders, _beyond(folder))


def _beyond(folder: Path) -> tuple[Any, ...]:
    """The site configuration files from `folder` up to the repository's top, and Git's HEAD and
    config: a commit or a remote may change findings (a whole-space run reads no index)."""
    seen: list[Any] = [git_head(folder)]
    for candidate in (folder, *folder.parents):
        for name in (*_SITE_CONFIG_NAMES, ".git/config"):
            try:
                status = (candidate / name).stat()
                seen.append((str(candidate / name), status.st_size, status.st_mtime_ns, status.st_ino))
            except OSError:
                pass
        if (candidate / ".git").exists():
            break
    return tuple(seen)
