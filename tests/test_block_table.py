"""The block table (schemas/blocks.schema.json) is whole and coherent, and the docs show it."""

from __future__ import annotations

from pathlib import Path

from linter.parse.tags import ARGUMENT, BLOCKS, KNOWN_TAGS, Closing, link_attributes
from linter.report.blocks_doc import BEGIN, END, blocks_markdown
from linter.validation.schemas import BLOCKS as BLOCKS_SCHEMA
from linter.validation.schemas import shipped_schema

DOCS = Path(__file__).resolve().parents[1] / "docs" / "schemas.md"


def test_every_known_tag_has_a_schema_entry() -> None:
    definitions = shipped_schema(BLOCKS_SCHEMA)["$defs"]
    assert [tag for tag in KNOWN_TAGS if tag not in definitions] == []
    assert {name for name, entry in definitions.items() if "x-end" in entry} == set(KNOWN_TAGS)


def test_the_legacy_api_method_blocks_are_in_the_table() -> None:
    assert {"api-method", "api-method-parameter", "api-method-response-example"} <= set(BLOCKS)
    assert all(BLOCKS[name].closing is Closing.REQUIRED for name in BLOCKS if name.startswith("api-method"))


def test_link_attributes_are_attributes_the_block_allows() -> None:
    for block in BLOCKS.values():
        allowed = block.schema.get("properties", {}).get("attributes", {}).get("properties", {})
        assert [name for name in block.links if name != ARGUMENT and name not in allowed] == [], block.name


def test_parents_and_children_name_blocks_of_the_table() -> None:
    def named(rule: object) -> list[str]:
        if not isinstance(rule, dict):
            return []
        return [rule["const"]] if "const" in rule else list(rule.get("enum", [])) + named(rule.get("not"))

    for block in BLOCKS.values():
        properties = block.schema.get("properties", {})
        children = properties.get("children", {}).get("items", {}).get("properties", {}).get("name")
        assert [name for name in named(properties.get("parent")) + named(children) if name and name not in BLOCKS] == [], block.name


def test_an_unknown_tag_still_has_its_links_read() -> None:
    assert link_attributes("embedd") == {"url": "tag-url", "src": "tag-src", "page": "tag-page"}
    assert link_attributes("hint") == {}


def test_the_docs_show_the_table_as_it_is() -> None:
    text = DOCS.read_text(encoding="utf-8")
    shown = text[text.index(BEGIN) : text.index(END) + len(END)] + "\n"
    assert shown == blocks_markdown(), "regenerate the block table of docs/schemas.md from linter.report.blocks_doc.blocks_markdown()"
