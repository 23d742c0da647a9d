"""Progress on stderr: only on a terminal, only after a second."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from cli_helpers import Maker, run_cli
from linter.report import progress as progress_module
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


@pytest.fixture
def at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """No delay: wherever a run deems stderr a terminal, it draws progress from its start."""
    monkeypatch.setattr(progress_module, "DELAY", 0.0)


def test_piped_command_has_no_progress(at_once: None, make_space: Maker, tmp_path: Path) -> None:
    # Without the delay, only the terminal check keeps the pipe clean: the test after this one
    # shows the same run drawing progress when the check answers yes.
    make_space()
    result = run_cli(["space"], tmp_path)
    assert "\r" not in result.stderr and "checking pages" not in result.stderr


def test_the_same_command_on_a_terminal_draws_progress(
    at_once: None, make_space: Maker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress_module, "_is_terminal", lambda stream: True)
    make_space()
    result = run_cli(["space"], tmp_path)
    assert "\r\x1b[K" in result.stderr
