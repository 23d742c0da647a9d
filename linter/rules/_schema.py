"""Shared by the schema rules (GB4xx): what to validate, and how to name a place for the editor."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Callable, Iterator

from ..model.dump import json_value
from ..model.elements import Block
from ..model.page import Page
from ..model.site import Site
from ..parse.frontmatter import FrontMatter
from ..parse.tags import KNOWN_TAGS, TagLine
from ..validation.messages import Path, SchemaProblem, phrase, problems
from ..validation.schemas import (
    BLOCKS,
    FRONT_MATTER,
    GITBOOK_YAML,
    INCLUDE_FRONT_MATTER,
    SITE_CONFIG,
    SUMMARY_OPENAPI,
    shipped_schema,
    shipped_validator,
    surely_valid,
)

_WORDS = {
    "front matter": {"en": "front matter", "fr": "en-tête (front matter)"},
    "key": {"en": "front matter key `{key}`", "fr": "clé `{key}` de l'en-tête"},
    "item": {"en": " (item {number})", "fr": " (élément {number})"},
    "attribute": {"en": "`{{% {tag} %}}` attribute `{name}`", "fr": "attribut `{name}` de `{{% {tag} %}}`"},
    "block": {"en": "`{{% {tag} %}}`", "fr": "`{{% {tag} %}}`"},
    "config": {"en": "`.gitbook.yaml`", "fr": "`.gitbook.yaml`"},
    "config key": {"en": "`.gitbook.yaml` key `{key}`", "fr": "clé `{key}` de `.gitbook.yaml`"},
    "file": {"en": "`{file}`", "fr": "`{file}`"},
    "file key": {"en": "`{file}` key `{key}`", "fr": "clé `{key}` de `{file}`"},
    "openapi item": {"en": "OpenAPI item of SUMMARY.md", "fr": "élément OpenAPI de SUMMARY.md"},
    "openapi item key": {"en": "OpenAPI item of SUMMARY.md, key `{key}`", "fr": "élément OpenAPI de SUMMARY.md, clé `{key}`"},
}


def words(entry: str, lang: str, **args: Any) -> str:
    return phrase(_WORDS, entry, lang, **args)


def yaml_where(path: Path, lang: str, whole: str, key: str, **names: str) -> str:
    if not path:
        return words(whole, lang, **names)
    last_item = max((index for index, part in enumerate(path) if isinstance(part, int)), default=-1)
    if last_item == -1:
        return words(key, lang, key=".".join(map(str, path)), **names)
    head, rest = path[:last_item], path[last_item + 1 :]
    text = words(key, lang, key=".".join(str(part) for part in head if not isinstance(part, int)), **names)
    text += words("item", lang, number=int(path[last_item]) + 1)
    return text + (f" `{'.'.join(map(str, rest))}`" if rest else "")


def shipped_problems(instance: Any, lang: str, where: Callable[[Path], str], name: str, pointer: str = "") -> list[SchemaProblem]:
    """`instance`'s problems against a shipped schema (or its part at `pointer`). Most instances
    are valid: proved so quickly, they have none, and jsonschema (imported on first use) is spared."""
    if surely_valid(instance, name, pointer):
        return []
    return problems(shipped_validator(name, pointer), instance, lang, where)


def front_matter_problems(page: Page, lang: str) -> tuple[FrontMatter | None, list[SchemaProblem]]:
    """The front matter's problems against its schema (the include schema for reusable blocks).

    Front matter that is missing, unreadable or not a mapping has none here: GB010 reports it.
    """
    matter = page.front_matter
    if matter is None or matter.problem is not None or not isinstance(matter.data, dict):
        return matter, []
    key = f"{__name__}.front-matter.{lang}"  # two rules ask: validate once per page
    if key not in page.derived:
        name = INCLUDE_FRONT_MATTER if page.is_include else FRONT_MATTER
        where = lambda path: yaml_where(path, lang, "front matter", "key")  # noqa: E731
        page.derived[key] = shipped_problems(json_value(matter.data), lang, where, name)
    return matter, page.derived[key]


def block_instance(block: Block) -> dict[str, Any]:
    """A block as blocks.schema.json sees it. Unknown tags are left out of its children: GB020
    reports them, and a container is judged on the blocks GitBook knows."""
    return _instance(*_shape_of(block))


_Shape = tuple[str, TagLine, str | None, tuple[str, ...], bool]


def _shape_of(block: Block) -> _Shape:
    """What of a block its schema instance is made of (its tag line gives the attributes and
    the argument), hashable."""
    parent = block.parent.name if block.parent is not None else None
    return block.name, block.tag, parent, tuple(child.name for child in known_children(block)), block.loose is not None


def _instance(name: str, tag: TagLine, parent: str | None, children: tuple[str, ...], loose: bool) -> dict[str, Any]:
    return {
        "name": name,
        "attributes": dict(tag.attrs),
        "argument": tag.argument,
        "parent": parent,
        "children": [{"name": child} for child in children],
        "loose": loose,
    }


def child_names(tag: str) -> Any:
    """The `const` or `enum` of the child blocks a container tag may hold (None: any)."""
    definition = shipped_schema(BLOCKS)["$defs"].get(tag, {})
    child = definition.get("properties", {}).get("children", {}).get("items", {}).get("properties", {}).get("name", {})
    return child.get("const", child.get("enum"))


def known_children(block: Block) -> list[Block]:
    return [child for child in block.children if child.name in KNOWN_TAGS]


def block_problems(page: Page, lang: str) -> list[tuple[Block, SchemaProblem]]:
    """Each block's problems against its tag's definition in blocks.schema.json (computed once
    per page: three rules read them)."""
    key = f"{__name__}.blocks.{lang}"
    if key not in page.derived:
        page.derived[key] = list(_block_problems(page, lang))
    return page.derived[key]


def _block_problems(page: Page, lang: str) -> Iterator[tuple[Block, SchemaProblem]]:
    definitions = shipped_schema(BLOCKS)["$defs"]
    for block in page.blocks:
        if block.name not in definitions:
            continue  # an unknown tag (GB020) or a legacy family the schema leaves alone
        for problem in _problems_of_shape(*_shape_of(block), lang):
            yield block, problem


@lru_cache(maxsize=8192)
def _problems_of_shape(name: str, tag: TagLine, parent: str | None, children: tuple[str, ...], loose: bool, lang: str) -> tuple[SchemaProblem, ...]:
    """Problems of one block shape, by its parts: a space repeats the same tag lines (`{% hint
    style="info" %}` in a tab…) thousands of times, and three rules ask. Equal parts make the
    same instance, without writing it as JSON for each block."""
    instance = _instance(name, tag, parent, children, loose)  # strings, None, booleans: as JSON reads it back
    if surely_valid(instance, BLOCKS, f"/$defs/{name}"):
        return ()
    return _shape_problems(json.dumps(instance, sort_keys=True, ensure_ascii=False), lang)


@lru_cache(maxsize=8192)
def _shape_problems(shape: str, lang: str) -> tuple[SchemaProblem, ...]:
    """Problems of one block shape, as JSON: tag lines that differ only in where their
    attributes sit, or in their order, are validated once. Only shapes `_problems_of_shape`
    could not prove valid come here, so jsonschema judges without a second proof."""
    instance = json.loads(shape)
    name = instance["name"]

    def where(path: Path) -> str:
        if len(path) >= 2 and path[0] == "attributes":
            return words("attribute", lang, tag=name, name=path[1])
        return words("block", lang, tag=name)

    return tuple(problems(shipped_validator(BLOCKS, f"/$defs/{name}"), instance, lang, where))


def block_position(block: Block, location: Path) -> tuple[int, int]:
    """Where a block problem sits: the attribute's value, the child block, or the tag."""
    if len(location) >= 2 and location[0] == "attributes" and isinstance(location[1], str):
        return block.attribute_position(location[1])
    children = known_children(block)
    if len(location) >= 2 and location[0] == "children" and isinstance(location[1], int):
        if location[1] < len(children):
            child = children[location[1]]
            return child.line, child.column
    return block.line, block.column


