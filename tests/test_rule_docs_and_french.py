"""Every rule is documented and translated; docs/rules.md is generated from the metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_helpers import run_cli, run_installed, write_space
from linter.report.i18n import TEXTS, language_from_environment
from linter.report.rules_doc import missing_sections, rules_markdown
from linter.rules import all_rules
from linter.rules.base import Rule
from linter.words import LANGUAGES

DOCS = Path(__file__).resolve().parents[1] / "docs"
GENERATED = {"rules.md": "en", "rules.fr.md": "fr"}


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.id)
def test_every_message_has_english_and_french(rule: Rule) -> None:
    for key, texts in rule.messages.items():
        missing = [lang for lang in LANGUAGES if not (texts.get(lang) or "").strip()]
        assert not missing, f"{rule.id} message {key!r} has no {missing} text"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.id)
def test_every_rule_has_what_why_bad_good_in_both_languages(rule: Rule) -> None:
    assert rule.doc_fr, f"{rule.id} has no DOC_FR"
    assert missing_sections(rule) == [], f"{rule.id} docs lack {missing_sections(rule)}"


def test_every_command_line_text_has_both_languages() -> None:
    for key, texts in TEXTS.items():
        assert set(texts) >= set(LANGUAGES), key


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_docs_rules_md_is_up_to_date(name: str) -> None:
    expected = rules_markdown(GENERATED[name])
    current = (DOCS / name).read_text(encoding="utf-8") if (DOCS / name).is_file() else ""
    assert current == expected, (
        f"docs/{name} is out of date: run `gitbook-lint rules --markdown"
        f"{' --lang fr' if GENERATED[name] == 'fr' else ''} > docs/{name}`"
    )


def test_explain_in_french_by_option_and_by_environment(tmp_path: Path) -> None:
    english = run_cli(["explain", "unclosed-block"], tmp_path)
    assert "What" in english.stdout and "never closed" in english.stdout
    french = run_cli(["explain", "GB021", "--lang", "fr"], tmp_path)
    assert "Quoi" in french.stdout and "Pourquoi" in french.stdout
    from_env = run_cli(["explain", "GB021"], tmp_path, env={"LANG": "fr_FR.UTF-8"})
    assert from_env.stdout == french.stdout
    unknown = run_cli(["explain", "GB21"], tmp_path, env={"LANG": "fr_FR.UTF-8"})
    assert unknown.exit_code == 2 and "aucune règle" in unknown.stderr and "'GB021'" in unknown.stderr


def test_check_in_french_from_lang_the_config_and_the_option(tmp_path: Path) -> None:
    write_space(tmp_path / "space")
    by_env = run_installed(["space"], tmp_path, env={"LANG": "fr_FR.UTF-8"})
    assert "n'est jamais fermé" in by_env.stdout and "pages vérifiées" in by_env.stderr
    (tmp_path / ".gitbook-lint.yaml").write_text("lang: fr\n", encoding="utf-8")
    by_config = run_installed(["space"], tmp_path)
    assert "n'est jamais fermé" in by_config.stdout
    by_option = run_installed(["space", "--lang", "en"], tmp_path, env={"LANG": "fr_FR.UTF-8"})
    assert "is never closed" in by_option.stdout and "pages checked" in by_option.stderr


def test_language_from_environment_order() -> None:
    assert language_from_environment({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert language_from_environment({"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}) == "en"
    assert language_from_environment({"LANG": "de_DE.UTF-8"}) is None
    assert language_from_environment({}) is None


def test_rules_list_in_french(tmp_path: Path) -> None:
    result = run_cli(["rules", "--lang", "fr"], tmp_path)
    assert "n'est jamais fermé" in result.stdout or "jamais fermé" in result.stdout


def test_click_usage_errors_follow_the_language(tmp_path: Path) -> None:
    french = run_cli(["--format", "yaml"], tmp_path, env={"LANG": "fr_FR.UTF-8"})
    assert french.exit_code == 2 and "erreur d'utilisation" in french.stderr and "--help" in french.stderr
    english = run_cli(["--nope", "--lang", "en"], tmp_path, env={"LANG": "fr_FR.UTF-8"})
    assert english.exit_code == 2 and "usage error" in english.stderr


def test_french_docs_reuse_the_english_examples_only_where_left_empty() -> None:
    from linter.rules.base import with_shared_examples

    english = "Résumé.\n\nWhat\n: x\n\nBad\n```md\nA\n```\n\nGood\n```md\nB\n```"
    french = "Résumé.\n\nQuoi\n: x\n\nMauvais\n\nBon\n```md\nB en français\n```"
    assert with_shared_examples(french, english).endswith("Mauvais\n```md\nA\n```\n\nBon\n```md\nB en français\n```")
