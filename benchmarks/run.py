#!/usr/bin/env python3
"""Time full lints of GitBook spaces with gitbook-lint (or any other command).

Usage:
  python benchmarks/run.py SPACE [SPACE...] [--repeat 3] [--synthetic 1000,10000]
                           [--command "gitbook-lint {path} --format json" ...] [--json OUT]

Each command is run through /bin/sh with {path} replaced by the quoted space path; the
project venv's bin/ is put first on PATH. Per (command, space): page count, median wall
time, pages/s, peak RSS of the child (MiB, from os.wait4) and number of findings (length of
the JSON list on stdout, or of its "findings" key). Exit codes 0 and 1 are success; any
other exit code, or a Python crash/start-up error on stderr, is reported as an error. Stdlib only.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT_DIR = os.path.join(HERE, "out")
DEFAULT_COMMAND = "gitbook-lint {path} --format json"


@dataclass
class Run:
    wall: float
    maxrss_mib: float
    returncode: int
    stdout: str
    stderr: str


@dataclass
class Result:
    command: str
    space: str
    pages: int
    walls: list[float] = field(default_factory=list)
    median_s: float | None = None
    pages_per_s: float | None = None
    peak_rss_mib: float | None = None
    findings: int | None = None
    returncode: int | None = None
    error: str | None = None


def count_pages(space: str) -> int:
    """Markdown pages: .md files outside .gitbook/, excluding SUMMARY.md."""
    total = 0
    for _folder, dirs, files in os.walk(space):
        dirs[:] = [x for x in dirs if x != ".gitbook"]
        total += sum(1 for f in files if f.endswith(".md") and f != "SUMMARY.md")
    return total


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    venv_bin = os.path.join(REPO, ".venv", "bin")
    if os.path.isdir(venv_bin):
        env["PATH"] = venv_bin + os.pathsep + env.get("PATH", "")
    env.setdefault("PYTHONUTF8", "1")
    return env


def run_once(command: str, space: str) -> Run:
    """Run the command once; wall time and max RSS come from os.wait4 on the shell child."""
    cmd = command.replace("{path}", shlex.quote(space))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, shell=True, stdout=out, stderr=err, env=child_env())
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(wall, usage.ru_maxrss / 1024, proc.returncode,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def count_findings(stdout: str) -> int | None:
    try:
        data = json.loads(stdout)
    except ValueError:
        return None
    if isinstance(data, dict):
        data = data.get("findings")
    return len(data) if isinstance(data, list) else None


def bench(command: str, space: str, repeat: int) -> Result:
    res = Result(command, space, count_pages(space))
    runs = []
    for _ in range(repeat):
        run = run_once(command, space)
        runs.append(run)
        if failed(run):
            res.error = error_text(run)
            break
    last = runs[-1]
    res.returncode = last.returncode
    res.walls = [round(r.wall, 4) for r in runs]
    res.peak_rss_mib = round(max(r.maxrss_mib for r in runs), 1)
    if res.error is None:
        res.median_s = round(statistics.median(r.wall for r in runs), 4)
        res.pages_per_s = round(res.pages / res.median_s, 1) if res.median_s else None
        res.findings = count_findings(last.stdout)
    return res


CRASH_MARKERS = ("Traceback (most recent call last)", "No module named ", "can't open file ")


def failed(run: Run) -> bool:
    """Exit 0/1 are success, except a Python crash or start-up failure (also exit 1)."""
    return run.returncode not in (0, 1) or any(m in run.stderr for m in CRASH_MARKERS)


def error_text(run: Run) -> str:
    lines = (run.stderr.strip() or run.stdout.strip() or "no output").splitlines()
    return f"exit {run.returncode}: {lines[-1][:160]}"


def synthetic_spaces(sizes: str, seed: int) -> list[str]:
    """Generate (or reuse) benchmarks/out/synthetic-N-sS for each N in the comma list.

    Generation runs in a subprocess so that run.py stays small (its RSS is the RSS floor)."""
    spaces = []
    for n in (int(x) for x in sizes.split(",") if x.strip()):
        path = os.path.join(OUT_DIR, f"synthetic-{n}-s{seed}")
        stamp = path + ".json"
        if not os.path.exists(stamp):
            script = os.path.join(HERE, "generate_space.py")
            subprocess.run([sys.executable, script, str(n), path, "--seed", str(seed),
                            "--manifest", stamp], check=True)
        spaces.append(path)
    return spaces


def fmt(value: object, spec: str = "") -> str:
    return "—" if value is None else format(value, spec)


def markdown_table(results: list[Result]) -> str:
    head = ("| Command | Space | Pages | Wall (median) | Pages/s | Peak RSS (MiB) | Findings | Exit |\n"
            "|---|---|---:|---:|---:|---:|---:|---|")
    rows = []
    for r in results:
        wall = f"{r.median_s:.3f} s" if r.median_s is not None else f"**ERROR** {r.error}"
        rows.append(f"| `{r.command}` | {os.path.basename(r.space.rstrip('/'))} | {r.pages} | {wall} | "
                    f"{fmt(r.pages_per_s, '.0f')} | {fmt(r.peak_rss_mib, '.1f')} | "
                    f"{fmt(r.findings)} | {fmt(r.returncode)} |")
    return "\n".join([head] + rows)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("spaces", nargs="*", help="space directories to lint")
    ap.add_argument("--repeat", type=int, default=3, help="runs per (command, space); median reported")
    ap.add_argument("--command", action="append", dest="commands",
                    help=f"shell command, {{path}} = space (repeatable; default: {DEFAULT_COMMAND!r})")
    ap.add_argument("--synthetic", help="comma list of page counts to generate into benchmarks/out/")
    ap.add_argument("--seed", type=int, default=1, help="seed for --synthetic")
    ap.add_argument("--json", dest="json_out", help="also write the results as JSON here")
    args = ap.parse_args(argv)
    if not args.spaces and not args.synthetic:
        ap.error("give at least one SPACE or --synthetic")
    if args.repeat < 1:
        ap.error("--repeat must be >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    spaces = [os.path.abspath(s) for s in args.spaces]
    missing = [s for s in spaces if not os.path.isdir(s)]
    if missing:
        print(f"not a directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.synthetic:
        spaces += synthetic_spaces(args.synthetic, args.seed)
    results = []
    for command in args.commands or [DEFAULT_COMMAND]:
        for space in spaces:
            print(f"running {command!r} on {space} x{args.repeat}", file=sys.stderr)
            results.append(bench(command, space, args.repeat))
    print(markdown_table(results))
    floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nMedian of {args.repeat} run(s). Peak RSS covers the command and its children; "
          f"values near {floor:.0f} MiB are the floor inherited from run.py at fork time.")
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump([asdict(r) for r in results], f, indent=2)
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
