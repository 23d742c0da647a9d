"""What a rule is, and the context it runs in.

A rule is a module `linter/rules/gbNNN_<name>.py` with metadata at module level and a pure
generator `check(model, ctx)` (a `Page` for page rules, the `Site` for site rules and for the
rules that judge the suppression comments once the engine's suppression pass has run):

    ID = "GB201"; NAME = "fragment-not-found"; TAGS = ("links", "anchors")
    SEVERITY = "error"; SCOPE = "page"
    FIXABLE = True   # some findings carry an `Edit` that `--fix` applies (default: False)
    OPTIONS = {...JSON Schema properties...}; DEFAULTS = {...}
    MESSAGES = {"key": {"en": "…{name}…", "fr": "…{name}…"}}
    DOC_FR = "…"   # the French docstring
    def check(page, ctx): yield ctx.finding(where, "key", name=...)

The docstring is the rule's documentation: a summary line, then sections `What`, `Why`,
`Bad` and `Good` (the examples as fenced Markdown). DOC_FR has `Quoi`, `Pourquoi`, `Mauvais`
and `Bon`; a `Mauvais` or `Bon` left empty shows the English example, so an example that is the
same Markdown in both languages is written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Iterator

from ..finding import SEVERITIES, Edit, Finding
from ..words import say_in

if TYPE_CHECKING:
    from ..model.page import Page
    from ..model.site import Site
    from ..settings import Settings
    from ..suppress import SuppressionPass

DOC_SECTIONS = ("What", "Why", "Bad", "Good")
DOC_SECTIONS_FR = ("Quoi", "Pourquoi", "Mauvais", "Bon")
_SHARED_EXAMPLES = {"Mauvais": "Bad", "Bon": "Good"}  # French section → English one it may reuse
# What a rule's `check` receives: a page, the site, or the site once the suppression pass has run
# (`ctx.suppressions` then says which suppression comments silenced something).
SCOPES = ("page", "site", "suppressions")
_ID = re.compile(r"^GB\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def doc_sections(doc: str, headings: tuple[str, ...]) -> dict[str, list[str]]:
    """The lines under each heading line of a rule's docs (a heading stands alone on its line)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in doc.splitlines():
        if line.strip() in headings and line == line.strip():
            current = sections.setdefault(line.strip(), [])
        elif current is not None:
            current.append(line)
    return sections


def with_shared_examples(doc_fr: str, doc_en: str) -> str:
    """DOC_FR with each empty `Mauvais`/`Bon` filled with the English `Bad`/`Good` example."""
    french = doc_sections(doc_fr, DOC_SECTIONS_FR)
    english = doc_sections(doc_en, DOC_SECTIONS)
    out: list[str] = []
    for line in doc_fr.splitlines():
        out.append(line)
        shared = _SHARED_EXAMPLES.get(line)
        if shared in english and not "".join(french.get(line, [])).strip():
            out.extend("\n".join(english[shared]).strip("\n").splitlines())
    return "\n".join(out).strip()


# The generated rule reference, English and French, as this repository holds it. A copy of the
# project published somewhere names its address as the `Rules` project URL (pyproject.toml's
# [project.urls]); rule links then point there, else to the file in the repository.
REFERENCE_FILES = {"en": "docs/rules.md", "fr": "docs/rules.fr.md"}
REFERENCE_URL_LABEL = "Rules"


def reference_url(lang: str = "en") -> str:
    """The address of the rule reference in `lang`: beside the published English one, else
    the file's path in the repository."""
    path = REFERENCE_FILES.get(lang, REFERENCE_FILES["en"])
    published = _published_reference()
    if published is None:
        return path
    if path == REFERENCE_FILES["en"]:
        return published
    return published.rsplit("/", 1)[0] + "/" + path.rsplit("/", 1)[1]  # the French one is beside it


def doc_url(rule_id: str, name: str, lang: str = "en") -> str:
    """Where a rule's documentation is read, in `lang`: its section of the reference (see
    `reference_url`). From the id and name alone: a report of reused findings imports no rule."""
    return f"{reference_url(lang)}#{rule_anchor(rule_id, name)}"


def rule_anchor(rule_id: str, name: str) -> str:
    """The id of a rule's section in the generated reference (`gb021-unclosed-block`)."""
    return f"{rule_id}-{name}".lower()


