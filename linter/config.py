"""The configuration file: where it is, what it may say, and how it fills `Settings`.

A configuration is the `[tool.gitbook-lint]` table of a `pyproject.toml` or the whole of a
`.gitbook-lint.yaml`, found in the space's folder or the nearest folder above it (up to the top
of the Git repository). It is checked against `schemas/config.schema.json`, completed at run
time with each rule's own OPTIONS, so a rule added tomorrow is configurable without editing the
schema. Any problem is a `ConfigError` that names the file, the line where it can, and the
closest valid spelling of an unknown key or rule.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .guard import Refused, repository_top, resolve_inside
from .settings import Settings
from .words import closest

if TYPE_CHECKING:
    import jsonschema

    from .rules.base import Rule

# Imported where they are used, not here: a run without a configuration file reads no TOML,
# validates nothing and looks no rule up (the rules are imported later, by the engine).

YAML_NAMES = (".gitbook-lint.yaml", ".gitbook-lint.yml")
PYPROJECT = "pyproject.toml"
TOOL_KEY = "gitbook-lint"
_TOOL_HEADER = re.compile(r"^\s*\[\s*tool\s*\.\s*[\"']?gitbook[-_ .]?lint\b", re.M | re.I)
# keys copied as they are onto the `Settings` attribute of that name
_SETTING_KEYS = {
    "site-url": "site_url",
    "github-repository": "github_repository",
    "lang": "lang",
    "format": "output_format",
    "strict": "strict",
    "max-page-size": "max_page_size",
}


class ConfigError(Exception):
    """A configuration the run cannot use (exit code 2)."""

    def __init__(self, message: str, path: Path | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = "" if self.path is None else f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


@dataclass
class Config:
    """A configuration file read and validated: its mapping, and where it lives."""

    path: Path | None = None
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path else None

    def paths(self) -> list[str]:
        """The spaces the file names (`paths`), relative to its folder, as the user can read them."""
        folder = self.folder or Path.cwd()
        return [str(folder / raw) for raw in self.data.get("paths") or []]


# -- discovery -------------------------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The nearest configuration file in `start`'s folder or above, up to the repository top.
    A file found this way comes with the repository (a stranger's pull request may change it):
    one that is a symbolic link leading outside the repository is refused, never read."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in YAML_NAMES:
            if (candidate / name).is_file():
                return _inside_repository(candidate / name)
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(_inside_repository(pyproject)):
            return pyproject
        if (candidate / ".git").exists():
            return None
    return None


def _inside_repository(path: Path) -> Path:
    try:
        resolve_inside(repository_top(path.parent), path)
    except Refused as refused:
        raise ConfigError(f"a symbolic link that leads outside the repository ({refused.kind}); it was not read", path) from None
    except OSError:
        pass  # unreadable: `load_config` says so
    return path


def _has_tool_table(pyproject: Path) -> bool:
    # A cheap look before parsing: most pyproject files have no such table.
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return False
    # a near miss (`gitbook_lint`, `GitBook-Lint`, `gitbooklint`) counts, so that it is reported
    return _TOOL_HEADER.search(text) is not None


# -- reading and validating ------------------------------------------------------------------


def load_config(path: Path) -> Config:
    """Read and validate a configuration file; `ConfigError` when it cannot be used."""
    path = path.resolve() if path.exists() else path
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read the configuration file: {error.strerror or error}", path) from error
    data = _parse(path, text)
    validate_config(data, path, text)
    return Config(path, data)


def _parse(path: Path, text: str) -> dict[str, Any]:
    if path.name == PYPROJECT or path.suffix == ".toml":
        tomllib = toml_reader()
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            line = getattr(error, "lineno", None) or _toml_error_line(str(error))
            raise ConfigError(f"this is not valid TOML: {error}", path, line) from error
        data = document.get("tool", {}).get(TOOL_KEY)
        if data is None:
            _misspelt_table(path, text, document)
        if data is None and path.name == PYPROJECT:
            raise ConfigError("there is no [tool.gitbook-lint] table in this file", path)
        if path.name != PYPROJECT:
            data = document if data is None else data
    else:
        import yaml  # late: a run without a YAML configuration never imports YAML nor the parser

        from .parse.frontmatter import yaml_problem

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            problem = yaml_problem(error, text)
            raise ConfigError(f"this is not valid YAML: {problem.message}", path, problem.position.line) from error
        data = {} if data is None else data
    if not isinstance(data, dict):
        raise ConfigError("the configuration must be a mapping of keys to values", path, 1)
    return data


def toml_reader() -> Any:
    """The TOML parser, imported with the first TOML file read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10: tomllib is the standard library's copy of tomli
        import tomli as tomllib
    return tomllib


def _misspelt_table(path: Path, text: str, document: dict[str, Any]) -> None:
    """`[tool.gitbook_lint]` would be silently ignored: say which table is read instead."""
    tools = document.get("tool")
    for key in tools if isinstance(tools, dict) else ():
        if re.sub(r"[-_ .]", "", str(key)).lower() == "gitbooklint":
            line = next((n for n, row in enumerate(text.splitlines(), 1) if _TOOL_HEADER.match(row)), None)
            raise ConfigError(f"[tool.{key}] is not read: the table is [tool.{TOOL_KEY}]", path, line)


def _toml_error_line(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None


def validate_config(data: dict[str, Any], path: Path | None = None, text: str = "") -> None:
    """Check `data` against the full schema and the rule selectors it uses."""
    import jsonschema  # loaded when there is a configuration to check

    from .rules import all_rules, selector_vocabulary

    validator = jsonschema.Draft202012Validator(config_schema())
    errors = sorted(validator.iter_errors(data), key=lambda error: list(error.absolute_path))
    if errors:
        error = errors[0]
        location = list(error.absolute_path)
        message, key = _describe(error)
        raise ConfigError(message, path, _line_of(path, text, location + ([key] if key else [])))
    for position, pattern in enumerate(data.get("external-exclude") or []):
        try:
            re.compile(pattern)
        except re.error as error:
            raise ConfigError(f"`external-exclude.{position}`: not a regular expression: {error}", path, _line_of(path, text, ["external-exclude"])) from error
    for location, selector in _selectors(data):
        if not any(rule.matches(selector) for rule in all_rules()):
            hint = _closest(selector, selector_vocabulary())
            raise ConfigError(
                f"`{'.'.join(map(str, location))}`: no rule has the id, name or tag {selector!r}{hint}",
                path,
                _line_of(path, text, location + [selector]),
            )


def _describe(error: jsonschema.ValidationError) -> tuple[str, str | None]:
    """A sentence for one schema error, and the unknown key it is about (for its line)."""
    where = ".".join(str(part) for part in error.absolute_path)
    prefix = f"`{where}`: " if where else ""
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = list(error.schema.get("properties", {}))
        unknown = [key for key in error.instance if key not in known]
        if unknown:
            key = unknown[0]
            what = "rule" if list(error.absolute_path) == ["rules"] else "key"
            return f"{prefix}unknown {what} {key!r}{_closest(key, known)}", key
    return f"{prefix}{error.message}", None


def _closest(word: str, candidates: Iterable[str]) -> str:
    match = closest(word, candidates)
    return f" (did you mean {match!r}?)" if match else ""


def _selectors(data: dict[str, Any]) -> Iterable[tuple[list[Any], str]]:
    for key in ("select", "extend-select", "ignore"):
        for position, selector in enumerate(data.get(key) or []):
            yield [key, position], selector
    for glob, selectors in (data.get("per-file-ignores") or {}).items():
        for position, selector in enumerate(selectors):
            yield ["per-file-ignores", glob, position], selector


def _line_of(path: Path | None, text: str, location: list[Any]) -> int | None:
    """The line of `location` (keys and list positions) in the file, where it can be found."""
    if not text or path is None:
        return None
    if path.suffix in (".yaml", ".yml"):
        return _yaml_line(text, location)
    return _toml_line(text, location)


def _yaml_line(text: str, location: list[Any]) -> int | None:
    import yaml

    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in location:
        if isinstance(node, yaml.MappingNode):
            pair = next(((key, value) for key, value in node.value if str(key.value) == str(part)), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line + 1, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _toml_line(text: str, location: list[Any]) -> int | None:
    """TOML parsers give no positions: find the deepest key or value of `location` by its text,
    after the `[tool.gitbook-lint` header."""
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if re.match(r"\s*\[\s*tool\s*\.\s*[\"']?gitbook-lint", line)), 0)
    found = start + 1
    for part in location:
        if isinstance(part, int):
            continue
        pattern = re.compile(r"(^|[\s.\[{,\"'])" + re.escape(str(part)) + r"([\s.\]=\"',}]|$)")
        for number in range(found - 1, len(lines)):
            if pattern.search(lines[number]):
                found = number + 1
                break
    return found


