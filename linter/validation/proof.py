"""A quick proof that an instance satisfies a JSON Schema, without jsonschema.

Almost every front matter and block of a space is valid, and a valid instance has no problems
to explain: `proves_valid` says so in a few microseconds, where jsonschema (with `$ref`s resolved
through `referencing`) takes a fraction of a millisecond per instance and a tenth of a second to
import. The answer is three-valued: True only when the instance is valid by the same semantics as
jsonschema's draft 2020-12 validator (its type checks, its equality of `enum`/`const` values, `$ref`
resolved as the shipped registry resolves it); False when surely invalid; None when it cannot tell
(a keyword it does not know, `format`, a reference it cannot follow…). Only True skips jsonschema:
anything else is validated by jsonschema as before, so no finding can differ.
"""

from __future__ import annotations

import numbers
import re
from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping
from urllib.parse import unquote, urldefrag, urljoin

Verdict = bool | None  # True: valid; False: invalid; None: cannot tell here

# Keywords that never make an instance invalid: annotations, and the parts read by another keyword
# (`then`/`else` by `if`, `$defs` by `$ref`). `$id` changes nothing either: only a document's
# root may have one (see `_plain`), and the walk enters a document by the URI it was found at.
_IGNORED = frozenset(
    {"$schema", "$id", "$comment", "$defs", "definitions", "title", "description", "default", "examples"}
    | {"deprecated", "readOnly", "writeOnly", "then", "else"}
)
_MAX_DEPTH = 64  # a schema that refers to itself without consuming the instance: leave it to jsonschema


class Prover:
    """Proves instances valid against the `documents` (schemas by URI and by path)."""

    def __init__(self, documents: Mapping[str, Any]) -> None:
        self._documents = documents
        self._plain: dict[str, bool] = {}  # by URI, found on first use
        self._targets: dict[tuple[str, str], tuple[str, Any] | None] = {}  # by (base, $ref)

    def proves_valid(self, reference: str, instance: Any) -> bool:
        """True only if `instance` is valid against the schema `reference` names (a document's
        URI or path, with a JSON pointer as fragment: `blocks.schema.json#/$defs/hint`), as the
        validator of `{"$ref": reference}` (or of the whole document, `reference` its `$id`) finds."""
        return self.check({"$ref": reference}, instance, "", 0) is True

    def check(self, schema: Any, instance: Any, base: str, depth: int) -> Verdict:
        """The verdict on `instance` against `schema`, its `$ref`s taken from `base`."""
        if schema is True:
            return True
        if schema is False:
            return False
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return None
        verdict: Verdict = True
        for keyword, value in schema.items():
            if keyword in _IGNORED or keyword.startswith("x-"):
                continue
            if keyword == "$ref":
                found = self._ref(value, instance, base, depth)
            else:
                judge = _KEYWORDS.get(keyword)
                if judge is None:
                    return None
                found = judge(self, value, instance, schema, base, depth)
            if found is False:
                return False
            if found is None:
                verdict = None
        return verdict

    def _ref(self, ref: Any, instance: Any, base: str, depth: int) -> Verdict:
        if not isinstance(ref, str):
            return None
        key = (base, ref)
        if key not in self._targets:
            self._targets[key] = self._resolve(ref, base)
        target = self._targets[key]
        if target is None:
            return None
        uri, schema = target
        return self.check(schema, instance, uri, depth + 1)

    def _resolve(self, ref: str, base: str) -> tuple[str, Any] | None:
        """The URI and schema `ref` names, as `referencing` finds them: a fragment alone names
        the base's document, the base after the look-up is the URI looked up, the fragment is a
        JSON pointer. None when it cannot be followed here (an anchor, a document that is not
        plain, a missing part): jsonschema then judges."""
        if ref.startswith("#"):
            uri, fragment = base, ref[1:]
        else:
            uri, fragment = urldefrag(urljoin(base, ref))
        document = self._documents.get(uri)
        if document is None:
            return None
        if uri not in self._plain:
            self._plain[uri] = _plain(document)
        if not self._plain[uri]:
            return None
        if not fragment:
            return uri, document
        target = _pointer(document, fragment) if fragment.startswith("/") else None
        return None if target is None else (uri, target)


