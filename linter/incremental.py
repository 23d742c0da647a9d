"""What a run may take from the previous one: the findings of rules on pages that did not change.

Stored per space and configuration (`cache.space_store`), checked against hashes computed now:

- a page rule's findings on a page are reused when the page's bytes are the same and, if the
  rule looked at the site while it ran (`Context.site_read`), when no page's *facts* changed
  either (`facts_key`: the file list, the space's configuration, the Git HEAD and every page's
  facts hash, see `model.page_cache`);
- a site rule's findings are reused when nothing at all changed (`content_key`), or when no
  page's facts changed and the pages whose prose the rule read when it ran (`engine.ProseWatch`)
  have the same bytes: its answer is then a function of what is the same.

The configuration (every setting, the page-type schema files' bytes) and the tool's fingerprint
name the file, so another configuration never sees these findings. Suppressions are applied
afterwards, on every run, as are the rules that judge them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import cache_directory, digest, read_entry, space_store, tool_fingerprint, write_entry
from .finding import Finding

if TYPE_CHECKING:
    from .model.site import Site
    from .settings import Settings


@dataclass
class PageRecord:
    content: str  # the hash of the page's bytes the findings were computed on
    facts_key: str  # the space's facts when the site-reading rules ran
    site_rules: frozenset[str]  # the rules that looked at the site on this page
    findings: dict[str, tuple[Finding, ...]]  # by rule id; rules without findings are absent


@dataclass
class SiteRecord:
    content: str  # the content key the site rule ran on
    facts: str  # the facts key it ran on
    prose: dict[str, str]  # the pages whose prose it read, with their content hash then
    findings: tuple[Finding, ...]


@dataclass
class RunMemo:
    file: Path
    header: tuple[str, ...]
    content: dict[str, str]  # path → content hash of the pages read now
    facts_key: str
    content_key: str
    old_pages: dict[str, PageRecord] = field(default_factory=dict)
    old_site: dict[str, SiteRecord] = field(default_factory=dict)
    pages: dict[str, PageRecord] = field(default_factory=dict)
    site: dict[str, SiteRecord] = field(default_factory=dict)
    changed: bool = False
    fresh: set[str] = field(default_factory=set)  # the pages whose record this run rewrites
    rule_sets: dict[frozenset[str], frozenset[str]] = field(default_factory=dict)

    @classmethod
    def open(cls, site: Site, settings: Settings) -> RunMemo | None:
        """The memo of this space under these settings; None when the cache is off."""
        folder = cache_directory(site.base, settings) if settings.cache and site.digests else None
        if folder is None:
            return None
        config = configuration_key(settings)
        header = ("run", tool_fingerprint(), config)
        structure = structure_key(site)
        content = {path: hashes[0] for path, hashes in site.digests.items()}
        unread = sorted(path for path in site.pages if path not in site.digests)  # read errors: never reused
        facts = digest(structure, *unread, *(f"{p}\0{h[1]}" for p, h in sorted(site.digests.items())))
        everything = digest(structure, *unread, *(f"{p}\0{h}" for p, h in sorted(content.items())))
        memo = cls(space_store(folder, site.root, config), header, content, facts, everything)
        stored = read_entry(memo.file, header)
        if isinstance(stored, dict):
            old = stored.get("pages", {})
            memo.old_pages = {path: record for path, record in old.items() if path in site.pages}
            old_site = stored.get("site")
            memo.old_site = old_site if isinstance(old_site, dict) else {}
            memo.changed = len(memo.old_pages) != len(old)  # pages gone: their records go too
        memo.pages = dict(memo.old_pages)
        return memo

    def _same_bytes(self, path: str) -> PageRecord | None:
        """The earlier run's record of `path` when the page has the bytes it had then."""
        record = self.old_pages.get(path)
        if record is None or path not in self.content or record.content != self.content[path]:
            return None
        return record

    def reused(self, path: str, rule_id: str) -> tuple[Finding, ...] | None:
        """The findings of `rule_id` on `path` from an earlier run, if still true."""
        record = self._same_bytes(path)
        if record is None:
            return None
        if rule_id in record.site_rules and record.facts_key != self.facts_key:
            return None
        return record.findings.get(rule_id, ())

    def reused_page(self, path: str) -> tuple[Finding, ...] | None:
        """All the page rules' findings on `path` from an earlier run when each of them is still
        true (what `reused` says of every rule at once), kept for the next run; else None."""
        record = self._same_bytes(path)
        if record is None:
            return None
        if record.site_rules and record.facts_key != self.facts_key:
            return None
        if record.facts_key != self.facts_key:  # no rule looked at the site: the new key, as `note` gives
            self.pages[path] = replace(record, facts_key=self.facts_key)
        self.fresh.add(path)
        return tuple(finding for found in record.findings.values() for finding in found)

    def was_site_read(self, path: str, rule_id: str) -> bool:
        return rule_id in self.old_pages[path].site_rules

    def note(self, path: str, rule_id: str, findings: tuple[Finding, ...], site_read: bool, *, ran: bool) -> None:
        """What `rule_id` found on `path` (`ran` now, or reused), for the next run."""
        if path not in self.content:
            return
        if path not in self.fresh:
            self.fresh.add(path)
            self.pages[path] = PageRecord(self.content[path], self.facts_key, frozenset(), {})
        record = self.pages[path]
        self.changed = self.changed or ran
        if site_read:  # one set object for the many pages where the same rules read the site
            found = record.site_rules | {rule_id}
            record.site_rules = self.rule_sets.setdefault(found, found)
        if findings:
            record.findings[rule_id] = findings

    def site_findings(self, rule_id: str, summary_same: bool) -> tuple[Finding, ...] | None:
        """The findings of site rule `rule_id` from an earlier run, if still true. `summary_same`:
        the table of contents' bytes did not change (its nav tree is built from its prose)."""
        record = self.old_site.get(rule_id)
        if record is None:
            return None
        prose_same = all(self.content.get(path) == content for path, content in record.prose.items())
        if record.content == self.content_key or (summary_same and record.facts == self.facts_key and prose_same):
            self.site[rule_id] = record
            return record.findings
        return None

    def take_records(self, records: dict[str, PageRecord], changed: bool) -> None:
        """The records another process made of some pages (`engine.OtherHalf`), as if noted here
        after the pages noted so far."""
        for path, record in records.items():
            record.site_rules = self.rule_sets.setdefault(record.site_rules, record.site_rules)
            self.pages[path] = record
            self.fresh.add(path)
        self.changed = self.changed or changed

    def note_site(self, rule_id: str, findings: tuple[Finding, ...], prose_read: set[str]) -> None:
        """What site rule `rule_id` found, having read the prose of the pages `prose_read`."""
        # A page read but not hashed (unreadable) gets no hash: the rule then runs again next time.
        prose = {path: self.content.get(path, "") for path in sorted(prose_read)}
        self.site[rule_id] = SiteRecord(self.content_key, self.facts_key, prose, findings)
        self.changed = True

    def content_changed(self, path: str) -> bool:
        """Whether `path`'s bytes differ from those of the earlier run."""
        record = self.old_pages.get(path)
        return record is None or record.content != self.content.get(path)

    def save(self) -> None:
        """Write what changed; the last of two concurrent runs wins, each file whole."""
        if self.changed:
            write_entry(self.file, self.header, {"pages": self.pages, "site": self.site})


