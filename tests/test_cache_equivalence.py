"""The cache never changes a finding: after random edits of a space, a run that reuses the cache
reports exactly what a run from scratch reports. And a damaged cache is only rebuilt."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from linter.finding import Finding
from linter.model.page import FACTS_DERIVED, Page
from linter.model.site import Site
from linter.rules.base import Rule
from linter.run import lint_paths
from linter.settings import Settings

WORDS = ("accueil", "guide", "équipe", "données", "accès", "budget", "outils", "contrat")


def page_text(rng: random.Random, title: str, others: list[str]) -> str:
    """A page with headings, links to other pages (some with fragments), an email, a hint."""
    lines = [f"# {title}", "", f"Écrire à {rng.choice(WORDS)}@exemple.fr ou voir le [guide](guide.md).", ""]
    for number in range(rng.randint(1, 3)):
        lines += [f"## {rng.choice(WORDS).capitalize()} {number}", ""]
        if others:
            target = rng.choice(others)
            fragment = rng.choice(["", f"#{rng.choice(WORDS)}-{number}", "#accueil"])
            lines += [f"Voir [{target}]({target}{fragment}).", ""]
    if rng.random() < 0.3:
        lines += ['{% hint style="info" %}', "Une note.", "{% endhint %}" if rng.random() < 0.7 else "", ""]
    if rng.random() < 0.2:
        lines += ["~~Ancienne règle~~", ""]
    return "\n".join(lines)


def pages_of(space: Path) -> list[str]:
    return sorted(p.relative_to(space).as_posix() for p in space.rglob("*.md") if p.name != "SUMMARY.md")


def write_summary(space: Path, rng: random.Random) -> None:
    listed = [page for page in pages_of(space) if rng.random() < 0.9]
    (space / "SUMMARY.md").write_text("# Sommaire\n\n" + "".join(f"* [{p}]({p})\n" for p in listed), encoding="utf-8")


def edit_once(space: Path, rng: random.Random, step: int) -> str:
    """One random edit of the kinds a documentation team makes; returns what it did."""
    pages = pages_of(space)
    kinds = ["add", "delete", "rename", "heading", "break-link", "fix-link", "prose", "config", "summary", "summary-title"]
    kind = rng.choice(kinds)
    if kind == "add" or len(pages) < 3:
        name = f"{rng.choice(WORDS)}-{step}.md"
        (space / name).write_text(page_text(rng, name[:-3].capitalize(), pages), encoding="utf-8")
    elif kind == "delete":
        (space / rng.choice([p for p in pages if p != "README.md"])).unlink()
    elif kind == "rename":
        old = rng.choice([p for p in pages if p != "README.md"])
        (space / old).rename(space / f"renomme-{step}.md")
    elif kind == "heading":
        page = space / rng.choice(pages)
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("## ", f"## {rng.choice(WORDS)} ", 1), encoding="utf-8")
    elif kind in ("break-link", "fix-link"):
        page = space / rng.choice(pages)
        target = "absente.md" if kind == "break-link" else rng.choice(pages)
        page.write_text(page.read_text(encoding="utf-8") + f"\nLien : [cible]({target}).\n", encoding="utf-8")
    elif kind == "prose":
        page = space / rng.choice(pages)
        page.write_text(page.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    elif kind == "config":
        redirect = f"ancien-{step}: {rng.choice(pages + ['nulle-part.md'])}\n"
        (space / ".gitbook.yaml").write_text("redirects:\n  " + redirect, encoding="utf-8")
    elif kind == "summary-title":  # SUMMARY.md's prose, which a site rule reads (GB310)
        summary = space / "SUMMARY.md"
        text = summary.read_text(encoding="utf-8")
        summary.write_text(text.removeprefix("# Sommaire\n\n") if text.startswith("# ") else "# Sommaire\n\n" + text, encoding="utf-8")
    else:
        write_summary(space, rng)
    return kind


def findings(space: Path, settings: Settings) -> list[Finding]:
    return lint_paths([str(space)], settings).findings


def test_warm_runs_equal_cold_runs_after_random_edits(tmp_path: Path) -> None:
    rng = random.Random(11)
    space = tmp_path / "space"
    space.mkdir()
    (space / "README.md").write_text(page_text(rng, "Accueil", []), encoding="utf-8")
    (space / "guide.md").write_text(page_text(rng, "Guide", ["README.md"]), encoding="utf-8")
    write_summary(space, rng)
    cache = tmp_path / "cache"
    selections = [None, ["all"], ["GB1", "GB2"]]
    done = []
    for step in range(24):
        done.append(edit_once(space, rng, step))
        select = selections[step % len(selections)]  # the configuration changes too
        lang = "fr" if step % 5 == 4 else "en"
        warm = findings(space, Settings(select=select, lang=lang, cache_dir=cache))
        cold = findings(space, Settings(select=select, lang=lang, cache=False))
        assert warm == cold, f"after {done}"
        if step % 2:  # dated in the past: the next run may take the whole run's findings as they are
            age(space, 100 - step)
            assert findings(space, Settings(select=select, lang=lang, cache_dir=cache)) == cold, f"after {done}"
            assert findings(space, Settings(select=select, lang=lang, cache_dir=cache)) == cold, f"after {done}"
    assert (cache / "pages").is_dir() and (cache / "runs").is_dir()  # the cache was used
    assert len(set(done)) >= 6  # the edits were varied


def test_a_damaged_or_foreign_cache_is_rebuilt(tmp_path: Path) -> None:
    space = tmp_path / "space"
    space.mkdir()
    (space / "README.md").write_text("# Accueil\n\nVoir [la suite](suite.md#absente).\n", encoding="utf-8")
    (space / "suite.md").write_text("# Suite\n\n{% hint %}\nJamais fermé.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    expected = findings(space, Settings(cache=False))
    assert expected and findings(space, Settings(cache_dir=cache)) == expected
    entries = list(cache.rglob("*.pickle"))
    assert entries
    for number, entry in enumerate(entries):
        data = entry.read_bytes()
        # truncated, garbage, or a valid pickle of something else
        entry.write_bytes([data[: len(data) // 2], b"\x80\x05garbage", b"\x80\x04N."][number % 3])
    assert findings(space, Settings(cache_dir=cache)) == expected
    assert findings(space, Settings(cache_dir=cache)) == expected  # and rebuilt


def age(space: Path, seconds: float) -> None:
    """Date every file `seconds` back: older than a run's walk, so its status is trusted."""
    when = time.time() - seconds
    for path in space.rglob("*"):
        os.utime(path, (when, when))


