"""A baseline: the findings a team has accepted for now, so that a run reports only new ones.

The file (`.gitbook-lint-baseline.json` by default) lists one fingerprint per finding: the rule,
the file (relative to the baseline's folder), the finding's subject (its target, or the message's
key and words, never its line) and an occurrence number among the findings sharing the first
three. A finding keeps its fingerprint when lines move above it or the page is edited elsewhere.
Entries are sorted and written one per line, so that updating the file gives a small diff.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from .finding import Finding

DEFAULT_NAME = ".gitbook-lint-baseline.json"
FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read (exit code 2)."""


class Fingerprint(NamedTuple):
    path: str
    rule: str
    subject: str
    occurrence: int


@dataclass
class Filtered:
    """What a baseline leaves of a run: the new findings, the matched fingerprints, and the
    baseline's entries that matched nothing although their file was checked (fixed since)."""

    new: list[Finding] = field(default_factory=list)
    matched: set[Fingerprint] = field(default_factory=set)
    fixed: list[Fingerprint] = field(default_factory=list)


def subject(finding: Finding) -> str:
    return finding.target or finding.subject or finding.message


def fingerprints(findings: Iterable[Finding], relative: Callable[[str], str]) -> list[tuple[Finding, Fingerprint]]:
    """Each finding with its fingerprint; `relative` maps a shown path to the baseline's folder."""
    seen: Counter[tuple[str, str, str]] = Counter()
    pairs = []
    for finding in sorted(findings):  # reading order: occurrence 1 is the first in the file
        key = (relative(finding.path), finding.rule_id, subject(finding))
        seen[key] += 1
        pairs.append((finding, Fingerprint(*key, seen[key])))
    return pairs


def relative_to(folder: Path) -> Callable[[str], str]:
    """Shown paths (relative to the current folder, or absolute) → relative to `folder`."""
    here = Path.cwd()

    def relative(shown: str) -> str:
        full = Path(os.path.normpath(here / shown))
        try:
            return Path(os.path.relpath(full, folder)).as_posix()
        except ValueError:  # another drive on Windows
            return full.as_posix()

    return relative


def load(path: Path) -> set[Fingerprint]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        entries = document["findings"]
        return {Fingerprint(e["path"], e["rule"], e["subject"], int(e["occurrence"])) for e in entries}
    except OSError as error:
        raise BaselineError(f"cannot read the baseline {path}: {error.strerror or error}") from error
    except (ValueError, KeyError, TypeError) as error:
        raise BaselineError(f"{path} is not a gitbook-lint baseline (rewrite it with `gitbook-lint baseline`)") from error


def dump(entries: Iterable[Fingerprint]) -> str:
    """The file's text: sorted entries, one per line, so that diffs stay small."""
    lines = [
        json.dumps({"path": e.path, "rule": e.rule, "subject": e.subject, "occurrence": e.occurrence}, ensure_ascii=False)
        for e in sorted(set(entries))
    ]
    body = ",\n    ".join(lines)
    findings = f"[\n    {body}\n  ]" if lines else "[]"
    return f'{{\n  "version": {FORMAT_VERSION},\n  "tool": "gitbook-lint",\n  "findings": {findings}\n}}\n'


def apply(
    findings: list[Finding], baseline: set[Fingerprint], relative: Callable[[str], str], checked: Callable[[str], bool]
) -> Filtered:
    """Leave out the findings the baseline holds. `checked(path)` says whether the run looked at
    a baseline path (relative to the baseline): only then can a missing match mean "fixed"."""
    result = Filtered()
    for finding, fingerprint in fingerprints(findings, relative):
        if fingerprint in baseline:
            result.matched.add(fingerprint)
        else:
            result.new.append(finding)
    result.fixed = sorted(entry for entry in baseline - result.matched if checked(entry.path))
    return result
