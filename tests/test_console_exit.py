"""The installed command ends its process with `os._exit` once `main` is done (linter.cli.console).

Whatever it skips (finalizers, garbage collection, atexit handlers), nothing a run writes may
be lost: its output, its exit code, the report file, the cache, the web-link results and the
files `--fix` changed are all there, and equal to what the same run in-process gives.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cli_helpers import run_cli, run_installed, write_space
from loopback_server import Server

PAGE = "# Essai\n\nÉcrire à [nous](mailto:octo\\_malt@octo.com), voir [la suite](suite.md).\n\n{% hint style=\"info\" %}\nJamais fermé.\n"


def test_report_file_cache_and_fixes_are_written_before_the_process_ends(tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": PAGE, "suite.md": "# Suite\n"})
    twin = write_space(tmp_path / "twin", {"README.md": PAGE, "suite.md": "# Suite\n"})
    args = ["--no-config", "--fix", "--extend-select", "GB507", "--format", "json"]
    installed = run_installed([*args, "--cache-dir", str(tmp_path / "cache"), "-o", str(tmp_path / "report.json"), str(space)], tmp_path)
    in_process = run_cli([*args, "--no-cache", "-o", str(tmp_path / "twin.json"), str(twin)], tmp_path)
    assert (installed.returncode, in_process.exit_code) == (1, 1)  # the unclosed hint is left
    assert installed.stderr == in_process.stderr.replace("twin", "space")
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [item["rule"] for item in report] == ["GB021"]
    assert report == json.loads((tmp_path / "twin.json").read_text(encoding="utf-8").replace("twin", "space"))
    assert "(mailto:octo_malt@octo.com)" in (space / "README.md").read_text(encoding="utf-8")  # fixed
    assert (space / "README.md").read_bytes() == (twin / "README.md").read_bytes()
    assert [path.name for path in (tmp_path / "cache").rglob("*") if path.is_file()]  # the cache is written


def test_output_on_stdout_and_web_results_survive_the_quick_exit(tmp_path: Path) -> None:
    with Server() as server:
        page = f"# Liens\n\n[ok]({server.url('/ok')}) et [absent]({server.url('/missing')}).\n"
        space = write_space(tmp_path / "space", {"README.md": page})
        args = ["--no-config", "--external", "--allow-host", "127.0.0.1", "--format", "json", "--cache-dir", str(tmp_path / "cache"), str(space)]
        installed = run_installed(args, tmp_path)
        assert installed.returncode == 1, installed.stderr
        assert [item["rule"] for item in json.loads(installed.stdout)] == ["GB601"]
        assert (tmp_path / "cache" / "external" / "results.json").is_file()
        requests = sum(server.by_path.values())
        again = run_installed(args, tmp_path)
        assert (again.returncode, again.stdout) == (1, installed.stdout)
        assert sum(server.by_path.values()) == requests  # the results were kept: none asked again


def test_the_console_entry_skips_the_interpreter_shutdown(tmp_path: Path) -> None:
    """An atexit handler never runs (the shortcut is taken), yet the code and output are the run's."""
    space = write_space(tmp_path / "space", {"README.md": "# Accueil\n"})
    program = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('shutdown ran', file=sys.stderr))\n"
        f"sys.argv = ['gitbook-lint', '--no-config', '--no-cache', '--format', 'json', {str(space)!r}]\n"
        "from linter.cli import console\n"
        "console()\n"
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (0, "[]\n")
    assert done.stderr == ""  # no "shutdown ran": the atexit handler was skipped
    version = subprocess.run([sys.executable, "-m", "linter", "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("gitbook-lint, version")
