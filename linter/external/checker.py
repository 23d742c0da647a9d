"""Fetch each distinct web address once, politely: asyncio over aiohttp.

Politeness: a global limit and a per-host limit on requests in flight, a timeout per request,
retries with exponential backoff on 5xx answers and lost connections, `Retry-After` honoured on
429 and 503 (in seconds or as an HTTP date, up to `max_wait`: a longer wait gives up and says so),
during which the whole host is left alone. HEAD first, GET after an error status but 410 (and,
once a host refused HEAD, GET straight away for its other addresses); redirects followed by hand, at
most `max_redirects`, each hop checked against the policy; a User-Agent that says who we are.

Why aiohttp: it is asyncio's own HTTP client (no second async layer), its resolver is pluggable,
which is where the private-address check belongs (every connection, redirect hops included,
after DNS, before connecting), it keeps per-host connection limits, and its C parsers keep a
few thousand requests cheap on a small CI runner.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import random
import re
import socket
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Awaitable, Callable
from urllib.parse import urljoin

import aiohttp
from aiohttp.abc import AbstractResolver
from aiohttp.resolver import DefaultResolver

from .. import __version__
from .collect import host_of, is_web_address
from .feed import Feed
from .limit import Limit
from .policy import BlockedAddress, Policy
from .result import BROKEN, DENIED, OK, SKIPPED, HostStats, Result

USER_AGENT = f"gitbook-lint/{__version__} (documentation link check; +https://pypi.org/project/gitbook-lint/)"
REDIRECTS = (301, 302, 303, 307, 308)
PERMANENT = (301, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)
DENIED_STATUSES = (401, 403, 429, 999)  # the server refuses robots; a reader may well get the page
# After a HEAD, an error status is asked again with GET (servers that route GET only answer HEAD
# with 404, 405, 403, 501…: a HEAD 404 proves nothing), except 410 Gone: a server says it only
# of a resource it knows was removed, and no routing quirk answers 410 for a method it lacks.
HEAD_IS_FINAL = (410,)
_ID = re.compile(rb"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)

Sleep = Callable[[float], Awaitable[Any]]
Progress = Callable[[int, int, int], None]


@dataclass
class CheckOptions:
    timeout: float = 10.0  # seconds for one request, connection included
    concurrency: int = 16  # requests in flight at once
    host_concurrency: int = 2  # requests in flight at once to one host
    retries: int = 2  # extra tries after a 5xx, 429, timeout or lost connection
    backoff: float = 0.5  # first pause between tries, doubled each time
    max_wait: float = 60.0  # the longest Retry-After honoured
    max_redirects: int = 10
    max_body: int = 5_000_000  # bytes of HTML read to find fragment ids
    user_agent: str = USER_AGENT


@dataclass
class _Host:
    limit: Limit
    stats: HostStats
    not_before: float = 0.0  # time.monotonic() before which the host is left alone
    head_refused: bool = False


@dataclass
class _Answer:
    status: int
    location: str | None = None
    retry_after: str | None = None
    ids: list[str] | None = None


class _Failure(Exception):
    """No HTTP answer: `error` says which kind, `retry` whether trying again may help."""

    def __init__(self, error: str, detail: str, retry: bool) -> None:
        super().__init__(detail)
        self.error, self.detail, self.retry = error, detail, retry


class GuardedResolver(AbstractResolver):
    """The system resolver, refusing addresses the policy forbids: checked before connecting."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.inner = DefaultResolver()

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET) -> list[Any]:
        found = await self.inner.resolve(host, port, family)
        self.policy.check_resolved(host, [entry["host"] for entry in found])
        return found

    async def close(self) -> None:
        await self.inner.close()


