"""The rule registry: every `gbNNN_<name>.py` module of this package is a rule.

Discovery keeps adding a rule to one file: no central table to edit.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache

from .base import Rule

_MODULE = re.compile(r"^gb\d{3}_\w+$")


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for info in pkgutil.iter_modules(__path__):
        if _MODULE.match(info.name):
            rules.append(Rule.from_module(importlib.import_module(f"{__name__}.{info.name}")))
    rules.sort(key=lambda rule: rule.id)
    _refuse_duplicates(rules)
    return tuple(rules)


def _refuse_duplicates(rules: list[Rule]) -> None:
    for attribute in ("id", "name"):
        seen: set[str] = set()
        for rule in rules:
            value = getattr(rule, attribute)
            if value in seen:
                raise ValueError(f"two rules share the {attribute} {value!r}")
            seen.add(value)


def rule_by_selector(selector: str) -> Rule | None:
    """The rule a single id or name designates (tags designate several: see `select`)."""
    for rule in all_rules():
        if selector.upper() == rule.id or selector == rule.name:
            return rule
    return None


def select(selectors: list[str]) -> list[Rule]:
    return [rule for rule in all_rules() if any(rule.matches(s) for s in selectors)]


def selector_vocabulary() -> list[str]:
    """Every word that designates rules: ids, names, tags and `all` (for "did you mean")."""
    words: list[str] = ["all"]
    for rule in all_rules():
        words.extend([rule.id, rule.name, *rule.tags])
    return sorted(set(words))
