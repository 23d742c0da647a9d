"""Bad input never crashes: each gives a finding with file and line, and the run goes on."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Iterator

import pytest

from cli_helpers import write_files
from linter import Settings, lint_paths
from linter.finding import Finding
from linter.model import site as site_module

GOOD_PAGE_WITH_A_KNOWN_PROBLEM = "# Bonne page\n\n{% hint style=\"info\" %}\nJamais fermé.\n"


@pytest.fixture(autouse=True)
def bounded_time() -> Iterator[None]:
    """A hostile input must not hang the run: fail after 60 s instead of waiting forever."""

    def give_up(signum: int, frame: object) -> None:
        raise TimeoutError("the linter did not finish on a hostile input")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def lint_space(tmp_path: Path, name: str, data: bytes) -> list[Finding]:
    write_files(tmp_path, {"SUMMARY.md": "# Table of contents\n", "bonne.md": GOOD_PAGE_WITH_A_KNOWN_PROBLEM, name: data})
    findings = lint_paths([str(tmp_path)], Settings(select=["GB0"])).findings
    # the run went on: the other page's problem is still reported
    assert any(f.path.endswith("bonne.md") and f.rule_id == "GB021" for f in findings)
    return [f for f in findings if f.path.endswith(name)]


def only(findings: list[Finding]) -> tuple[str, int]:
    assert len(findings) == 1, findings
    return findings[0].rule_id, findings[0].line


def test_non_utf8_file(tmp_path: Path) -> None:
    findings = lint_space(tmp_path, "latin1.md", "# Titre\n\nUn caf\xe9.\n".encode("latin-1"))
    assert only(findings) == ("GB001", 3)
    assert "UTF-8" in findings[0].message


def test_binary_file_named_md(tmp_path: Path) -> None:
    findings = lint_space(tmp_path, "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert only(findings) == ("GB001", 1)
    assert "binary" in findings[0].message


def test_empty_file(tmp_path: Path) -> None:
    assert lint_space(tmp_path, "vide.md", b"") == []


def test_byte_order_mark_is_reported_and_front_matter_still_read(tmp_path: Path) -> None:
    findings = lint_space(tmp_path, "bom.md", b"\xef\xbb\xbf---\ndescription: ok\n---\n\n# Titre\n")
    assert only(findings) == ("GB002", 1)


def test_crlf_line_ends(tmp_path: Path) -> None:
    findings = lint_space(tmp_path, "crlf.md", b"---\r\ndescription: a: b\r\n---\r\n\r\n# T\r\n")
    assert only(findings) == ("GB010", 2)


def test_unterminated_front_matter(tmp_path: Path) -> None:
    findings = lint_space(tmp_path, "fm.md", b"---\ndescription: jamais ferme\n\n# Titre\n")
    assert only(findings) == ("GB010", 1)


def test_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[index]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines += ["---", "", "# Bombe", ""]
    findings = lint_space(tmp_path, "bombe.md", "\n".join(lines).encode())
    assert only(findings) == ("GB010", 2)
    assert "aliases" in findings[0].message


def test_yaml_python_tags_are_refused(tmp_path: Path) -> None:
    data = b"---\ndescription: !!python/object/apply:os.system ['touch pwned']\n---\n# T\n"
    findings = lint_space(tmp_path, "python.md", data)
    assert only(findings) == ("GB010", 2)
    assert not (tmp_path / "pwned").exists()


@pytest.mark.slow
def test_five_megabyte_page(tmp_path: Path) -> None:
    paragraph = "Un paragraphe de texte ordinaire avec un [lien](bonne.md) et du **gras**. " * 12 + "\n\n"
    data = ("# Très grande page\n\n" + paragraph * (5_000_000 // len(paragraph)) + "{% endhint %}\n").encode()
    assert len(data) >= 4_900_000
    findings = lint_space(tmp_path, "grande.md", data)
    assert only(findings)[0] == "GB023"
    assert findings[0].line == data.count(b"\n")


@pytest.mark.parametrize("marker", ["> ", "- ", "1. ", "* > "])
def test_ten_thousand_deep_nesting(tmp_path: Path, marker: str) -> None:
    data = ("# Profond\n\n" + marker * 10_000 + "profond\n\n{% endtab %}\n").encode()
    findings = lint_space(tmp_path, "profond.md", data)
    rules = {finding.rule_id: finding for finding in findings}
    # Either the page is read to the end (the stray end tag is found), or the linter says
    # where it had to stop reading: never a silent skip.
    assert "GB023" in rules or rules["GB001"].line == 3, findings


def test_unreadable_file_is_reported_and_does_not_stop_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Permissions cannot make a file unreadable for root (CI runs as root): fail the read itself.
    real_read = site_module.read_inside

    def read(root: Path, path: Path, limit: int | None = None) -> bytes:
        if path.name == "fermee.md":
            raise PermissionError(13, "Permission denied")
        return real_read(root, path, limit)

    monkeypatch.setattr(site_module, "read_inside", read)
    findings = lint_space(tmp_path, "fermee.md", b"# Fermee\n")
    assert only(findings) == ("GB001", 1)
    assert "Permission denied" in findings[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_called_md_is_reported_not_read(tmp_path: Path) -> None:
    # opening it would wait forever for a writer
    os.mkfifo(tmp_path / "tube.md")
    lint_space(tmp_path, "autre.md", b"# Autre\n")
    findings = lint_paths([str(tmp_path)], Settings(select=["GB001"])).findings
    assert [(f.path.rsplit("/", 1)[-1], f.rule_id) for f in findings] == [("tube.md", "GB001")]
    assert "named pipe" in findings[0].message


def test_a_dangling_symbolic_link_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "lien.md").symlink_to(tmp_path / "disparu.md")
    lint_space(tmp_path, "autre.md", b"# Autre\n")
    findings = lint_paths([str(tmp_path)], Settings(select=["GB001"])).findings
    assert [f.message for f in findings] == ["this is a symbolic link to a file that does not exist"]


def test_a_folder_that_cannot_be_read_is_named_not_skipped_silently(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # as root every folder can be read: the refusal is simulated where the space is walked
    from cli_helpers import run_cli
    from linter.model import site as site_module

    (tmp_path / "secret").mkdir()
    lint_space(tmp_path, "autre.md", b"# Autre\n")
    scandir = os.scandir

    def refusing_scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if str(path).endswith("secret"):
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(site_module.os, "scandir", refusing_scandir)
    result = run_cli([], tmp_path)
    assert "cannot read the folder secret/: its files were not checked" in result.output


def test_a_dangling_symbolic_link_named_on_the_command_line_is_linted(tmp_path: Path) -> None:
    # pre-commit may pass it: a GB001 finding (exit 1), not a usage error (exit 2)
    from cli_helpers import run_cli

    lint_space(tmp_path, "autre.md", b"# Autre\n")
    (tmp_path / "lien.md").symlink_to(tmp_path / "disparu.md")
    result = run_cli(["--select", "GB001", "lien.md"], tmp_path)
    assert result.exit_code == 1
    assert result.output.startswith("lien.md:1:1: GB001 unreadable-file this is a symbolic link")


def test_a_navigation_nested_twelve_levels_deep_is_read_to_the_end(tmp_path: Path) -> None:
    # Real SUMMARY.md files nest 9 levels and more; each level is a list and an item, so
    # CommonMark's preset limit (20) stopped reading them with a false GB001.
    items = "".join("  " * depth + f"* [Niveau {depth}](niveau-{depth}.md)\n" for depth in range(12))
    data = ("# Profond mais réel\n\n" + items + "\n{% endtab %}\n").encode()
    findings = lint_space(tmp_path, "profond.md", data)
    assert only(findings) == ("GB023", data.count(b"\n"))