@dataclass
class Checker:
    options: CheckOptions = field(default_factory=CheckOptions)
    policy: Policy = field(default_factory=Policy)
    sleep: Sleep = asyncio.sleep
    progress: Progress | None = None
    hosts: dict[str, _Host] = field(default_factory=dict)

    def check(self, wanted: dict[str, bool]) -> dict[str, Result]:
        """Check each address (→ whether its HTML ids are wanted, for fragments); blocking."""
        if not wanted:
            return {}
        feed = Feed()
        feed.put(wanted.items())
        feed.close()
        return self.check_feed(feed)

    def check_feed(self, feed: Feed) -> dict[str, Result]:
        """Check the addresses put in `feed` as they come, until it is closed; blocking."""
        return asyncio.run(self._check_feed(feed))

    def stats(self) -> dict[str, HostStats]:
        return {name: host.stats for name, host in self.hosts.items()}

    async def _check_feed(self, feed: Feed) -> dict[str, Result]:
        self._global = Limit(self.options.concurrency)
        self._answers: dict[tuple[str, bool], asyncio.Future[_Answer]] = {}
        connector = aiohttp.TCPConnector(
            limit=self.options.concurrency,
            limit_per_host=self.options.host_concurrency,
            resolver=GuardedResolver(self.policy),
            ttl_dns_cache=300,
        )
        headers = {"User-Agent": self.options.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
        self._results: dict[str, Result] = {}
        self._failed = 0
        self._total = 0
        timeout = aiohttp.ClientTimeout(total=self.options.timeout)
        async with aiohttp.ClientSession(connector=connector, headers=headers, timeout=timeout) as session:
            checks = {}
            async for batch in feed.batches():
                for url, want_ids in batch:
                    if url not in checks:  # each address once
                        checks[url] = asyncio.create_task(self._check_and_count(session, url, want_ids))
                self._total = len(checks)
            await asyncio.gather(*checks.values())
        return self._results

    async def _check_and_count(self, session: aiohttp.ClientSession, url: str, want_ids: bool) -> None:
        result = await self._check_url(session, url, want_ids)
        self._results[url] = result
        self._failed += result.failed
        self._host(url).stats.failed += result.failed
        if self.progress is not None:
            self.progress(len(self._results), self._total, self._failed)

    def _host(self, url: str) -> _Host:
        name = host_of(url)
        if name not in self.hosts:
            self.hosts[name] = _Host(Limit(self.options.host_concurrency), HostStats())
        return self.hosts[name]

    async def _check_url(self, session: aiohttp.ClientSession, url: str, want_ids: bool) -> Result:
        result = Result(url, OK, checked_at=time.time())
        self._host(url).stats.urls += 1
        current, seen, permanent = url, {url}, True
        for _ in range(self.options.max_redirects + 1):
            reason = self._skip_reason(current)
            if reason is not None:
                if current == url:
                    self._host(url).stats.skipped += 1
                    return _with(result, kind=SKIPPED, error=reason)
                return result  # it leads somewhere we do not check: as far as we know, it works
            try:
                answer = await self._fetch_once(session, current, want_ids, result, urgent=current != url)
            except _Failure as failure:
                kind = SKIPPED if failure.error == "private" else BROKEN
                return _with(result, kind=kind, error=failure.error, detail=failure.detail)
            result.status = answer.status
            if answer.status not in REDIRECTS or not answer.location:
                return _with(result, kind=_kind(answer.status), ids=answer.ids)
            target = urljoin(current, answer.location.strip())
            permanent = permanent and answer.status in PERMANENT
            if permanent:
                result.permanent_to = target
            if target in seen:
                return _with(result, kind=BROKEN, error="loop", detail=target)
            seen.add(target)
            current = target
        return _with(result, kind=BROKEN, error="redirects", detail=str(self.options.max_redirects))

    def _skip_reason(self, url: str) -> str | None:
        if not is_web_address(url):
            return "not-web"
        return self.policy.skip_reason(url)

    async def _fetch_once(
        self, session: aiohttp.ClientSession, url: str, want_ids: bool, result: Result, urgent: bool
    ) -> _Answer:
        """`_fetch`, shared: a redirect to an address also linked directly asks the server once."""
        key = (url, want_ids)
        shared = self._answers.get(key)
        if shared is not None:
            return await asyncio.shield(shared)
        future: asyncio.Future[_Answer] = asyncio.get_running_loop().create_future()
        self._answers[key] = future
        try:
            answer = await self._fetch(session, url, want_ids, result, urgent)
        except BaseException as error:
            if isinstance(error, asyncio.CancelledError):
                future.cancel()
            else:
                future.set_exception(error)
                future.exception()  # marked as retrieved: nobody else may be waiting for it
            raise
        future.set_result(answer)
        return answer

    async def _fetch(self, session: aiohttp.ClientSession, url: str, want_ids: bool, result: Result, urgent: bool) -> _Answer:
        """One address, HEAD then GET, with the retries; raises `_Failure` when nothing answers.
        `urgent`: a redirect hop. Every request after the first is urgent too: an address begun
        is finished before new ones start (see `limit`)."""
        host = self._host(url)
        method = "GET" if want_ids or host.head_refused else "HEAD"
        attempt = 0
        while True:
            try:
                answer = await self._request(session, host, method, url, want_ids, result, urgent)
            except _Failure as failure:
                if method == "HEAD" and failure.error == "connection":
                    method = "GET"  # some servers drop the connection on HEAD
                    continue
                if not failure.retry or attempt >= self.options.retries:
                    raise
                attempt += 1
                await self._pause(host, self._backoff(attempt))
                continue
            finally:
                urgent = True  # any next request continues this address
            if answer.status in RETRY_STATUSES and attempt < self.options.retries:
                wait = retry_after(answer.retry_after) if answer.status in (429, 503) else None
                if wait is not None and wait > self.options.max_wait:
                    return answer  # the server asks for longer than we wait: report it as it is
                attempt += 1
                if wait is not None:  # the whole host asked for a pause, not just this address
                    host.not_before = max(host.not_before, time.monotonic() + wait)
                await self._pause(host, wait if wait is not None else self._backoff(attempt))
                continue
            if method == "HEAD" and answer.status >= 400 and answer.status not in RETRY_STATUSES + HEAD_IS_FINAL:
                method = "GET"  # HEAD refused or mishandled (405, 501, even 404): ask as a browser does
                continue
            if method == "GET" and not want_ids and answer.status < 400 and not host.head_refused:
                host.head_refused = True
            return answer

    def _backoff(self, attempt: int) -> float:
        return self.options.backoff * 2 ** (attempt - 1) * (1 + random.random() / 4)

    async def _pause(self, host: _Host, seconds: float) -> None:
        host.stats.waited += seconds
        await self.sleep(seconds)

    async def _request(
        self,
        session: aiohttp.ClientSession,
        host: _Host,
        method: str,
        url: str,
        want_ids: bool,
        result: Result,
        urgent: bool,
    ) -> _Answer:
        await host.limit.acquire(urgent)
        try:
            delay = host.not_before - time.monotonic()
            if delay > 0:  # another address of the host was told to come back later
                await self._pause(host, delay)
            await self._global.acquire(urgent)
            try:
                result.requests += 1
                host.stats.requests += 1
                return await self._send(session, method, url, want_ids)
            except _Failure:
                raise
            except Exception as error:  # noqa: BLE001 - every way a request fails becomes a result
                raise _failure(error) from error
            finally:
                self._global.release()
        finally:
            host.limit.release()

    async def _send(self, session: aiohttp.ClientSession, method: str, url: str, want_ids: bool) -> _Answer:
        host = host_of(url)
        address = _literal_address(host)
        if address is not None:  # no DNS for a literal address: check it here
            self.policy.check_resolved(host, [address])
        async with session.request(method, url, allow_redirects=False) as response:
            ids = None
            if method == "GET":
                html = "html" in response.headers.get("Content-Type", "").lower()
                limit = self.options.max_body if want_ids and html else 65536
                body = await response.content.read(limit)
                if want_ids and html and response.status < 300:
                    ids = html_ids(body)
            return _Answer(response.status, response.headers.get("Location"), response.headers.get("Retry-After"), ids)


def _failure(error: Exception) -> _Failure:
    """The kind of a failed request, and whether another try may help."""
    detail = str(error) or type(error).__name__
    if isinstance(error, BlockedAddress):
        return _Failure("private", detail, False)
    if isinstance(error, aiohttp.ClientConnectorDNSError):
        if isinstance(error.os_error, BlockedAddress):
            return _Failure("private", str(error.os_error), False)
        return _Failure("dns", detail, False)
    if isinstance(error, (aiohttp.ClientSSLError, aiohttp.ClientConnectorCertificateError)):
        return _Failure("tls", detail, False)
    if isinstance(error, (asyncio.TimeoutError, TimeoutError)):
        return _Failure("timeout", "no answer in time", True)
    if isinstance(error, (aiohttp.InvalidURL, ValueError)):
        return _Failure("invalid", detail, False)
    return _Failure("connection", detail, True)


def _kind(status: int) -> str:
    if status in DENIED_STATUSES:
        return DENIED
    return BROKEN if status >= 400 else OK


def _with(result: Result, **changes: Any) -> Result:
    for name, value in changes.items():
        setattr(result, name, value)
    return result


@lru_cache(maxsize=1024)
def _literal_address(url_host: str) -> str | None:
    host = url_host.strip("[]")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return None


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def html_ids(body: bytes) -> list[str]:
    """The `id` and `name` values of an HTML page: what a `#fragment` may name."""
    found = []
    for match in _ID.finditer(body):
        raw = next(group for group in match.groups() if group is not None)
        found.append(raw.decode("utf-8", errors="replace"))
    return sorted(set(found))
