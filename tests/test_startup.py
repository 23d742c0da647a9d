"""Start-up cost: heavy libraries are imported by what uses them, never by every run.

Checked on the set of imported modules in a fresh interpreter, not by timing: what is not
imported costs nothing, on any machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from cli_helpers import write_space

# Each is worth tens of milliseconds at start-up; none is needed by every run.
HEAVY = ("jsonschema", "referencing", "email_validator", "pathspec", "markdown_it", "yaml", "xml", "multiprocessing", "aiohttp")


def imported_after(code: str, cwd: Path) -> set[str]:
    """The top-level packages among HEAVY that `code` (run in a fresh interpreter) imported."""
    return {name.split(".")[0] for name in modules_after(code, cwd)} & set(HEAVY)


def modules_after(code: str, cwd: Path) -> set[str]:
    """Every module `code` (run in a fresh interpreter) left imported."""
    program = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", program], cwd=cwd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def run_main(args: list[str]) -> str:
    return f"from linter.cli import main\ntry:\n    main({args!r})\nexcept SystemExit:\n    pass"


def test_version_and_help_import_nothing_heavy(tmp_path: Path) -> None:
    assert imported_after(run_main(["--version"]), tmp_path) == set()
    assert imported_after(run_main(["--help"]), tmp_path) == set()
    assert imported_after("import linter", tmp_path) == set()


def test_a_run_that_needs_no_schema_never_imports_jsonschema(tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n\nVoir [la suite](suite.md).\n", "suite.md": "# Suite\n"})
    loaded = imported_after(run_main(["--no-config", "--no-cache", str(space)]), tmp_path)
    assert "markdown_it" in loaded  # it did read the pages
    assert loaded.isdisjoint({"jsonschema", "referencing", "email_validator", "pathspec", "xml", "multiprocessing", "aiohttp"})


def test_what_a_run_uses_it_imports(tmp_path: Path) -> None:
    """The look-alike: front matter with an error is explained, an address that is not plain
    checked, a report written as XML."""
    page = "---\ndescription: Une page\nhidden: peut-être\n---\n\n# Accueil\n\nÉcrire à contact@exemple..fr.\n"
    space = write_space(tmp_path / "space", {"README.md": page})
    args = ["--no-config", "--no-cache", "--format", "junit", str(space)]
    assert {"jsonschema", "email_validator", "xml"} <= imported_after(run_main(args), tmp_path)


def test_valid_front_matter_and_blocks_are_checked_without_jsonschema(tmp_path: Path) -> None:
    """They are proved valid (`validation.proof`): jsonschema is only for explaining errors."""
    page = '---\ndescription: Une page\nhidden: true\n---\n\n# Accueil\n\n{% hint style="info" %}\nNote.\n{% endhint %}\n'
    space = write_space(tmp_path / "space", {"README.md": page})
    loaded = imported_after(run_main(["--no-config", "--no-cache", str(space)]), tmp_path)
    assert "markdown_it" in loaded and loaded.isdisjoint({"jsonschema", "referencing"})


def test_plain_addresses_are_checked_without_email_validator(tmp_path: Path) -> None:
    page = "# Accueil\n\nÉcrire à contact@exemple.fr ou à [l'équipe](mailto:equipe-produit@beta.gouv.fr).\n"
    space = write_space(tmp_path / "space", {"README.md": page})
    loaded = imported_after(run_main(["--no-config", "--no-cache", "--select", "GB502", str(space)]), tmp_path)
    assert "markdown_it" in loaded and "email_validator" not in loaded


def test_a_cached_run_reads_library_versions_without_importlib_metadata(tmp_path: Path) -> None:
    """The cache's fingerprint names the libraries' versions; importlib.metadata would import the
    email package to read them."""
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n"})
    args = ["--no-config", "--cache-dir", str(tmp_path / "cache"), "--format", "json", str(space)]
    for _ in ("cold", "warm"):
        loaded = modules_after(run_main(args), tmp_path)
        assert "importlib.metadata" not in loaded and "email" not in loaded


def test_a_reused_run_imports_neither_yaml_nor_the_engine(tmp_path: Path) -> None:
    """Nothing changed: the findings are the stored ones. `.gitbook.yaml` is read only for its
    `root:`, which it does not name."""
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n\nVoir [ailleurs](ailleurs.md).\n"})
    (space / ".gitbook.yaml").write_text("structure:\n  readme: README.md\n", encoding="utf-8")
    for file in space.iterdir():  # not written just now: a racily recent file is never trusted
        os.utime(file, (time.time() - 60, time.time() - 60))
    args = ["--no-config", "--cache-dir", str(tmp_path / "cache"), "--format", "json", str(space)]  # no excerpt to read
    assert "yaml" in imported_after(run_main(args), tmp_path)  # the cold run reads the space
    loaded = modules_after(run_main(args), tmp_path)
    assert "linter.run" in loaded and not {"yaml", "linter.engine", "linter.parse.frontmatter", "tomllib"} & loaded
    assert not {"linter.external.run", "subprocess", "configparser", "difflib"} & loaded  # no web, no Git command, no misspelling
