"""What each link of a page points at, decided once for all link rules.

Every link is put in exactly one class, so that a broken link is reported by one rule only:
a GitBook placeholder is not also a missing file, a missing asset is not also a missing page.
The "did you mean" proposals for a missing path live here too, from the site's indexes.
"""

from __future__ import annotations

import posixpath
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote

from ..spaces import ASSETS_DIR
from . import git
from .elements import Link
from .names import nfc
from .page import Page
from .site import Site, Target, file_key, slug_key

# Link kinds that name a file of the space (autolinks are always URLs).
FILE_LINK_KINDS = frozenset({"link", "image", "html-href", "html-src", "tag-url", "tag-src", "tag-page", "include"})
# The links a `{% %}` tag's attributes make (`url`, `src`, `page`).
TAG_LINK_KINDS = frozenset({"tag-url", "tag-src", "tag-page"})
# Link kinds that may name a page (an image or a `src` names a file).
PAGE_LINK_KINDS = frozenset({"link", "html-href", "tag-url", "tag-page"})

OK = "ok"
EXTERNAL = "external"
PLACEHOLDER = "placeholder"
OWN_GITHUB = "own-github"
ESCAPES = "escapes"
NO_EXTENSION = "no-extension"
ASSET_MISSING = "asset-missing"
MISSING = "missing"

BROKEN_LINK_TEXT = "broken link"
# `{% include "/reusable-content/rc123" %}`: GitBook's documented id form of a reusable block.
GITBOOK_REUSABLE_CONTENT = "/reusable-content/"
_BROKEN_REFERENCE = re.compile(r"(?:^|/)broken-reference(?:/|$)")
# `/broken/pages/<id>`, `/broken/files/<id>`, `/broken/spaces/<id>/pages/<id>`, and
# `/broken/spaces/<id>` alone (a link to a whole space GitBook cannot reach).
_BROKEN_ID = re.compile(r"(?:^|/)broken/(?:(?P<what>pages|files|spaces/[^/]+/pages)/[^/]+|(?P<space>spaces)/[^/]+/?$)")
_GITHUB_FILE = re.compile(
    r"^https?://(?:www\.)?github\.com/(?P<repo>[^/]+/[^/]+)/(?:blob|tree)/(?P<branch>[^/]+)/?(?P<path>[^?#]*)", re.I
)
_MAX_RENAME_HOPS = 20
_REDIRECT_INDEX = ("redirects-by-source",)  # its key in `Site.memo`
_SCHEME_URL = re.compile(r"^https?://", re.I)
_WEB_ADDRESS = re.compile(r"^(?:www\.[\w-]|[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|io|eu|dev|app|info)(?:/|$))", re.I)


@dataclass(frozen=True, slots=True)
class Reference:
    """One link and its class (`OK`, `MISSING`…); `detail` says which placeholder or which
    path of the GitHub repository."""

    link: Link
    kind: str
    target: Target | None = None
    detail: str = ""
    # The body link of the same tag that repeats this attribute (`{% content-ref url="x.md" %}`
    # then `[x.md](x.md)`): one problem, reported once, at the attribute.
    repeated_by: Link | None = None


def references(site: Site, page: Page, github_repository: str | None) -> tuple[Reference, ...]:
    """The class of every file-naming link of `page` (SUMMARY.md has its own rules), computed
    once per page and kept on the site: every link rule reads the same list."""
    by_repository = site.memo.setdefault(("references", page.path), {})
    found = by_repository.get(github_repository)
    if found is None:
        found = by_repository[github_repository] = tuple(_classify_page(site, page, github_repository))
    return found


def _classify_page(site: Site, page: Page, github_repository: str | None) -> Iterator[Reference]:
    if page.path == site.summary_path:
        return
    lost_content_refs = _lost_content_ref_lines(page)
    repeats, body_links = tag_bodies(site, page)
    for link in page.links:
        if link.kind in FILE_LINK_KINDS and link not in body_links:
            reference = classify(site, page, link, github_repository, lost_content_refs)
            yield replace(reference, repeated_by=repeats[link]) if link in repeats else reference


def tag_bodies(site: Site, page: Page) -> tuple[dict[Link, Link], frozenset[Link]]:
    """The links in the body of a tag that names a target (`url`, `src`, `page`) which its
    checks leave to the tag: (tag link → the body link repeating it, every such body link).
    A body link that repeats its tag's target is the same problem as the tag's; a content-ref
    body link that goes elsewhere is GB301's finding. Every rule that checks links skips them."""
    key = ("tag-bodies", page.path)
    if key not in site.memo:
        site.memo[key] = _tag_bodies(site, page)
    return site.memo[key]


