"""Hostile spaces: nothing outside the space is read, no output can be hijacked, clean failures.

Each test reproduces a defect found by attacking the tool as a CI job on a stranger's pull
request would run it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cli_helpers import run_cli, write_space
from linter import Settings, lint_paths
from linter.report import FORMATTERS, ReportContext

SECRET = "SECRET_TOKEN=hunter2"


def _secret_file(tmp_path: Path, name: str = "secret.txt") -> Path:
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    secret = outside / name
    secret.write_text(f"{SECRET}\nfoo: [\n# {SECRET}\n[x](nowhere.md)\n", encoding="utf-8")
    return secret


@pytest.mark.parametrize(
    "link",
    [".gitbook.yaml", "SUMMARY.md", "page.md", ".gitbook/includes/block.md", ".gitbook/assets/image.png", "folder"],
)
def test_a_link_out_of_the_space_is_a_finding_naming_it_and_never_read(tmp_path: Path, link: str) -> None:
    secret = _secret_file(tmp_path)
    linked = f"{link}/secret.txt" if link == "folder" else link
    space = write_space(tmp_path / "space", {"README.md": f"# Accueil\n\n[P]({linked})\n"})
    target = secret.parent if link == "folder" else secret
    (space / link).parent.mkdir(parents=True, exist_ok=True)
    if (space / link).exists():
        (space / link).unlink()
    (space / link).symlink_to(target)
    result = run_cli([str(space), "--no-color"], cwd=tmp_path)
    assert SECRET not in result.output and "foo: [" not in result.output
    flagged = [line for line in result.output.splitlines() if " GB003 link" in line and not line.startswith(" ")]
    assert len(flagged) == 1 and flagged[0].startswith(f"space/{link}:1:1:"), result.output
    # a link to the refused file is neither found nor missing: the one finding is about the link
    assert "GB101" not in result.output and "GB103" not in result.output and "GB313" not in result.output


def test_a_link_inside_the_space_is_read_as_usual(tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n\n[P](page.md)\n", "real.md": "# Vrai\n"})
    (space / "page.md").symlink_to("real.md")
    result = run_cli([str(space), "--no-color"], cwd=tmp_path)
    assert "GB003" not in result.output and "GB101" not in result.output


def test_a_symbolic_link_loop_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n\n![x](x.png)\n"})
    (space / "x.png").symlink_to("x.png")
    result = run_cli([str(space), "--no-color"], cwd=tmp_path)
    assert "space/x.png:1:1: GB003 link-outside-space" in result.output and "loops" in result.output


HOSTILE_PAGE = (
    "# Accueil\n\n"
    "[a](%0A::error%20file=a.md::pwned.md) [b](%1B[2J.md) [c](%1B]52;c;cHduZWQ=%07.md)\n"
    "[d](x%E2%80%A8y.md) [e](\x1b[31mred.md) [f](\u202eevil.md)\n"
)


def _hostile_space(tmp_path: Path) -> Path:
    return write_space(tmp_path / "space", {"README.md": HOSTILE_PAGE})


@pytest.mark.parametrize("output_format", sorted(FORMATTERS))
def test_no_output_format_carries_a_control_or_line_breaking_character(tmp_path: Path, output_format: str) -> None:
    space = _hostile_space(tmp_path)
    result = run_cli([str(space), "--no-color", "--format", output_format], cwd=tmp_path)
    assert "GB101" in result.output
    for forbidden in ("\x1b", "\x07", "\u2028", "\u202e"):
        assert forbidden not in result.output, (output_format, forbidden)
    lines = result.output.splitlines()
    # no line a CI runner would take as a workflow command, except the github format's own
    assert not any(line.startswith("::") for line in lines if output_format != "github")
    if output_format == "github":
        assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_text_output_escapes_what_it_shows_even_piped(tmp_path: Path) -> None:
    from cli_helpers import run_installed

    space = _hostile_space(tmp_path)
    result = run_installed([str(space)], cwd=tmp_path)  # stdout is a pipe: no colour asked
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert "\\x0a::error file=a.md::pwned.md" in result.stdout
    assert "\\x1b[31mred.md" in result.stdout  # the excerpt line too
    assert not any(line.startswith("::") for line in result.stdout.splitlines())


NON_UTF8_NAME = os.fsdecode(b"b\xff.md")


def _space_with_a_non_utf8_name(tmp_path: Path) -> Path:
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n"}, listed=["README.md"])
    (space / NON_UTF8_NAME).write_bytes(b"# B\n\n[x](\x1b[2J\x07nowhere.md)\n{% hint %}\n")
    return space


@pytest.mark.parametrize("output_format", sorted(FORMATTERS))
def test_every_format_stays_valid_with_a_non_utf8_file_name(tmp_path: Path, output_format: str) -> None:
    space = _space_with_a_non_utf8_name(tmp_path)
    findings = lint_paths([str(space)], Settings()).findings
    assert any(NON_UTF8_NAME in finding.path for finding in findings)
    report = FORMATTERS[output_format](findings, ReportContext())
    report.encode("utf-8")  # no lone surrogate left: the report can be written as UTF-8
    assert "\x1b" not in report and "\x07" not in report
    if output_format in ("json", "sarif", "gitlab"):
        json.loads(report)
    if output_format == "junit":
        from xml.etree import ElementTree

        ElementTree.fromstring(report.encode("utf-8"))
    if output_format == "sarif":
        uris = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in json.loads(report)["runs"][0]["results"]}
        assert any(uri.endswith("b%FF.md") for uri in uris), uris
    else:  # the byte written as an escape (itself escaped once more inside a JSON string)
        assert "b\\xff.md" in report or "b\\\\xff.md" in report


def test_the_cli_reports_a_non_utf8_file_name_without_crashing(tmp_path: Path) -> None:
    space = _space_with_a_non_utf8_name(tmp_path)
    for output_format in sorted(FORMATTERS):
        result = run_cli([str(space), "--format", output_format], cwd=tmp_path)
        assert result.exit_code == 1, (output_format, result.output)


# -- YAML: duplicate keys, alias expansions ------------------------------------------------------


def test_five_thousand_plain_redirects_are_no_alias_bomb(tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n"})
    redirects = "".join(f"  ancien/page-{number}: README.md\n" for number in range(5000))
    (space / ".gitbook.yaml").write_text("redirects:\n" + redirects, encoding="utf-8")
    findings = lint_paths([str(space)], Settings(select=["GB320", "GB321"])).findings
    assert findings == []


def test_an_alias_bomb_in_gitbook_yaml_is_still_refused(tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n"})
    levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    levels += [f"{name}: &{name} [{','.join([f'*{previous}'] * 10)}]" for previous, name in zip("abcde", "bcdef", strict=True)]
    (space / ".gitbook.yaml").write_text("\n".join(levels) + "\n", encoding="utf-8")
    findings = lint_paths([str(space)], Settings(select=["GB320"])).findings
    assert [finding.rule_id for finding in findings] == ["GB320"] and "aliases" in findings[0].message


# -- hostile sizes ----------------------------------------------------------------------------


def test_a_page_past_the_size_limit_is_reported_once_and_not_parsed(tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n", "gros.md": "# Gros\n\n{% hint %}\n" + "texte " * 400})
    findings = lint_paths([str(space)], Settings(max_page_size=1000)).findings
    on_page = [finding for finding in findings if finding.path.endswith("gros.md")]
    assert [(finding.rule_id, finding.line) for finding in on_page] == [("GB001", 1)]
    assert "max-page-size" in on_page[0].message and "1,000" in on_page[0].message
    # the same page under the limit is read (its unclosed hint is found)
    assert any(f.rule_id == "GB021" for f in lint_paths([str(space)], Settings()).findings)


def test_the_page_size_limit_is_configurable(tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n\n" + "texte " * 400})
    (tmp_path / ".gitbook-lint.yaml").write_text("max-page-size: 1000\n", encoding="utf-8")
    result = run_cli([str(space), "--no-color"], cwd=tmp_path)
    assert "README.md:1:1: GB001 unreadable-file" in result.output


def test_suppression_regions_are_computed_once_per_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter import suppress

    calls = []
    real = suppress.regions
    monkeypatch.setattr(suppress, "regions", lambda page: calls.append(page.path) or real(page))
    page = "# T\n\n" + "<!-- gitbook-lint-disable-next-line GB201 -->\n[x](#nowhere)\n\n" * 200 + "[y](#nowhere)\n"
    space = write_space(tmp_path / "space", {"README.md": page})
    findings = lint_paths([str(space)], Settings(select=["GB201", "GB902"])).findings
    assert [(finding.rule_id, finding.line) for finding in findings] == [("GB201", 603)]
    assert calls.count("README.md") == 1


def test_end_tags_matching_no_opener_do_not_rescan_the_stack(monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.model.page import Page

    visited = []

    class CountingList(list):
        def __reversed__(self):  # noqa: ANN204
            for entry in super().__reversed__():
                visited.append(entry)
                yield entry

    from linter.parse import gitbook_blocks

    real_close = gitbook_blocks._close
    monkeypatch.setattr(gitbook_blocks, "_close", lambda token, name, stack, *rest: real_close(token, name, CountingList(stack), *rest))
    count = 2000
    page = Page.from_text("p.md", "# T\n\n" + '{% hint style="info" %}\n' * count + "{% endtabs %}\n" * count)
    assert len(list(page.block_problems)) >= count
    assert len(visited) <= 4 * count  # linear: not count × count


# -- clean failures ---------------------------------------------------------------------------


def test_a_lone_file_outside_any_space_does_not_walk_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.model import site as site_module

    walked = []
    real_scandir = os.scandir
    monkeypatch.setattr(site_module.os, "scandir", lambda top: walked.append(top) or real_scandir(top))
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "notes.md").write_text("# Notes\n\n[ailleurs](ailleurs.md)\n{% hint %}\n", encoding="utf-8")
    (folder / "other.md").write_text("# Other {% hint %}\n", encoding="utf-8")
    result = run_cli([str(folder / "notes.md"), "--no-color"], cwd=tmp_path)
    assert walked == []
    assert "GB021" in result.output and "other.md" not in result.output
    assert "GB101" not in result.output  # its links to files never read are not judged


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_dev_null_is_read_alone(tmp_path: Path) -> None:
    result = run_cli(["/dev/null"], cwd=tmp_path)
    assert result.exit_code == 0 and "0 pages checked" in result.output


def test_an_unreadable_folder_is_reported_once_and_links_into_it_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.model import site as site_module

    real_scandir = os.scandir

    def scandir(path):  # noqa: ANN001, ANN202 - os.scandir's shape
        if Path(path).name == "ferme":  # root ignores permissions: fail the listing itself
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(site_module.os, "scandir", scandir)
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n\n[a](ferme/a.md) [b](ferme/b.md)\n", "ferme/a.md": "# A\n"})
    result = run_cli([str(space), "--no-color"], cwd=tmp_path)
    assert result.output.count("cannot read the folder space/ferme/") == 1
    assert "GB101" not in result.output


def test_an_unwritable_stdout_ends_with_a_message_and_its_own_code(tmp_path: Path) -> None:

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    space = write_space(tmp_path / "space")
    with open("/dev/full", "w") as full:  # noqa: PTH123 - a device
        import subprocess
        import sys

        command = Path(sys.executable).with_name("gitbook-lint")
        done = subprocess.run([str(command), str(space)], stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and "No space left on device" in done.stderr


def test_a_rule_that_crashes_makes_the_run_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.rules import gb021_unclosed_block

    def crash(page, kind):  # noqa: ANN001, ANN202 - the helper's shape
        raise ValueError("boom")

    monkeypatch.setattr(gb021_unclosed_block, "problems_of_kind", crash)
    space = write_space(tmp_path / "space")
    result = run_cli([str(space)], cwd=tmp_path)
    assert result.exit_code == 3 and "GB000" in result.output


def test_an_internal_error_outside_the_rules_exits_3_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter import run as run_module

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise KeyError("a bug")

    monkeypatch.setattr(run_module, "lint_paths", broken)
    space = write_space(tmp_path / "space")
    result = run_cli([str(space)], cwd=tmp_path)
    assert result.exit_code == 3 and "internal error: KeyError" in result.output


def test_a_configuration_file_linked_outside_the_repository_is_refused_not_read(tmp_path: Path) -> None:
    secret = _secret_file(tmp_path)
    repository = tmp_path / "depot"
    (repository / ".git").mkdir(parents=True)
    space = write_space(repository / "docs")
    (repository / ".gitbook-lint.yaml").symlink_to(secret)
    result = run_cli([str(space)], cwd=repository)
    assert result.exit_code == 2 and "leads outside the repository" in result.output
    assert SECRET not in result.output and "outside/secret.txt" not in result.output


def test_a_gitignore_linked_outside_the_repository_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "patterns").write_text("*.md\n", encoding="utf-8")  # would leave every page out
    repository = tmp_path / "depot"
    (repository / ".git").mkdir(parents=True)
    space = write_space(repository / "docs")
    (repository / ".gitignore").symlink_to(outside / "patterns")
    findings = lint_paths([str(space)], Settings()).findings
    assert any(finding.rule_id == "GB021" for finding in findings)


def test_dump_does_not_read_a_page_linked_out_of_the_space(tmp_path: Path) -> None:
    secret = _secret_file(tmp_path, "secret.md")
    space = write_space(tmp_path / "space")
    (space / "page.md").symlink_to(secret)
    result = run_cli(["dump", str(space / "page.md")], cwd=tmp_path)
    assert result.exit_code == 2 and "leads outside the space" in result.output
    assert SECRET not in result.output
    assert '"path": "README.md"' in run_cli(["dump", str(space / "README.md")], cwd=tmp_path).output


def test_a_finding_is_made_printable_field_by_field() -> None:
    from linter.finding import Finding
    from linter.report.escape import printable_finding

    clean = Finding("a.md", 1, 1, "GB101", "link-target-missing", "error", "missing `b.md`", "write `c.md`")
    assert printable_finding(clean) is clean
    hostile = Finding("a\x1b.md", 1, 1, "GB101", "link-target-missing", "error", "missing `b\u202e.md`", None)
    shown = printable_finding(hostile)
    assert (shown.path, shown.message, shown.fix) == ("a\\x1b.md", "missing `b\\u202e.md`", None)
    assert (shown.line, shown.rule_id, shown.severity) == (1, "GB101", "error")


def test_the_scan_takes_a_status_of_the_links_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.model import site as site_module
    from linter.model.site import Site

    space = write_space(tmp_path / "space", {"README.md": "# A\n", "guide/b.md": "# B\n", "guide/deep/c.md": "# C\n"})
    (space / "lien.md").symlink_to(space / "README.md")
    (space / "dehors.md").symlink_to(tmp_path / "ailleurs.md")
    (tmp_path / "ailleurs.md").write_text("# Ailleurs\n", encoding="utf-8")
    (space / "dossier").symlink_to(space / "guide", target_is_directory=True)
    asked: list[str] = []
    real = site_module.classify_entry
    monkeypatch.setattr(site_module, "classify_entry", lambda root, path: (asked.append(os.path.basename(path)), real(root, path))[1])
    site = Site.load(space)
    assert sorted(asked) == ["dehors.md", "dossier", "lien.md"]  # not the plain files and folders
    assert site.files == ["README.md", "SUMMARY.md", "guide/b.md", "guide/deep/c.md", "lien.md"] and site.directories == {"guide", "guide/deep"}
    assert site.refused == {"dehors.md": "outside-link"} and site.skipped == [("dossier", "symbolic link to a folder")]
