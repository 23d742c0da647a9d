"""The cache: where it lives, how it is turned off and cleaned."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_helpers import run_cli, write_space
from linter import cache
from linter.cache import CACHE_DIR_ENV, CACHE_DIR_NAME, cache_directory, cache_location
from linter.settings import Settings


@pytest.fixture
def no_cache_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The location as users get it, not the test session's own cache folder."""
    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)


def test_the_cache_is_at_the_repository_top_and_ignores_itself(tmp_path: Path, no_cache_env: None) -> None:
    (tmp_path / ".git").mkdir()
    space = write_space(tmp_path / "docs")
    folder = cache_directory(space, Settings())
    assert folder == tmp_path.resolve() / CACHE_DIR_NAME
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (folder / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_outside_a_repository_the_cache_is_in_the_space(tmp_path: Path, no_cache_env: None) -> None:
    space = write_space(tmp_path / "docs")
    assert cache_location(space) == space.resolve() / CACHE_DIR_NAME


def test_option_then_environment_then_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    space = write_space(tmp_path / "docs")
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "from-env"))
    assert cache_location(space, Settings()) == (tmp_path / "from-env").resolve()
    assert cache_location(space, Settings(cache_dir=tmp_path / "opt")) == (tmp_path / "opt").resolve()
    assert cache_location(space, Settings(cache=False, cache_dir=tmp_path / "opt")) is None


def test_a_cache_that_cannot_be_made_is_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert cache_directory(tmp_path, Settings(cache_dir=blocker / "cache")) is None


def test_cache_clean_deletes_the_folder(tmp_path: Path, no_cache_env: None) -> None:
    (tmp_path / ".git").mkdir()
    space = write_space(tmp_path / "docs")
    folder = cache_directory(space, Settings())
    assert folder is not None and folder.is_dir()
    result = run_cli(["cache", "clean", "docs"], tmp_path)
    assert result.exit_code == 0 and "cache deleted" in result.stderr
    assert not folder.exists()
    again = run_cli(["cache", "clean", "--lang", "fr"], tmp_path)
    assert again.exit_code == 0 and "aucun cache à supprimer" in again.stderr


def test_cache_clean_refuses_a_folder_that_is_no_cache(tmp_path: Path) -> None:
    mine = tmp_path / "precious"
    mine.mkdir()
    (mine / "keep.txt").write_text("x", encoding="utf-8")
    result = run_cli(["cache", "clean", "--cache-dir", str(mine)], tmp_path)
    assert result.exit_code == 2 and "not deleted" in result.stderr
    assert (mine / "keep.txt").is_file()


def test_the_fingerprint_changes_with_a_library_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    def fingerprint_with(folder: str) -> str:
        monkeypatch.setattr(sys, "path", [str(tmp_path), *[entry for entry in sys.path if entry != str(tmp_path)]])
        monkeypatch.setattr(cache, "_fingerprint", None)
        (tmp_path / folder).mkdir()
        try:
            return cache.tool_fingerprint()
        finally:
            (tmp_path / folder).rmdir()

    assert fingerprint_with("pathspec-0.1.dist-info") != fingerprint_with("pathspec-0.2.dist-info")
    assert fingerprint_with("pathspec-0.1.dist-info") == fingerprint_with("pathspec-0.1.dist-info")


def test_pages_from_the_cache_load_their_prose_on_use_and_drop_it_after_their_rules(tmp_path: Path) -> None:
    from linter.model.page import OWN_FACTS, PROSE_FIELDS
    from linter.run import lint_paths

    space = write_space(tmp_path / "docs", {"README.md": "# Accueil\n\nDu **texte** et ~~du barré~~.\n"})
    cold = lint_paths([str(space)], Settings(cache_dir=tmp_path / "c")).sites[0].pages["README.md"]
    (space / "autre.md").write_text("# Autre\n", encoding="utf-8")  # the space changed: it is loaded again
    warm = lint_paths([str(space)], Settings(cache_dir=tmp_path / "c")).sites[0].pages["README.md"]
    assert not any(name in vars(warm) for name in PROSE_FIELDS)  # the rules ran; the prose went
    assert not any(name in vars(warm) for name in OWN_FACTS)  # and the facts that only they read
    assert warm.anchor_ids == cold.anchor_ids and "anchor_ids" in vars(warm)  # what other pages read stays
    assert warm.links == cold.links and warm.headings == cold.headings  # the facts stay
    assert warm.text_runs == cold.text_runs and warm.strikes == cold.strikes  # loaded on use
    assert warm.index.line_text(0) == "# Accueil"
    warm.release_prose()
    assert "text_runs" not in vars(warm) and warm.text == cold.text


def test_an_entry_makes_its_folder_when_missing_even_if_removed_during_the_run(tmp_path: Path) -> None:
    import shutil

    from linter.cache import read_entry, write_entry

    entry = tmp_path / "pages" / "ab" / "abcdef.pickle"
    write_entry(entry, ("page", "x"), {"un": 1})
    assert read_entry(entry, ("page", "x")) == {"un": 1}
    shutil.rmtree(tmp_path / "pages")  # `cache clean` from another terminal
    write_entry(entry, ("page", "x"), {"deux": 2})
    assert read_entry(entry, ("page", "x")) == {"deux": 2}
    assert [path.name for path in entry.parent.iterdir()] == ["abcdef.pickle"]  # no temporary file left


def test_an_entry_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    from linter.cache import read_entry, write_entry

    (tmp_path / "pages").write_text("a file where a folder should be", encoding="utf-8")
    write_entry(tmp_path / "pages" / "ab" / "abcdef.pickle", ("page",), 1)
    assert read_entry(tmp_path / "pages" / "ab" / "abcdef.pickle", ("page",)) is None


def test_a_page_store_is_sent_to_other_processes_without_the_hashes_only_this_one_reads(tmp_path: Path) -> None:
    import pickle

    from linter.cache import PageStore

    store = PageStore(tmp_path)
    store.known = {str(tmp_path / f"page-{number}.md"): "0" * 32 for number in range(1000)}
    sent = pickle.loads(pickle.dumps(store))
    assert sent.known == {} and sent.folder == store.folder and sent.fingerprint == store.fingerprint
    assert len(store.known) == 1000  # this process keeps them


def test_the_cache_folder_markers_are_written_without_waiting_for_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    flushes: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda descriptor: (flushes.append(descriptor), real(descriptor))[1])
    folder = cache_directory(tmp_path, Settings(cache_dir=tmp_path / "cache"))
    assert folder is not None and (folder / ".gitignore").is_file() and (folder / "CACHEDIR.TAG").is_file()
    assert flushes == []
    (folder / "CACHEDIR.TAG").unlink()  # lost (a crash before the data reached the disk): written again
    assert cache_directory(tmp_path, Settings(cache_dir=tmp_path / "cache")) == folder and (folder / "CACHEDIR.TAG").is_file()
