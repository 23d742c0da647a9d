"""Progress on stderr: only on a terminal, only after a second."""

from __future__ import annotations

import io
import time
from pathlib import Path

from cli_helpers import run_installed, write_space
from linter.report.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shown_on_a_terminal_after_the_delay_and_cleared() -> None:
    stream = _Terminal()
    with Progress("fr", stream, delay=0.05) as progress:
        progress.checking(3, 10)
        time.sleep(0.3)
    written = stream.getvalue()
    assert "vérification des pages 3/10" in written
    assert written.endswith("\r\x1b[K")


def test_silent_for_a_short_run() -> None:
    stream = _Terminal()
    with Progress("en", stream) as progress:
        progress.checking(1, 1)
    assert stream.getvalue() == ""


def test_never_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with Progress("en", stream, delay=0) as progress:
        progress.checking(1, 2)
        time.sleep(0.2)
    assert stream.getvalue() == ""


def test_piped_command_has_no_progress(tmp_path: Path) -> None:
    write_space(tmp_path / "space")
    completed = run_installed(["space"], tmp_path)
    assert "\r" not in completed.stderr and "checking pages" not in completed.stderr