def _tag_bodies(site: Site, page: Page) -> tuple[dict[Link, Link], frozenset[Link]]:
    repeats: dict[Link, Link] = {}
    left: set[Link] = set()
    tag_links = {(link.line, link.block): link for link in page.links if link.kind in TAG_LINK_KINDS}
    if not tag_links:
        return repeats, frozenset(left)
    # The other links by line (then page order): a block's body links are found by bisection,
    # not by a pass over every link of the page for each block (pages of content-refs).
    others = sorted((link.line, index) for index, link in enumerate(page.links) if link.kind not in TAG_LINK_KINDS)
    lines = [line for line, _ in others]
    for block in page.blocks:
        tag_link = tag_links.get((block.line, block.name))
        if tag_link is None or block.end_line is None:
            continue
        inside = others[bisect_right(lines, block.line) : bisect_left(lines, block.end_line)]
        for index in sorted(index for _, index in inside):  # in page order, as they were taken
            link = page.links[index]
            if link.block != block.name:
                continue
            if same_target(site, page.path, link.target, tag_link.target):
                repeats.setdefault(tag_link, link)
                left.add(link)
            elif block.name == "content-ref":
                left.add(link)
    return repeats, frozenset(left)


def same_target(site: Site, from_path: str, first: str, second: str) -> bool:
    """Whether two links of a page lead to the same place: `dir/` and `dir/README.md`, `./x.md`
    and `x.md`, `%20` and a space, NFC and NFD accents are the same target."""
    one, other = site.resolve(from_path, first), site.resolve(from_path, second)
    if one.kind == "external" or other.kind == "external":
        return one.kind == other.kind and unquote(one.wanted) == unquote(other.wanted)
    return (one.kind, nfc(one.wanted), one.fragment or "") == (other.kind, nfc(other.wanted), other.fragment or "")


def classify(
    site: Site, page: Page, link: Link, github_repository: str | None, lost_lines: frozenset[int] = frozenset()
) -> Reference:
    target = link.target.strip()
    placeholder = placeholder_kind(target)
    if placeholder is None and (link.text.strip().lower() == BROKEN_LINK_TEXT or link.line in lost_lines):
        placeholder = "broken-link-text"
    resolved = site.resolve(page.path, target)
    if link.kind == "include" and target.startswith(GITBOOK_REUSABLE_CONTENT):
        return Reference(link, EXTERNAL, resolved)  # a block kept in GitBook, not a file of the space
    if resolved.kind == "external":
        if placeholder is not None and placeholder != "broken-link-text" and _GITHUB_FILE.match(target):
            # GitBook's GitHub fallback for a link it had already lost (`…/broken-reference/README.md`)
            return Reference(link, PLACEHOLDER, resolved, placeholder)
        github_path = own_github_path(target, github_repository)
        if github_path is None:
            return Reference(link, EXTERNAL, resolved)
        if placeholder is not None:
            return Reference(link, PLACEHOLDER, resolved, placeholder)
        missing = _missing_repository_file(site, link, github_path, resolved.fragment)
        return missing or Reference(link, OWN_GITHUB, resolved, github_path)
    if placeholder is not None and not (placeholder == "broken-link-text" and resolved.exists):
        return Reference(link, PLACEHOLDER, resolved, placeholder)
    if resolved.kind == "escapes":
        return Reference(link, ESCAPES, resolved)
    if resolved.kind != "missing":
        return Reference(link, OK, resolved)
    if resolved.wanted.startswith(ASSETS_DIR):
        return Reference(link, ASSET_MISSING, resolved)
    name = posixpath.basename(resolved.wanted)
    if web_address(target) is not None:
        return Reference(link, MISSING, resolved)
    if link.kind in PAGE_LINK_KINDS and not posixpath.splitext(name)[1] and not target.split("#")[0].endswith("/"):
        return Reference(link, NO_EXTENSION, resolved)
    return Reference(link, MISSING, resolved)


def web_address(target: str) -> str | None:
    """The URL a relative-looking target most likely meant (`www.x.fr`, `%20https://x.fr`)."""
    decoded = unquote(target).strip()
    if _SCHEME_URL.match(decoded):
        return decoded
    if _WEB_ADDRESS.match(decoded):
        return "https://" + decoded
    return None


def repository_tops(site: Site) -> list[Path]:
    """Where the repository's top may be: the Git checkout's top; without one, unknown, so any
    folder from the space root upward."""
    top = git.repository_top(site.base)
    return [top] if top is not None else [site.root, *site.root.parents]


def space_file(site: Site, repository_path: str) -> str | None:
    """The file (or folder page) of the space a repository path names, as spelt in the space:
    the path read from each possible repository top that holds the space root."""
    for top in [site.base, *repository_tops(site)]:
        if site.root != top and top not in site.root.parents:
            continue
        prefix = site.root.relative_to(top).as_posix()
        path = repository_path if prefix == "." else repository_path.removeprefix(prefix + "/")
        if path == repository_path and prefix != ".":
            continue  # the path does not start with the space's folder: not from this top
        found = site.lookup(path) or site.lookup(path.rstrip("/") + "/README.md")
        if found is not None or site.is_directory(path):
            return found or path
    return None


