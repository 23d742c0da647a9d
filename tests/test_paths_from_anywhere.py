"""Where the command runs from and what it is given: paths a user can click, the right space."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import run_cli, write_space

LINKED = "# Guide\n\nVoir [l'accueil](../README.md#absent) et [la page](autre.md).\n"


def test_a_subfolder_of_a_space_is_linted_as_part_of_that_space(tmp_path: Path) -> None:
    # links that climb out of the subfolder are not "above the root": the space is the parent
    write_space(tmp_path, {"README.md": "# Accueil\n", "guides/guide.md": LINKED, "guides/autre.md": "# Autre\n"})
    for cwd, args in ((tmp_path / "guides", []), (tmp_path, ["guides"])):
        result = run_cli(args, cwd)
        assert "GB106" not in result.output
        assert "GB201" in result.output
        assert result.exit_code == 0


def test_a_subfolder_reports_on_its_files_only(tmp_path: Path) -> None:
    write_space(tmp_path, {"README.md": "# Accueil\n\n[x](nulle.md)\n", "guides/guide.md": "# Guide\n"})
    assert run_cli(["guides"], tmp_path).exit_code == 0
    assert run_cli([], tmp_path).exit_code == 1


def test_paths_outside_the_current_folder_are_absolute(tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n\n[x](nulle.md)\n"})
    result = run_cli([str(space), "--format", "github"], Path("/usr"))  # shares only `/`
    assert f"file={space.as_posix()}/README.md," in result.output
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    assert "file=../space/README.md," in run_cli([str(space), "--format", "github"], elsewhere).output


def test_the_root_folder_of_a_gitbook_yaml_is_that_whole_space(tmp_path: Path) -> None:
    # `root: docs/`: run inside docs/ (or naming it), the redirects of ../.gitbook.yaml are checked
    write_space(tmp_path / "docs", {"README.md": "# Accueil\n"})
    (tmp_path / ".gitbook.yaml").write_text("root: docs/\nredirects:\n  vieux: nulle.md\n", encoding="utf-8")
    assert "../.gitbook.yaml:3:3: GB321" in run_cli([], tmp_path / "docs").output
    assert ".gitbook.yaml:3:3: GB321" in run_cli(["docs"], tmp_path).output


def test_text_findings_in_gitbook_yaml_show_the_line(tmp_path: Path) -> None:
    write_space(tmp_path, {"README.md": "# Accueil\n"})
    (tmp_path / ".gitbook.yaml").write_text("redirects:\n  vieux: nulle.md\n", encoding="utf-8")
    assert ".gitbook.yaml:2:3: GB321" in (output := run_cli([], tmp_path).output)
    assert "    2 |   vieux: nulle.md\n      |   ^\n" in output


def test_a_folder_with_its_own_summary_beside_a_configured_space_is_its_own_space(tmp_path: Path) -> None:
    write_space(tmp_path / "docs", {"README.md": "# Accueil\n"})
    (tmp_path / ".gitbook.yaml").write_text("root: docs/\n", encoding="utf-8")
    write_space(tmp_path / "manuel", {"README.md": "# Manuel\n\n[x](nulle.md)\n"})
    result = run_cli(["manuel"], tmp_path)
    assert "manuel/README.md:3:" in result.output and result.exit_code == 1
    assert "manuel/README.md:3:" in run_cli(["manuel/README.md"], tmp_path).output


def test_a_repository_folder_holding_spaces_lints_each_space(tmp_path: Path) -> None:
    # `gitbook-lint .` at the top: docs/ and manuel/ are two spaces; the repository's own
    # README.md is no page of either
    write_space(tmp_path / "docs", {"README.md": "# Docs\n\n[x](nulle.md)\n", "guide/a.md": "# A\n\n[d](../README.md)\n"})
    write_space(tmp_path / "manuel", {"README.md": "# Manuel\n"})
    (tmp_path / "README.md").write_text("# Dépôt\n\n[x](absente.md)\n", encoding="utf-8")
    output = run_cli(["."], tmp_path).output
    assert "docs/README.md:3:" in output
    assert "GB106" not in output and "\nREADME.md" not in output and not output.startswith("README.md")


SITE_CONFIG = """site:
  structure:
    - type: section
      key: docs
      children:
        - {type: space, key: en, content: {directory: ./docs/en}}
        - {type: space, key: api, content: {directory: /docs/en/api}}
"""


def _site_repository(top: Path) -> Path:
    """A site-wide repository: gitbook-docs.yaml maps docs/en and, inside it, docs/en/api."""
    (top / ".git").mkdir()
    (top / "gitbook-docs.yaml").write_text(SITE_CONFIG, encoding="utf-8")
    (top / ".gitbook.yaml").write_text("", encoding="utf-8")
    (top / "AGENTS.md").write_text("# Outils\n\n[x](absente.md)\n", encoding="utf-8")
    write_space(top / "docs" / "en", {"README.md": "# Docs\n\n[API](api/README.md)\n"})
    write_space(top / "docs" / "en" / "api", {"README.md": "# API\n\n[x](nulle.md)\n"})
    return top


def test_each_folder_a_site_configuration_maps_is_a_space(tmp_path: Path) -> None:
    # `/docs/en/api` is read from the repository's top; the api space is not part of en (en's
    # link into it is a link to another space's file, as for GitBook), and AGENTS.md is no page
    top = _site_repository(tmp_path)
    for args, cwd in (([], top), (["."], top), (["docs"], top)):
        output = run_cli(args, cwd).output
        assert "api/README.md:3:" in output, (args, output)
        assert "AGENTS.md" not in output and "GB315" not in output
        assert "2 pages checked" in output  # the README.md of each space (a SUMMARY.md is no page)
    assert run_cli(["AGENTS.md"], top).exit_code == 0  # named, or passed by a hook: skipped
    assert "1 page checked:" in run_cli(["en"], top / "docs").output  # en alone, without api


def test_the_site_configuration_named_by_a_hook_is_checked(tmp_path: Path) -> None:
    top = _site_repository(tmp_path)
    (top / "gitbook-docs.yaml").write_text(SITE_CONFIG.replace("key: docs", "kee: docs"), encoding="utf-8")
    output = run_cli(["gitbook-docs.yaml"], top).output
    assert "gitbook-docs.yaml:4:7: GB426" in output and "README.md" not in output
    assert "GB426" not in run_cli(["docs/en/README.md"], top).output  # a page: its own findings only