def configuration_key(settings: Settings) -> str:
    """Every setting that may change a finding, and the bytes of the page-type schemas named."""
    neutral = replace(settings, cache=True, cache_dir=None)
    schemas = []
    for schema in sorted(settings.page_schemas.values()):
        try:
            schemas.append((Path(settings.config_dir or ".") / schema).read_bytes())
        except OSError:
            schemas.append(b"")
    return digest(repr(neutral), *schemas)


def structure_key(site: Site) -> str:
    """Everything about the space besides its pages' text that rules read."""
    parts = [
        str(site.root),
        site.readme_path,
        site.summary_path,
        repr(site.ignored_root),
        site.config.raw if site.config is not None else "",
        repr(site.site_config),
        "\n".join(site.files),
        "\n".join(sorted(site.directories)),
        repr(site.skipped),
        repr(sorted(site.refused.items())),
        repr(site.unreadable_folders),
        git_head(site.root),
    ]
    return digest(*parts)


def git_head(start: Path) -> str:
    """The commit checked out in the repository holding `start` (what Git history rules see)."""
    for folder in (start, *start.parents):
        dot_git = folder / ".git"
        if not dot_git.exists():
            continue
        try:
            gitdir = dot_git
            if dot_git.is_file():
                gitdir = (folder / dot_git.read_text(encoding="utf-8").split(":", 1)[1].strip()).resolve()
            head = (gitdir / "HEAD").read_text(encoding="utf-8").strip()
            parts = [head]
            if head.startswith("ref:"):
                ref = head[4:].strip()
                common = gitdir / "commondir"
                shared = (gitdir / common.read_text(encoding="utf-8").strip()).resolve() if common.is_file() else gitdir
                for candidate in (gitdir / ref, shared / ref, shared / "packed-refs"):
                    if candidate.is_file():
                        parts.append(candidate.read_text(encoding="utf-8", errors="replace"))
                        break
            return digest(*parts)
        except (OSError, IndexError):
            return "unreadable"
    return ""
