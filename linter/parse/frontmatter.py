"""YAML front matter: safe loading, key positions, and guards against hostile YAML.

`yaml.safe_load` refuses python tags. An alias bomb ("billion laughs") loads quickly because
PyYAML shares the aliased objects, but anything that walks the value (a schema validator, JSON
output) would expand it: so the values that aliases add once expanded are counted first, and a
YAML past `MAX_ALIAS_EXPANSION` of them is refused. Values written out are not counted: a
`.gitbook.yaml` with 5,000 redirects has 10,001 nodes and no alias, and is fine. GitBook never
writes anchors or aliases.

A key written twice in one mapping is kept once by YAML (the last one wins, silently): each
repeat is listed in `duplicates`, for a finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .positions import Position

MAX_ALIAS_EXPANSION = 10_000
# libyaml's loader when PyYAML has it: the same YAML, several times faster on every page.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlProblem:
    message: str
    position: Position  # in the page, 1-based


@dataclass
class FrontMatter:
    """The YAML between the opening `---` and the closing `---` of a page."""

    raw: str
    first_line: int  # 1-based page line of the first YAML line (the line after `---`)
    data: Any = None
    problem: YamlProblem | None = None
    positions: dict[JsonPath, Position] = field(default_factory=dict)
    # For a key (or value) that is a one-line scalar: where its text starts, inside any quote.
    # Exact enough for an edit (`--fix` checks the text is there before changing it).
    key_text_positions: dict[JsonPath, Position] = field(default_factory=dict)
    value_text_positions: dict[JsonPath, Position] = field(default_factory=dict)
    # each key written again in the same mapping: (its path, where the repeat is, the first line)
    duplicates: list[tuple[JsonPath, Position, int]] = field(default_factory=list)

    @property
    def mapping(self) -> dict[str, Any]:
        return self.data if isinstance(self.data, dict) else {}

    def covers(self) -> list[tuple[JsonPath, str]]:
        """The cover images, with their key paths: `cover: x.png`, or the light and dark variants
        current GitBook writes (`cover: {light: x.png, dark: https://…}`). Empty values left out."""
        cover = self.mapping.get("cover")
        if isinstance(cover, str):
            return [(("cover",), cover.strip())] if cover.strip() else []
        if isinstance(cover, dict):
            return [
                (("cover", variant), value.strip())
                for variant in ("light", "dark")
                if isinstance(value := cover.get(variant), str) and value.strip()
            ]
        return []

    def position_of(self, path: JsonPath) -> Position:
        """Where a key (or list item) sits; the closest enclosing key when it is not recorded."""
        for end in range(len(path), 0, -1):
            found = self.positions.get(tuple(path[:end]))
            if found is not None:
                return found
        return Position(self.first_line - 1, 1)


def load_front_matter(raw: str, first_line: int) -> FrontMatter:
    matter = FrontMatter(raw=raw, first_line=first_line)
    loader = SAFE_LOADER(raw)
    try:
        root = loader.get_single_node()  # composed once: measured, then constructed
        if root is not None and _alias_expansion(root) > MAX_ALIAS_EXPANSION:
            matter.problem = YamlProblem(
                f"YAML aliases expand to more than {MAX_ALIAS_EXPANSION} values; refused",
                Position(first_line, 1),
            )
            return matter
        matter.data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        matter.problem = _problem_of(error, first_line, raw)
        return matter
    except yaml.YAMLError as error:  # no mark: report at the start of the YAML
        matter.problem = YamlProblem(str(error), Position(first_line, 1))
        return matter
    except RecursionError:
        matter.problem = YamlProblem("front matter is nested too deeply", Position(first_line, 1))
        return matter
    finally:
        loader.dispose()
    if root is not None:
        _record_positions(root, (), matter.positions, first_line)
        _record_text_positions(root, (), matter, first_line)
        _record_duplicates(root, (), matter, first_line, set())
    return matter


def _record_duplicates(node: yaml.Node, path: JsonPath, matter: FrontMatter, first_line: int, seen: set[int]) -> None:
    """Keys written twice in one mapping (`<<` merge keys aside), at every depth."""
    if id(node) in seen:  # an aliased node is walked once
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                key = str(key_node.value)
                mark = key_node.start_mark
                if key in first:
                    matter.duplicates.append((path + (key,), Position(first_line + mark.line, mark.column + 1), first[key]))
                else:
                    first[key] = first_line + mark.line
            _record_duplicates(value_node, path + (str(key_node.value),), matter, first_line, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_duplicates(item, path + (index,), matter, first_line, seen)


def _record_text_positions(node: yaml.Node, path: JsonPath, matter: FrontMatter, first_line: int) -> None:
    if not isinstance(node, yaml.MappingNode):
        return
    for key_node, value_node in node.value:
        child = path + (str(key_node.value),)
        for scalar, out in ((key_node, matter.key_text_positions), (value_node, matter.value_text_positions)):
            where = _text_start(scalar, first_line)
            if where is not None:
                out.setdefault(child, where)
        _record_text_positions(value_node, child, matter, first_line)


def _text_start(node: yaml.Node, first_line: int) -> Position | None:
    """Where a one-line scalar's text starts (after its quote), or None."""
    if not isinstance(node, yaml.ScalarNode) or node.start_mark.line != node.end_mark.line:
        return None
    quoted = 1 if node.style in ("'", '"') else 0
    return Position(first_line + node.start_mark.line, node.start_mark.column + 1 + quoted)