def placeholder_kind(target: str) -> str | None:
    """`broken-reference`, `broken-pages`, `broken-files`, `broken-spaces-pages`, or None."""
    if "broken" not in target and "%" not in target:
        return None  # most links: both patterns need `broken`, and only an escape could spell it
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if _BROKEN_REFERENCE.search(path):
        return "broken-reference"
    match = _BROKEN_ID.search(path)
    if match is None:
        return None
    if match["space"]:
        return "broken-spaces"
    return "broken-" + ("spaces-pages" if match["what"].startswith("spaces/") else match["what"])


GITHUB_FALLBACK = "github"  # `Reference.detail` of a missing file named by its GitHub file view


def _missing_repository_file(site: Site, link: Link, github_path: str, fragment: str | None) -> Reference | None:
    """A GitHub file view of this repository whose file is not in the working tree: GitBook's
    fallback for a link it could not match, so a link to a missing file (None when it exists).
    The file counts as there when the space has it (its path from the space's folder) or the
    working tree has it; without a Git checkout the repository's top is unknown, so any folder
    from the space root upward may be it."""
    if space_file(site, github_path) is not None:
        return None
    top = git.repository_top(site.base)
    if any((folder / github_path).exists() for folder in repository_tops(site)):
        return None
    wanted = github_path
    if top is not None and (site.root == top or top in site.root.parents):
        prefix = site.root.relative_to(top).as_posix()
        wanted = github_path.removeprefix(prefix + "/") if prefix != "." else github_path
    return Reference(link, MISSING, Target("missing", wanted, None, fragment), GITHUB_FALLBACK)


def own_github_path(url: str, github_repository: str | None) -> str | None:
    """The path inside the repository when `url` is its GitHub file view, else None."""
    if not github_repository:
        return None
    match = _GITHUB_FILE.match(url)
    if match is None or match["repo"].lower().removesuffix(".git") != github_repository.lower():
        return None
    return unquote(match["path"]).strip("/") or "."


def _lost_content_ref_lines(page: Page) -> frozenset[int]:
    """Lines of `content-ref` url attributes whose body link says `Broken link`."""
    lost = {link.line for link in page.links if link.block == "content-ref" and link.text.strip().lower() == BROKEN_LINK_TEXT}
    if not lost:
        return frozenset()
    return frozenset(block.line for block in page.blocks if block.name == "content-ref" and block.line + 1 in lost)


@dataclass(frozen=True)
class Suggestion:
    path: str  # root-relative path of the existing file
    source: str  # redirect, renamed, same-name, similar-name


def did_you_mean(site: Site, wanted: str) -> Suggestion | None:
    """Where a missing root-relative path most likely went: a `.gitbook.yaml` redirect, the
    rename Git recorded, or a file with the same name elsewhere in the space."""
    for finder in (_by_redirect, _by_rename, _by_name, _by_slug):
        found = finder(site, wanted)
        if found is not None:
            return found
    return None


def _by_redirect(site: Site, wanted: str) -> Suggestion | None:
    key = wanted.removesuffix(".md").removesuffix("/README").strip("/")
    for destination in _redirects_by_source(site).get(key, ()):
        found = site.lookup(posixpath.normpath(destination.lstrip("/")))
        if found is not None:
            return Suggestion(found, "redirect")
    return None


def _redirects_by_source(site: Site) -> dict[str, list[str]]:
    """The redirects' destinations by their source as `_by_redirect` compares it, in the
    file's order: one look-up per missing path instead of a pass over every redirect (a space
    may have hundreds, and as many missing links). From `.gitbook.yaml`, no page's prose."""
    index = site.memo.get(_REDIRECT_INDEX)
    if index is None:
        index = site.memo[_REDIRECT_INDEX] = {}
        for source, destination in site.redirects.items():
            if isinstance(source, str) and isinstance(destination, str):
                index.setdefault(source.strip("/").removesuffix(".md"), []).append(destination)
    return index


def _by_rename(site: Site, wanted: str) -> Suggestion | None:
    if not site.renames:
        return None
    current, hops = wanted, 0
    while current in site.renames and hops < _MAX_RENAME_HOPS:
        current, hops = site.renames[current], hops + 1
        found = site.lookup(current)
        if found is not None:
            return Suggestion(found, "renamed")
    return None


def _by_name(site: Site, wanted: str) -> Suggestion | None:
    return _closest(site.files_by_name.get(file_key(wanted), []), wanted, "same-name")


def _by_slug(site: Site, wanted: str) -> Suggestion | None:
    """A page whose file name is the GitBook slug of the wanted name (`Conditions-d’engagement`
    → `conditions-dengagement.md`): old links often name the page by its title."""
    key = slug_key(wanted)
    candidates = [path for path in site.files_by_slug.get(key, []) if path.endswith(".md")] if key else []
    return _closest(candidates, wanted, "similar-name")


def _closest(paths: list[str], wanted: str, source: str) -> Suggestion | None:
    candidates = [path for path in paths if path != wanted]
    if not candidates:
        return None
    # The candidate sharing the longest leading folder path with the wanted one.
    best = max(candidates, key=lambda path: len(posixpath.commonprefix([path, wanted])))
    return Suggestion(best, source)
