"""Run the enabled rules over a site and collect their findings."""

from __future__ import annotations

import traceback
from typing import Iterable, Iterator

from .finding import Finding
from .model.page import Page
from .model.site import Site
from .rules.base import Context, Rule
from .settings import Settings

INTERNAL_ERROR_ID = "GB000"


def lint_site(site: Site, settings: Settings, report_on: set[str] | None = None) -> list[Finding]:
    """All findings for the site, sorted and de-duplicated.

    `report_on`, when given, keeps only findings in those root-relative paths: the whole site is
    still read, so cross-page rules see every page.
    """
    rules = settings.enabled_rules()
    findings: set[Finding] = set()
    page_rules = [rule for rule in rules if rule.scope == "page"]
    for page in site.pages.values():
        if report_on is not None and page.path not in report_on:
            continue
        for rule in page_rules:
            findings.update(_run(rule, page, Context(rule, site, settings, settings.options_for(rule), page)))
    for rule in rules:
        if rule.scope == "site":
            findings.update(_run(rule, site, Context(rule, site, settings, settings.options_for(rule))))
    if report_on is not None:
        findings = {finding for finding in findings if finding.path in report_on}
    return sorted(findings)


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


def count_by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts
