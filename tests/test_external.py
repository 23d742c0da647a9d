"""The external check (`--external`): against a server on 127.0.0.1 started here, no network."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Iterator

import pytest

from cli_helpers import run_cli, write_space
from linter.external.checker import Checker, CheckOptions, retry_after
from linter.external.limit import Limit
from linter.external.policy import BlockedAddress, Policy
from linter.external.result import BROKEN, DENIED, OK, SKIPPED
from linter.external.run import ExternalSettings
from loopback_server import Server

LOOPBACK = Policy(allow_hosts=["127.0.0.1", "localhost"])


class Waits:
    """A stand-in for asyncio.sleep: records how long the checker asked to wait, waits not."""

    def __init__(self) -> None:
        self.asked: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)


def check(server: Server, paths: list[str], **options: object) -> tuple[dict, Waits]:
    waits = Waits()
    checker = Checker(CheckOptions(**{"timeout": 5.0, **options}), LOOPBACK, sleep=waits)
    wanted = {server.url(path): path.endswith("#ids") for path in paths}
    results = checker.check({url.removesuffix("#ids"): ids for url, ids in wanted.items()})
    return {url.rsplit(str(server.port), 1)[1]: result for url, result in results.items()}, waits


@pytest.fixture
def server() -> Iterator[Server]:
    with Server() as running:
        yield running


def test_statuses_and_requests(server: Server) -> None:
    results, _ = check(server, ["/ok", "/missing", "/gone", "/forbidden"])
    assert (results["/ok"].kind, results["/ok"].status) == (OK, 200)
    assert (results["/missing"].kind, results["/missing"].status) == (BROKEN, 404)
    assert (results["/gone"].kind, results["/gone"].status) == (BROKEN, 410)
    assert results["/forbidden"].kind == DENIED
    assert server.by_path["/ok"] == 1  # HEAD answered: no GET
    assert server.by_path["/missing"] == 2  # HEAD 404, then GET to be sure (some servers mishandle HEAD)
    assert server.methods.count(("HEAD", "/gone")) == 1 and ("GET", "/gone") not in server.methods  # 410 is final


def test_head_refused_falls_back_to_get(server: Server) -> None:
    results, _ = check(server, ["/nohead"])
    assert results["/nohead"].kind == OK
    assert server.methods == [("HEAD", "/nohead"), ("GET", "/nohead")]


def test_permanent_redirect_chain_gives_the_new_address(server: Server) -> None:
    results, _ = check(server, ["/perm", "/temp"])
    assert results["/perm"].kind == OK
    assert results["/perm"].permanent_to == server.url("/ok")
    assert results["/temp"].kind == OK and results["/temp"].permanent_to is None


def test_redirect_loop_and_limit(server: Server) -> None:
    results, _ = check(server, ["/loop", "/perm"], max_redirects=1)
    assert (results["/loop"].kind, results["/loop"].error) == (BROKEN, "loop")
    assert (results["/perm"].kind, results["/perm"].error) == (BROKEN, "redirects")


def test_retry_after_in_seconds_and_as_a_date(server: Server) -> None:
    results, waits = check(server, ["/limited", "/limited-date"], host_concurrency=1)
    assert results["/limited"].kind == OK and results["/limited"].requests == 2
    assert results["/limited-date"].kind == OK
    assert 1.0 in waits.asked
    assert any(0.5 < wait <= 2.0 for wait in waits.asked if wait != 1.0)  # the date, two seconds ahead


def test_retry_after_longer_than_we_wait_gives_up(server: Server) -> None:
    results, waits = check(server, ["/limited"], max_wait=0.5)
    assert (results["/limited"].kind, results["/limited"].status) == (DENIED, 429)
    assert waits.asked == [] and server.by_path["/limited"] == 1


def test_5xx_is_retried_with_backoff(server: Server) -> None:
    results, waits = check(server, ["/flaky", "/unavailable"], retries=2, backoff=0.5)
    assert results["/flaky"].kind == OK and server.by_path["/flaky"] == 2
    assert (results["/unavailable"].kind, results["/unavailable"].status) == (BROKEN, 503)
    assert server.by_path["/unavailable"] == 3  # one try and two retries
    assert len(waits.asked) == 3 and all(wait >= 0.5 for wait in waits.asked)


def test_reset_connection_is_retried_then_reported(server: Server) -> None:
    results, _ = check(server, ["/reset"], retries=1)
    assert (results["/reset"].kind, results["/reset"].error) == (BROKEN, "connection")
    # HEAD, GET (HEAD may be what the server drops), one retry: three tries, each of which
    # aiohttp sends twice, since a dropped connection may be a stale kept-alive one
    assert server.by_path["/reset"] == 6


def test_slow_answer_times_out(server: Server) -> None:
    results, _ = check(server, ["/slow"], timeout=0.3, retries=0)
    assert (results["/slow"].kind, results["/slow"].error) == (BROKEN, "timeout")


def test_html_ids_are_read_only_when_fragments_need_them(server: Server) -> None:
    results, _ = check(server, ["/ok#ids", "/nohead"])
    assert {"top", "installation", "old-name"} <= set(results["/ok"].ids)
    assert results["/nohead"].ids is None


def test_limits_per_host_and_overall_are_held(server: Server) -> None:
    server.delay = 0.05
    paths = [f"/page/{number}" for number in range(12)]
    waits = Waits()
    checker = Checker(CheckOptions(concurrency=3, host_concurrency=2), LOOPBACK, sleep=waits)
    wanted = {server.url(path, host): False for path in paths for host in ("127.0.0.1", "localhost")}
    results = checker.check(wanted)
    assert all(result.kind == OK for result in results.values())
    assert server.by_host["127.0.0.1"] == 12 and server.by_host["localhost"] == 12  # once each
    assert 1 <= server.max_in_flight["127.0.0.1"] <= 2 and 1 <= server.max_in_flight["localhost"] <= 2
    assert server.max_in_flight[""] <= 3


def test_an_address_begun_is_finished_before_new_ones(server: Server) -> None:
    # One request at a time: the GET after the HEAD 404 and the hops of the redirect go before
    # the addresses still waiting, which would otherwise leave them (and their host) for last.
    checker = Checker(CheckOptions(concurrency=1, host_concurrency=1), LOOPBACK, sleep=Waits())
    checker.check({server.url(path): False for path in ("/missing", "/page/1", "/perm", "/page/2")})
    assert server.methods == [
        ("HEAD", "/missing"),
        ("GET", "/missing"),
        ("HEAD", "/page/1"),
        ("HEAD", "/perm"),
        ("HEAD", "/perm2"),
        ("HEAD", "/ok"),
        ("HEAD", "/page/2"),
    ]


def test_limit_serves_urgent_waiters_first_and_skips_a_cancelled_one() -> None:
    async def scenario() -> list[str]:
        limit, served = Limit(1), []

        async def take(name: str, urgent: bool) -> None:
            await limit.acquire(urgent)
            served.append(name)
            await asyncio.sleep(0)
            limit.release()

        await limit.acquire()
        tasks = [asyncio.create_task(take(name, name.startswith("urgent"))) for name in ("new-1", "urgent", "cancelled", "new-2")]
        await asyncio.sleep(0)  # all four are waiting now
        tasks[2].cancel()
        limit.release()
        await asyncio.gather(*tasks, return_exceptions=True)
        assert limit.free == 1  # every place came back
        return served

    assert asyncio.run(scenario()) == ["urgent", "new-1", "new-2"]


def test_private_addresses_are_not_requested_unless_allowed(server: Server) -> None:
    checker = Checker(CheckOptions(), Policy())
    results = checker.check({server.url("/ok"): False, server.url("/ok", "localhost"): False})
    assert all((result.kind, result.error) == (SKIPPED, "private") for result in results.values())
    assert sum(server.by_path.values()) == 0


def test_a_name_resolving_to_a_private_address_is_refused() -> None:
    with pytest.raises(BlockedAddress):
        Policy().check_resolved("intranet.example.org", ["192.168.1.10"])
    Policy().check_resolved("www.example.org", ["93.184.215.14"])  # public: allowed
    Policy(allow_hosts=["10.0.0.0/8"]).check_resolved("wiki.corp.example", ["10.1.2.3"])
    Policy(allow_hosts=["corp.example"]).check_resolved("wiki.corp.example", ["10.1.2.3"])


def test_exclusions_and_browser_only_hosts() -> None:
    policy = Policy(exclude=[r"^https://intranet\."])
    assert policy.skip_reason("https://intranet.example.org/x") == "excluded"
    assert policy.skip_reason("https://www.linkedin.com/in/someone") == "browser-only"
    assert policy.skip_reason("http://[::1]:8080/") == "private"
    assert policy.skip_reason("https://www.example.org/") is None


def test_retry_after_parsing() -> None:
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after("soon") is None and retry_after(None) is None


# -- end to end: the command line, the cache, the summary -----------------------------------


def page_with_links(server: Server) -> str:
    return (
        "---\n"
        f"cover: {server.url('/ok')}\n"
        "---\n\n"
        "# Liens\n\n"
        f"[ok]({server.url('/ok')}) [mort]({server.url('/missing')}) [déplacé]({server.url('/perm')})\n\n"
        f'{{% embed url="{server.url("/gone")}" %}}\n\n'
        f"[section]({server.url('/ok')}#installation) [absente]({server.url('/ok')}#nulle-part)\n\n"
        f'<a href="{server.url("/unavailable")}">HTML</a>\n'
    )


def lint(space: Path, *extra: str, cache: Path | None = None) -> tuple[int, list[dict], str]:
    args = [str(space), "--format", "json", "--external", "--allow-host", "127.0.0.1", "--extend-select", "GB603", *extra]
    if cache is not None:
        args += ["--cache-dir", str(cache)]
    result = run_cli(args, space.parent)
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_findings_then_zero_requests_from_the_cache(server: Server, tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": page_with_links(server)})
    code, findings, stderr = lint(space, "--external-timeout", "5", cache=tmp_path / "cache")
    seen = {(finding["rule"], finding["line"]) for finding in findings if finding["rule"].startswith("GB6")}
    assert code == 1
    assert seen == {("GB601", 7), ("GB602", 7), ("GB601", 9), ("GB603", 11), ("GB601", 13)}
    assert "web links: 5 addresses on 1 hosts" in stderr
    assert (tmp_path / "cache" / "external" / "results.json").is_file()
    before = sum(server.by_path.values())
    again = lint(space, cache=tmp_path / "cache")
    assert sum(server.by_path.values()) == before  # all fresh in the cache: no request at all
    assert again[1] == findings and "5 from the cache" in again[2]
    lint(space, "--no-cache", cache=tmp_path / "cache")
    assert sum(server.by_path.values()) > before


def test_without_external_nothing_is_requested(server: Server, tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": page_with_links(server)})
    result = run_cli([str(space), "--format", "json"], tmp_path)
    assert not [finding for finding in json.loads(result.stdout) if finding["rule"].startswith("GB6")]
    assert sum(server.by_path.values()) == 0
    assert not (tmp_path / ".gitbook-lint-cache").exists() and not (space / ".gitbook-lint-cache").exists()


def test_configuration_turns_it_on_and_excludes(server: Server, tmp_path: Path) -> None:
    space = write_space(tmp_path / "space", {"README.md": page_with_links(server)})
    (tmp_path / ".gitbook-lint.yaml").write_text(
        "external: true\nexternal-allow-hosts: [127.0.0.1]\nexternal-exclude: ['/missing$', '/gone$', '/unavailable$']\n",
        encoding="utf-8",
    )
    result = run_cli([str(space), "--format", "json", "--no-cache"], tmp_path)
    rules = sorted(finding["rule"] for finding in json.loads(result.stdout) if finding["rule"].startswith("GB6"))
    assert rules == ["GB602"]
    assert server.by_path["/missing"] == 0 and server.by_path["/ok"] == 1


def test_a_bad_exclusion_pattern_is_a_configuration_error(tmp_path: Path) -> None:
    space = write_space(tmp_path / "space")
    (tmp_path / ".gitbook-lint.yaml").write_text("external-exclude: ['(']\n", encoding="utf-8")
    result = run_cli([str(space)], tmp_path)
    assert result.exit_code == 2 and "not a regular expression" in result.stderr


def test_progress_bar_on_a_terminal_and_summary_per_host(server: Server) -> None:
    import io

    from linter.external.run import SUMMARY, Summary, external_summary_lines
    from linter.report.progress import Progress
    from linter.settings import Settings

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    with Progress("en", stream, delay=0) as progress:
        checker = Checker(CheckOptions(), LOOPBACK, progress=progress.external)
        checker.check({server.url("/ok"): False, server.url("/missing"): False})
        progress._stop.wait(0.3)  # let the drawing thread show the last state
    assert "web links [####################] 2/2, 1 failing" in stream.getvalue()
    settings = Settings()
    settings.extra[SUMMARY] = Summary()
    settings.extra[SUMMARY].add(checker.stats())
    lines = external_summary_lines(settings)
    assert lines[0] == "web links: 2 addresses on 1 hosts, 3 requests, 0 from the cache, 0 not requested, 1 failing"
    assert lines[1].split() == ["127.0.0.1", "2", "addresses", "3", "requests", "1", "failing"]


@pytest.mark.parametrize("cache", [False, True])
def test_requests_begin_while_the_pages_are_still_read(server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: bool) -> None:
    from linter.model.page import Page

    space = write_space(tmp_path / "space", {"a.md": f"# A\n\n[a]({server.url('/page/a')})\n", "b.md": f"# B\n\n[b]({server.url('/page/b')})\n"})
    parse = Page.from_bytes.__func__  # type: ignore[attr-defined]
    seen_before_b: list[bool] = []

    def parse_waiting(cls: type[Page], path: str, data: bytes) -> Page:
        if path == "b.md":  # a.md is parsed: its address is requested before b.md is even read
            deadline = time.monotonic() + 10
            while not server.by_path["/page/a"] and time.monotonic() < deadline:
                time.sleep(0.01)
            seen_before_b.append(server.by_path["/page/a"] == 1)
        return parse(cls, path, data)

    monkeypatch.setattr(Page, "from_bytes", classmethod(parse_waiting))
    args = [str(space), "--external", "--allow-host", "127.0.0.1", "--format", "json"]
    result = run_cli(args + (["--cache-dir", str(tmp_path / "cache")] if cache else ["--no-cache"]), tmp_path)
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert seen_before_b == [True]
    assert server.by_path["/page/a"] == 1 and server.by_path["/page/b"] == 1


class ReadingFailed(Exception):
    pass


def test_when_reading_fails_the_checking_thread_ends(server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import threading

    from linter.model.page import Page
    from linter.run import lint_paths
    from linter.settings import Settings

    space = write_space(tmp_path / "space", {"a.md": f"# A\n\n[a]({server.url('/page/a')})\n", "b.md": "# B\n"})
    parse = Page.from_bytes.__func__  # type: ignore[attr-defined]

    def parse_or_fail(cls: type[Page], path: str, data: bytes) -> Page:
        if path == "b.md":
            raise ReadingFailed("after a.md was handed over")
        return parse(cls, path, data)

    monkeypatch.setattr(Page, "from_bytes", classmethod(parse_or_fail))
    settings = Settings(cache=False)
    settings.extra["external"] = ExternalSettings(enabled=True, allow_hosts=["127.0.0.1"])
    before = sys.getswitchinterval()
    with pytest.raises(ReadingFailed):
        lint_paths([str(space)], settings)
    assert sys.getswitchinterval() == before  # the process's pace is back on the error path too
    for thread in threading.enumerate():
        if thread.name == "gitbook-lint-external":
            thread.join(10)
            assert not thread.is_alive()  # its feed was closed: it ended after what it had
    assert server.by_path["/page/a"] == 1


def test_a_failure_after_the_pages_are_read_ends_the_thread_and_restores_the_pace(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checking thread started while the pages were read; what fails after the reading (here
    the scope of the report) still closes its feed and gives the process its switch interval back."""
    import sys
    import threading

    import linter.run
    from linter.run import lint_paths
    from linter.settings import Settings

    def scope_fails(*args: object) -> None:
        raise ReadingFailed("after every page was handed over")

    monkeypatch.setattr(linter.run, "_scope", scope_fails)
    space = write_space(tmp_path / "space", {"a.md": f"# A\n\n[a]({server.url('/page/a')})\n"})
    settings = Settings(cache=False)
    settings.extra["external"] = ExternalSettings(enabled=True, allow_hosts=["127.0.0.1"])
    before = sys.getswitchinterval()
    with pytest.raises(ReadingFailed):
        lint_paths([str(space)], settings)
    assert sys.getswitchinterval() == before
    checking = [thread for thread in threading.enumerate() if thread.name == "gitbook-lint-external"]
    for thread in checking:
        thread.join(10)
        assert not thread.is_alive()  # its feed was closed: it ended after what it had
    assert server.by_path["/page/a"] == 1  # the thread did run: the address was requested


