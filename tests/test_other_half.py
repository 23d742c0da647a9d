"""After the parse, a forked copy of the process checks the last pages (`engine.OtherHalf`) while
the process checks the first ones and runs the site rules: the findings and the memo kept for the
next run are those of one process checking every page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter import engine
from linter.cache import PageStore, read_entry
from linter.engine import EarlyPageRules, OtherHalf, lint_site
from linter.incremental import RunMemo
from linter.model import page_cache
from linter.model import site as site_module
from linter.model.site import Site
from linter.settings import Settings

PAGES = {
    "README.md": "# Accueil\n\nVoir [la suite](suite.md#absente), [rien](rien.md) et <contact@exemple>.\n",
    "suite.md": "# Suite\n\n[Accueil](README.md#accueil) et [autre](autre.md#nulle-part).\n",
    "autre.md": "# Autre\n\n{% hint style=\"bleu\" %}\nNote\n{% endhint %}\n\n[manque](manque.md)\n",
    "encore.md": "# Encore\n\n[suite](suite.md#suite) http://exemple.fr\n",
    "SUMMARY.md": "# Table\n\n* [Accueil](README.md)\n* [Suite](suite.md)\n* [Manque](manque.md)\n",
}

REAL_START = OtherHalf.start.__func__  # type: ignore[attr-defined]


@pytest.fixture
def space(tmp_path: Path) -> Path:
    folder = tmp_path / "space"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def cold_run(space: Path, cache: Path, forks: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[list, dict]:
    """A cold run's findings, and the memo it leaves for the next run (what it says of each page
    and site rule: the keys of the space's facts name the run's folders and differ anyway)."""
    monkeypatch.setattr(OtherHalf, "MIN_PAGES", 1 if forks else 10_000)
    monkeypatch.setattr(page_cache, "PARALLEL_THRESHOLD", 1)  # parsed by processes, the rules run there
    started: list[OtherHalf | None] = []
    monkeypatch.setattr(OtherHalf, "start", classmethod(lambda cls, *args: (started.append(REAL_START(cls, *args)), started[-1])[1]))
    settings = Settings(cache_dir=cache)
    early = EarlyPageRules(settings)
    site = Site.load(space, jobs=2, cache=PageStore(cache), hook=early)
    found = lint_site(site, settings, early=early)
    assert bool(started) == forks and all(other is not None for other in started)
    memo = RunMemo.open(site, settings)
    assert memo is not None
    stored = read_entry(memo.file, memo.header)
    pages = {path: (record.content, record.site_rules, record.findings) for path, record in stored["pages"].items()}
    return found, {"pages": pages, "site": {rule: record.findings for rule, record in stored["site"].items()}}


def test_the_copy_finds_what_this_process_would(space: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alone, alone_memo = cold_run(space, tmp_path / "alone", False, monkeypatch)
    forked, forked_memo = cold_run(space, tmp_path / "forked", True, monkeypatch)
    assert forked == alone and {finding.rule_id for finding in alone} >= {"GB101", "GB201", "GB502"}
    assert forked_memo == alone_memo and list(forked_memo["pages"]) == list(alone_memo["pages"])  # the same records, in order


def test_a_copy_that_fails_leaves_its_pages_to_this_process(space: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alone, alone_memo = cold_run(space, tmp_path / "alone", False, monkeypatch)
    monkeypatch.setattr(engine, "_check_and_send", lambda *args: os._exit(1))
    forked, forked_memo = cold_run(space, tmp_path / "forked", True, monkeypatch)
    assert forked == alone and forked_memo == alone_memo


def test_without_the_cache_too(space: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = lint_site(Site.load(space), Settings(cache=False))
    monkeypatch.setattr(OtherHalf, "MIN_PAGES", 1)
    monkeypatch.setattr(site_module, "PARALLEL_THRESHOLD", 1)
    started: list[OtherHalf | None] = []
    monkeypatch.setattr(OtherHalf, "start", classmethod(lambda cls, *args: (started.append(REAL_START(cls, *args)), started[-1])[1]))
    settings = Settings(cache=False)
    early = EarlyPageRules(settings)
    assert lint_site(Site.load(space, jobs=2, hook=early), settings, early=early) == expected and started

