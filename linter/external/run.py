"""The external check for one run: collect, take what the cache knows, check the rest once.

Results accumulate in `settings.extra[RESULTS]` (address → `Result`), which the GB6xx rules
read; a second space of the same run, or the re-lint after `--fix`, asks nothing again.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from ..cache import cache_directory
from .cache import ResultCache
from .collect import host_of, web_links
from .feed import Feed
from .fragments import checkable_fragment
from .options import HOUR, OPTIONS, ExternalSettings
from .policy import Policy
from .result import RESULTS, HostStats, Result

if TYPE_CHECKING:
    from ..model.page import Page
    from ..settings import Settings

SUMMARY = "external-summary"  # settings.extra key: `Summary`
RULE_IDS = ("GB601", "GB602", "GB603")
FRAGMENT_RULE = "GB603"
SWITCH_INTERVAL = 0.001  # seconds, while the checking thread runs: see ExternalCheck._started
Progress = Callable[[int, int, int], None]  # done, total, failing


@dataclass
class Summary:
    """Per host: addresses, requests, failures, cache hits; for the lines printed at the end."""

    hosts: dict[str, HostStats] = field(default_factory=dict)

    def add(self, stats: dict[str, HostStats]) -> None:
        for name, new in stats.items():
            old = self.hosts.setdefault(name, HostStats())
            for attribute in ("urls", "requests", "failed", "cached", "skipped", "waited"):
                setattr(old, attribute, getattr(old, attribute) + getattr(new, attribute))

    def total(self, attribute: str) -> int:
        return sum(getattr(stats, attribute) for stats in self.hosts.values())


def start_external(start: Path, settings: Settings, progress: Progress | None = None) -> ExternalCheck | None:
    """The external check of the space in `start`, or None when this run does not check the web."""
    options: ExternalSettings | None = settings.extra.get(OPTIONS)
    if options is None or not options.enabled:
        return None
    from ..engine import enabled_rules  # late: the engine imports the rules, which import this module

    enabled = {rule.id for rule in enabled_rules(settings)}
    if not enabled & set(RULE_IDS):
        return None
    return ExternalCheck(settings, options, start, FRAGMENT_RULE in enabled, progress)


class ExternalCheck:
    """The web addresses of one space, checked while its pages are still being read.

    `add` takes pages as they are parsed (`Site.load`'s `on_page`): an address answered by the
    cache or by an earlier space of the run is settled at once, the others go to a thread that
    requests them straight away (`feed`), so the network waits overlap the parsing. `finish`
    waits for the answers and leaves the results in the settings. With GB603 on, an address
    that no link so far gives a checkable `#fragment` is held back to the end: a later page may
    still need its HTML ids, and each address is requested once.
    """

    def __init__(self, settings: Settings, options: ExternalSettings, start: Path, fragments: bool, progress: Progress | None) -> None:
        self.options = options
        self.fragments = fragments
        self.progress = progress
        self.results: dict[str, Result] = settings.extra.setdefault(RESULTS, {})
        self.summary: Summary = settings.extra.setdefault(SUMMARY, Summary())
        self.cache = ResultCache.open(cache_directory(start, settings), options.cache_ttl, min(options.cache_ttl, HOUR))
        self.cached: dict[str, HostStats] = {}
        self.pages: set[str] = set()  # paths of the pages taken
        self.settled: set[str] = set()  # addresses answered or handed to the checking thread
        self.held: set[str] = set()  # addresses that may still need their ids (GB603)
        self.feed: Feed | None = None  # started with the first address to request
        self.thread: threading.Thread | None = None
        self.switch_interval = sys.getswitchinterval()
        self.outcome: dict[str, Any] = {}

    def add(self, pages: Iterable[Page]) -> None:
        """The web addresses of these pages (pages already taken are skipped)."""
        wanted = []
        for page in pages:
            if page.path in self.pages:
                continue
            self.pages.add(page.path)
            for link in web_links(page):
                url = link.address
                if url in self.settled or url in self.results:
                    continue
                if self.fragments and not checkable_fragment(url, link.fragment):
                    self.held.add(url)
                    continue
                self.held.discard(url)
                wanted.append((url, self.fragments))
        self._settle(wanted)

    def add_page(self, page: Page) -> None:
        self.add([page])

    def finish(self) -> None:
        """Wait for every answer; the results go to the settings, the counts to the summary."""
        self._settle([(url, False) for url in sorted(self.held)])
        self.held.clear()
        self.summary.add(self.cached)
        self.cached = {}
        if self.thread is None or self.feed is None:
            return
        self.feed.close()
        self.thread.join()
        self.thread, self.feed = None, None
        sys.setswitchinterval(self.switch_interval)
        if "error" in self.outcome:
            raise self.outcome["error"]
        checked: dict[str, Result] = self.outcome["results"]
        self.cache.store(checked)
        self.results.update(checked)
        self.summary.add(self.outcome["stats"])

    def abandon(self) -> None:
        """The run failed before `finish` was done (reading, scoping, an interrupted wait): the
        checking thread ends with what it has, the switch interval is the process's again."""
        if self.feed is not None:
            self.feed.close()
        sys.setswitchinterval(self.switch_interval)

    def _settle(self, wanted: list[tuple[str, bool]]) -> None:
        """Answer from the cache what it knows fresh; hand the rest to the checking thread."""
        to_request = []
        for url, want_ids in wanted:
            if url in self.settled:
                continue
            self.settled.add(url)
            fresh = self.cache.fresh(url, want_ids)
            if fresh is None:
                to_request.append((url, want_ids))
                continue
            self.results[url] = fresh
            stats = self.cached.setdefault(host_of(url), HostStats())
            stats.urls += 1
            stats.cached += 1
            stats.failed += fresh.failed
        if to_request:
            self._started().put(to_request)

    def _started(self) -> Feed:
        if self.feed is None:
            self.feed = Feed()
            self.thread = threading.Thread(target=self._check, args=(self.feed,), name="gitbook-lint-external", daemon=True)
            # While the pages are parsed, the reading thread holds the interpreter lock; the
            # checking thread's event loop gets it back only when the reading thread is made to
            # let go, every switch interval (5 ms by default), and a connection takes a dozen
            # turns of the loop: the first request waited ~0.1 s more, the answers as long.
            # Until the thread is joined (`finish`), the lock changes hands every millisecond.
            sys.setswitchinterval(min(self.switch_interval, SWITCH_INTERVAL))
            self.thread.start()
            # The reading waits while the checking thread imports the HTTP client: under the GIL
            # both would share the processor, and the first request would wait for both.
            self.feed.taking.wait()
        return self.feed

    def _check(self, feed: Feed) -> None:
        """The checking thread: imports the HTTP client (while the pages are parsed), then checks."""
        try:
            from .checker import Checker  # aiohttp is imported by the runs that request something

            checker = Checker(_check_options(self.options), Policy(self.options.exclude, self.options.allow_hosts), progress=self.progress)
            self.outcome["results"] = checker.check_feed(feed)
            self.outcome["stats"] = checker.stats()
        except BaseException as error:  # noqa: BLE001 - raised again in the reading thread, by `finish`
            self.outcome["error"] = error
        finally:
            feed.taking.set()  # the reading never waits for a thread that ended


def _check_options(options: ExternalSettings) -> Any:
    from .checker import CheckOptions

    return CheckOptions(
        timeout=float(options.timeout),
        concurrency=max(1, int(options.concurrency)),
        host_concurrency=max(1, int(options.host_concurrency)),
    )


def external_summary_lines(settings: Settings, top: int = 10) -> list[str]:
    """The closing lines on stderr: totals, then the hosts with failures or the most requests."""
    from ..report.i18n import say

    summary: Summary | None = settings.extra.get(SUMMARY)
    if summary is None or not summary.hosts:
        return []
    lang = settings.lang
    totals = {name: summary.total(name) for name in ("urls", "requests", "failed", "cached", "skipped")}
    lines = [say("external-summary", lang, hosts=len(summary.hosts), **totals)]
    ranked = sorted(summary.hosts.items(), key=lambda item: (-item[1].failed, -item[1].requests, item[0]))
    shown = ranked[:top]
    width = max(len(name) for name, _ in shown)
    for name, stats in shown:
        waited = say("external-waited", lang, seconds=stats.waited) if stats.waited >= 1 else ""
        lines.append(
            say("external-host", lang, host=name, width=width, urls=stats.urls, requests=stats.requests, failed=stats.failed, waited=waited)
        )
    if len(ranked) > top:
        lines.append(say("external-more", lang, count=len(ranked) - top))
    return lines
