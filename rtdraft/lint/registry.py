"""The lint rules, by id: found in the lint package's modules, never registered as a side
effect of someone importing them.

A rule is a function marked with @rule(id, level=...) in a module of this package;
adding one is that module (and its test). The ids alone, which validation and the
JSON Schema read to check `lint:` settings, are read from the rule modules' source by
outline/rules.py, below this package: it imports none of them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..outline.rules import NOT_RULES

LEVELS = ("error", "warning", "note")   # what an outline's lint.levels may set


@dataclass(frozen=True)
class Rule:
    id: str
    level: str                          # the default level; lint.levels may change it
    check: Callable

    @property
    def documentation(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")


def rule(rule_id: str, level: str = "warning"):
    """Mark a function as the lint rule `rule_id` (a mark only: the registry finds it)."""
    assert level in LEVELS, level

    def mark(function):
        function.rule_id, function.rule_level = rule_id, level
        return function
    return mark


@cache
def rules() -> dict[str, Rule]:
    """Every rule, module by module in name order, in each module in the order written."""
    package = importlib.import_module(__package__)
    found: dict[str, Rule] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name in NOT_RULES:
            continue
        for rule_id, each in rules_in(info.name).items():
            assert rule_id not in found, f"two rules named {rule_id}"
            found[rule_id] = each
    return found


def rules_in(name: str) -> dict[str, Rule]:
    """The rules of one module of lint/, in the order written; only that module is
    imported (render runs the lost-words rules alone on every call)."""
    module = importlib.import_module(f"{__package__}.{name}")
    return {value.rule_id: Rule(value.rule_id, value.rule_level, value)
            for value in vars(module).values()
            if callable(value) and getattr(value, "__module__", None) == module.__name__
            and hasattr(value, "rule_id")}
