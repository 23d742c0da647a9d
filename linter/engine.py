"""Run the enabled rules over a site and collect their findings.

The passes, in order: the page rules over each page, the site rules over the site, the
suppression pass (per-file ignores and inline comments), then the rules of scope
`suppressions`, which judge the comments by what the pass recorded.
"""

from __future__ import annotations

import copy
import os
import pickle
import traceback
from dataclasses import dataclass
from typing import Any, Callable, Collection, Iterator

from .finding import INTERNAL_ERROR_ID, Finding
from .incremental import RunMemo
from .model.page import FACTS_DERIVED, PROSE_FIELDS, Page
from .model.site import Site
from .rules import all_rules
from .rules.base import Context, Rule
from .settings import OFF, Settings
from .suppress import apply_suppressions


def lint_site(
    site: Site,
    settings: Settings,
    pages: Collection[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    early: EarlyPageRules | None = None,
) -> list[Finding]:
    """All findings for the site, sorted and de-duplicated, suppressions applied.

    `pages`, when given, limits the page rules to those root-relative pages (the site rules
    still see the whole site); `linter.scope` keeps a run to the files it was given.
    `progress(done, total)` is told after each page. `early`: the page rules that already ran
    as the pages were read (`Site.load(hook=…)`), taken only under the same settings.
    """
    rules = enabled_rules(settings)
    findings: set[Finding] = set()
    page_rules = [rule for rule in rules if rule.scope == "page"]
    checked = [page for page in site.pages.values() if pages is None or page.path in pages]
    memo = RunMemo.open(site, settings)
    ran_early = early.found if early is not None and early.settings == settings else {}

    def check(page: Page) -> None:
        reused = memo.reused_page(page.path) if memo is not None else None
        if reused is not None:  # every page rule still true on this page: one look-up, not one per rule
            findings.update(reused)
        else:
            found_early = ran_early.get(page.path)
            for rule in page_rules:
                findings.update(_page_rule(rule, page, site, settings, memo, found_early))
        page.release()  # a lean model: the page's prose and own facts are read again if ever needed
        site.forget(page.path)

    # A cold run's last pages, checked by a copy of this process meanwhile (see `OtherHalf`); its
    # findings and memo records are taken as if they were found here.
    other = OtherHalf.start(checked, check, findings, memo) if len(ran_early) >= OtherHalf.MIN_PAGES else None
    for done, page in enumerate(checked if other is None else other.first, 1):
        check(page)
        if progress is not None:
            progress(done, len(checked))
    findings.update(_site_rules(rules, site, settings, memo))  # (meanwhile, the copy checks its pages)
    if other is not None:
        other.join(check)
        if progress is not None:
            progress(len(checked), len(checked))
    if memo is not None:
        memo.save()
    outcome = apply_suppressions(site, findings, settings, rules)
    kept = list(outcome.kept)
    for rule in rules:
        if rule.scope == "suppressions":
            ctx = Context(rule, site, settings, settings.options_for(rule), suppressions=outcome)
            kept.extend(finding for finding in _run(rule, site, ctx) if not outcome.silenced(finding))
    return sorted(set(kept))


def _page_rule(
    rule: Rule, page: Page, site: Site, settings: Settings, memo: RunMemo | None, early: PageFindings | None = None
) -> tuple[Finding, ...]:
    """A page rule's findings on a page: from the cache when still true, else from its run as the
    page was read if it did not look at the site then, else from running it now."""
    reused = memo.reused(page.path, rule.id) if memo is not None else None
    if reused is not None:
        assert memo is not None
        memo.note(page.path, rule.id, reused, memo.was_site_read(page.path, rule.id), ran=False)
        return reused
    if early is not None and rule.id not in early.needs_site:
        found = early.findings.get(rule.id, ())
        if memo is not None:
            memo.note(page.path, rule.id, found, False, ran=True)
        return found
    ctx = Context(rule, site, settings, settings.options_for(rule), page)
    found = tuple(_run(rule, page, ctx))
    if memo is not None:
        memo.note(page.path, rule.id, found, ctx.site_read, ran=True)
    return found


def _site_rules(rules: list[Rule], site: Site, settings: Settings, memo: RunMemo | None) -> tuple[Finding, ...]:
    """Each site rule's findings: from the cache when still true (see `incremental`), else run."""
    found: list[Finding] = []
    site_rules = [rule for rule in rules if rule.scope == "site"]
    if memo is None:
        for rule in site_rules:
            found.extend(_run(rule, site, Context(rule, site, settings, settings.options_for(rule))))
        return tuple(found)
    summary_same = not memo.content_changed(site.summary_path)
    watch: ProseWatch | None = None
    try:
        for rule in site_rules:
            reused = memo.site_findings(rule.id, summary_same)
            if reused is None:
                watch = watch or ProseWatch(site)
                read = watch.next_rule()
                reused = tuple(_run(rule, site, Context(rule, site, settings, settings.options_for(rule))))
                memo.note_site(rule.id, reused, read)
            found.extend(reused)
    finally:
        if watch is not None:
            watch.stop()
    return tuple(found)


class OtherHalf:
    """The page rules on the last pages, checked by a forked copy of this process while this one
    checks the first pages (`SHARE`) and runs the site rules: after the parse, the rules that read
    the site (links, anchors) and the site rules ran on one core while the other idled. The copy
    sends back its findings and the memo's records of its pages, which are taken after this
    process's pages, in page order: the findings and the memo are those of one process checking
    every page. Where the copy cannot be made or fails, this process checks its pages itself."""

    MIN_PAGES = 150  # pages whose rules ran as they were parsed: below this, forking costs more than it saves
    SHARE = 30  # the percentage of the pages this process checks: it runs the site rules meanwhile

    def __init__(self, first: list[Page], second: list[Page], pid: int, pipe: int, findings: set[Finding], memo: RunMemo | None) -> None:
        self.first, self.second, self.pid, self.pipe, self.findings, self.memo = first, second, pid, pipe, findings, memo

    @classmethod
    def start(cls, pages: list[Page], check: Callable[[Page], None], findings: set[Finding], memo: RunMemo | None) -> OtherHalf | None:
        """The copy at work on the last pages; None (every page left to this process) where
        processes cannot be forked."""
        if not hasattr(os, "fork"):
            return None
        middle = len(pages) * cls.SHARE // 100
        first, second = pages[:middle], pages[middle:]
        try:
            read, write = os.pipe()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return None
        if pid == 0:  # the copy: never returns
            os.close(read)
            _check_and_send(second, check, findings, memo, write)
        os.close(write)
        return cls(first, second, pid, read, findings, memo)

    def join(self, check: Callable[[Page], None]) -> None:
        """The copy's findings and records taken, or its pages checked here if it failed."""
        chunks = []
        with os.fdopen(self.pipe, "rb") as pipe:
            while chunk := pipe.read(1 << 16):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        try:
            found, records, changed = pickle.loads(b"".join(chunks)) if status == 0 else (None, None, None)
        except Exception:  # noqa: BLE001 - a copy that died midway: its half is checked here
            found = None
        if found is None:
            for page in self.second:
                check(page)
            return
        self.findings.update(found)
        for page in self.second:
            page.release()
        if self.memo is not None:
            self.memo.take_records(records, changed)


def _check_and_send(pages: list[Page], check: Callable[[Page], None], findings: set[Finding], memo: RunMemo | None, pipe: int) -> None:
    """In the forked copy: the pages checked, and what was found sent down `pipe`; the copy then
    ends at once (nothing of this process's exit work runs twice)."""
    status = 1
    try:
        findings.clear()
        for page in pages:
            check(page)
        records = {page.path: memo.pages[page.path] for page in pages if page.path in memo.pages} if memo is not None else {}
        data = pickle.dumps((findings, records, memo is not None and memo.changed), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(pipe, "wb") as out:
            out.write(data)
        status = 0
    finally:
        os._exit(status)


class ProseWatch:
    """Tells which pages' prose a site rule read (`Page.prose_reads`): a rule's answer is a
    function of the pages' facts and of the prose of those pages alone, so it may be reused
    while no page's facts change and those pages keep their bytes.

    Every page's prose is left out, to be loaded through its loader when read, which the watch
    hears of. Every page also loses what was derived from its prose (cached properties other
    than `FACTS_DERIVED`, `derived`, tokens), and the site forgets what its helpers derived from
    the pages (`Site.memo`), so that a rule reading those computes them again, through the
    loader: a value derived from a page's prose is never read unheard."""

    def __init__(self, site: Site) -> None:
        kept = {*Page.__dataclass_fields__, *FACTS_DERIVED, "_prose_loader", "_facts_loader", "_facts_source"}
        for page in site.pages.values():
            state = page.__dict__
            if "_prose_loader" in state:
                page.release_prose()
            elif all(name in state for name in PROSE_FIELDS):
                prose = {name: state[name] for name in PROSE_FIELDS}
                page.set_prose_loader(lambda prose=prose: dict(prose))  # the prose kept aside
            else:
                continue  # no prose to watch (a page that could not be read keeps what it has)
            for name in [name for name in state if name not in kept]:
                del state[name]
            if page.__dict__.get("derived"):
                page.derived.clear()
            state["_tokens"] = None
        site.memo.clear()

    def next_rule(self) -> set[str]:
        """The set that the pages whose prose the next rule reads go to."""
        read: set[str] = set()
        Page.prose_reads = read.add
        return read

    def stop(self) -> None:
        Page.prose_reads = None


class _SiteNotRead:
    """The site a page rule sees before the site is read: not read yet. Whatever a rule asks of
    it fails at once; the rule runs again once the site is read."""

    def __getattr__(self, name: str) -> Any:
        raise LookupError("the site is not read yet")


_NO_SITE: Any = _SiteNotRead()


@dataclass
class PageFindings:
    """What the page rules found on one page as soon as it was read, the site not read yet."""

    needs_site: frozenset[str]  # the rules that looked at the site (or failed): run again once it is read
    findings: dict[str, tuple[Finding, ...]]  # by rule id; the other rules found nothing


class PageRulesAlone:
    """The page rules run on one page alone, the site not read yet (see `EarlyPageRules`). It
    pickles as its settings: the processes that parse the pages run it on each page they parse."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._rules: list[Rule] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"settings": self.settings, "_rules": None}  # the rules: found again where it runs

    def rules(self) -> list[Rule]:
        """The page rules of these settings (their modules imported on first call)."""
        if self._rules is None:
            self._rules = [rule for rule in enabled_rules(self.settings) if rule.scope == "page"]
        return self._rules

    def __call__(self, page: Page) -> PageFindings:
        needs_site, findings = set(), {}
        for rule in self.rules():
            ctx = Context(rule, _NO_SITE, self.settings, self.settings.options_for(rule), page)
            try:
                found = tuple(rule.check(page, ctx))
            except Exception:  # noqa: BLE001 - the site asked for, or a bug: run again, and said, later
                needs_site.add(rule.id)
                continue
            if ctx.site_read:
                needs_site.add(rule.id)
            elif found:
                findings[rule.id] = found
        return PageFindings(frozenset(needs_site), findings)


class EarlyPageRules:
    """The page rules, run on each page as soon as it is read (a `ParseHook` for `Site.load`),
    while other processes still parse the pages after it (or by those processes, on the pages
    they parse: `elsewhere`): less is left for after the parse. A rule that looks at the site
    (`Context.site_read`) cannot answer yet, the site being still unread: its answer is dropped and
    it runs again once the site is read (so does a rule that fails: its error is then reported as
    usual). The other rules see the page alone, as they would later: their findings are the same.

    `prepare(settings, site)` gives the settings the rules run under, once the site's root is
    known (the repository's GitHub name is read there); `lint_site` takes these findings only
    under equal settings (a later feature may add to the settings meanwhile)."""

    def __init__(self, settings: Settings, prepare: Callable[[Settings, Site], Settings] | None = None) -> None:
        self.settings = settings
        self.prepare = prepare
        self.found: dict[str, PageFindings] = {}
        self.alone = PageRulesAlone(settings)
        self.site: Site | None = None  # once told (`start`)

    def start(self, site: Site) -> None:
        self.site = site
        settings = self.prepare(self.settings, site) if self.prepare is not None else self.settings
        self.settings = copy.deepcopy(settings)  # as they are now, whatever is added to them later
        self.alone = PageRulesAlone(self.settings)
        self.alone.rules()  # imported here, before the processes that parse start: once, for all of them

    def run(self, page: Page) -> None:
        self.found[page.path] = self.alone(page)

    def elsewhere(self) -> PageRulesAlone | None:
        """What runs the rules in another process (`record` takes what it found); None when
        these settings cannot be sent there: the rules then run after the reading."""
        try:
            pickle.dumps(self.alone)
        except Exception:  # noqa: BLE001 - whatever a setting holds that cannot cross
            return None
        return self.alone

    def record(self, path: str, found: PageFindings) -> None:
        """What `elsewhere()` found on the page `path`, in another process."""
        self.found[path] = found

    def idle(self) -> None:
        """The site rules' work that needs no page (`Rule.prepare`), while the pages are parsed."""
        if self.site is None:
            return
        for rule in enabled_rules(self.settings):
            if rule.scope == "site" and rule.prepare is not None:
                try:
                    rule.prepare(self.site)
                except Exception:  # noqa: BLE001 - a bug of the rule's: said when it runs
                    continue


def enabled_rules(settings: Settings) -> list[Rule]:
    """The rules this run uses: the selection (or the rules on by default), plus `extend_select`,
    less `ignore` and the rules whose severity is `off`."""
    rules = []
    for rule in all_rules():
        if settings.select is not None:
            chosen = any(rule.matches(s) for s in settings.select)
        else:
            chosen = rule.enabled_by_default
        chosen = chosen or any(rule.matches(s) for s in settings.extend_select)
        if any(rule.matches(s) for s in settings.ignore):
            chosen = False
        if settings.severities.get(rule.id) == OFF:
            chosen = False
        if chosen:
            rules.append(rule)
    return rules


def _run(rule: Rule, model: Page | Site, ctx: Context) -> Iterator[Finding]:
    """Run one rule; a rule that crashes becomes a finding, never a traceback for the user."""
    try:
        yield from list(rule.check(model, ctx))
    except Exception as error:  # noqa: BLE001 - any bug in a rule must not stop the run
        where = model.path if isinstance(model, Page) else ""
        frame = traceback.extract_tb(error.__traceback__)[-1]
        yield Finding(
            where,
            1,
            1,
            INTERNAL_ERROR_ID,
            "internal-error",
            "error",
            f"rule {rule.id} ({rule.name}) failed: {type(error).__name__}: {error} "
            f"[{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}]; please report this",
        )