def _plain(schema: Any) -> bool:
    """No subschema of `schema` changes the base URI or names an anchor: a JSON pointer then
    resolves without tracking resources (`referencing` rebases on each `$id` it passes), and
    only the document's own `$id` matters."""
    if not isinstance(schema, dict):
        return True
    return _no_nested_ids(schema, top=True)


def _no_nested_ids(node: Any, top: bool = False) -> bool:
    if isinstance(node, dict):
        if not top and any(key in node for key in ("$id", "$anchor", "$dynamicAnchor")):
            return False  # conservatively, even a property of that name
        return all(_no_nested_ids(value) for value in node.values())
    if isinstance(node, list):
        return all(_no_nested_ids(value) for value in node)
    return True


def _pointer(document: Any, pointer: str) -> Any:
    """The part of `document` a JSON pointer (`/a/b`) names, as `referencing` reads it; None when absent."""
    node = document
    for segment in unquote(pointer[1:]).split("/"):
        try:
            if isinstance(node, list):
                node = node[int(segment)]
            elif isinstance(node, dict):
                node = node[segment.replace("~1", "/").replace("~0", "~")]
            else:
                return None
        except (LookupError, ValueError):
            return None
    return node


# -- keywords ---------------------------------------------------------------------------------------
# Each judge(prover, value, instance, schema, base, depth) -> Verdict, with jsonschema's semantics.


def _is_type(instance: Any, name: Any) -> Verdict:
    """jsonschema's draft 2020-12 type checker: bool is not a number, 1.0 is an integer."""
    if name == "string":
        return isinstance(instance, str)
    if name == "object":
        return isinstance(instance, dict)
    if name == "array":
        return isinstance(instance, list)
    if name == "boolean":
        return isinstance(instance, bool)
    if name == "null":
        return instance is None
    if name == "number":
        return not isinstance(instance, bool) and isinstance(instance, numbers.Number)
    if name == "integer":
        if isinstance(instance, bool):
            return False
        return isinstance(instance, int) or (isinstance(instance, float) and instance.is_integer())
    return None  # an unknown type name: jsonschema raises


def _type(prover: Prover, value: Any, instance: Any, *_: Any) -> Verdict:
    return _any(_is_type(instance, name) for name in (value if isinstance(value, list) else [value]))


