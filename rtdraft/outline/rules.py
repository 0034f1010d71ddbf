"""The lint rules' ids, for the outline's `lint:` settings (validation and the JSON Schema).

They are read as text from the rule modules' @rule("id") marks in lint/, never imported:
the outline is read below the lint that reads it, so a module of outline/ imports
nothing of lint/ (the layers test), and validation does not pay for loading the rules.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

LINT = Path(__file__).resolve().parent.parent / "lint"
NOT_RULES = {"registry", "text", "dictionaries", "readability"}   # lint/'s modules with no rule


@cache
def rule_ids() -> list[str]:
    """The rules' ids, in the registry's order, read from the rule modules' source
    (their @rule("id") marks) without importing them: validation and the JSON Schema
    need the ids, not the rules."""
    ids = []
    for path in sorted(LINT.glob("*.py"), key=lambda p: p.stem):
        if path.stem.startswith("_") or path.stem in NOT_RULES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:   # rules are module-level functions
            for mark in getattr(node, "decorator_list", ()):
                if isinstance(mark, ast.Call) and getattr(mark.func, "id", None) == "rule" \
                        and mark.args and isinstance(mark.args[0], ast.Constant):
                    ids.append(mark.args[0].value)
    return ids
