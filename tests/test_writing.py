"""The one file writer: whole files only, the mode of the file it replaces kept."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from linter.writing import TEMP_SUFFIX, in_progress, write_atomically


def test_replaces_the_content_keeps_the_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "rapport.json"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [path.name for path in tmp_path.iterdir()] == ["rapport.json"]
    assert not in_progress


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "page.md"
    target.write_bytes(b"old")

    def full_disk(source: str, destination: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}")) and not in_progress


def test_a_temporary_name_left_by_a_killed_process_is_skipped_not_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import itertools

    from linter import writing

    monkeypatch.setattr(writing, "_count", itertools.count())
    stale = tmp_path / f".entry.pickle.{os.getpid()}-0{TEMP_SUFFIX}"
    stale.write_bytes(b"left by a process that had this id")
    write_atomically(tmp_path / "entry.pickle", b"new", durable=False)
    assert (tmp_path / "entry.pickle").read_bytes() == b"new"
    assert stale.read_bytes() == b"left by a process that had this id"  # never opened, never removed
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["entry.pickle", stale.name])


def test_writers_at_once_each_move_a_whole_file_into_place(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    target = tmp_path / "entry.pickle"
    payloads = [bytes([number]) * (50_000 + number) for number in range(40)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda data: write_atomically(target, data, durable=False), payloads))
    assert target.read_bytes() in payloads
    assert [path.name for path in tmp_path.iterdir()] == ["entry.pickle"] and not in_progress


def test_a_new_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    write_atomically(tmp_path / "entry.pickle", b"new", durable=False)
    assert stat.S_IMODE((tmp_path / "entry.pickle").stat().st_mode) & 0o077 == 0
