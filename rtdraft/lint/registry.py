"""The lint rules, by id: found in the lint package's modules, never registered as a side
effect of someone importing them.

A rule is a function marked with @rule(id, level=...) in a module of this package;
adding one is that module (and its test). `rule_ids()` is what validation and the
JSON Schema read to check `lint:` settings; it reads the rule modules' source and
imports none of them.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LEVELS = ("error", "warning", "note")   # what an outline's lint.levels may set
_NOT_RULES = {"registry", "text", "dictionaries", "readability"}   # modules with no rule


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
        if info.name.startswith("_") or info.name in _NOT_RULES:
            continue
        module = importlib.import_module(f"{__package__}.{info.name}")
        for value in vars(module).values():
            if callable(value) and getattr(value, "__module__", None) == module.__name__ \
                    and hasattr(value, "rule_id"):
                assert value.rule_id not in found, f"two rules named {value.rule_id}"
                found[value.rule_id] = Rule(value.rule_id, value.rule_level, value)
    return found


@cache
def rule_ids() -> list[str]:
    """The rules' ids, in the registry's order, read from the rule modules' source
    (their @rule("id") marks) without importing them: validation and the JSON Schema
    need the ids, not the rules."""
    folder = Path(__file__).parent
    ids = []
    for path in sorted(folder.glob("*.py"), key=lambda p: p.stem):
        if path.stem.startswith("_") or path.stem in _NOT_RULES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:   # rules are module-level functions
            for mark in getattr(node, "decorator_list", ()):
                if isinstance(mark, ast.Call) and getattr(mark.func, "id", None) == "rule" \
                        and mark.args and isinstance(mark.args[0], ast.Constant):
                    ids.append(mark.args[0].value)
    return ids
