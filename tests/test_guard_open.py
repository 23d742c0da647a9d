"""`read_inside` opens a file through its folder: what the kernel says of the folder decides."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter import guard
from linter.guard import Refused, read_inside


def _space(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "space"
    (root / "guides").mkdir(parents=True)
    (root / "guides" / "a.md").write_text("# A\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("secret\n", encoding="utf-8")
    return root, outside


def test_a_page_is_opened_in_its_folder_without_resolving_its_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, _ = _space(tmp_path)
    if not os.path.exists("/proc/self/fd"):
        pytest.skip("the kernel names no open folder here")
    monkeypatch.setattr(guard, "resolve_inside", lambda *_: pytest.fail("resolved part by part"))
    assert read_inside(root, root / "guides" / "a.md") == b"# A\n"


def test_a_folder_linked_out_of_the_space_is_refused_and_its_file_never_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, outside = _space(tmp_path)
    (root / "linked").symlink_to(outside, target_is_directory=True)
    opened: list[str] = []
    real_open = os.open

    def watched(path: str, flags: int, *args: object, **kwargs: object) -> int:
        opened.append(str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(guard.os, "open", watched)
    with pytest.raises(Refused) as refused:
        read_inside(root, root / "linked" / "secret.md")
    assert refused.value.kind == "outside-link"
    assert not any(path.endswith("secret.md") for path in opened)


def test_a_folder_linked_inside_the_space_is_read(tmp_path: Path) -> None:
    root, _ = _space(tmp_path)
    (root / "alias").symlink_to(root / "guides", target_is_directory=True)
    assert read_inside(root, root / "alias" / "a.md") == b"# A\n"


def test_a_page_that_is_a_link_is_resolved_as_before(tmp_path: Path) -> None:
    root, outside = _space(tmp_path)
    (root / "inside.md").symlink_to(root / "guides" / "a.md")
    (root / "escape.md").symlink_to(outside / "secret.md")
    assert read_inside(root, root / "inside.md") == b"# A\n"
    with pytest.raises(Refused) as refused:
        read_inside(root, root / "escape.md")
    assert refused.value.kind == "outside-link"


def test_a_climbing_name_is_refused_as_before(tmp_path: Path) -> None:
    root, _ = _space(tmp_path)
    with pytest.raises(Refused) as refused:
        read_inside(root, root / "guides" / ".." / ".." / "outside" / "secret.md")
    assert refused.value.kind == "outside-link"
