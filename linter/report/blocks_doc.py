"""The table of GitBook blocks in Markdown (docs/schemas.md), laid out from the block table
itself, `schemas/blocks.schema.json`, so the documentation cannot drift from what is checked."""

from __future__ import annotations

from typing import Any

from ..parse.tags import ARGUMENT, BLOCKS, BlockKind

BEGIN = "<!-- block table: generated from schemas/blocks.schema.json; do not edit by hand -->"
END = "<!-- end of the block table -->"


def blocks_markdown() -> str:
    lines = [
        BEGIN,
        "",
        "| Tag | End tag | Attributes | Links | Inside | Holds |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for block in sorted(BLOCKS.values(), key=lambda block: block.name):
        links = ", ".join("its path" if name == ARGUMENT else f"`{name}`" for name in block.links) or "—"
        cells = [f"`{block.name}`", block.closing.value, _attributes(block), links, _names(_parent(block)), _names(_children(block))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join([*lines, "", END]) + "\n"


def _attributes(block: BlockKind) -> str:
    schema = block.schema.get("properties", {}).get("attributes", {})
    required = set(schema.get("required", []))
    names = [f"`{name}`" + ("*" if name in required else "") for name in schema.get("properties", {})]
    if schema.get("additionalProperties", True) is not False:
        names.append("any other" if names else "any")
    return ", ".join(names) or "—"


def _parent(block: BlockKind) -> Any:
    return block.schema.get("properties", {}).get("parent")


def _children(block: BlockKind) -> Any:
    items = block.schema.get("properties", {}).get("children", {}).get("items", {})
    return items.get("properties", {}).get("name")


def _names(rule: Any) -> str:
    """`const`/`enum` (only those), `not` (all but), or anything."""
    if not isinstance(rule, dict):
        return "any"
    if "const" in rule:
        return f"`{rule['const']}` only"
    if "enum" in rule:
        return ", ".join(f"`{name}`" for name in rule["enum"] if name is not None) + " only"
    if "not" in rule:
        return "any but " + _names(rule["not"]).removesuffix(" only")
    return "any"
