"""What the pages of a space use, computed once per site (see the `Site` properties).

- `linked_files`: every file that a link of any page reaches (Markdown links and images, HTML
  `href`/`src`, `{% file src %}`, card targets and covers, includes) or that a page's front matter
  `cover` names. Resolution goes through `Site.resolve`, so percent-encoding, `<…>` and the NFC/NFD
  spellings of a name all reach the same file.
- `included_files`: the files that an `{% include %}` reaches.

Both sets hold NFC spellings (`nfc(path)`): a space may hold the same name twice, once NFC and
once NFD (two uploads from different systems), and a reference to either spelling is a use of
the name; compare with `nfc(path) in site.linked_files`.
- `summary_listing`: for each page, the SUMMARY.md items that list it, in document order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .names import nfc

if TYPE_CHECKING:
    from .site import Site
    from .summary import NavItem

INCLUDE = "include"


def linked_files(site: Site) -> frozenset[str]:
    found: set[str] = set()
    for page in site.pages.values():
        for link in page.links:
            target = site.resolve(page.path, link.target)
            if target.path is not None and target.kind == "file":
                found.add(nfc(target.path))
        found.update(nfc(cover) for cover in _covers_of(site, page.path))
    return frozenset(found)


def _covers_of(site: Site, page_path: str) -> Iterator[str]:
    """The files a page's front matter `cover:` names (its light and dark variants too): relative
    to the page, as GitBook writes it, or from the root (`.gitbook/assets/…`)."""
    page = site.pages[page_path]
    for _, cover in page.front_matter.covers() if page.front_matter else ():
        for base in (page_path, ""):
            target = site.resolve(base, cover)
            if target.kind == "file" and target.path is not None:
                yield target.path
                break


def included_files(site: Site) -> frozenset[str]:
    found: set[str] = set()
    for page in site.pages.values():
        for link in page.links:
            if link.kind == INCLUDE:
                target = site.resolve(page.path, link.target)
                if target.path is not None:
                    found.add(nfc(target.path))
    return frozenset(found)


def summary_listing(site: Site) -> dict[str, list[NavItem]]:
    listing: dict[str, list[NavItem]] = {}
    for item in site.nav_items():
        if item.link is None:
            continue
        target = site.resolve(site.summary_path, item.link.target)
        if target.kind == "file" and target.path is not None:
            listing.setdefault(target.path, []).append(item)
    return listing