def _loads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The folders `Site.load` is called with from now on, in order: a run answered from the
    cache without loading the space adds none."""
    loads: list[object] = []
    real_load = Site.load

    def counted(*args: object, **kwargs: object) -> Site:
        loads.append(args[0])
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Site, "load", counted)
    return loads


def test_an_unchanged_space_is_answered_without_loading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    space = tmp_path / "space"
    space.mkdir()
    for name in ("README.md", "guide.md", "equipe.md"):
        (space / name).write_text(page_text(rng, name[:-3], ["README.md", "guide.md"]), encoding="utf-8")
    (space / ".gitbook.yaml").write_text("redirects:\n  ancien: guide.md\n", encoding="utf-8")
    write_summary(space, rng)
    age(space, 100)
    cache = tmp_path / "cache"
    loads = _loads(monkeypatch)
    expected = findings(space, Settings(cache=False))
    assert expected
    assert findings(space, Settings(cache_dir=cache)) == expected and len(loads) == 2
    assert findings(space, Settings(cache_dir=cache)) == expected and len(loads) == 2  # reused whole
    assert findings(space, Settings(cache_dir=cache, lang="fr")) != expected and len(loads) == 3  # another configuration

    guide = space / "guide.md"
    os.utime(guide, (time.time() - 50, time.time() - 50))  # touched: a new date, the same bytes
    assert findings(space, Settings(cache_dir=cache)) == expected and len(loads) == 3
    assert findings(space, Settings(cache_dir=cache)) == expected and len(loads) == 3

    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("guide.md", "guidx.md"), encoding="utf-8")  # same size, new bytes
    os.utime(guide, (time.time() - 40, time.time() - 40))
    cold = findings(space, Settings(cache=False))
    assert cold != expected
    assert findings(space, Settings(cache_dir=cache)) == cold and len(loads) == 5

    (space / "neuve.md").write_text("# Neuve\n\nVoir [absente](absente.md).\n", encoding="utf-8")  # written now
    cold = findings(space, Settings(cache=False))
    assert findings(space, Settings(cache_dir=cache)) == cold and len(loads) == 7
    # just written: its date is too recent to vouch for its bytes, which are hashed again
    assert findings(space, Settings(cache_dir=cache)) == cold and len(loads) == 7
    (space / "neuve.md").write_text("# Neuve\n\nVoir [absente](absentX.md).\n", encoding="utf-8")  # same size
    cold = findings(space, Settings(cache=False))
    assert findings(space, Settings(cache_dir=cache)) == cold and len(loads) == 9
    (space / "notes.txt").write_text("Pas une page.\n", encoding="utf-8")  # no page: its bytes are not hashed
    assert findings(space, Settings(cache_dir=cache)) == cold and len(loads) == 10
    assert findings(space, Settings(cache_dir=cache)) == cold and len(loads) == 11  # still too recent
    age(space, 30)
    assert findings(space, Settings(cache_dir=cache)) == cold and len(loads) == 12  # aged: every date changed
    assert findings(space, Settings(cache_dir=cache)) == cold and len(loads) == 12
    (space / ".gitbook.yaml").write_text("redirects:\n  ancien: equipe.md\n", encoding="utf-8")
    age(space, 20)
    cold = findings(space, Settings(cache=False))
    assert findings(space, Settings(cache_dir=cache)) == cold and len(loads) == 14


def _ran(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(rule id, page path or "site") of each rule the engine runs from now on."""
    from linter import engine

    ran: list[tuple[str, str]] = []
    real_run = engine._run

    def counted(rule: Rule, model: object, ctx: object) -> object:
        ran.append((rule.id, model.path if isinstance(model, Page) else "site"))  # type: ignore[attr-defined]
        return real_run(rule, model, ctx)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "_run", counted)
    return ran


