#!/usr/bin/env python3
"""Side by side: gitbook-lint (cold, warm, one page changed, one file as pre-commit gives it)
and its peers (remark-cli with remark-validate-links, markdownlint-cli2) on the same spaces.

Usage:
  python benchmarks/compare.py SPACE [SPACE...] [--synthetic 1000,10000] [--repeat 5]
                               [--peers DIR] [--peers-max-pages N] [--json OUT]

`--peers DIR` is a folder where the peers were installed with npm
(`npm install --prefix DIR remark-cli remark-validate-links markdownlint-cli2`); without it
only gitbook-lint runs. Runs alternate: each round runs every scenario once, so a slow moment of
the machine costs every tool alike. Reported per scenario: median wall time and its min–max,
median CPU time (user + system, child processes included), peak RSS (the largest process), and
the ratio to remark's median wall and CPU times. Stdlib only; run from the repository root.

gitbook-lint scenarios (each with its own cache folder, never the space's):
  cold        empty cache (emptied before each run): the first run on a machine
  warm        the same run again, nothing changed
  one-changed one page edited before each run (a line appended, then removed), whole space
  pre-commit  that edited page given alone (`--force-exclude PAGE`), as the hook does
  no-cache    `--no-cache`: every page parsed, nothing written
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Callable

from run import child_env, count_pages, synthetic_spaces

HERE = os.path.dirname(os.path.abspath(__file__))
LINT = "gitbook-lint --no-config --format json"


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mib: float
    returncode: int


@dataclass
class Scenario:
    name: str
    command: str  # {path}: the space; {page}: the page edited; {cache}: the scenario's cache folder
    before: Callable[[], None] | None = None  # run before each timed run, not timed
    samples: list[Sample] = field(default_factory=list)
    error: str | None = None


def environment() -> dict[str, str]:
    """As a user runs it: Python keeps its compiled modules (some sandboxes turn that off)."""
    env = child_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_timed(command: str) -> tuple[Sample, str]:
    """Run through /bin/sh; wall time, and CPU and max RSS from os.wait4 (children included)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, shell=True, stdout=subprocess.DEVNULL, stderr=err, env=environment())
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        code = os.waitstatus_to_exitcode(status)
        sample = Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code)
        return sample, err.read().decode("utf-8", "replace")


