"""Results of earlier checks, kept for a while so that a re-run asks the web nothing new.

One JSON file, `external/results.json` in the cache folder, written atomically (a temporary
file renamed over the old one: a crash or a parallel run never leaves half a file). A success
is fresh for `ttl` seconds, a failure for `failure_ttl` (shorter: a site that was down may be
back). A file that cannot be read is an empty cache, never an error.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..writing import write_atomically
from .options import DAY, HOUR
from .result import OK, SKIPPED, Result

VERSION = 1


@dataclass
class ResultCache:
    file: Path | None  # None: no cache (`--no-cache`)
    ttl: float = DAY
    failure_ttl: float = HOUR
    entries: dict[str, Result] = field(default_factory=dict)

    @classmethod
    def open(cls, folder: Path | None, ttl: float = DAY, failure_ttl: float = HOUR) -> ResultCache:
        cache = cls(None if folder is None else folder / "external" / "results.json", ttl, failure_ttl)
        cache.entries = cache._read()
        return cache

    def _read(self) -> dict[str, Result]:
        if self.file is None:
            return {}
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data.get("version") != VERSION:
                return {}
            stored = data["results"].items()
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}
        entries = {}
        for url, entry in stored:
            try:
                found = Result.from_dict(url, entry)
            except (ValueError, TypeError, AttributeError):
                continue
            if _sound(found):  # an entry edited by hand or by another version is dropped, not trusted
                entries[url] = found
        return entries

    def fresh(self, url: str, want_ids: bool, now: float | None = None) -> Result | None:
        """The stored result for `url` when still fresh (and holding ids when they are wanted)."""
        found = self.entries.get(url)
        if found is None or (want_ids and found.kind == OK and found.ids is None):
            return None
        age = (time.time() if now is None else now) - found.checked_at
        if age < 0 or age >= (self.ttl if found.kind == OK else self.failure_ttl):
            return None
        return Result.from_dict(url, {**found.to_dict(), "requests": 0, "from_cache": True})

    def store(self, results: dict[str, Result]) -> None:
        """Keep the new results (skipped addresses are not results) and write the file."""
        self.entries.update({url: result for url, result in results.items() if result.kind != SKIPPED})
        if self.file is None:
            return
        now = time.time()
        kept = {url: result for url, result in self.entries.items() if now - result.checked_at < max(self.ttl, self.failure_ttl)}
        data = {"version": VERSION, "results": {url: _stored(result) for url, result in sorted(kept.items())}}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.file, json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written only costs the next run some requests


def _stored(result: Result) -> dict[str, object]:
    data = result.to_dict()
    data.pop("requests", None)
    data.pop("url", None)
    return data


def _sound(entry: Result) -> bool:
    numbers = isinstance(entry.checked_at, (int, float)) and isinstance(entry.status, (int, type(None)))
    ids = entry.ids is None or (isinstance(entry.ids, list) and all(isinstance(name, str) for name in entry.ids))
    texts = all(isinstance(value, str) for value in (entry.kind, entry.error, entry.detail))
    return numbers and ids and texts and isinstance(entry.permanent_to, (str, type(None)))