def _facts_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages whose facts are read from now on: loaded from the cache, or parsed."""
    from linter.model import page_cache

    read: list[str] = []
    real_loader, real_parse = page_cache._facts_loader, Page.from_bytes

    def loader(site: Site, store: object, path: str, content: str) -> object:
        load = real_loader(site, store, path, content)  # type: ignore[arg-type]

        def counted() -> object:
            read.append(path)
            return load()

        return counted

    def parse(path: str, data: bytes) -> Page:
        read.append(path)
        return real_parse(path, data)

    monkeypatch.setattr(page_cache, "_facts_loader", loader)
    monkeypatch.setattr(Page, "from_bytes", parse)
    return read


def test_a_page_whose_facts_stay_is_the_only_one_read_then_its_new_ids_are_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    space = tmp_path / "space"
    space.mkdir()
    (space / "README.md").write_text("# Accueil\n\nVoir [la section](guide.md#la-section).\n", encoding="utf-8")
    (space / "guide.md").write_text("# Guide\n\n## La section\n\nDu texte.\n", encoding="utf-8")
    (space / "autre.md").write_text("# Autre\n\n<!-- gitbook-lint-disable-next-line GB101 -->\n[absent](absent.md)\n", encoding="utf-8")
    for number in range(5):
        (space / f"page-{number}.md").write_text(f"# Page {number}\n\nVoir [le guide](guide.md).\n", encoding="utf-8")
    (space / "SUMMARY.md").write_text("".join(f"* [{p}]({p})\n" for p in pages_of(space)), encoding="utf-8")  # no title: GB310
    age(space, 100)
    cache = tmp_path / "cache"
    cold = findings(space, Settings(cache=False))
    assert findings(space, Settings(cache_dir=cache)) == cold and any(f.rule_id == "GB310" for f in cold)
    ran, read = _ran(monkeypatch), _facts_read(monkeypatch)

    guide = space / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")  # prose only
    assert findings(space, Settings(cache=False)) == cold
    ran.clear()
    read.clear()
    assert findings(space, Settings(cache_dir=cache)) == cold
    # the other pages' findings are reused without their facts being read; the site rules too,
    # GB310 included (it read SUMMARY.md's prose, which did not change)
    assert read == ["guide.md"]
    assert {path for _, path in ran} == {"guide.md", "site"}
    assert {rule for rule, path in ran if path == "site"} <= {"GB902"}  # judges this run's suppressions

    guide.write_text(guide.read_text(encoding="utf-8").replace("## La section", "## Une section"), encoding="utf-8")
    cold = findings(space, Settings(cache=False))
    assert any(f.rule_id == "GB201" and f.path.endswith("README.md") for f in cold)  # README's link lost its heading
    ran.clear()
    assert findings(space, Settings(cache_dir=cache)) == cold
    assert ("GB201", "README.md") in ran  # the facts changed: the rules that read other pages run again

    summary = space / "SUMMARY.md"
    summary.write_text("# Sommaire\n\n" + summary.read_text(encoding="utf-8"), encoding="utf-8")  # its prose: GB310 again
    cold = findings(space, Settings(cache=False))
    ran.clear()
    assert findings(space, Settings(cache_dir=cache)) == cold and not any(f.rule_id == "GB310" for f in cold)
    assert ("GB310", "site") in ran


def test_the_facts_derived_values_read_no_prose() -> None:
    page = Page.from_text("a.md", "# Titre\n\n## Section\n\n<details><summary>Plus</summary>\n\nTexte.\n</details>\n\nNote[^1].\n\n[^1]: Une note.\n")
    expected = {name: getattr(page, name) for name in FACTS_DERIVED}
    for name in FACTS_DERIVED:
        del page.__dict__[name]

    def no_prose() -> dict[str, object]:
        raise AssertionError("a facts-derived value read the prose")

    page.set_prose_loader(no_prose)
    assert {name: getattr(page, name) for name in FACTS_DERIVED} == expected


def test_pages_parsed_in_processes_keep_their_facts_pickled_until_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.cache import PageStore
    from linter.engine import lint_site
    from linter.model import page_cache

    monkeypatch.setattr(page_cache, "PARALLEL_THRESHOLD", 2)  # these few pages go to the processes
    sent: list[str] = []
    real_in_processes = page_cache.in_processes

    def spied(work: object, calls: list[tuple[object, list[tuple[str, str]], object, object]], workers: int, *more: object, **options: object) -> object:
        sent.extend(name for call in calls for name, _ in call[1])
        return real_in_processes(work, calls, workers, *more, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(page_cache, "in_processes", spied)
    space = tmp_path / "space"
    space.mkdir()
    (space / "README.md").write_text("# Accueil\n\nVoir [la section](guide.md#absente).\n", encoding="utf-8")
    (space / "guide.md").write_text("# Guide\n\n## Section\n\n{% hint %}\nJamais fermé.\n", encoding="utf-8")
    (space / "autre.md").write_text("# Autre\n\n<!-- gitbook-lint-disable-next-line GB101 -->\n[absent](absent.md)\n", encoding="utf-8")
    (space / "SUMMARY.md").write_text("# Sommaire\n\n* [Guide](guide.md)\n* [Autre](autre.md)\n", encoding="utf-8")
    settings = Settings(cache_dir=tmp_path / "cache")
    site = Site.load(space, jobs=2, cache=PageStore(tmp_path / "cache"))
    # SUMMARY.md is parsed here, once: its nav tree needs the tokens a worker's page leaves behind.
    assert sorted(sent) == ["README.md", "autre.md", "guide.md"]
    assert site.summary is not None and [item.title for item in site.summary.items] == ["Guide", "Autre"]
    others = [page for path, page in site.pages.items() if path != site.summary_path]  # (its nav tree read its facts)
    assert all("_facts_loader" in vars(page) for page in others)  # back from the processes, not unpickled yet
    assert [comment.text for comment in site.pages["autre.md"].comments] == ["gitbook-lint-disable-next-line GB101"]
    assert "_facts_loader" in vars(site.pages["autre.md"])  # the suppression comments came beside the facts
    found = lint_site(site, settings)
    expected = lint_site(Site.load(space), Settings(cache=False))
    assert found == expected and {f.rule_id for f in found} >= {"GB201", "GB021"}


def test_a_space_whose_root_is_below_its_folder_keeps_its_pages_hashes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    space = tmp_path / "space"
    (space / "docs").mkdir(parents=True)
    (space / ".gitbook.yaml").write_text("root: docs/\n", encoding="utf-8")
    (space / "docs" / "README.md").write_text("# Accueil\n\nVoir [le guide](guide.md#absente).\n", encoding="utf-8")
    (space / "docs" / "guide.md").write_text("# Guide\n", encoding="utf-8")
    age(space, 100)
    loads = _loads(monkeypatch)
    cache = tmp_path / "cache"
    expected = findings(space, Settings(cache=False))
    assert expected and findings(space, Settings(cache_dir=cache)) == expected and len(loads) == 2
    guide = space / "docs" / "guide.md"
    os.utime(guide, (time.time() - 50, time.time() - 50))  # touched: its stored hash (under docs/) says unchanged
    assert findings(space, Settings(cache_dir=cache)) == expected and len(loads) == 2
