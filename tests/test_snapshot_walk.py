"""The walk that decides whether a stored run is reused: what it lists of a space's folder."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import write_files
from linter.snapshot import walk


def test_the_cache_folder_is_left_out_whatever_its_name_and_however_it_is_named(tmp_path: Path) -> None:
    space = write_files(tmp_path / "space", {"README.md": "# A\n", "guide/page.md": "# B\n", "other/stash/kept.md": "# C\n"})
    cache = space / "guide" / "stash"
    write_files(cache, {"pages/x.pickle": "x"})
    (tmp_path / "link").symlink_to(space / "guide")
    for named in (cache, tmp_path / "link" / "stash", space / "other" / ".." / "guide" / "stash"):
        listing = walk(space, named)
        assert sorted(listing.files) == ["README.md", "guide/page.md", "other/stash/kept.md"]
        assert [folder.split("/")[:-1] for folder in listing.folders] == [["guide"], ["other"], ["other", "stash"]]
