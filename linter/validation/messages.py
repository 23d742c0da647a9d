"""Turn jsonschema errors into findings an editor understands: where, what was found, what is allowed.

Every schema rule shares `SCHEMA_MESSAGES` (English and French) and `explain`. A raw jsonschema
message is never shown: each validation keyword has its own sentence, and a schema can word its
own with annotations that jsonschema ignores:

- `"x-expected": {"en": "a date like 2024-01-31", "fr": "…"}` describes in words what a `pattern`,
  `format`, `enum` or `contains` asks for;
- `"x-message": {"en": "…", "fr": "…"}` replaces the sentence for any error of that schema, and
  `"x-messages": {"required": {…}, …}` for errors of one keyword; both may use `{where}`,
  `{found}` and `{name}`.

When several errors concern the same place, `best_match` keeps the most relevant one, and
unknown or missing keys each get their own place (the key), so every one is reported.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:  # jsonschema is imported when something is validated, not at start-up
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

from ..words import localised, say_in

Path = tuple[str | int, ...]

SCHEMA_MESSAGES: dict[str, dict[str, str]] = {
    "type": {
        "en": "{where}: expected {expected}, found {found}",
        "fr": "{where} : attendu {expected}, trouvé {found}",
    },
    "enum": {
        "en": "{where}: {found} is not allowed; allowed: {allowed}",
        "fr": "{where} : {found} n'est pas permis ; permis : {allowed}",
    },
    "const": {
        "en": "{where}: expected {allowed}, found {found}",
        "fr": "{where} : attendu {allowed}, trouvé {found}",
    },
    "required": {
        "en": "{where}: `{name}` is missing; it is required",
        "fr": "{where} : `{name}` manque ; il est obligatoire",
    },
    "unknown-key": {
        "en": "{where}: unknown key `{name}`; known keys: {allowed}",
        "fr": "{where} : clé inconnue `{name}` ; clés connues : {allowed}",
    },
    "unknown-key-close": {
        "en": "{where}: unknown key `{name}`; did you mean `{close}`?",
        "fr": "{where} : clé inconnue `{name}` ; vouliez-vous dire `{close}` ?",
    },
    "form": {
        "en": "{where}: {found} is not {expected}",
        "fr": "{where} : {found} n'est pas {expected}",
    },
    "pattern": {
        "en": "{where}: {found} does not have the expected form (pattern `{pattern}`)",
        "fr": "{where} : {found} n'a pas la forme attendue (motif `{pattern}`)",
    },
    "empty": {
        "en": "{where}: must not be empty",
        "fr": "{where} : ne doit pas être vide",
    },
    "too-short": {
        "en": "{where}: {found} is shorter than {limit} characters",
        "fr": "{where} : {found} fait moins de {limit} caractères",
    },
    "too-long": {
        "en": "{where}: {found} is longer than {limit} characters",
        "fr": "{where} : {found} fait plus de {limit} caractères",
    },
    "too-few": {
        "en": "{where}: at least {limit} expected, found {count}",
        "fr": "{where} : au moins {limit} attendus, trouvé {count}",
    },
    "too-many": {
        "en": "{where}: at most {limit} allowed, found {count}",
        "fr": "{where} : au plus {limit} permis, trouvé {count}",
    },
    "below": {
        "en": "{where}: {found} is below the minimum, {limit}",
        "fr": "{where} : {found} est sous le minimum, {limit}",
    },
    "above": {
        "en": "{where}: {found} is above the maximum, {limit}",
        "fr": "{where} : {found} dépasse le maximum, {limit}",
    },
    "missing-item": {
        "en": "{where}: none matches: {expected}",
        "fr": "{where} : aucun ne correspond : {expected}",
    },
    "not-allowed": {
        "en": "{where}: {found} is not allowed here",
        "fr": "{where} : {found} n'est pas permis ici",
    },
    "duplicate": {
        "en": "{where}: the items must all be different",
        "fr": "{where} : les éléments doivent tous être différents",
    },
    "invalid": {
        "en": "{where}: {found} does not satisfy the schema's `{keyword}` constraint",
        "fr": "{where} : {found} ne respecte pas la contrainte `{keyword}` du schéma",
    },
    "custom": {"en": "{text}", "fr": "{text}"},
}

_TYPES = {
    "string": {"en": "text", "fr": "du texte"},
    "boolean": {"en": "true or false", "fr": "true ou false"},
    "number": {"en": "a number", "fr": "un nombre"},
    "integer": {"en": "a whole number", "fr": "un nombre entier"},
    "array": {"en": "a list", "fr": "une liste"},
    "object": {"en": "a mapping (`key: value` lines)", "fr": "un dictionnaire (lignes `clé: valeur`)"},
    "null": {"en": "an empty value", "fr": "une valeur vide"},
}
_FORMATS = {
    "date": {"en": "a date like 2024-01-31", "fr": "une date comme 2024-01-31"},
    "date-time": {"en": "a date and time like 2024-01-31T09:00:00Z", "fr": "une date et heure comme 2024-01-31T09:00:00Z"},
    "email": {"en": "an email address", "fr": "une adresse e-mail"},
    "uri": {"en": "a full URL", "fr": "une URL complète"},
}
_WORDS = {
    "or": {"en": " or ", "fr": " ou "},
    "a list": {"en": "a list", "fr": "une liste"},
    "a mapping": {"en": "a mapping", "fr": "un dictionnaire"},
    "empty": {"en": "an empty value", "fr": "une valeur vide"},
    "nothing": {"en": "nothing", "fr": "rien"},
    "matching": {"en": "an item matching the schema", "fr": "un élément conforme au schéma"},
}
MAX_SHOWN = 60


@dataclass(frozen=True)
class SchemaProblem:
    """One error to report. `location` is where in the instance it is: for an unknown or a
    missing key, the key itself (`parent` + name), so each one is reported at its own place."""

    location: Path
    parent: Path
    keyword: str
    key: str
    args: dict[str, Any] = field(default_factory=dict)
    value: Any = None  # the schema's value for the keyword (the `enum` list, the `maxItems` limit…)

    @property
    def is_unknown_key(self) -> bool:
        return self.keyword in ("additionalProperties", "unevaluatedProperties")


def phrase(table: dict[str, dict[str, str]], entry: str, lang: str, **args: Any) -> str:
    """`table[entry]` in `lang` (English when missing), formatted with `args`."""
    return say_in(table[entry], lang, **args)


def word(name: str, lang: str) -> str:
    return phrase(_WORDS, name, lang)


def show(value: Any, lang: str) -> str:
    """A value as an editor would recognise it in the file."""
    if value is None:
        return word("empty", lang)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        shown = value if len(value) <= MAX_SHOWN else value[: MAX_SHOWN - 1] + "…"
        return f'"{shown}"'
    if isinstance(value, list):
        return word("a list", lang)
    if isinstance(value, dict):
        return word("a mapping", lang)
    return str(value)


def _localised(texts: Any, lang: str) -> str | None:
    if isinstance(texts, dict):
        return localised(texts, lang)
    return texts if isinstance(texts, str) else None


def problems(
    validator: Draft202012Validator, instance: Any, lang: str, where: Callable[[Path], str]
) -> list[SchemaProblem]:
    """The best error per location, translated. `where(path)` names a location for the editor."""
    from jsonschema.exceptions import best_match

    groups: dict[Path, list[tuple[ValidationError, str | None]]] = {}
    for error in validator.iter_errors(instance):
        for location, name in _locations(error):
            groups.setdefault(location, []).append((error, name))
    found = []
    for entries in groups.values():
        errors = [error for error, _ in entries]
        best = best_match(errors)
        name = next((n for e, n in entries if e is best), None)
        found.append(explain(best, lang, where, name))
    return sorted(found, key=lambda problem: [str(part) for part in problem.location])


def _locations(error: ValidationError) -> Iterable[tuple[Path, str | None]]:
    path = tuple(error.absolute_path)
    names = _unknown_keys(error) if error.validator in ("additionalProperties", "unevaluatedProperties") else []
    if error.validator == "required":
        names = _missing_keys(error)
    if not names:
        return [(path, None)]
    return [(path + (name,), name) for name in names]


def _unknown_keys(error: ValidationError) -> list[str]:
    instance, schema = error.instance, error.schema
    if not isinstance(instance, dict):
        return []
    known = schema.get("properties", {})
    patterns = [re.compile(pattern) for pattern in schema.get("patternProperties", {})]
    return [key for key in instance if key not in known and not any(p.search(key) for p in patterns)]


def _missing_keys(error: ValidationError) -> list[str]:
    if not isinstance(error.instance, dict) or not isinstance(error.validator_value, list):
        return []
    return [name for name in error.validator_value if name not in error.instance]


def explain(error: ValidationError, lang: str, where: Callable[[Path], str], name: str | None = None) -> SchemaProblem:
    parent = tuple(error.absolute_path)
    keyword = str(error.validator)
    if keyword in ("additionalProperties", "unevaluatedProperties", "required") and name is None:
        names = _missing_keys(error) if keyword == "required" else _unknown_keys(error)
        name = names[0] if names else None
    location = parent + (name,) if name is not None else parent
    args: dict[str, Any] = {"where": where(parent), "found": show(error.instance, lang), "name": name or ""}
    custom = _custom_text(error, lang, args)
    if custom is not None:
        return SchemaProblem(location, parent, keyword, "custom", {**args, "text": custom}, error.validator_value)
    key, extra = _translate(error, lang, name)
    return SchemaProblem(location, parent, keyword, key, {**args, **extra}, error.validator_value)


def _custom_text(error: ValidationError, lang: str, args: dict[str, Any]) -> str | None:
    schema = error.schema if isinstance(error.schema, dict) else {}
    template = _localised((schema.get("x-messages") or {}).get(error.validator), lang)
    template = template or _localised(schema.get("x-message"), lang)
    if template is None:
        return None
    return template.format(**args)


def _expected(schema: Any, lang: str) -> str | None:
    return _localised(schema.get("x-expected"), lang) if isinstance(schema, dict) else None


def _translate(error: ValidationError, lang: str, name: str | None) -> tuple[str, dict[str, Any]]:
    keyword, value, schema = error.validator, error.validator_value, error.schema
    if keyword == "type":
        types = value if isinstance(value, list) else [value]
        expected = word("or", lang).join(_localised(_TYPES.get(t, t), lang) or str(t) for t in types)
        return "type", {"expected": expected}
    if keyword == "enum":
        allowed = _expected(schema, lang) or ", ".join(show(item, lang) for item in value)
        return "enum", {"allowed": allowed}
    if keyword == "const":
        return "const", {"allowed": _expected(schema, lang) or show(value, lang)}
    if keyword == "required":
        return "required", {}
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        return _unknown_key(schema, name or "")
    if keyword in ("pattern", "format"):
        expected = _expected(schema, lang) or (_localised(_FORMATS.get(value), lang) if keyword == "format" else None)
        if expected is None:
            return "pattern", {"pattern": value}
        return "form", {"expected": expected}
    if keyword in ("minLength", "maxLength"):
        if keyword == "minLength" and value == 1:
            return "empty", {}
        return ("too-short" if keyword == "minLength" else "too-long"), {"limit": value}
    if keyword in ("minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains"):
        count = len(error.instance) if hasattr(error.instance, "__len__") else 0
        return ("too-few" if keyword.startswith("min") else "too-many"), {"limit": value, "count": count}
    if keyword in ("minimum", "exclusiveMinimum"):
        return "below", {"limit": value}
    if keyword in ("maximum", "exclusiveMaximum"):
        return "above", {"limit": value}
    if keyword == "contains":
        return "missing-item", {"expected": _expected(value, lang) or word("matching", lang)}
    if keyword in ("not", None, "False schema"):
        return "not-allowed", {}
    if keyword == "uniqueItems":
        return "duplicate", {}
    return "invalid", {"keyword": keyword}


def _unknown_key(schema: dict[str, Any], name: str) -> tuple[str, dict[str, Any]]:
    known = list(schema.get("properties", {}))
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if not close:  # a different case is the commonest slip: `NoIndex`, `Description`
        close = [key for key in known if key.lower() == name.lower()][:1]
    if close:
        return "unknown-key-close", {"close": close[0]}
    return "unknown-key", {"allowed": ", ".join(f"`{key}`" for key in known) or "—"}