@lru_cache(maxsize=1)
def _published_reference() -> str | None:
    import sys

    from ..distributions import header_values  # late: only `explain` and the rich formats ask

    for entry in header_values("gitbook-lint", "Project-URL", sys.path):
        label, _, url = entry.partition(",")
        if label.strip() == REFERENCE_URL_LABEL and url.strip():
            return url.strip()
    return None


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    tags: tuple[str, ...]
    severity: str
    scope: str  # one of SCOPES
    doc: str
    doc_fr: str
    messages: dict[str, dict[str, str]]
    options_schema: dict[str, Any]
    defaults: dict[str, Any]
    check: Callable[..., Iterator[Finding]]
    enabled_by_default: bool = True
    fixable: bool = False  # some of its findings carry an `Edit` that `--fix` applies
    # A site rule's work that needs no page (`PREPARE(site)`), done while other processes parse
    # the pages, when this one would wait on them: it fills caches of pure functions, never the
    # rule's answer (a validator made, a module imported).
    prepare: Callable[[Any], None] | None = None

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        rule = cls(
            id=module.ID,
            name=module.NAME,
            tags=tuple(module.TAGS),
            severity=module.SEVERITY,
            scope=getattr(module, "SCOPE", "page"),
            doc=(module.__doc__ or "").strip(),
            doc_fr=with_shared_examples(getattr(module, "DOC_FR", "").strip(), (module.__doc__ or "").strip()),
            messages=dict(module.MESSAGES),
            options_schema=dict(getattr(module, "OPTIONS", {})),
            defaults=dict(getattr(module, "DEFAULTS", {})),
            check=module.check,
            enabled_by_default=getattr(module, "ENABLED", True),
            fixable=getattr(module, "FIXABLE", False),
            prepare=getattr(module, "PREPARE", None),
        )
        rule.validate()
        return rule

    def validate(self) -> None:
        problems = []
        if not _ID.match(self.id):
            problems.append(f"id {self.id!r} is not GBnnn")
        if not _NAME.match(self.name):
            problems.append(f"name {self.name!r} is not kebab-case")
        if self.severity not in SEVERITIES:
            problems.append(f"severity {self.severity!r} is not one of {SEVERITIES}")
        if self.scope not in SCOPES:
            problems.append(f"scope {self.scope!r} is not one of {SCOPES}")
        if problems:
            raise ValueError(f"rule {self.id}: " + "; ".join(problems))

    @property
    def anchor(self) -> str:
        """The id of the rule's section in the generated reference (`gb021-unclosed-block`)."""
        return rule_anchor(self.id, self.name)

    def doc_url(self, lang: str = "en") -> str:
        """Where the rule's documentation is read, in `lang` (see `reference_url`)."""
        return doc_url(self.id, self.name, lang)

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else ""

    def summary_in(self, lang: str) -> str:
        doc = self.doc_fr if lang == "fr" and self.doc_fr else self.doc
        return doc.splitlines()[0] if doc else ""

    def doc_in(self, lang: str) -> str:
        return self.doc_fr if lang == "fr" and self.doc_fr else self.doc

    def message(self, key: str, lang: str, args: dict[str, Any]) -> str:
        return say_in(self.messages[key], lang, **args)

    def matches(self, selector: str) -> bool:
        """A rule is addressed by its id (or an id prefix like `GB2`), its name, or a tag."""
        selector = selector.strip()
        upper = selector.upper()
        return (
            upper == self.id
            or (upper.startswith("GB") and self.id.startswith(upper))
            or selector == self.name
            or selector in self.tags
            or selector == "all"
        )


@dataclass
class Context:
    """What a rule sees besides its model: the site, its options, the language, the settings."""

    rule: Rule
    _site: Site
    settings: Settings
    options: dict[str, Any] = field(default_factory=dict)
    page: Page | None = None
    suppressions: SuppressionPass | None = None  # for the rules of scope "suppressions"
    # Set when the rule looked at the site: its findings on this page may then change when
    # other pages do, and the cache keys them by the whole space, not by this page alone.
    site_read: bool = field(default=False, init=False, repr=False, compare=False)

    @property
    def site(self) -> Site:
        self.site_read = True
        return self._site

    @property
    def lang(self) -> str:
        return self.settings.lang

    def finding(
        self,
        at: Any,
        key: str,
        *,
        path: str | None = None,
        fix: str | None = None,
        severity: str | None = None,
        target: str | None = None,
        edit: Edit | None = None,
        **args: Any,
    ) -> Finding:
        """A finding of this rule at `at` (anything with `line` and `column`, or a pair).

        `key` names one of the rule's MESSAGES; `fix`, when given, names another, formatted with
        the same arguments. `target` is the root-relative path a link finding is about; `edit`
        a safe text change that `--fix` may apply.
        """
        line, column = (at.line, at.column) if hasattr(at, "line") else at
        where = path if path is not None else (self.page.path if self.page is not None else "")
        lang = self.lang
        return Finding(
            where,
            max(1, int(line)),
            max(1, int(column)),
            self.rule.id,
            self.rule.name,
            severity or self.settings.severity_of(self.rule),
            self.rule.message(key, lang, args),
            self.rule.message(fix, lang, args) if fix else None,
            target,
            edit,
            subject_of(key, args),
            _end(at, line, column, edit),
        )


def subject_of(key: str, args: dict[str, Any]) -> str:
    """A finding's subject for baselines: the message key and its text arguments. Numbers are
    left out (they are lines, levels and counts that shift when the page is edited elsewhere)."""
    words = [f"{name}={value}" for name, value in sorted(args.items()) if isinstance(value, str)]
    return " ".join([key, *words])


def _end(at: Any, line: int, column: int, edit: Edit | None) -> tuple[int, int] | None:
    """Where the problem ends: after the text a fix replaces, else after a link's destination
    as written; None when the rule gives only a start."""
    if edit is not None:
        return edit.end
    raw = getattr(at, "raw", None)
    if isinstance(raw, str) and raw and "\n" not in raw:
        return max(1, int(line)), max(1, int(column)) + len(raw)
    return None
