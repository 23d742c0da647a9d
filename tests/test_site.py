"""The Site model: finding the root, SUMMARY, and resolving links the way GitBook does."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from cli_helpers import write_files
from linter.model.site import Site
from linter.spaces import find_space


@pytest.fixture()
def space(tmp_path: Path) -> Site:
    nfd_name = unicodedata.normalize("NFD", "capture d’écran.png")
    write_files(
        tmp_path,
        {
            ".gitbook.yaml": "root: ./docs/\nstructure:\n  readme: README.md\n  summary: SUMMARY.md\n"
            "redirects:\n  ancien: guide/page.md\n",
            "docs/README.md": "# Accueil\n",
            "docs/SUMMARY.md": "# Table of contents\n\n* [Accueil](README.md)\n\n## Guide\n\n"
            "* [Guide](guide/README.md)\n  * [Page](guide/page.md)\n",
            "docs/guide/README.md": "# Guide\n",
            "docs/guide/page.md": "# Page\n",
            "docs/.gitbook/assets/image (1).png": "",
            f"docs/.gitbook/assets/{nfd_name}": "",
            "outside.md": "# Hors de l'espace\n",
        },
    )
    return Site.load(tmp_path)


def test_root_and_structure_come_from_gitbook_yaml(space: Site) -> None:
    assert space.root.name == "docs"
    assert sorted(space.pages) == ["README.md", "SUMMARY.md", "guide/README.md", "guide/page.md"]
    assert space.redirects == {"ancien": "guide/page.md"}
    assert len(space.assets) == 2


def test_summary_nav_tree(space: Site) -> None:
    assert space.summary is not None
    assert space.summary.title == "Table of contents"
    assert [(item.title, item.depth, item.group) for item in space.summary.items] == [
        ("Accueil", 0, None),
        ("Guide", 0, "Guide"),
        ("Page", 1, "Guide"),
    ]
    assert space.summary.items[2].parent is space.summary.items[1]


@pytest.mark.parametrize(
    ("source", "target", "kind", "path", "fragment"),
    [
        ("guide/page.md", "../README.md", "file", "README.md", None),
        ("guide/page.md", "./", "file", "guide/README.md", None),
        ("README.md", "guide/", "file", "guide/README.md", None),
        ("README.md", "guide", "file", "guide/README.md", None),
        ("README.md", "guide/#section", "file", "guide/README.md", "section"),
        ("README.md", "guide/page.md#r%C3%A9sum%C3%A9", "file", "guide/page.md", "résumé"),
        ("guide/page.md", "<../.gitbook/assets/image (1).png>", "file", ".gitbook/assets/image (1).png", None),
        ("guide/page.md", "../.gitbook/assets/image%20(1).png", "file", ".gitbook/assets/image (1).png", None),
        ("guide/page.md", "../.gitbook/assets/capture%20d%E2%80%99%C3%A9cran.png", "file", None, None),
        ("README.md", "#haut", "fragment", "README.md", "haut"),
        ("README.md", "absent.md", "missing", None, None),
        ("guide/page.md", "../../outside.md", "escapes", None, None),
        ("README.md", "/guide/page.md", "file", "guide/page.md", None),
        ("README.md", "https://example.org/a.md", "external", None, None),
        ("README.md", "mailto:a@example.org", "external", None, None),
        ("README.md", "", "empty", None, None),
    ],
)
def test_resolve(space: Site, source: str, target: str, kind: str, path: str | None, fragment: str | None) -> None:
    resolved = space.resolve(source, target)
    assert resolved.kind == kind
    if path is not None:
        assert resolved.path == path
    assert resolved.fragment == fragment


def test_nfc_and_nfd_names_are_the_same_file(space: Site) -> None:
    nfc = space.resolve("README.md", ".gitbook/assets/capture d’écran.png")
    nfd = space.resolve("README.md", unicodedata.normalize("NFD", ".gitbook/assets/capture d’écran.png"))
    assert nfc.kind == nfd.kind == "file" and nfc.path == nfd.path


def test_nothing_outside_the_root_is_read(space: Site) -> None:
    assert all(not path.startswith("..") for path in space.files)
    assert "outside.md" not in space.pages


def test_relative_link(space: Site) -> None:
    assert space.relative_link("guide/page.md", "README.md") == "../"
    assert space.relative_link("README.md", "guide/README.md") == "guide/"
    assert space.relative_link("guide/README.md", "guide/page.md") == "page.md"


def test_find_space_walks_up_to_the_config(space: Site) -> None:
    assert find_space(space.root / "guide" / "page.md") == space.base


def test_symlink_out_of_the_root_is_skipped(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("# secret\n", encoding="utf-8")
    root = tmp_path / "space"
    write_files(root, {"README.md": "# A\n"})
    (root / "lien.md").symlink_to(secret)
    site = Site.load(root)
    assert "lien.md" not in site.pages
    assert site.refused == {"lien.md": "outside-link"}


@pytest.mark.parametrize(
    "config",
    [
        "root: docs\n",
        "{'root': docs}\n",
        '"r\\x6fot": docs\n',  # an escape in a double-quoted key
        "base: &b\n  root: docs\n<<: *b\n",
    ],
)
def test_every_spelling_of_root_is_read(tmp_path: Path, config: str) -> None:
    from linter.spaces import configured_root

    write_files(tmp_path, {".gitbook.yaml": config, "docs/README.md": "# A\n"})
    assert configured_root(tmp_path) == (tmp_path / "docs").resolve()


def test_a_gitbook_yaml_naming_no_root_is_not_parsed_for_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.parse import frontmatter
    from linter.spaces import configured_root, read_space_config

    write_files(tmp_path, {".gitbook.yaml": "structure:\n  readme: README.md\nredirects:\n  old: new.md\n"})
    assert read_space_config(tmp_path) is not None and "root" not in read_space_config(tmp_path).mapping
    monkeypatch.setattr(frontmatter, "load_front_matter", None)  # a parse would fail
    assert configured_root(tmp_path) == tmp_path
