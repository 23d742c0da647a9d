"""What a run reports on when it is given files or a change: a filter around the engine.

The engine lints a whole site and knows nothing of files named on the command line or of
commits. A run given some files (pre-commit, `--diff-base`) still reads the whole space, so the
cross-page rules see every page, then keeps the findings in those files, and, anywhere in the
space, those whose `target` is a file the change deletes or renames or a page whose anchors it
removes: the links that the change breaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .engine import EarlyPageRules, lint_site
from .finding import Finding
from .model.site import Site
from .settings import Settings


@dataclass(frozen=True)
class ReportScope:
    files: frozenset[str]  # root-relative paths to report on
    broken_targets: frozenset[str] = frozenset()  # root-relative paths the change takes away

    def pages_to_check(self) -> frozenset[str] | None:
        """The pages whose page rules must run: the files alone, unless a finding on any page
        may be blamed on the change (None: every page)."""
        return None if self.broken_targets else self.files

    def keeps(self, finding: Finding) -> bool:
        return finding.path in self.files or finding.target in self.broken_targets


def lint_in_scope(
    site: Site,
    settings: Settings,
    scope: ReportScope | None,
    progress: Callable[[int, int], None] | None = None,
    early: EarlyPageRules | None = None,
) -> list[Finding]:
    """The engine's findings for `site`, kept to `scope` (all of them without one); `early`: the
    page rules run where the pages were parsed (see `engine.EarlyPageRules`)."""
    if scope is None:
        return lint_site(site, settings, progress=progress, early=early)
    findings = lint_site(site, settings, pages=scope.pages_to_check(), progress=progress, early=early)
    return [finding for finding in findings if scope.keeps(finding)]