def test_with_fragments_checked_an_address_waits_for_every_page(server: Server, tmp_path: Path) -> None:
    # The first page links /ok without a fragment, the last with one: a HEAD for the first link
    # would not do (the ids are in the body), so the address is held back and fetched once, by GET.
    pages = {"a.md": f"# A\n\n[ok]({server.url('/ok')})\n", "b.md": f"# B\n\n[ok]({server.url('/ok')}#nulle-part)\n"}
    space = write_space(tmp_path / "space", pages)
    code, findings, _ = lint(space, "--no-cache")
    assert [(finding["rule"], finding["path"]) for finding in findings] == [("GB603", "space/b.md")]
    assert server.methods == [("GET", "/ok")]


def test_a_cached_rerun_does_not_even_import_the_http_client(server: Server, tmp_path: Path) -> None:
    from test_startup import imported_after

    space = write_space(tmp_path / "space", {"README.md": f"# Lien\n\n[ok]({server.url('/ok')})\n"})
    args = [str(space), "--external", "--allow-host", "127.0.0.1", "--cache-dir", str(tmp_path / "cache")]
    assert run_cli(args, tmp_path).exit_code == 0
    program = f"from linter.cli import main\ntry:\n    main({args!r})\nexcept SystemExit:\n    pass"
    assert "aiohttp" not in imported_after(program, tmp_path)
    assert server.by_path["/ok"] == 1


