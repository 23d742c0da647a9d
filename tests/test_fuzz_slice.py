"""A short slice of the fuzz run (`python tests/fuzz/run.py --pages 100000` runs the long one)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).parent / "fuzz" / "run.py"


def _fuzz():  # noqa: ANN202 - the script, loaded as a module
    spec = importlib.util.spec_from_file_location("gitbook_lint_fuzz", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", [11, 12])
def test_generated_spaces_lint_report_and_fix_cleanly(seed: int) -> None:
    pages, spaces, failures = _fuzz().run_chunk(seed, 40)
    assert (pages, spaces) == (40, 2)
    assert failures == []


def test_the_fuzz_checks_catch_a_fixer_that_cuts_lines_like_str_splitlines(monkeypatch: pytest.MonkeyPatch) -> None:
    from linter import fix

    monkeypatch.setattr(fix, "split_lines", lambda text: text.splitlines(keepends=True))
    _, _, failures = _fuzz().run_chunk(5, 200)
    assert any("changed where no edit was" in failure or "changed outside" in failure for failure in failures)
