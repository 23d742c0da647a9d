#!/usr/bin/env python3
"""Time the linter on hostile pages at 1x, 4x and 16x sizes (is the work linear?).

Usage: python benchmarks/hostile.py [--base N] [--only CASE] [--timeout SECONDS]

Cases:
- `suppressions`: N `<!-- gitbook-lint-disable-next-line GB201 -->` comments, each above a
  broken `#fragment` link (N findings, N regions);
- `end-tags`: N `{% hint %}` openers then N `{% endtabs %}` that match none;
- `page-size`: a page of N x 100 KB of ordinary paragraphs (past `max-page-size`, 8 MiB, the
  page is reported and not parsed).
Each case runs `gitbook-lint` on a fresh space in a subprocess and prints seconds per size.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = {
    "suppressions": (250, lambda n: "# T\n\n" + "<!-- gitbook-lint-disable-next-line GB201 -->\n[x](#nowhere)\n\n" * n),
    "end-tags": (3000, lambda n: "# T\n\n" + '{% hint style="info" %}\n' * n + "{% endtabs %}\n" * n),
    "page-size": (20, lambda n: "# T\n\n" + ("Un paragraphe ordinaire avec un [lien](README.md) et du **gras**. " * 12 + "\n\n") * (n * 110)),
}


def run(case: str, size: int, timeout: float) -> float | None:
    with tempfile.TemporaryDirectory() as folder:
        space = Path(folder)
        (space / "SUMMARY.md").write_text("# S\n\n* [T](README.md)\n", encoding="utf-8")
        (space / "README.md").write_text(CASES[case][1](size), encoding="utf-8")
        start = time.perf_counter()
        try:
            subprocess.run([sys.executable, "-m", "linter", str(space), "--format", "json"], capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return None
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=sorted(CASES))
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    for case, (base, _) in CASES.items():
        if args.only and case != args.only:
            continue
        cells = []
        for factor in (1, 4, 16):
            seconds = run(case, base * factor, args.timeout)
            cells.append(f"{factor}x ({base * factor}): " + (f"{seconds:.1f} s" if seconds is not None else f"> {args.timeout:.0f} s"))
        print(f"{case:<13} " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
