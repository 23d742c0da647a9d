"""Inline suppressions in HTML comments, and per-file ignores from the configuration.

GitBook keeps HTML comments of a Git-synced page and does not show them to readers, so editors
can silence a finding where it stands:

    <!-- gitbook-lint-disable GB201 fragment-not-found -->   … until -enable (or the end of the page)
    <!-- gitbook-lint-enable GB201 -->
    <!-- gitbook-lint-disable-next-line GB201 -->            the line after the comment
    <!-- gitbook-lint-disable-line GB201 -->                 the comment's own line(s)
    <!-- gitbook-lint-disable-file GB201 -->                 the whole page

A rule is named by id, id prefix, name or tag; no name means every rule. Comments are read from
the page model's HTML comments (html_block / html_inline tokens), so a comment shown inside a code block is text, not a
suppression. Directives naming no known rule (GB901) and directives that silenced nothing
(GB902) are findings themselves: the engine runs this pass after the rules, then the rules of
scope `suppressions` (GB902), which see what the pass recorded.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .finding import Finding
from .model.page import Page
from .model.site import Site
from .rules import all_rules
from .rules.base import Rule
from .settings import Settings
from .spaces.ignore import gitignore_spec

KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
_DIRECTIVE = re.compile(r"<!--\s*gitbook-lint-(" + "|".join(KINDS) + r")\b(.*?)-->", re.S)


@dataclass
class Selector:
    """One rule reference in a directive, with where it is written."""

    text: str
    line: int
    column: int
    rules: frozenset[str]  # the ids it designates; empty when it designates no rule


@dataclass
class Directive:
    kind: str
    line: int  # where the comment starts
    column: int
    end_line: int  # where the comment ends
    selectors: list[Selector] = field(default_factory=list)  # none: every rule


@dataclass
class Region:
    """Lines `first`..`last` of the page where the rules of `selector` (or all) are silenced."""

    first: int
    last: int
    directive: Directive
    selector: Selector | None  # None: every rule

    def covers(self, finding: Finding) -> bool:
        if not self.first <= finding.line <= self.last:
            return False
        return self.selector is None or finding.rule_id in self.selector.rules


# -- reading the comments --------------------------------------------------------------------


def directives(page: Page) -> list[Directive]:
    """The page's suppression comments, in reading order (from the model's comments, which
    come from HTML tokens only: a comment shown inside code is text, not a directive).
    Computed once per page: findings are matched to these very objects."""
    cached = page.derived.get(__name__)
    if cached is None:
        cached = page.derived[__name__] = _read_directives(page)
    return cached


def _read_directives(page: Page) -> list[Directive]:
    found: list[Directive] = []
    for comment in page.comments:
        if "gitbook-lint-" not in comment.text:
            continue
        at = page.index.line_start(comment.line - 1) + comment.column - 1
        end = page.text.find("-->", at)
        for match in _DIRECTIVE.finditer(page.text, at, len(page.text) if end == -1 else end + 3):
            found.append(_directive(page, match.start(), match))
    return found


def _directive(page: Page, offset: int, match: re.Match[str]) -> Directive:
    where = page.index.position(offset)
    end = page.index.position(offset + len(match.group(0)) - 1)
    directive = Directive(match.group(1), where.line, where.column, end.line)
    names_at = offset + match.start(2) - match.start()
    for name in re.finditer(r"[^\s,]+", match.group(2)):
        position = page.index.position(names_at + name.start())
        rules = frozenset(rule.id for rule in all_rules() if rule.matches(name.group(0)))
        directive.selectors.append(Selector(name.group(0), position.line, position.column, rules))
    return directive


# -- which lines each directive covers -------------------------------------------------------


def regions(page: Page) -> list[Region]:
    found: list[Region] = []
    open_regions: list[Region] = []
    for directive in directives(page):
        targets: list[Selector | None] = list(directive.selectors) or [None]
        if directive.kind == "enable":
            _close(open_regions, directive, found)
        elif directive.kind == "disable":
            open_regions.extend(Region(directive.end_line, _last_line(page), directive, target) for target in targets)
        else:
            first, last = _lines_covered(directive, page)
            found.extend(Region(first, last, directive, target) for target in targets)
    return found + open_regions


def _lines_covered(directive: Directive, page: Page) -> tuple[int, int]:
    """The first and last lines a one-shot comment (next line, its own lines, the file) covers."""
    if directive.kind == "disable-next-line":
        return directive.end_line + 1, directive.end_line + 1
    if directive.kind == "disable-line":
        return directive.line, directive.end_line
    return 1, _last_line(page)  # disable-file


def _last_line(page: Page) -> int:
    """Where a region left open ends. Asked only by a `disable` or `disable-file` comment: the line
    count is in the page's prose, which a page read back from the cache loads from disk, and the
    pass visits every page with findings, most of them without a single comment."""
    return page.index.line_count


def _close(open_regions: list[Region], enable: Directive, closed: list[Region]) -> None:
    """End the open regions an `enable` names (all of them when it names no rule)."""
    names = set().union(*(selector.rules for selector in enable.selectors)) if enable.selectors else None
    for region in list(open_regions):
        covered = region.selector.rules if region.selector is not None else None
        if names is None or (covered is not None and covered <= names):
            region.last = enable.line
            open_regions.remove(region)
            closed.append(region)


# -- applying them to findings ---------------------------------------------------------------


@dataclass
class SuppressionPass:
    """What the suppression pass leaves: the findings kept, and which directives (and selectors
    in them) silenced something, which GB902 judges once every rule has run."""

    kept: list[Finding]
    used: set[int]  # ids of the directives and selectors that silenced something, this run
    ran: frozenset[str]  # the ids of the rules that ran
    silenced: Callable[[Finding], bool]  # would a per-file ignore or a comment silence it?


def apply_suppressions(site: Site, findings: Iterable[Finding], settings: Settings, ran: Iterable[Rule]) -> SuppressionPass:
    """The pass after the rules: drop the findings that per-file ignores and inline comments
    silence, and record which comments did silence something.

    Linear in findings and regions (up to a log): each page's regions are computed once and
    merged per rule, so 10,000 comments and as many findings take a moment, not minutes."""
    ignored = per_file_ignore_matcher(site, settings)
    on_page: dict[str, list[Finding]] = defaultdict(list)
    kept: list[Finding] = []
    for finding in findings:
        if ignored(finding):
            continue
        if finding.path in site.pages:
            on_page[finding.path].append(finding)
        else:
            kept.append(finding)
    coverage: dict[str, _Coverage] = {}
    used: set[int] = set()
    for path, page_findings in on_page.items():
        page_regions = regions(site.pages[path])
        coverage[path] = _Coverage(page_regions)
        kept.extend(finding for finding in page_findings if not coverage[path].covers(finding))
        used |= _used(page_regions, page_findings)

    def silenced(finding: Finding) -> bool:
        if ignored(finding):
            return True
        page = site.pages.get(finding.path)
        if page is None:
            return False
        if finding.path not in coverage:
            coverage[finding.path] = _Coverage(regions(page))
        return coverage[finding.path].covers(finding)

    return SuppressionPass(kept, used, frozenset(rule.id for rule in ran), silenced)


class _Coverage:
    """Which lines of a page are silenced for which rule: the regions merged into sorted,
    disjoint line spans per rule id (`None`: every rule), looked up by bisection."""

    def __init__(self, page_regions: list[Region]) -> None:
        spans: dict[str | None, list[tuple[int, int]]] = defaultdict(list)
        for region in page_regions:
            for key in [None] if region.selector is None else region.selector.rules:
                spans[key].append((region.first, region.last))
        self.spans = {key: _merge(found) for key, found in spans.items()}

    def covers(self, finding: Finding) -> bool:
        return any(_in_spans(self.spans.get(key), finding.line) for key in (None, finding.rule_id))


def _merge(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for first, last in sorted(spans):
        if starts and first <= ends[-1] + 1:
            ends[-1] = max(ends[-1], last)
        else:
            starts.append(first)
            ends.append(last)
    return starts, ends


def _in_spans(spans: tuple[list[int], list[int]] | None, line: int) -> bool:
    if spans is None:
        return False
    starts, ends = spans
    at = bisect.bisect_right(starts, line) - 1
    return at >= 0 and line <= ends[at]


def _used(page_regions: list[Region], page_findings: list[Finding]) -> set[int]:
    """The directives and selectors whose region holds at least one finding of their rules."""
    lines: dict[str | None, list[int]] = defaultdict(list)
    for finding in page_findings:
        lines[finding.rule_id].append(finding.line)
        lines[None].append(finding.line)
    for found in lines.values():
        found.sort()
    used: set[int] = set()
    for region in page_regions:
        keys = [None] if region.selector is None else region.selector.rules
        if any(_any_between(lines.get(key, []), region.first, region.last) for key in keys):
            used.add(id(region.selector if region.selector is not None else region.directive))
    return used


def _any_between(sorted_lines: list[int], first: int, last: int) -> bool:
    at = bisect.bisect_left(sorted_lines, first)
    return at < len(sorted_lines) and sorted_lines[at] <= last


def per_file_ignore_matcher(site: Site, settings: Settings):  # noqa: ANN201 - a predicate
    """A predicate: is this finding's rule ignored for its file by `per-file-ignores`?"""
    if not settings.per_file_ignores:
        return lambda finding: False
    entries = [
        (gitignore_spec([glob]), {r.id for r in all_rules() if any(r.matches(s) for s in selectors)})
        for glob, selectors in settings.per_file_ignores.items()
    ]
    prefix = _root_prefix(site, settings)

    def ignored(finding: Finding) -> bool:
        candidates = [finding.path] + ([prefix + finding.path] if prefix else [])
        return any(
            finding.rule_id in ids and any(spec.match_file(path) for path in candidates) for spec, ids in entries
        )

    return ignored


def _root_prefix(site: Site, settings: Settings) -> str:
    """The space root as seen from the configuration's folder (`content/`), or ''."""
    if settings.config_dir is None:
        return ""
    try:
        relative = site.root.relative_to(settings.config_dir.resolve()).as_posix()
    except ValueError:
        return ""
    return "" if relative == "." else relative + "/"
