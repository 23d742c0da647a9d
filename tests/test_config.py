"""The configuration file: discovery, validation with helpful errors, and its effect on a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import BAD_PAGE, GOOD_PAGE, run_cli, write_space
from linter.config import ConfigError, config_schema, find_config, load_config
from linter.rules import all_rules
from linter.settings import Settings
from linter.spaces import PathFilter


def _pyproject(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text('[project]\nname = "docs"\n\n[tool.gitbook-lint]\n' + body, encoding="utf-8")
    return path


def test_found_upward_from_the_space(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    config = _pyproject(tmp_path, 'paths = ["docs"]\n')
    space = write_space(tmp_path / "docs" / "guide")
    assert find_config(space) == config
    assert find_config(space / "README.md") == config


def test_yaml_file_wins_in_the_same_folder(tmp_path: Path) -> None:
    _pyproject(tmp_path, "")
    yaml_file = tmp_path / ".gitbook-lint.yaml"
    yaml_file.write_text("ignore: [GB002]\n", encoding="utf-8")
    assert find_config(tmp_path) == yaml_file


def test_a_pyproject_without_the_table_is_not_a_config(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path) is None


def test_discovery_stops_at_the_repository_top(tmp_path: Path) -> None:
    _pyproject(tmp_path, "")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert find_config(tmp_path / "repo") is None


def test_unknown_key_names_the_closest_one_and_its_line(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, 'select = ["GB021"]\nignores = ["GB002"]\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "unknown key 'ignores'" in str(caught.value)
    assert "did you mean 'ignore'" in str(caught.value)
    assert caught.value.line == 6


def test_unknown_rule_names_the_closest_rule(tmp_path: Path) -> None:
    path = tmp_path / ".gitbook-lint.yaml"
    path.write_text("rules:\n  unclosed-blocks:\n    severity: warning\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "unknown rule 'unclosed-blocks'" in str(caught.value)
    assert "did you mean 'unclosed-block'" in str(caught.value)
    assert caught.value.line == 2


def test_unknown_selector_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / ".gitbook-lint.yaml"
    path.write_text("select:\n  - GB021\n  - stray-end-tags\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "stray-end-tags" in str(caught.value) and "'stray-end-tag'" in str(caught.value)
    assert caught.value.line == 3


def test_wrong_value_type_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / ".gitbook-lint.yaml"
    path.write_text("lang: de\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.line == 1 and "lang" in str(caught.value)


def test_invalid_toml_gives_its_line(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, "select = [\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "TOML" in str(caught.value)


def test_every_rules_options_are_in_the_schema() -> None:
    schema = config_schema()
    rules = schema["properties"]["rules"]["properties"]
    for rule in all_rules():
        for key in (rule.id, rule.name):
            assert key in rules
            assert set(rule.options_schema) <= set(rules[key]["properties"])
            assert "severity" in rules[key]["properties"]


def test_config_schema_command_prints_the_full_schema(tmp_path: Path) -> None:
    result = run_cli(["config-schema"], tmp_path)
    assert result.exit_code == 0
    assert "GB021" in json.loads(result.stdout)["properties"]["rules"]["properties"]


def test_config_error_exits_2_with_file_and_line(tmp_path: Path) -> None:
    write_space(tmp_path)
    (tmp_path / ".gitbook-lint.yaml").write_text("ignore: [GB002]\nsite-ulr: https://x.test\n", encoding="utf-8")
    result = run_cli([], tmp_path)
    assert result.exit_code == 2
    assert ".gitbook-lint.yaml:2:" in result.stderr and "'site-url'" in result.stderr


def test_severity_off_and_per_rule_severity(tmp_path: Path) -> None:
    write_space(tmp_path)
    config = tmp_path / ".gitbook-lint.yaml"
    config.write_text("rules:\n  unclosed-block:\n    severity: warning\n", encoding="utf-8")
    result = run_cli(["--format", "json"], tmp_path)
    assert result.exit_code == 0
    assert [f["severity"] for f in json.loads(result.stdout)] == ["warning"]
    config.write_text("rules:\n  GB021:\n    severity: 'off'\n", encoding="utf-8")
    assert json.loads(run_cli(["--format", "json"], tmp_path).stdout) == []


def test_select_and_ignore_by_tag_from_the_file_and_the_command_line(tmp_path: Path) -> None:
    write_space(tmp_path)
    (tmp_path / ".gitbook-lint.yaml").write_text("ignore: [blocks]\n", encoding="utf-8")
    assert run_cli(["--format", "json"], tmp_path).stdout.strip() == "[]"
    result = run_cli(["--format", "json", "--no-config", "--ignore", "GB02"], tmp_path)
    assert result.stdout.strip() == "[]"
    result = run_cli(["--format", "json", "--no-config", "--select", "unclosed-block"], tmp_path)
    assert [f["rule"] for f in json.loads(result.stdout)] == ["GB021"]


def test_unknown_selector_on_the_command_line_exits_2(tmp_path: Path) -> None:
    write_space(tmp_path)
    result = run_cli(["--select", "unclosed-blok"], tmp_path)
    assert result.exit_code == 2 and "'unclosed-block'" in result.stderr


def test_per_file_ignores_by_glob(tmp_path: Path) -> None:
    write_space(tmp_path / "content", {"README.md": GOOD_PAGE, "drafts/brouillon.md": BAD_PAGE, "guide.md": BAD_PAGE})
    (tmp_path / ".gitbook-lint.yaml").write_text(
        'paths: [content]\nper-file-ignores:\n  "drafts/**": [GB021]\n', encoding="utf-8"
    )
    found = json.loads(run_cli(["--format", "json"], tmp_path).stdout)
    assert [f["path"] for f in found] == ["content/guide.md"]


def test_exclude_and_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("content/generated/\n", encoding="utf-8")
    write_space(
        tmp_path / "content",
        {"README.md": GOOD_PAGE, "generated/a.md": BAD_PAGE, "old/b.md": BAD_PAGE, "guide.md": GOOD_PAGE},
        listed=["README.md", "guide.md"],
    )
    (tmp_path / ".gitbook-lint.yaml").write_text("paths: [content]\nexclude: [content/old/]\n", encoding="utf-8")
    result = run_cli(["--format", "json"], tmp_path)
    assert json.loads(result.stdout) == []
    (tmp_path / ".gitbook-lint.yaml").write_text("paths: [content]\nrespect-gitignore: false\n", encoding="utf-8")
    found = json.loads(run_cli(["--format", "json"], tmp_path).stdout)
    assert sorted(f["path"] for f in found if f["rule"] == "GB021") == ["content/generated/a.md", "content/old/b.md"]


def test_gitignore_negation_in_a_nested_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("*.tmp.md\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".gitignore").write_text("!keep.tmp.md\n", encoding="utf-8")
    check = PathFilter(tmp_path, Settings())
    assert check("a.tmp.md") and check("sub/b.tmp.md")
    assert not check("sub/keep.tmp.md") and not check("a.md")


def test_gitignore_files_at_every_depth_apply_from_their_own_folder(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("*.tmp.md\n/top.md\n", encoding="utf-8")
    (tmp_path / "a" / "b" / "c").mkdir(parents=True)
    (tmp_path / "a" / ".gitignore").write_text("!keep.tmp.md\n/b/top.md\n", encoding="utf-8")
    (tmp_path / "a" / "b" / "c" / ".gitignore").write_text("drop/\n*.md\n!keep.tmp.md\n", encoding="utf-8")
    check = PathFilter(tmp_path, Settings())
    ignored = ["top.md", "x.tmp.md", "a/b/top.md", "a/b/x.tmp.md", "a/b/c/drop/", "a/b/c/page.md", "a/b/c/d/page.md"]
    kept = ["a/top.md", "a/keep.tmp.md", "a/b/keep.tmp.md", "a/b/c/keep.tmp.md", "a/b/c/d/keep.tmp.md", "a/b/page.md", "a/b/c/page.png"]
    assert [path for path in ignored + kept if check(path)] == ignored


def test_a_space_named_explicitly_is_linted_even_inside_an_ignored_folder(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("out/\n*.tmp.md\n", encoding="utf-8")
    space = tmp_path / "out" / "space"
    space.mkdir(parents=True)
    check = PathFilter(space, Settings())
    assert not check("page.md")  # `out/` names the space's own folder: the user asked for it
    assert check("brouillon.tmp.md")  # patterns about files inside the space still apply


def test_settings_and_page_schemas_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / ".gitbook-lint.yaml").write_text(
        "site-url: https://docs.example.org\ngithub-repository: owner/docs\nlang: fr\n"
        "page-schemas:\n  'guides/**': schemas/guide.json\n",
        encoding="utf-8",
    )
    from linter.config import apply_config

    settings = apply_config(load_config(tmp_path / ".gitbook-lint.yaml"), Settings())
    assert settings.site_url == "https://docs.example.org"
    assert settings.github_repository == "owner/docs"
    assert settings.lang == "fr"
    assert settings.page_schemas == {"guides/**": str((tmp_path / "schemas/guide.json").resolve())}


def test_rule_options_reach_the_rule(tmp_path: Path) -> None:
    rule = next((r for r in all_rules() if r.options_schema), None)
    if rule is None:
        pytest.skip("no rule has options yet")
    name, schema = next(iter(rule.options_schema.items()))
    value = rule.defaults.get(name)
    (tmp_path / ".gitbook-lint.yaml").write_text(json.dumps({"rules": {rule.id: {name: value}}}), encoding="utf-8")
    from linter.config import apply_config

    settings = apply_config(load_config(tmp_path / ".gitbook-lint.yaml"), Settings())
    assert settings.options_for(rule)[name] == value


def test_paths_key_names_the_spaces_when_none_is_given(tmp_path: Path) -> None:
    write_space(tmp_path / "docs")
    _pyproject(tmp_path, 'paths = ["docs"]\n')
    result = run_cli(["--format", "json"], tmp_path)
    assert [f["path"] for f in json.loads(result.stdout)] == ["docs/guide.md"]


def test_explicit_config_option(tmp_path: Path) -> None:
    write_space(tmp_path / "space")
    other = tmp_path / "elsewhere.yaml"
    other.write_text("ignore: [GB021]\n", encoding="utf-8")
    assert run_cli(["space", "--config", str(other), "--format", "json"], tmp_path).stdout.strip() == "[]"
    missing = run_cli(["space", "--config", "nope.yaml"], tmp_path)
    assert missing.exit_code == 2


def test_the_examples_of_the_configuration_docs_are_valid() -> None:
    import re
    import textwrap

    from linter.config import toml_reader, validate_config

    root = Path(__file__).resolve().parents[1]
    text = (root / "docs" / "configuration.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(toml|yaml)\n(.*?)```", text, re.S)
    assert len(blocks) == 3
    readme = (root / "README.md").read_text(encoding="utf-8").split("## Use it in pre-commit / CI")[1]
    blocks += [("toml", textwrap.dedent(body)) for body in re.findall(r"```toml\n(.*?)```", readme, re.S)]
    assert len(blocks) == 4
    for kind, body in blocks:
        import yaml

        data = toml_reader().loads(body)["tool"]["gitbook-lint"] if kind == "toml" else yaml.safe_load(body)
        validate_config(data)


def test_invalid_yaml_configuration_is_one_line_at_the_unclosed_list(tmp_path: Path) -> None:
    write_space(tmp_path)
    (tmp_path / ".gitbook-lint.yaml").write_text("lang: fr\nselect: [GB101\n", encoding="utf-8")
    result = run_cli([], tmp_path)
    assert result.exit_code == 2
    message = result.output.strip()
    assert "\n" not in message and "<unicode string>" not in message
    assert ".gitbook-lint.yaml:2: " in message and "never closed" in message
