"""Imports point one way: parse → model → rules → engine → run → report → configuration → CLI.

Each module of `linter/` sits on a layer; a module may import from its own layer and the layers
below, never from above (imports under `if TYPE_CHECKING:` only name types and are not counted).
A newcomer who needs something from above moves that thing down instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "linter"

# From the bottom up: the top-level module or package of `linter` → its layer.
LAYERS: list[tuple[str, ...]] = [
    ("__init__", "words", "finding", "writing", "guard", "cache", "lean", "distributions"),  # text, files, caches: no knowledge of GitBook
    ("parse",),  # Markdown and GitBook's tags, as tokens
    ("model", "validation", "spaces", "settings", "external"),  # pages, sites, and facts about them
    ("rules", "suppress"),  # the checks, and the comments that silence them
    ("engine", "incremental"),  # runs the rules and the suppression pass over one site (reusing findings)
    ("staged", "scope", "snapshot", "run", "fix", "baseline"),  # which sites, which files, which commit
    ("report",),  # the output formats
    ("config",),  # the configuration file
    ("cli", "__main__"),
]
# Modules that sit elsewhere than their package: plain text helpers of the report, and the step
# that checks web addresses before the engine runs (its results are facts the rules read).
MODULE_LAYERS = {"linter.report.escape": 0, "linter.report.i18n": 0, "linter.external.run": 5}


def _layer(module: str) -> int:
    if module in MODULE_LAYERS:
        return MODULE_LAYERS[module]
    top = module.split(".")[1] if "." in module else "__init__"
    return next(number for number, names in enumerate(LAYERS) if top in names)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every `linter` import outside `if TYPE_CHECKING:` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(node)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - max(node.level - 1, 0)] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return [(line, target) for line, target in found if target == "linter" or target.startswith("linter.")]


def test_every_module_has_a_layer() -> None:
    tops = {path.stem if path.is_file() else path.name for path in PACKAGE.iterdir() if path.suffix == ".py" or (path / "__init__.py").is_file()}
    assert sorted(tops - {name for names in LAYERS for name in names}) == []


def test_every_module_has_one_layer_only() -> None:
    names = [name for names in LAYERS for name in names]
    assert sorted({name for name in names if names.count(name) > 1}) == []


def test_no_import_points_up() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        for line, target in _runtime_imports(path):
            if _layer(target) > _layer(module):
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {module} imports {target}")
    assert upward == []
