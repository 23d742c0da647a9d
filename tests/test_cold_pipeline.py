"""A cold run with the cache on: other processes read, hash, look up and parse the pages and send
back each page's prose, on which this process runs the page rules as it comes back; SUMMARY.md is
parsed here meanwhile. The findings are those of a run without the cache."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

import pytest

from linter.cache import PageStore
from linter.engine import EarlyPageRules, lint_site
from linter.model import page_cache
from linter.model.page import OWN_FACTS, PROSE_FIELDS, Page
from linter.model.site import Site
from linter.settings import Settings

PAGES = {
    "README.md": "---\ndescription: 3\n---\n\n# Accueil\n\nVoir [la suite](suite.md#absente) et [rien](rien.md).\n",
    "suite.md": '# Suite\n\nÉcrire à contact@exemple ou à <equipe@exemple.fr>.\n\n{% hint style="bleu" %}\nNote\n{% endhint %}\n',
    "autre.md": '# Autre\n\n{% tabs %}\n{% tab title="Un" %}\nTexte\n{% endtab %}\n',
    "encore.md": "# Encore\n\n~~Barré~~ et [accueil](README.md#accueil).\n",
    "SUMMARY.md": "# Table\n\n* [Accueil](README.md)\n* [Suite](suite.md)\n* [Manque](manque.md)\n",
}


@pytest.fixture
def space(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The pages, sent to two processes two at a time however few they are."""
    monkeypatch.setattr(page_cache, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(page_cache, "CHUNK", 2)
    folder = tmp_path / "space"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def store_prose_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages whose prose is read back from the store from now on."""
    loads: list[str] = []
    real = page_cache._prose_loader

    def counted(site: Site, store: PageStore, path: str, content: str) -> Callable[[], dict[str, Any]]:
        load = real(site, store, path, content)
        return lambda: (loads.append(path), load())[1]

    monkeypatch.setattr(page_cache, "_prose_loader", counted)
    return loads


def in_this_process(monkeypatch: pytest.MonkeyPatch, fail_after: int | None = None) -> list[str]:
    """`in_processes` run here, call after call (the pages each call sends are noted); with
    `fail_after`, the pool breaks after that many calls, as processes that die midway."""
    sent: list[str] = []

    def run(
        function: Any,
        calls: list[tuple[Any, ...]],
        workers: int,
        each: Callable[[Any], None],
        *,
        meanwhile: Callable[[], None],
        collect: bool,
    ) -> list[Any] | None:
        meanwhile()
        for number, call in enumerate(calls):
            if fail_after is not None and number == fail_after:
                return None
            sent.extend(name for name, _ in call[1])
            for item in function(*call):
                each(item)
        return []

    monkeypatch.setattr(page_cache, "in_processes", run)
    return sent


def test_the_page_rules_that_need_no_other_page_run_in_the_processes_that_parse(
    space: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = lint_site(Site.load(space), Settings(cache=False))
    loads = store_prose_loads(monkeypatch)
    early = EarlyPageRules(Settings())
    site = Site.load(space, jobs=2, cache=PageStore(tmp_path / "cache"), hook=early)
    assert loads == []  # no prose read back from the store for them
    assert set(early.found) == set(PAGES) - {"SUMMARY.md"}  # SUMMARY.md was parsed here
    assert early.found["suite.md"].findings["GB502"] and "GB101" in early.found["README.md"].needs_site
    others = [page for path, page in site.pages.items() if path != site.summary_path]
    assert all("links" in vars(page) for page in others)  # what other pages' rules read is unpickled
    assert not any(name in vars(page) for page in others for name in (*OWN_FACTS, *PROSE_FIELDS))  # no more
    assert lint_site(site, Settings(cache_dir=tmp_path / "cache"), early=early) == expected
    assert {finding.rule_id for finding in expected} >= {"GB101", "GB201", "GB410", "GB502"}


def test_what_the_rules_derive_in_the_processes_is_not_stored(space: Path, tmp_path: Path) -> None:
    Site.load(space, jobs=2, cache=PageStore(tmp_path / "first"), hook=EarlyPageRules(Settings()))
    Site.load(space, jobs=2, cache=PageStore(tmp_path / "second"))
    first = sorted(path.read_bytes() for path in (tmp_path / "first").rglob("*.pickle"))
    assert first == sorted(path.read_bytes() for path in (tmp_path / "second").rglob("*.pickle"))


def test_settings_that_cannot_be_sent_leave_the_rules_to_the_engine(space: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    expected = lint_site(Site.load(space), Settings(cache=False))
    settings = replace(Settings(), extra={"unsendable": lambda: None})
    early = EarlyPageRules(settings)
    site = Site.load(space, jobs=2, cache=PageStore(tmp_path / "cache"), hook=early)
    assert early.elsewhere() is None and early.found == {}
    assert lint_site(site, Settings(cache_dir=tmp_path / "cache"), early=early) == expected


def largest_pages() -> list[str]:
    """The pages sent to the processes, in the order they are sent: the largest first."""
    sizes = {name: len(text.encode()) for name, text in PAGES.items() if name != "SUMMARY.md"}
    return sorted(sizes, key=lambda name: -sizes[name])


def test_the_largest_pages_are_sent_first_and_the_nav_tree_is_built_meanwhile(
    space: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = in_this_process(monkeypatch)
    built: list[int] = []
    real = page_cache.summary_of
    monkeypatch.setattr(page_cache, "summary_of", lambda *args: (built.append(len(sent)), real(*args))[1])
    early = EarlyPageRules(Settings())
    monkeypatch.setattr(early, "idle", lambda: built.append(len(sent)))
    site = Site.load(space, jobs=2, cache=PageStore(tmp_path / "cache"), hook=early)
    assert sent == largest_pages()
    assert built == [0, 0] and site.summary is not None  # built once, and the site rules prepared, before a page came back
    assert list(site.pages) == sorted(PAGES)  # kept in their order


def test_processes_that_fail_midway_leave_the_rest_to_this_process(
    space: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = lint_site(Site.load(space), Settings(cache=False))
    sent = in_this_process(monkeypatch, fail_after=1)
    early = EarlyPageRules(Settings())
    site = Site.load(space, jobs=2, cache=PageStore(tmp_path / "cache"), hook=early)
    assert sent == largest_pages()[:2] and set(early.found) == set(sent)  # the first call, then none
    assert list(site.pages) == sorted(PAGES) and site.summary is not None
    assert lint_site(site, Settings(cache_dir=tmp_path / "cache"), early=early) == expected


def test_pages_already_stored_come_back_from_the_store_not_parsed_again(
    space: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = lint_site(Site.load(space), Settings(cache=False))
    Site.load(space, jobs=2, cache=PageStore(tmp_path / "cache"))  # stored, in processes
    sent = in_this_process(monkeypatch)
    parsed: list[str] = []
    real = Page.from_bytes
    monkeypatch.setattr(Page, "from_bytes", classmethod(lambda cls, path, data: (parsed.append(path), real(path, data))[1]))
    early = EarlyPageRules(Settings())
    site = Site.load(space, jobs=2, cache=PageStore(tmp_path / "cache"), hook=early)
    assert sorted(sent) == sorted(set(PAGES) - {"SUMMARY.md"})  # no status known: each page looked up there
    assert parsed == [] and early.found == {}  # all from the store: nothing parsed, no rule run early
    assert lint_site(site, Settings(cache_dir=tmp_path / "cache"), early=early) == expected


def _doubled(number: int) -> list[int]:
    return [2 * number]


def test_the_switch_interval_is_given_back_once_the_pool_is_done() -> None:
    from linter.model.site import in_processes

    interval = sys.getswitchinterval()
    found = in_processes(_doubled, [(1,), (2,)], 2)
    assert found in ([2, 4], None)  # (None: no processes here)
    assert sys.getswitchinterval() == interval