def test_a_damaged_cache_is_an_empty_cache(server: Server, tmp_path: Path) -> None:
    from linter.external.cache import ResultCache

    folder = tmp_path / "cache" / "external"
    folder.mkdir(parents=True)
    good = {"kind": "ok", "status": 200, "checked_at": 4102444800.0}
    bad = {"kind": "ok", "status": "deux cents", "checked_at": "hier"}
    (folder / "results.json").write_text(json.dumps({"version": 1, "results": {"https://a.example/": good, "https://b.example/": bad}}))
    cache = ResultCache.open(tmp_path / "cache")
    assert list(cache.entries) == ["https://a.example/"]
    (folder / "results.json").write_text("{ pas du JSON")
    assert ResultCache.open(tmp_path / "cache").entries == {}
    space = write_space(tmp_path / "space", {"README.md": f"# Lien\n\n[ok]({server.url('/ok')})\n"})
    result = run_cli([str(space), "--external", "--allow-host", "127.0.0.1", "--cache-dir", str(tmp_path / "cache")], tmp_path)
    assert result.exit_code == 0 and server.by_path["/ok"] == 1
    assert json.loads((folder / "results.json").read_text())["results"][server.url("/ok")]["kind"] == "ok"


def test_the_lock_changes_hands_often_while_the_checking_thread_runs(server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checking thread's event loop gets the interpreter lock back within a millisecond while
    the pages are parsed; the process's own pace comes back once the thread is joined."""
    import sys

    from linter.external.run import SWITCH_INTERVAL

    seen: list[float] = []
    check_feed = Checker.check_feed

    def recording(self: Checker, feed: object) -> object:
        seen.append(sys.getswitchinterval())
        return check_feed(self, feed)

    monkeypatch.setattr(Checker, "check_feed", recording)
    before = sys.getswitchinterval()
    space = write_space(tmp_path / "space", {"README.md": f"# Lien\n\n[ok]({server.url('/ok')})\n"})
    assert lint(space, "--no-cache")[0] == 0
    assert seen == [SWITCH_INTERVAL] and sys.getswitchinterval() == before > SWITCH_INTERVAL
