"""Defaults, applied once: a valid outline's data with every default of the schema filled in.

validate() hands this normalised data on; everything after it (model, lint,
compare, new --from) reads `kind`, `language`, `status`, `virtual` and `toc`
as they are, with no default of its own. The defaults are those written under
`meta` in schema.py, so the editors' reference, the JSON Schema and the code
say the same. Titles default to words of the outline's language; the model
takes those from the language.
"""

from __future__ import annotations

from typing import Any

from . import schema


class Normalised(dict):
    """Outline data with its defaults filled in: normalising it again is free."""


def normalise(data: dict) -> dict:
    """A copy of valid outline data with the defaults filled in (idempotent)."""
    if isinstance(data, Normalised):
        return data
    out = Normalised(_fill(data, {"type": "dict", "schema": schema.OUTLINE}))
    publication = out.get("publication")
    if isinstance(publication, dict) and not publication.get("department_other"):
        # format 1 called it department_fr; both name the other-language department
        other = publication.get("department_fr")
        if other:
            publication["department_other"] = other
    return out


def _fill(value: Any, rules: dict) -> Any:
    kind = rules.get("type")
    if isinstance(value, dict) and kind == "dict":
        keys = rules.get("schema")
        if keys is None:
            each = rules.get("valuesrules") or {}
            return {k: _fill(v, each) for k, v in value.items()}
        out = {k: _fill(v, keys[k]) if k in keys else v for k, v in value.items()}
        for key, rule in keys.items():
            default = (rule.get("meta") or {}).get("default")
            if default is not None and out.get(key) is None and \
                    not str(default).endswith("(by language)"):
                out[key] = default
        return out
    if isinstance(value, list) and kind == "list":
        return [_fill(v, rules.get("schema") or {}) for v in value]
    return value
