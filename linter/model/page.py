"""The `Page` model: one Markdown file read once, parsed once, with every element positioned.

Reading the file is `source`, building the model from markdown-it's tokens is `builder` (which
reads HTML through `html`); this module is the model itself and what it derives."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any, Callable, ClassVar, Iterable

from markdown_it.token import Token

from ..parse import shared_markdown
from ..parse.frontmatter import FrontMatter
from ..parse.positions import LineIndex
from .builder import PageBuilder
from .elements import Anchor, Block, Comment, Expandable, Heading, Link, SourceProblem, Strike, TagRef, TextBlock, TextRun
from .sections import Email, Outline, build_outline, page_emails
from .source import decode_source

# What rules about other pages never read of a page (see `page_cache`, `Page.release_prose`).
PROSE_FIELDS = ("text", "index", "text_runs", "text_blocks", "strikes")
# What a page read back from the cache holds before its other facts are loaded: what a pass over
# every page reads on every run (the suppression comments, see `suppress`).
LIGHT_FIELDS = ("path", "comments")
# The cached properties computed from the facts alone, never from the prose (see `engine.ProseWatch`).
FACTS_DERIVED = ("title", "id_targets", "served_ids", "anchor_ids", "served_anchor_ids")
# The facts that only the page's own rules read: other pages' rules and the site rules read what
# `SHARED_DERIVED` keeps of them (front matter: only the rule on unused assets, off by default, reads
# every page's covers). Dropped once the page's rules ran (`Page.release`).
OWN_FACTS = ("headings", "anchors", "expandables", "footnote_labels", "tag_lines", "problems", "front_matter", "id_targets", "served_ids")
SHARED_DERIVED = ("title", "anchor_ids", "served_anchor_ids")


@dataclass
class Page:
    """A parsed Markdown page. `path` is relative to the space root, POSIX style."""

    path: str
    text: str
    problems: list[SourceProblem] = field(default_factory=list)
    index: LineIndex = field(init=False, repr=False)
    # A factory, not a class default: a page whose facts are not loaded yet has no such attribute,
    # and reading it loads them (`__getattr__`).
    front_matter: FrontMatter | None = field(default_factory=lambda: None)
    headings: list[Heading] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # every GitBook block, document order
    text_runs: list[TextRun] = field(default_factory=list)
    strikes: list[Strike] = field(default_factory=list)
    text_blocks: list[TextBlock] = field(default_factory=list)
    tag_lines: list[TagRef] = field(default_factory=list)  # every `{% %}` line, document order
    comments: list[Comment] = field(default_factory=list)
    expandables: list[Expandable] = field(default_factory=list)  # `<details><summary>`, document order
    footnote_labels: list[str] = field(default_factory=list)  # `[^label]: …` definitions
    _tokens: list[Token] | None = field(default=None, repr=False)
    # Values other modules derive from the page once (keyed by module), e.g. suppressions.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # Told the path of each page whose prose is loaded, while a watch listens (`engine.ProseWatch`).
    prose_reads: ClassVar[Callable[[str], None] | None] = None

    @property
    def tokens(self) -> list[Token]:
        """markdown-it's token stream. Rules should prefer the model; a page that crossed a
        process boundary (parallel loading) has dropped its tokens and parses again on demand."""
        if self._tokens is None:
            self._tokens = shared_markdown().parse(self.text, {})
        return self._tokens

    def __getstate__(self) -> dict[str, Any]:
        self.load_facts()
        state = dict(self.__dict__)
        state["_tokens"] = None  # the model holds what rules need; tokens cost most to pickle
        for name in ("_prose_loader", "_facts_source"):
            state.pop(name, None)
        return state

    # A lean page: read from the cache, a page holds its light fields (`LIGHT_FIELDS`) and loads
    # the rest of its facts on first use (`with_facts_loader`); its prose (PROSE_FIELDS) is loaded
    # on first use too, and dropped again once the page's rules ran (`release_prose`). Other
    # pages' rules and the site rules read facts, not prose; a page that no rule reads costs
    # nothing but its light fields.

    def __getattr__(self, name: str) -> Any:
        # Called only when an attribute is missing: facts or prose not loaded yet.
        state = self.__dict__
        if name in PROSE_FIELDS and "_prose_loader" in state:
            if Page.prose_reads is not None:
                Page.prose_reads(state["path"])
            state.update(state["_prose_loader"]())
            return state[name]
        if "_facts_loader" in state and name in _FIELDS:
            self.load_facts()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def set_prose_loader(self, loader: Any) -> None:
        """Leave the prose out, to be loaded by `loader() -> dict` when something reads it."""
        for name in PROSE_FIELDS:
            self.__dict__.pop(name, None)
        self.__dict__["_prose_loader"] = loader

    def release_prose(self) -> None:
        """Drop the prose of a page that can load it again (see `set_prose_loader`)."""
        if "_prose_loader" in self.__dict__:
            for name in PROSE_FIELDS:
                self.__dict__.pop(name, None)

    def release(self) -> None:
        """Once the page's own rules ran: drop its prose, and the facts only its own rules read
        (`OWN_FACTS`) once what others read of them (`SHARED_DERIVED`) is computed, when the page
        can load them again (`set_facts_source`). Memory holds the light and shared facts of
        every page, the rest of one."""
        self.release_prose()
        state = self.__dict__
        if "_facts_source" not in state or "_facts_loader" in state:
            return  # nothing to load them again from, or not loaded
        for name in SHARED_DERIVED:
            getattr(self, name)
        for name in OWN_FACTS:
            state.pop(name, None)
        state["_facts_loader"] = state["_facts_source"]

    def set_facts_source(self, loader: Callable[[], dict[str, Any]]) -> None:
        """Where the page's facts can be loaded again from once released (see `release`)."""
        self.__dict__["_facts_source"] = loader

    @classmethod
    def with_facts_loader(
        cls, light: dict[str, Any], loader: Callable[[], dict[str, Any]], source: Callable[[], dict[str, Any]] | None
    ) -> Page:
        """A page of which only the `light` fields are known yet: `loader()` gives the others
        (its facts, without the prose) when one of them is first read; `source`, if any, gives
        them again once released (`release`)."""
        page = cls.__new__(cls)
        page.__dict__.update(light, derived={}, _tokens=None, _facts_loader=loader)
        if source is not None:
            page.set_facts_source(source)
        return page

    def load_facts(self) -> None:
        """Load the facts left out (`with_facts_loader`); what the page holds already stays."""
        loader = self.__dict__.pop("_facts_loader", None)
        if loader is not None:
            for name, value in loader().items():
                if name not in PROSE_FIELDS:
                    self.__dict__.setdefault(name, value)

    @property
    def block_problems(self) -> list[TagRef]:
        return [ref for ref in self.tag_lines if ref.problem is not None]

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> Page:
        text, problems = decode_source(data)
        return cls.from_text(path, text, problems)

    @classmethod
    def from_text(cls, path: str, text: str, problems: list[SourceProblem] | None = None) -> Page:
        page = cls(path=path, text=text, problems=list(problems or []))
        page.index = LineIndex(text)
        if not any(problem.kind == "binary" for problem in page.problems):
            PageBuilder(page).build()
        return page

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def is_include(self) -> bool:
        return self.path.startswith(".gitbook/includes/")

    @cached_property
    def title(self) -> str:
        first = next((h for h in self.headings if h.level == 1), None)
        return first.text if first else ""

    @cached_property
    def emails(self) -> list[Email]:
        """Email addresses in the prose and in `mailto:` links (see `sections`)."""
        return page_emails(self)

    @cached_property
    def outline(self) -> Outline:
        """The sections under the title: headings and pseudo-headings (see `sections`)."""
        return build_outline(self)

    @cached_property
    def id_targets(self) -> list[Heading | Expandable]:
        """The headings and expandables, in page order: what GitBook gives an id and numbers. The
        title (a first `#` heading before any other) is the page's name for GitBook, not a block."""
        headings = self.headings[1:] if self.headings and self.headings[0].level == 1 else self.headings
        targets: list[Heading | Expandable] = [*headings, *self.expandables]
        return sorted(targets, key=lambda target: (target.line, target.column))

    @cached_property
    def served_ids(self) -> list[tuple[Heading | Expandable, str]]:
        """Each id target with the id GitBook serves for it: its stored or computed id, numbered
        when an earlier target has the same one (`focus`, then `focus-1`, `focus-2`…)."""
        targets = [target for target in self.id_targets if target.id]
        return list(zip(targets, numbered(target.id for target in targets), strict=True))

    @cached_property
    def anchor_ids(self) -> frozenset[str]:
        """Every id a fragment may name on this page: explicit anchors, HTML ids, the ids GitBook
        serves (numbered repeats), and the ids it computes for headings and expandables in any of
        its generations, numbered the same way."""
        ids = {anchor.id for anchor in self.anchors}
        ids.update(served for _, served in self.served_ids)
        ids.update(numbered(candidate for target in self.id_targets for candidate in target.computed_ids))
        ids.update(self.headings[0].computed_ids if self.headings else ())  # a link to the title is harmless
        ids.update(self.footnote_ids)
        return frozenset(ids)

    @cached_property
    def served_anchor_ids(self) -> tuple[str, ...]:
        """The ids GitBook serves today, in page order: headings and expandables (numbered
        repeats), other HTML ids, footnotes. A subset of `anchor_ids`, fit to show a reader which
        ids exist."""
        ids = [served for _, served in self.served_ids]
        ids += [anchor.id for anchor in self.anchors if anchor.id and anchor.kind == "html"]
        return tuple(dict.fromkeys(ids + [f"user-content-fn-{label}" for label in self.footnote_labels]))

    @property
    def footnote_ids(self) -> list[str]:
        """GitBook renders footnotes the GitHub way: `#user-content-fn-x` and its back link."""
        return [f"user-content-{kind}-{label}" for label in self.footnote_labels for kind in ("fn", "fnref")]


def numbered(ids: Iterable[str]) -> list[str]:
    """GitBook's de-duplication of ids in page order: the first `x` stays `x`, the next ones are
    `x-1`, `x-2`…"""
    seen: dict[str, int] = {}
    result = []
    for base in ids:
        count = seen.get(base, 0)
        result.append(base if count == 0 else f"{base}-{count}")
        seen[base] = count + 1
    return result


_FIELDS = frozenset(field.name for field in fields(Page))
