"""Page rules run as each page is read (`engine.EarlyPageRules`), while other processes still parse
the pages after it: the findings are those of the page rules run once the whole site is read."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from linter import engine
from linter.engine import EarlyPageRules, lint_site
from linter.finding import Finding
from linter.model import site as site_module
from linter.model.page import Page
from linter.model.site import Site, parse_pages
from linter.rules import all_rules
from linter.rules.base import Context, Rule
from linter.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "spaces"
PAGES = {
    "README.md": "---\ndescription: 3\nhidden: oui\n---\n\n# Accueil\n\nVoir [la suite](suite.md#absente) et [rien](rien.md).\n",
    "suite.md": "# Suite\n\nÉcrire à contact@exemple ou à <equipe@exemple.fr>.\n\n{% hint style=\"bleu\" %}\nNote\n{% endhint %}\n",
    "autre.md": "# Autre\n\n{% tabs %}\n{% tab title=\"Un\" %}\nTexte\n{% endtab %}\n",
    "SUMMARY.md": "# Table\n\n* [Accueil](README.md)\n* [Suite](suite.md)\n* [Manque](manque.md)\n",
}


@pytest.fixture
def in_processes_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every space parsed by two processes, two pages at a time, however few pages it has."""
    monkeypatch.setattr(site_module, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(site_module, "CHUNK", 2)


def write(folder: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def findings_both_ways(folder: Path, settings: Settings, jobs: int) -> tuple[list, list, EarlyPageRules]:
    plain = lint_site(Site.load(folder, jobs=jobs), settings)
    early = EarlyPageRules(settings)
    site = Site.load(folder, jobs=jobs, hook=early)
    return plain, lint_site(site, settings, early=early), early


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_same_findings_as_page_rules_run_after_the_reading(tmp_path: Path, in_processes_always: None, jobs: int) -> None:
    plain, early_run, early = findings_both_ways(write(tmp_path, PAGES), Settings(), jobs)
    assert early_run == plain
    assert {finding.rule_id for finding in plain} >= {"GB101", "GB201", "GB401", "GB410", "GB502"}
    assert set(early.found) == set(PAGES)  # every page went through it, SUMMARY.md included


@pytest.mark.parametrize("space", sorted(path.name for path in FIXTURES.iterdir() if path.is_dir()))
def test_the_same_findings_on_every_fixture_space(space: str, in_processes_always: None) -> None:
    plain, early_run, _ = findings_both_ways(FIXTURES / space, Settings(), 2)
    assert early_run == plain


def test_rules_that_look_at_the_site_run_again_once_it_is_read(tmp_path: Path) -> None:
    early = EarlyPageRules(Settings())
    Site.load(write(tmp_path, PAGES), hook=early)
    readme = early.found["README.md"]
    assert {"GB101", "GB201"} <= readme.needs_site  # links and fragments are judged against the site
    assert "GB401" not in readme.needs_site and readme.findings["GB401"]  # front matter: the page alone


def test_other_settings_than_those_of_the_early_run_are_not_given_its_findings(tmp_path: Path) -> None:
    folder = write(tmp_path, PAGES)
    early = EarlyPageRules(Settings())
    site = Site.load(folder, hook=early)
    french = replace(Settings(), lang="fr")
    assert lint_site(site, french, early=early) == lint_site(Site.load(folder), french)


def test_settings_are_prepared_for_the_site_once_its_root_is_known(tmp_path: Path) -> None:
    roots: list[Path] = []

    def prepare(settings: Settings, site: Site) -> Settings:
        roots.append(site.root)
        return replace(settings, github_repository="exemple/docs")

    early = EarlyPageRules(Settings(), prepare)
    Site.load(write(tmp_path, PAGES), hook=early)
    assert roots == [tmp_path.resolve()]
    assert early.settings.github_repository == "exemple/docs"


def test_each_page_is_given_once_even_when_the_processes_fail_midway(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_processes_always: None
) -> None:
    names = [f"page-{number}.md" for number in range(6)]
    write(tmp_path, {name: f"# {name}\n" + "text\n" * number for number, name in enumerate(names)})
    sent: list[str] = []
    called: list[str] = []

    def fails_after_two(
        function: Callable[..., list[Page]], calls: list[tuple[Any, ...]], workers: int, each: Callable[[Page], None], **options: Any
    ) -> None:
        options["meanwhile"]()
        sent.extend(name for call in calls for name in call[1])
        for item in function(*calls[0]):  # the first chunk came back, then the pool broke
            each(item)

    monkeypatch.setattr(site_module, "in_processes", fails_after_two)
    given: list[Page] = []
    pages = parse_pages(tmp_path, names, 2, each=given.append, meanwhile=lambda: called.append("meanwhile"))
    assert sent == names[::-1]  # the largest pages go first
    assert [page.path for page in given] == names[::-1][:2] + names[:4]  # the first chunk, then the others here
    assert [page.path for page in pages] == names and called == ["meanwhile"]


def test_a_rule_that_needs_no_site_runs_once_per_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: dict[str, int] = {}

    def counted(rule: Rule) -> Rule:
        def check(model: Page, ctx: Context) -> Iterator[Finding]:
            calls[rule.id] = calls.get(rule.id, 0) + 1
            return rule.check(model, ctx)

        return replace(rule, check=check)

    rules = tuple(counted(rule) if rule.id in ("GB101", "GB401") else rule for rule in all_rules())
    monkeypatch.setattr(engine, "all_rules", lambda: rules)
    early = EarlyPageRules(Settings())
    site = Site.load(write(tmp_path, PAGES), hook=early)
    lint_site(site, Settings(), early=early)
    assert calls == {"GB401": len(PAGES), "GB101": 2 * len(PAGES)}  # GB101 again, once the site is read


def test_a_page_the_rules_ran_on_in_a_process_is_sent_back_as_parsed() -> None:
    import pickle

    from linter.model.site import as_parsed

    page = Page.from_text("suite.md", PAGES["suite.md"])
    before = pickle.dumps(page)
    found = as_parsed(page, EarlyPageRules(Settings()).alone)
    assert found.findings["GB502"]  # the rules ran: they read its emails, its outline, its blocks
    assert pickle.dumps(page) == before and not page.derived  # and what they derived on it is not sent


def test_the_processes_that_parse_run_the_rules_that_need_no_site(tmp_path: Path, in_processes_always: None) -> None:
    ran_here: list[str] = []
    early = EarlyPageRules(Settings())
    real_run = early.run
    early.run = lambda page: (ran_here.append(page.path), real_run(page))[0]  # type: ignore[method-assign]
    site = Site.load(write(tmp_path, PAGES), jobs=2, hook=early)
    assert ran_here == ["SUMMARY.md"] and set(early.found) == set(PAGES)  # the others: in the processes
    assert lint_site(site, Settings(), early=early) == lint_site(Site.load(tmp_path), Settings())


def test_the_enabled_site_rules_prepare_while_the_pages_are_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prepared: list[tuple[str, int]] = []

    def preparing(rule: Rule) -> Rule:
        return replace(rule, prepare=lambda site: prepared.append((rule.id, len(site.pages))))

    rules = tuple(preparing(rule) if rule.id in ("GB420", "GB421") else rule for rule in all_rules())
    monkeypatch.setattr(engine, "all_rules", lambda: rules)
    names = [f"page-{number}.md" for number in range(4)]
    folder = write(tmp_path, {**{name: f"# {name}\n" for name in names}, "SUMMARY.md": "# Table\n"})
    Site.load(folder, hook=EarlyPageRules(Settings(ignore=("GB421",))))
    # once, the ignored rule left out; without processes, after the pages
    assert prepared == [("GB420", len(names) + 1)]


def test_a_gitbook_yaml_not_proved_valid_has_its_validator_made_beforehand(tmp_path: Path) -> None:
    from linter.rules._schema import prepare_gitbook_yaml
    from linter.validation.schemas import shipped_validator

    shipped_validator.cache_clear()
    valid = write(tmp_path / "valid", {".gitbook.yaml": "root: ./\n", "README.md": "# A\n"})
    prepare_gitbook_yaml(Site.load(valid))
    assert shipped_validator.cache_info().currsize == 0  # proved valid: jsonschema spared
    wrong = write(tmp_path / "wrong", {".gitbook.yaml": "structure:\n  summary: 3\n", "README.md": "# A\n"})
    prepare_gitbook_yaml(Site.load(wrong))
    assert shipped_validator.cache_info().currsize == 1