# -- the schema ------------------------------------------------------------------------------


def base_schema() -> dict[str, Any]:
    from importlib import resources

    return json.loads(resources.files("linter.schemas").joinpath("config.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _full_schema() -> str:
    from .rules import all_rules

    schema = base_schema()
    rules_schema = schema["properties"]["rules"]
    for rule in all_rules():
        entry = rule_schema(rule)
        rules_schema["properties"][rule.id] = entry
        rules_schema["properties"][rule.name] = entry
    return json.dumps(schema)


def config_schema() -> dict[str, Any]:
    """The base schema with every rule's options merged in from its metadata."""
    return json.loads(_full_schema())


def rule_schema(rule: Rule) -> dict[str, Any]:
    properties = {"severity": {"$ref": "#/$defs/severity"}, **copy.deepcopy(rule.options_schema)}
    return {
        "description": f"{rule.id} {rule.name}: {rule.summary}",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


# -- applying --------------------------------------------------------------------------------


def apply_config(config: Config, settings: Settings) -> Settings:
    """Fill `settings` from the file (the command line is applied after, and wins)."""
    from .external.options import OPTIONS as EXTERNAL
    from .external.options import ExternalSettings

    data = config.data
    if "select" in data:
        settings.select = list(data["select"])
    settings.extend_select.extend(data.get("extend-select") or [])
    settings.ignore.extend(data.get("ignore") or [])
    for key, attribute in _SETTING_KEYS.items():
        if key in data:
            setattr(settings, attribute, data[key])
    if data.get("rules"):
        _apply_rules(data["rules"], settings)
    folder = config.folder
    settings.per_file_ignores.update({glob: list(rules) for glob, rules in (data.get("per-file-ignores") or {}).items()})
    settings.exclude.extend(data.get("exclude") or [])
    if "respect-gitignore" in data:
        settings.respect_gitignore = bool(data["respect-gitignore"])
    settings.config_dir = folder
    settings.extra[EXTERNAL] = ExternalSettings.from_config(data)
    if data.get("baseline"):
        settings.baseline = (folder or Path.cwd()) / data["baseline"]
    for glob, schema in (data.get("page-schemas") or {}).items():
        settings.page_schemas[glob] = str((folder / schema).resolve()) if folder else schema
    return settings


def _apply_rules(entries: dict[str, Any], settings: Settings) -> None:
    """Each rule's severity and options, the rule named by its id or name."""
    from .rules import all_rules

    for selector, entry in entries.items():
        rule = next(rule for rule in all_rules() if selector.upper() == rule.id or selector == rule.name)
        options = dict(entry)
        severity = options.pop("severity", None)
        if severity:
            settings.severities[rule.id] = severity
        if options:
            settings.rule_options.setdefault(rule.id, {}).update(options)