def _same(one: Any, two: Any) -> Verdict:
    """jsonschema's equality for `enum` and `const`: True is not 1, lists and mappings compare
    item by item; None for values of types a JSON instance does not hold."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return one == two
    if isinstance(one, list) and isinstance(two, list):
        if len(one) != len(two):
            return False
        return _all(_same(a, b) for a, b in zip(one, two, strict=True))
    if isinstance(one, dict) and isinstance(two, dict):
        if len(one) != len(two) or any(key not in two for key in one):
            return False
        return _all(_same(value, two[key]) for key, value in one.items())
    scalars = (bool, int, float, type(None))
    if type(one) not in scalars or type(two) not in scalars:
        return None
    if isinstance(one, bool) or isinstance(two, bool):
        return False  # not the same object: True and 1, or True and False
    return one == two


def _settled(verdicts: Iterable[Verdict], by: bool) -> Verdict:
    """`by` as soon as one verdict is `by`; else None if one is unknown; else `not by`."""
    result: Verdict = not by
    for verdict in verdicts:
        if verdict is by:
            return by
        if verdict is None:
            result = None
    return result


def _all(verdicts: Iterable[Verdict]) -> Verdict:
    return _settled(verdicts, False)


def _any(verdicts: Iterable[Verdict]) -> Verdict:
    return _settled(verdicts, True)


def _enum(prover: Prover, value: Any, instance: Any, *_: Any) -> Verdict:
    return _any(_same(each, instance) for each in value) if isinstance(value, list) else None


def _const(prover: Prover, value: Any, instance: Any, *_: Any) -> Verdict:
    return _same(instance, value)


def _properties(prover: Prover, value: Any, instance: Any, schema: Any, base: str, depth: int) -> Verdict:
    if not isinstance(instance, dict):
        return True
    if not isinstance(value, dict):
        return None
    return _all(prover.check(sub, instance[name], base, depth + 1) for name, sub in value.items() if name in instance)


def _additional(prover: Prover, value: Any, instance: Any, schema: Any, base: str, depth: int) -> Verdict:
    if not isinstance(instance, dict):
        return True
    if "patternProperties" in schema:
        return None
    known = schema.get("properties", {})
    extras = [key for key in instance if key not in known]
    if isinstance(value, dict):
        return _all(prover.check(value, instance[key], base, depth + 1) for key in extras)
    if isinstance(value, bool):
        return value or not extras
    return None


def _required(prover: Prover, value: Any, instance: Any, *_: Any) -> Verdict:
    if not isinstance(instance, dict):
        return True
    return all(name in instance for name in value) if isinstance(value, list) else None


def _items(prover: Prover, value: Any, instance: Any, schema: Any, base: str, depth: int) -> Verdict:
    if not isinstance(instance, list):
        return True
    if "prefixItems" in schema:
        return None
    return _all(prover.check(value, item, base, depth + 1) for item in instance)


def _size(of: type, compare: Callable[[int, int], bool]) -> Callable[..., Verdict]:
    """A `min…`/`max…` keyword on the length of a value of type `of`."""

    def judge(prover: Prover, value: Any, instance: Any, *_: Any) -> Verdict:
        if not isinstance(instance, of):
            return True
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        return compare(len(instance), value)

    return judge


def _at_least(size: int, limit: int) -> bool:
    return size >= limit


def _at_most(size: int, limit: int) -> bool:
    return size <= limit


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _pattern(prover: Prover, value: Any, instance: Any, *_: Any) -> Verdict:
    if not isinstance(instance, str):
        return True
    if not isinstance(value, str):
        return None
    try:
        return _regex(value).search(instance) is not None
    except re.error:
        return None


def _all_of(prover: Prover, value: Any, instance: Any, schema: Any, base: str, depth: int) -> Verdict:
    return _all(prover.check(sub, instance, base, depth + 1) for sub in value) if isinstance(value, list) else None


def _any_of(prover: Prover, value: Any, instance: Any, schema: Any, base: str, depth: int) -> Verdict:
    return _any(prover.check(sub, instance, base, depth + 1) for sub in value) if isinstance(value, list) else None


def _one_of(prover: Prover, value: Any, instance: Any, schema: Any, base: str, depth: int) -> Verdict:
    if not isinstance(value, list):
        return None
    verdicts = [prover.check(sub, instance, base, depth + 1) for sub in value]
    if None in verdicts:
        return None
    return verdicts.count(True) == 1


def _not(prover: Prover, value: Any, instance: Any, schema: Any, base: str, depth: int) -> Verdict:
    verdict = prover.check(value, instance, base, depth + 1)
    return None if verdict is None else not verdict


def _if(prover: Prover, value: Any, instance: Any, schema: Any, base: str, depth: int) -> Verdict:
    verdict = prover.check(value, instance, base, depth + 1)
    if verdict is None:
        return None
    branch = "then" if verdict else "else"
    return prover.check(schema[branch], instance, base, depth + 1) if branch in schema else True


_KEYWORDS: dict[str, Callable[..., Verdict]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "properties": _properties,
    "additionalProperties": _additional,
    "required": _required,
    "items": _items,
    "minItems": _size(list, _at_least),
    "maxItems": _size(list, _at_most),
    "minLength": _size(str, _at_least),
    "maxLength": _size(str, _at_most),
    "minProperties": _size(dict, _at_least),
    "maxProperties": _size(dict, _at_most),
    "pattern": _pattern,
    "allOf": _all_of,
    "anyOf": _any_of,
    "oneOf": _one_of,
    "not": _not,
    "if": _if,
}