def edited_page(space: str) -> str:
    """A page deep in the space (not README or SUMMARY): what a commit typically touches."""
    pages = sorted(
        os.path.join(folder, name)
        for folder, dirs, names in os.walk(space)
        if "/." not in folder
        for name in names
        if name.endswith(".md") and name not in ("README.md", "SUMMARY.md")
    )
    return pages[len(pages) // 2]


class Toggle:
    """Edits a page before each run (append a line, then take it away): always one changed page."""

    def __init__(self, page: str) -> None:
        self.page = page
        with open(page, "rb") as handle:
            self.original = handle.read()
        self.edited = False

    def __call__(self) -> None:
        self.edited = not self.edited
        with open(self.page, "wb") as handle:
            handle.write(self.original + (b"\nUne ligne ajout\xc3\xa9e.\n" if self.edited else b""))

    def restore(self) -> None:
        with open(self.page, "wb") as handle:
            handle.write(self.original)


def scenarios_for(space: str, cache_root: str, peers: str | None, with_peers: bool) -> tuple[list[Scenario], Toggle]:
    page = edited_page(space)
    toggle = Toggle(page)
    caches = {name: os.path.join(cache_root, name) for name in ("cold", "warm", "one", "hook")}

    def empty(folder: str) -> Callable[[], None]:
        return lambda: shutil.rmtree(folder, ignore_errors=True)

    def lint(cache: str, target: str = "{path}", extra: str = "") -> str:
        return f"{LINT} --cache-dir {shlex.quote(cache)} {extra}{target}"

    found = [
        Scenario("gitbook-lint cold", lint(caches["cold"]), empty(caches["cold"])),
        Scenario("gitbook-lint warm", lint(caches["warm"])),
        Scenario("gitbook-lint one-changed", lint(caches["one"]), toggle),
        Scenario("gitbook-lint pre-commit", lint(caches["hook"], "{page}", "--force-exclude "), toggle),
        Scenario("gitbook-lint no-cache", f"{LINT} --no-cache {{path}}"),
    ]
    if peers and with_peers:
        bin_dir = os.path.join(peers, "node_modules", ".bin")
        remark = os.path.join(bin_dir, "remark")
        found.append(
            Scenario(
                "remark + validate-links",
                f"cd {{path}} && {shlex.quote(remark)} . --ext md --quiet --no-stdout --no-config --no-ignore "
                "--use " + shlex.quote(os.path.join(peers, "node_modules", "remark-validate-links", "index.js")) + "=repository:false",
            )
        )
        markdownlint = os.path.join(bin_dir, "markdownlint-cli2")
        found.append(Scenario("markdownlint-cli2", f"cd {{path}} && {shlex.quote(markdownlint)} '**/*.md'"))
    for scenario in found:
        scenario.command = scenario.command.replace("{path}", shlex.quote(space)).replace("{page}", shlex.quote(page))
    return found, toggle


def prime(scenarios: list[Scenario], cache_root: str) -> None:
    """Fill the warm caches, untimed: one run, its cache copied for the other scenarios."""
    warm = next((s for s in scenarios if s.name == "gitbook-lint warm"), None)
    if warm is None:  # each fills its own
        for scenario in scenarios:
            if scenario.name.endswith(("one-changed", "pre-commit")):
                run_timed(scenario.command)
        return
    run_timed(warm.command)
    for name in ("one", "hook"):
        shutil.copytree(os.path.join(cache_root, "warm"), os.path.join(cache_root, name), dirs_exist_ok=True)


def bench_space(space: str, repeat: int, peers: str | None, with_peers: bool, skip: list[str]) -> list[Scenario]:
    cache_root = tempfile.mkdtemp(prefix="gitbook-lint-bench-")
    scenarios, toggle = scenarios_for(space, cache_root, peers, with_peers)
    scenarios = [scenario for scenario in scenarios if not any(word in scenario.name for word in skip)]
    try:
        prime(scenarios, cache_root)
        for round_number in range(repeat):
            order = scenarios if round_number % 2 == 0 else list(reversed(scenarios))
            for scenario in order:
                if scenario.error:
                    continue
                if scenario.before is not None:
                    scenario.before()
                sample, stderr = run_timed(scenario.command)
                if sample.returncode not in (0, 1) or "Traceback" in stderr:
                    scenario.error = f"exit {sample.returncode}: {(stderr.strip().splitlines() or [''])[-1][:160]}"
                scenario.samples.append(sample)
                print(f"  {scenario.name}: {sample.wall:.2f} s", file=sys.stderr)
    finally:
        toggle.restore()
        shutil.rmtree(cache_root, ignore_errors=True)
    return scenarios


def summary(space: str, scenarios: list[Scenario]) -> list[dict[str, object]]:
    reference = next((s for s in scenarios if s.name.startswith("remark") and s.samples and not s.error), None)
    ref_wall = statistics.median(x.wall for x in reference.samples) if reference else None
    ref_cpu = statistics.median(x.cpu for x in reference.samples) if reference else None
    rows = []
    for scenario in scenarios:
        walls = [x.wall for x in scenario.samples]
        cpus = [x.cpu for x in scenario.samples]
        row: dict[str, object] = {"space": os.path.basename(space.rstrip("/")), "pages": count_pages(space), "scenario": scenario.name}
        if walls and not scenario.error:
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            row.update(
                wall_median=round(wall, 3),
                wall_min=round(min(walls), 3),
                wall_max=round(max(walls), 3),
                cpu_median=round(cpu, 3),
                peak_rss_mib=round(max(x.rss_mib for x in scenario.samples), 1),
                runs=len(walls),
                wall_ratio=round(wall / ref_wall, 3) if ref_wall else None,
                cpu_ratio=round(cpu / ref_cpu, 3) if ref_cpu else None,
            )
        else:
            row["error"] = scenario.error or "not run"
        rows.append(row)
    return rows


def markdown(rows: list[dict[str, object]]) -> str:
    lines = [
        "| Space | Pages | Scenario | Wall median (min–max) | CPU median | Peak RSS | × remark (wall / CPU) |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        if "error" in row:
            lines.append(f"| {row['space']} | {row['pages']} | {row['scenario']} | **{row['error']}** | | | |")
            continue
        ratio = f"{row['wall_ratio']:.2f} / {row['cpu_ratio']:.2f}" if row.get("wall_ratio") else "—"
        lines.append(
            f"| {row['space']} | {row['pages']} | {row['scenario']} | {row['wall_median']:.2f} s "
            f"({row['wall_min']:.2f}–{row['wall_max']:.2f}) | {row['cpu_median']:.2f} s | "
            f"{row['peak_rss_mib']:.0f} MiB | {ratio} |"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spaces", nargs="*", help="space folders (not modified, except one page edited then restored)")
    parser.add_argument("--synthetic", help="comma list of page counts to generate into benchmarks/out/")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="rounds; each runs every scenario once")
    parser.add_argument("--peers", help="folder where remark-cli, remark-validate-links and markdownlint-cli2 are installed")
    parser.add_argument("--peers-max-pages", type=int, default=None, help="leave the peers out of larger spaces")
    parser.add_argument("--skip", action="append", default=[], help="leave out the scenarios whose name contains this (repeatable)")
    parser.add_argument("--json", dest="json_out", help="also write the rows as JSON here")
    args = parser.parse_args(argv)
    if not args.spaces and not args.synthetic:
        parser.error("give at least one SPACE or --synthetic")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    spaces = [os.path.abspath(space) for space in args.spaces]
    if args.synthetic:
        spaces += synthetic_spaces(args.synthetic, args.seed)
    rows: list[dict[str, object]] = []
    for space in spaces:
        pages = count_pages(space)
        with_peers = args.peers_max_pages is None or pages <= args.peers_max_pages
        print(f"{space} ({pages} pages), {args.repeat} rounds", file=sys.stderr)
        rows += summary(space, bench_space(space, args.repeat, args.peers, with_peers, args.skip))
    print(markdown(rows))
    print(f"\n{os.cpu_count()} cores; median of {args.repeat} alternating rounds; CPU = user + system of the command and its children.")
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as handle:
            json.dump(rows, handle, indent=2)
    return 1 if any("error" in row for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
