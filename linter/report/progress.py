"""A progress line on stderr for long runs on a terminal.

Nothing is shown for the first second (a short run stays quiet) nor ever when stderr is not a
terminal (a pipe, a CI log, a pre-commit capture). A background thread draws the state the run
sets, so the lint loop only assigns two numbers.
"""

from __future__ import annotations

import sys
import threading
from typing import TextIO

from .i18n import say

DELAY = 1.0
INTERVAL = 0.1


class Progress:
    def __init__(self, lang: str = "en", stream: TextIO | None = None, *, force: bool = False, delay: float | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.lang = lang
        self.enabled = force or _is_terminal(self.stream)
        self.delay = DELAY if delay is None else delay
        self.text = ""
        self.shown = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Progress:
        if self.enabled:
            self._thread = threading.Thread(target=self._draw, name="gitbook-lint-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def reading(self, space: str) -> None:
        self.text = say("progress-read", self.lang, space=space)

    def checking(self, done: int, total: int) -> None:
        self.text = say("progress-check", self.lang, done=done, total=total)

    def external(self, done: int, total: int, failed: int) -> None:
        width = 20
        filled = width * done // total if total else width
        bar = "#" * filled + "-" * (width - filled)
        self.text = say("progress-external", self.lang, bar=bar, done=done, total=total, failed=failed)

    def _draw(self) -> None:
        if self._stop.wait(self.delay):
            return
        while not self._stop.is_set():
            self.stream.write("\r\x1b[K" + self.text)
            self.stream.flush()
            self.shown = True
            self._stop.wait(INTERVAL)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
