"""The external check for one run: collect, take what the cache knows, check the rest once.

Results accumulate in `settings.extra[RESULTS]` (address → `Result`), which the GB6xx rules
read; a second space of the same run, or the re-lint after `--fix`, asks nothing again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from ..cache import cache_directory
from .cache import DAY, HOUR, ResultCache
from .collect import addresses, host_of
from .fragments import checkable_fragment
from .policy import Policy
from .result import RESULTS, HostStats, Result

if TYPE_CHECKING:
    from ..model.page import Page
    from ..settings import Settings

OPTIONS = "external"  # settings.extra key: `ExternalSettings`
SUMMARY = "external-summary"  # settings.extra key: `Summary`
RULE_IDS = ("GB601", "GB602", "GB603")
FRAGMENT_RULE = "GB603"


@dataclass
class ExternalSettings:
    """What the command line and the configuration say about the external check."""

    enabled: bool = False
    timeout: float = 10.0
    concurrency: int = 16
    host_concurrency: int = 2
    exclude: list[str] = field(default_factory=list)
    allow_hosts: list[str] = field(default_factory=list)
    cache_ttl: float = DAY

    @classmethod
    def from_config(cls, data: dict[str, Any]) -> ExternalSettings:
        found = cls(enabled=bool(data.get("external", False)))
        for key, attribute in _CONFIG_KEYS.items():
            if key in data:
                setattr(found, attribute, data[key])
        return found


_CONFIG_KEYS = {
    "external-timeout": "timeout",
    "external-concurrency": "concurrency",
    "external-host-concurrency": "host_concurrency",
    "external-exclude": "exclude",
    "external-allow-hosts": "allow_hosts",
    "external-cache-ttl": "cache_ttl",
}


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


def check_external(
    pages: Iterable[Page], start: Path, settings: Settings, progress: Callable[[int, int, int], None] | None = None
) -> None:
    """Check the web addresses of `pages` not checked yet in this run; results go to the settings."""
    options: ExternalSettings | None = settings.extra.get(OPTIONS)
    from ..engine import enabled_rules  # late: the engine imports the rules, which import this module

    enabled = {rule.id for rule in enabled_rules(settings)}
    if options is None or not options.enabled or not enabled & set(RULE_IDS):
        return
    results: dict[str, Result] = settings.extra.setdefault(RESULTS, {})
    summary: Summary = settings.extra.setdefault(SUMMARY, Summary())
    fragments = FRAGMENT_RULE in enabled
    wanted = {
        url: fragments and any(checkable_fragment(url, fragment) for fragment in written)
        for url, written in addresses(pages).items()
        if url not in results
    }
    folder = cache_directory(start, settings)
    cache = ResultCache.open(folder, options.cache_ttl, min(options.cache_ttl, HOUR))
    cached: dict[str, HostStats] = {}
    for url in list(wanted):
        fresh = cache.fresh(url, wanted[url])
        if fresh is not None:
            results[url] = fresh
            stats = cached.setdefault(host_of(url), HostStats())
            stats.urls += 1
            stats.cached += 1
            stats.failed += fresh.failed
            del wanted[url]
    summary.add(cached)
    if not wanted:
        return
    from .checker import Checker  # aiohttp is imported by the runs that request something

    checker = Checker(_check_options(options), Policy(options.exclude, options.allow_hosts), progress=progress)
    checked = checker.check(wanted)
    cache.store(checked)
    results.update(checked)
    summary.add(checker.stats())


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
