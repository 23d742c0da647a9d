"""`--fix` edits exactly what the finding saw, and only files it may replace."""

from __future__ import annotations

import os
import signal
import stat
import threading
from pathlib import Path

import pytest

from cli_helpers import run_cli, write_space
from linter import fix as fix_module
from linter.finding import Edit, Finding
from linter.fix import TEMP_SUFFIX, apply_fixes, split_lines

SECURE = "# Autre\n\nLe [site sûr](https://exemple.fr/b).\n"


def _fix(space: Path, *rules: str) -> str:
    result = run_cli([str(space), "--fix", "--select", ",".join(rules or ("GB502", "GB506")), "--no-color"], cwd=space.parent)
    return result.output


def test_lines_are_cut_where_the_parser_cuts_them() -> None:
    assert split_lines("a\u2028b\x0cc\x85d\r\ne\rf\ng") == ["a\u2028b\x0cc\x85d\r\n", "e\r", "f\n", "g"]


def test_a_line_separator_does_not_move_the_fix_into_a_code_fence(tmp_path: Path) -> None:
    page = (
        "# Essai\n\nUn texte\u2028avec un séparateur de ligne.\n\n"
        "```\nhttp://exemple.fr/code\n[x](http://exemple.fr/code)\n```\n\n"
        "Voir [le site](http://exemple.fr/a).\n"
    )
    space = write_space(tmp_path / "s", {"README.md": page, "autre.md": SECURE})
    _fix(space)
    text = (space / "README.md").read_text(encoding="utf-8")
    assert "[le site](https://exemple.fr/a)" in text
    assert "[x](http://exemple.fr/code)" in text and "\u2028" in text  # the fence is untouched


def test_a_link_after_an_html_entity_is_found_at_its_column_and_fixed(tmp_path: Path) -> None:
    space = write_space(tmp_path / "s", {"README.md": "# Essai\n\n*&#58;* [b](http://exemple.fr/h)\n", "autre.md": SECURE})
    result = run_cli([str(space), "--select", "GB506", "--format", "json"], cwd=tmp_path)
    assert '"column": 13' in result.output
    _fix(space)
    assert "[b](https://exemple.fr/h)" in (space / "README.md").read_text(encoding="utf-8")


def test_a_symbolic_link_to_a_page_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    space = write_space(tmp_path / "s", {"README.md": "# Accueil\n\n[v](vrai.md)\n", "autre.md": SECURE})
    (space / "vrai.md").write_text("# Vrai\n\n[site](http://exemple.fr/a)\n", encoding="utf-8")
    (space / "lien.md").symlink_to("vrai.md")
    _fix(space)
    assert (space / "lien.md").is_symlink()
    assert "(https://exemple.fr/a)" in (space / "vrai.md").read_text(encoding="utf-8")


def test_hard_linked_and_read_only_files_are_refused_not_replaced(tmp_path: Path) -> None:
    bad = "# P\n\n[site](http://exemple.fr/a)\n"
    space = write_space(tmp_path / "s", {"README.md": "# Accueil\n", "dur.md": bad, "lecture.md": bad, "autre.md": SECURE})
    os.link(space / "dur.md", tmp_path / "ailleurs.md")
    (space / "lecture.md").chmod(0o444)
    output = _fix(space)
    assert (space / "dur.md").read_text(encoding="utf-8") == bad and os.stat(space / "dur.md").st_nlink == 2
    assert (space / "lecture.md").read_text(encoding="utf-8") == bad
    assert stat.S_IMODE(os.stat(space / "lecture.md").st_mode) == 0o444
    assert "not fixed: s/dur.md: the file has several hard links" in output
    assert "not fixed: s/lecture.md: the file is read-only" in output


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing a file's owner needs root")
def test_a_file_owned_by_someone_else_keeps_its_owner(tmp_path: Path) -> None:
    bad = "# P\n\n[site](http://exemple.fr/a)\n"
    space = write_space(tmp_path / "s", {"README.md": "# Accueil\n", "autrui.md": bad, "autre.md": SECURE})
    os.chown(space / "autrui.md", 65534, 65534)
    output = _fix(space)
    assert os.stat(space / "autrui.md").st_uid == 65534
    assert (space / "autrui.md").read_text(encoding="utf-8") == bad
    assert "belongs to another user" in output


def test_no_fix_creates_a_duplicate_redirect_key(tmp_path: Path) -> None:
    space = write_space(tmp_path / "s", {"README.md": "# Accueil\n", "a.md": "# A\n", "b.md": "# B\n"})
    config = "redirects:\n  /ancien: a.md\n  ancien: b.md\n  /autre: a.md\n"
    (space / ".gitbook.yaml").write_text(config, encoding="utf-8")
    output = _fix(space, "GB322")
    assert (space / ".gitbook.yaml").read_text(encoding="utf-8") == "redirects:\n  /ancien: a.md\n  ancien: b.md\n  autre: a.md\n"
    assert "/ancien" in output  # still reported, for the user to choose


def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next_fix(tmp_path: Path) -> None:
    space = write_space(tmp_path / "s", {"README.md": "# Accueil\n"})
    stale = space / f".README.md.k1ll3d00{TEMP_SUFFIX}"
    stale.write_text("half", encoding="utf-8")
    look_alike = space / ".README.md.notes.tmp"  # not the tool's: left alone
    look_alike.write_text("mine", encoding="utf-8")
    _fix(space)
    assert not stale.exists() and look_alike.exists()


def test_sigterm_while_writing_removes_the_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "p.md"
    page.write_text("voir http://a.fr\n", encoding="utf-8")
    monkeypatch.setattr(fix_module.os, "fsync", lambda descriptor: os.kill(os.getpid(), signal.SIGTERM))
    with pytest.raises(SystemExit):
        apply_fixes([Finding(str(page), 1, 6, "GB506", "x", "info", "m", edit=Edit(1, 6, "http:", "https:"))], [tmp_path])
    assert sorted(os.listdir(tmp_path)) == ["p.md"]
    assert page.read_text(encoding="utf-8") == "voir http://a.fr\n"
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_two_fix_runs_take_turns_and_do_not_redo_each_other(tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    page = tmp_path / "p.md"
    page.write_text("mail octo\\_malt\n", encoding="utf-8")
    edit = Edit(1, 6, "octo\\_malt", "octo_malt")
    finding = Finding(str(page), 1, 6, "GB502", "x", "info", "m", edit=edit)
    holder = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # a first run is fixing the space
    reports = []
    second = threading.Thread(target=lambda: reports.append(apply_fixes([finding], [tmp_path])))
    second.start()
    page.write_text("mail octo_malt\n", encoding="utf-8")  # what the first run wrote
    os.close(holder)
    second.join()
    assert page.read_text(encoding="utf-8") == "mail octo_malt\n"
    assert reports[0].fixed == 0 and reports[0].skipped == 1