def site_gitbook_yaml_problems(site: Site, lang: str) -> list[SchemaProblem]:
    """The problems of the space's `.gitbook.yaml`, validated once per site and language: GB420
    and GB421 share them (hundreds of redirects make it a long validation)."""
    if site.config is None:
        return []
    key = ("gitbook-yaml-problems", lang)
    if key not in site.memo:
        site.memo[key] = gitbook_yaml_problems(site.config, lang)
    return site.memo[key]


def gitbook_yaml_problems(config: FrontMatter, lang: str) -> list[SchemaProblem]:
    """`.gitbook.yaml` (read like front matter) against gitbook-yaml.schema.json."""
    if config.problem is not None or not isinstance(config.data, dict):
        return []
    where = lambda path: yaml_where(path, lang, "config", "config key")  # noqa: E731
    return shipped_problems(json_value(config.data), lang, where, GITBOOK_YAML)


def prepare_gitbook_yaml(site: Site) -> None:
    """GB420's and GB421's work before the pages are read: when `.gitbook.yaml` is not proved
    valid, jsonschema is imported and its validator made now (both kept for the run), while
    other processes parse the pages, rather than after them."""
    config = site.config
    if config is None or config.problem is not None or not isinstance(config.data, dict):
        return
    if not surely_valid(json_value(config.data), GITBOOK_YAML):
        shipped_validator(GITBOOK_YAML)
        import jsonschema.exceptions  # noqa: F401 - what `problems` imports, imported now


def site_config_problems(config: FrontMatter, file: str, lang: str) -> list[SchemaProblem]:
    """The site configuration (`gitbook-docs.yaml`, `docs.yaml`) against site-config.schema.json."""
    if config.problem is not None or not isinstance(config.data, dict):
        return []
    where = lambda path: yaml_where(path, lang, "file", "file key", file=file)  # noqa: E731
    found = shipped_problems(json_value(config.data), lang, where, SITE_CONFIG)
    return without_missing_misspelt(found)


def without_missing_misspelt(found: list[SchemaProblem]) -> list[SchemaProblem]:
    """One problem, one finding: a required key written with a typo (`kee:`) is its unknown key
    (`did you mean key?`), not also a missing `key`."""
    meant = {(problem.parent, problem.args.get("close")) for problem in found if problem.key == "unknown-key-close"}
    return [
        problem
        for problem in found
        if not (problem.keyword == "required" and (problem.parent, problem.location[-1] if problem.location else None) in meant)
    ]


def summary_openapi_problems(block: FrontMatter, lang: str) -> list[SchemaProblem]:
    """A SUMMARY.md item written as GitBook's OpenAPI reference block, against its schema."""
    if block.problem is not None or not isinstance(block.data, dict):
        return []
    where = lambda path: yaml_where(path, lang, "openapi item", "openapi item key")  # noqa: E731
    return shipped_problems(json_value(block.data), lang, where, SUMMARY_OPENAPI)
