"""Load JSON Schemas: the ones shipped with gitbook-lint, and page-type schemas from files.

Shipped schemas are read with `importlib.resources` from the `linter.schemas` package (the
repository's top-level `schemas/` folder), so an installed gitbook-lint finds them wherever it
runs. They are registered in a `referencing.Registry` under their `$id`
(`https://gitbook-lint.invalid/schemas/<path>`: an identifier, never fetched) and under their path
inside the folder (`pages/procurement.schema.json`). A shipped schema `$ref`s another relative to
its `$id` (`../front-matter.schema.json`), which works wherever the file is read from; a user's
page-type schema can `$ref` them by `$id`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from .proof import Prover

if TYPE_CHECKING:  # jsonschema and referencing load when a schema is used, not at start-up
    from jsonschema import Draft202012Validator
    from referencing import Registry

SCHEMA_PACKAGE = "linter.schemas"
FRONT_MATTER = "front-matter.schema.json"
INCLUDE_FRONT_MATTER = "include-front-matter.schema.json"
BLOCKS = "blocks.schema.json"
GITBOOK_YAML = "gitbook-yaml.schema.json"
SITE_CONFIG = "site-config.schema.json"
SUMMARY_OPENAPI = "summary-openapi.schema.json"


class SchemaFileError(Exception):
    """A page-type schema file that cannot be used: missing, not JSON, or not a valid schema."""


def _walk(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _walk(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".json"):
            yield prefix + entry.name, entry


@lru_cache(maxsize=1)
def shipped_schemas() -> dict[str, dict[str, Any]]:
    """Every shipped schema by its path in the schemas folder."""
    return {name: json.loads(entry.read_text(encoding="utf-8")) for name, entry in _walk(resources.files(SCHEMA_PACKAGE))}


@lru_cache(maxsize=1)
def shipped_registry() -> Registry:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry: Registry = Registry()
    for name, contents in shipped_schemas().items():
        resource = Resource.from_contents(contents, default_specification=DRAFT202012)
        registry = registry.with_resource(name, resource)
        if resource.id():
            registry = registry.with_resource(resource.id(), resource)
    return registry.crawl()


def shipped_schema(name: str) -> dict[str, Any]:
    return shipped_schemas()[name]


@lru_cache(maxsize=1)
def shipped_prover() -> Prover:
    """Proves instances valid against the shipped schemas, found as the registry finds them."""
    documents: dict[str, Any] = {}
    for name, contents in shipped_schemas().items():
        documents[name] = contents
        if isinstance(contents.get("$id"), str):
            documents[contents["$id"]] = contents
    return Prover(documents)


def surely_valid(instance: Any, name: str, pointer: str = "") -> bool:
    """True only when `shipped_validator(name, pointer)` finds no error in `instance` (proved
    without jsonschema, see `proof`); False when it may find some."""
    reference = f"{name}#{pointer}" if pointer else shipped_schema(name).get("$id", name)
    return shipped_prover().proves_valid(reference, instance)


def make_validator(schema: dict[str, Any]) -> Draft202012Validator:
    """A draft 2020-12 validator that checks formats and resolves `$ref`s to shipped schemas."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema, registry=shipped_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@lru_cache(maxsize=None)
def shipped_validator(name: str, pointer: str = "") -> Draft202012Validator:
    """A validator for a shipped schema, or for one of its parts (`pointer`, e.g. `/$defs/hint`)."""
    return make_validator({"$ref": f"{name}#{pointer}"} if pointer else shipped_schema(name))


@lru_cache(maxsize=None)
def validator_for_file(path: str, base: str = ".") -> Draft202012Validator:
    """A validator for a page-type schema file; read once per run, whatever the number of pages.

    A relative path is taken from `base` (the space's folder); when no such file exists, it is
    looked up among the shipped schemas (`pages/procurement.schema.json`).
    """
    file = Path(base) / path
    if not file.is_file() and path in shipped_schemas():
        return make_validator(shipped_schema(path))
    try:
        schema = json.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise SchemaFileError(f"cannot read {path}: {error.strerror or error}") from error
    except ValueError as error:
        raise SchemaFileError(f"{path} is not valid JSON: {error}") from error
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        raise SchemaFileError(f"{path} is not a valid JSON Schema: {error.message}") from error
    return make_validator(schema)
