"""The quick proof of validity (`validation.proof`): never True where jsonschema finds an error.

The schema rules skip jsonschema for an instance proved valid, so a proof that is wrong once
would hide a finding. Each test compares with jsonschema itself, on the shipped schemas and on
small schemas that exercise one keyword each.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from linter.model.dump import json_value
from linter.model.page import Page
from linter.model.site import Site
from linter.rules._schema import block_instance, block_problems
from linter.validation import schemas
from linter.validation.messages import problems
from linter.validation.proof import Prover
from linter.validation.schemas import shipped_schema, shipped_validator, surely_valid

BLOCKS, FRONT_MATTER, INCLUDE_FRONT_MATTER = schemas.BLOCKS, schemas.FRONT_MATTER, schemas.INCLUDE_FRONT_MATTER
GITBOOK_YAML, SITE_CONFIG, SUMMARY_OPENAPI = schemas.GITBOOK_YAML, schemas.SITE_CONFIG, schemas.SUMMARY_OPENAPI
SPACES = Path(__file__).parent / "fixtures/spaces"
VALUES: list[Any] = [None, True, False, 0, 1, 1.0, 2.5, "", "x", "info", "wide", "full", "tab", [], ["a"], [1], {}]
VALUES += [{"a": 1}, {"visible": True}, {"tag": "t"}, {"light": "a.png"}, "2024-01-31", "https://exemple.fr/"]


def jsonschema_valid(instance: Any, name: str, pointer: str = "") -> bool:
    return not list(shipped_validator(name, pointer).iter_errors(instance))


def mutated(value: Any, rng: random.Random) -> Any:
    """`value` with one change somewhere: a key dropped, added or changed, an item changed."""
    if isinstance(value, dict) and value and rng.random() < 0.7:
        changed = dict(value)
        key = rng.choice(list(changed))
        roll = rng.random()
        if roll < 0.3:
            del changed[key]
        elif roll < 0.5:
            changed[f"unknown{rng.randint(0, 3)}"] = rng.choice(VALUES)
        else:
            changed[key] = mutated(changed[key], rng)
        return changed
    if isinstance(value, list) and value and rng.random() < 0.7:
        changed = list(value)
        index = rng.randrange(len(changed))
        changed[index] = mutated(changed[index], rng)
        return changed
    return copy.deepcopy(rng.choice(VALUES))


def fixture_instances() -> list[tuple[Any, str, str]]:
    """Every front matter, block and `.gitbook.yaml` of the test spaces, with its schema."""
    found: list[tuple[Any, str, str]] = []
    definitions = shipped_schema(BLOCKS)["$defs"]
    for folder in sorted(path for path in SPACES.iterdir() if path.is_dir()):
        site = Site.load(folder, jobs=1)
        for page in site.pages.values():
            matter = page.front_matter
            if matter is not None and matter.problem is None and isinstance(matter.data, dict):
                found.append((json_value(matter.data), INCLUDE_FRONT_MATTER if page.is_include else FRONT_MATTER, ""))
            found.extend((block_instance(block), BLOCKS, f"/$defs/{block.name}") for block in page.blocks if block.name in definitions)
        if site.config is not None and isinstance(site.config.data, dict):
            found.append((json_value(site.config.data), GITBOOK_YAML, ""))
    return found


def test_never_proves_what_jsonschema_rejects_on_the_shipped_schemas() -> None:
    rng = random.Random(11)
    cases = fixture_instances()
    cases += [(mutated(instance, rng), name, pointer) for instance, name, pointer in cases for _ in range(4)]
    whole = {"description": "x", "hidden": True, "layout": {"width": "wide", "title": {"visible": False}}, "tags": ["x", {"tag": "y"}]}
    whole |= {"cover": {"light": "a"}, "title": "t", "root": "./", "structure": {"readme": "a.md"}, "redirects": {"a": "b"}}
    whole |= {"type": "openapi", "spec": "x", "site": {"x": 1}}
    for name in (FRONT_MATTER, INCLUDE_FRONT_MATTER, GITBOOK_YAML, SITE_CONFIG, SUMMARY_OPENAPI):
        cases += [(mutated(whole, rng), name, "") for _ in range(150)]
    for tag in shipped_schema(BLOCKS)["$defs"]:
        for _ in range(15):
            attributes = {key: rng.choice(VALUES) for key in rng.sample(["style", "url", "src", "title", "icon", "page", "x"], 2)}
            parent = rng.choice([None, "tabs", "stepper", "columns"])
            children = [{"name": rng.choice(["tab", "step", "column", "x"])}]
            instance = {"name": tag, "attributes": attributes, "argument": rng.choice([None, "x"]), "parent": parent}
            cases.append((instance | {"children": children, "loose": rng.random() < 0.5}, BLOCKS, f"/$defs/{tag}"))
    wrong = [(instance, name, pointer) for instance, name, pointer in cases if surely_valid(instance, name, pointer) and not jsonschema_valid(instance, name, pointer)]
    assert wrong == []
    proved = sum(surely_valid(instance, name, pointer) for instance, name, pointer in cases)
    assert proved > 200  # the test does exercise proofs, not only refusals


def test_the_usual_instances_are_proved_valid() -> None:
    """What spaces are full of: without these, jsonschema would run (and be imported) again."""
    assert surely_valid({"description": "Une page", "hidden": True, "layout": {"width": "wide", "title": {"visible": False}}}, FRONT_MATTER)
    assert surely_valid({"title": "Bloc"}, INCLUDE_FRONT_MATTER)
    hint = {"name": "hint", "attributes": {"style": "info"}, "argument": None, "parent": None, "children": [], "loose": True}
    assert surely_valid(hint, BLOCKS, "/$defs/hint")
    tabs = {"name": "tabs", "attributes": {}, "argument": None, "parent": None, "children": [{"name": "tab"}], "loose": False}
    assert surely_valid(tabs, BLOCKS, "/$defs/tabs")
    assert surely_valid({"root": "./docs/", "structure": {"readme": "README.md"}}, GITBOOK_YAML)
    every = {"description": None, "hidden": False, "noIndex": True, "icon": "book", "cover": "a.png", "tags": ["x"]}
    assert surely_valid(every, FRONT_MATTER)


# One keyword each: (schema, instance). The proof must agree with jsonschema or decline.
KEYWORD_CASES: list[tuple[dict[str, Any], Any]] = [
    ({"enum": [1, "a"]}, True),  # True is not 1
    ({"enum": [True]}, 1),
    ({"enum": [1]}, 1.0),  # 1.0 is 1
    ({"const": [1, {"a": False}]}, [1, {"a": False}]),
    ({"const": [1, {"a": False}]}, [1, {"a": 0}]),
    ({"const": {"a": 1}}, {"a": 1, "b": 2}),
    ({"type": "integer"}, 1.0),
    ({"type": "integer"}, 1.5),
    ({"type": "integer"}, True),
    ({"type": "number"}, False),
    ({"type": ["string", "null"]}, None),
    ({"type": "object", "required": ["a"]}, {"b": 1}),
    ({"required": ["a"]}, "not an object"),
    ({"oneOf": [{"type": "string"}, {"minLength": 1}]}, "x"),  # both: invalid
    ({"oneOf": [{"type": "string"}, {"type": "number"}]}, "x"),
    ({"anyOf": [{"type": "string"}, {"type": "number"}]}, None),
    ({"not": {"type": "string"}}, "x"),
    ({"not": {"type": "string"}}, 1),
    ({"if": {"type": "string"}, "then": {"minLength": 2}, "else": {"type": "number"}}, "x"),
    ({"if": {"type": "string"}, "then": {"minLength": 2}, "else": {"type": "number"}}, None),
    ({"if": {"type": "string"}, "then": {"minLength": 2}}, "xy"),
    ({"properties": {"a": {"type": "string"}}, "additionalProperties": False}, {"a": "x", "b": 1}),
    ({"properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "number"}}, {"a": "x", "b": 1}),
    ({"items": {"type": "string"}, "minItems": 2, "maxItems": 3}, ["a", "b"]),
    ({"items": {"type": "string"}, "minItems": 2, "maxItems": 3}, ["a", 1]),
    ({"items": False}, []),
    ({"items": False}, [1]),
    ({"minProperties": 1, "maxProperties": 1}, {}),
    ({"pattern": "^a"}, "ba"),  # a search, anchored here
    ({"pattern": "b"}, "abc"),
    ({"maxLength": 2}, "été"),
    ({"allOf": [{"type": "string"}, {"maxLength": 1}]}, "ab"),
    ({"$defs": {"s": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/s"}}}, {"a": 1}),
    ({"$defs": {"s": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/s"}}}, {"a": "x"}),
    ({"$defs": {"a/b": {"type": "string"}}, "$ref": "#/$defs/a~1b"}, 1),
    ({"format": "date"}, "not a date"),
    ({"uniqueItems": True}, [1, 1]),
    ({"minimum": 3}, 1),
]


@pytest.mark.parametrize(("schema", "instance"), KEYWORD_CASES)
def test_each_keyword_agrees_with_jsonschema_or_declines(schema: dict[str, Any], instance: Any) -> None:
    document = {"$id": "https://example.invalid/one.json", **schema}
    prover = Prover({"https://example.invalid/one.json": document, "one.json": document})
    valid = Draft202012Validator(document).is_valid(instance)
    assert not (prover.proves_valid("one.json", instance) and not valid)
    verdict = prover.check({"$ref": "https://example.invalid/one.json"}, instance, "", 0)
    assert verdict in (valid, None)  # `not`, `oneOf` and `if` rely on a False being right too


def test_declines_what_it_cannot_follow() -> None:
    anchored = {"$defs": {"s": {"$anchor": "s", "type": "string"}}, "$ref": "#s"}
    nested = {"$defs": {"s": {"$id": "other.json", "type": "string"}}, "$ref": "other.json"}
    prover = Prover({"a.json": anchored, "b.json": nested, "c.json": {"unknownKeyword": 1}, "d.json": {"$ref": "#"}})
    assert not prover.proves_valid("a.json", "x")  # valid, but through an anchor
    assert not prover.proves_valid("b.json", "x")  # valid, but through a nested `$id`
    assert not prover.proves_valid("c.json", "x")
    assert not prover.proves_valid("d.json", "x")  # a schema that refers to itself forever
    assert not prover.proves_valid("missing.json", "x")
    assert not prover.proves_valid("a.json#/nowhere", "x")


def test_blocks_of_the_same_tag_line_share_problems_equal_to_a_fresh_validation() -> None:
    """Block problems are cached by tag line, parent, children and loose content: every block
    gets what validating its own instance gives, whatever block came first."""
    text = (
        '# Page\n\n{% hint style="infos" %}\nA\n{% endhint %}\n\n{% hint style="infos" %}\nB\n{% endhint %}\n\n'
        '{% tabs %}\n{% tab title="Un" %}\n{% hint style="infos" %}\nC\n{% endhint %}\n{% endtab %}\n{% endtabs %}\n\n'
        '{% embed url="https://exemple.fr" caption="x" %}\n\n{% embed caption="x" url="https://exemple.fr" %}\n'
    )
    page = Page.from_text("page.md", text)
    found = block_problems(page, "en")
    assert len({id(block) for block, _ in found}) >= 3  # the three hints, at least
    for block in page.blocks:
        instance = json.loads(json.dumps(block_instance(block), sort_keys=True, ensure_ascii=False))
        validator = shipped_validator(BLOCKS, f"/$defs/{block.name}")
        where = lambda path, name=block.name: f"{name} {path}"  # noqa: E731
        fresh = [(problem.location, problem.key, problem.args.get("found")) for problem in problems(validator, instance, "en", where)]
        assert [(problem.location, problem.key, problem.args.get("found")) for b, problem in found if b is block] == fresh