def yaml_problem(error: yaml.YAMLError, raw: str, first_line: int = 1) -> YamlProblem:
    """A YAML error as one short sentence and the place to fix it (for any YAML file)."""
    if isinstance(error, yaml.MarkedYAMLError):
        return _problem_of(error, first_line, raw)
    return YamlProblem(str(error), Position(first_line, 1))


def _problem_of(error: yaml.MarkedYAMLError, first_line: int, raw: str) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    what = error.problem or error.context or "invalid YAML"
    if error.context and error.problem:
        what = f"{error.problem} ({error.context})"
        if error.problem_mark is not None and error.context_mark is not None and error.problem_mark.line >= len(raw.splitlines()):
            # the end of the YAML is no place to fix an unclosed `[`, `{` or quote: show its start
            mark = error.context_mark
            what = f"{error.problem} ({error.context} that starts here and is never closed)"
    if mark is None:
        return YamlProblem(what, Position(first_line, 1))
    return YamlProblem(what, Position(first_line + mark.line, mark.column + 1))


def _alias_expansion(root: yaml.Node) -> int:
    """How many values the aliases add once expanded: the expanded size minus the nodes written."""
    written = _distinct_nodes(root)
    return _expanded_size(root, {}, written + MAX_ALIAS_EXPANSION) - written


def _distinct_nodes(root: yaml.Node) -> int:
    seen: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            todo.extend(part for pair in node.value for part in pair)
    return len(seen)


def _expanded_size(node: yaml.Node, memo: dict[int, int], cap: int) -> int:
    """How many nodes the value has once aliases are expanded (aliases share node objects);
    counting stops past `cap`."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = cap + 1  # a cycle counts as too big
    size = 1
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            size += _expanded_size(child, memo, cap)
            if size > cap:
                break
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            size += _expanded_size(key_node, memo, cap) + _expanded_size(value_node, memo, cap)
            if size > cap:
                break
    memo[key] = size
    return size


def _record_positions(node: yaml.Node, path: JsonPath, out: dict[JsonPath, Position], first_line: int) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = path + (str(key_node.value),)
            mark = key_node.start_mark
            out.setdefault(child, Position(first_line + mark.line, mark.column + 1))
            _record_positions(value_node, child, out, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = path + (index,)
            mark = item.start_mark
            out.setdefault(child, Position(first_line + mark.line, mark.column + 1))
            _record_positions(item, child, out, first_line)
