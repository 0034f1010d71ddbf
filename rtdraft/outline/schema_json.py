"""The outline schema as JSON Schema (draft-07), generated from schema.OUTLINE.

For editors: the YAML language server reads it for completion and checking
while typing. Never kept by hand: `rtdraft schema` prints it, and a test keeps
the copy in schema/ current. The rules across keys (footnotes cited and
defined, session dates among the meeting's, ISBN check digit, catalogue
letter against the language) need `rtdraft validate`.
"""

from __future__ import annotations

import copy
import json
import re

from .. import languages
from ..languages.labels import LABELS
from . import schema

# check_with rules as JSON Schema keywords (ECMAScript regular expressions).
CHECKS = {
    "date": {"pattern": r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"},
    "publication_date": {"pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"},
    "isbn": {"pattern": r"^97[89]([- ]?\d){10}$"},
    "label": {"pattern": r"^([^{}]|\{n\})*$"},
    "inline": {},
    "label_key": {"enum": list(LABELS["en"])},
    # Each key named again under properties: ajv's strict mode wants required keys defined.
    "appendix": {"oneOf": [{"required": [key], "properties": {key: True}}
                           for key in ("agenda", "organizations", "body")]},
}
# An ISBN written as a number: a pattern applies to text only, so its 13 digits as a range.
ISBN_NUMBER = {"minimum": 9780000000000, "maximum": 9799999999999}
TYPES = {"string": "string", "integer": "integer", "boolean": "boolean", "dict": "object",
         "list": "array"}


def _language_checks() -> dict:
    """The checks that depend on the languages there are."""
    letters = languages.catalogue_letters()
    return {"language": {"enum": list(languages.codes())},
            "catalogue_number": {"pattern": rf"^[A-Z][A-Za-z]{{0,3}}\d+-\d+(-\d+)?(/\d{{4}})?"
                                            rf"[{letters}](-[A-Z]+)?$"}}


def _rule_ids() -> list[str]:
    from .rules import rule_ids
    return rule_ids()


def convert(rules: dict) -> dict:
    """One cerberus rules set as a JSON Schema."""
    out: dict = {}
    meta = rules.get("meta") or {}
    if "description" in meta:
        out["description"] = meta["description"]
    if "default" in meta and not str(meta["default"]).endswith("(by language)"):
        out["default"] = meta["default"]
    if "variants" in rules:
        out["oneOf"] = [_variant(v["when"], v["rules"]) for v in rules["variants"]]
        return _nullable(out, rules)
    kind = rules.get("type")
    if kind:
        out["type"] = TYPES[kind]
    if kind == "string" and rules.get("empty") is False:
        out["minLength"] = 1
    if "allowed" in rules:
        out["enum"] = list(rules["allowed"])
    for ours, theirs in (("min", "minimum"), ("max", "maximum"), ("minlength", "minItems"),
                         ("maxlength", "maxItems")):
        if ours in rules:
            out[theirs] = rules[ours]
    if "regex" in rules:
        out["pattern"] = rules["regex"]
    check = rules.get("check_with")
    if check == "rule_id":
        out["enum"] = _rule_ids()
    elif check == "isbn" and kind == "integer":
        out.update(ISBN_NUMBER)
    elif check:   # shared entries must not be changed: copies
        out.update(copy.deepcopy({**CHECKS, **_language_checks()}[check]))

    if kind == "dict" and "schema" in rules:
        out["properties"] = {k: convert(v) for k, v in rules["schema"].items()}
        required = [k for k, v in rules["schema"].items() if v.get("required")]
        if required:
            out["required"] = required
        out["additionalProperties"] = False
    if kind == "list" and "schema" in rules:
        out["items"] = convert(rules["schema"])
    if "keysrules" in rules:
        out["propertyNames"] = {k: v for k, v in convert(rules["keysrules"]).items()
                                if k in ("type", "pattern", "enum")}
    if "valuesrules" in rules:
        out["additionalProperties"] = convert(rules["valuesrules"])
    return _nullable(out, rules)


def _variant(when: str, rules: dict) -> dict:
    converted = convert(rules)
    converted.pop("default", None)
    if isinstance(converted.get("type"), list):   # empty is the whole value's rule, not a shape's
        converted["type"] = next(t for t in converted["type"] if t != "null")
    if when not in ("string", "integer", "list", "mapping"):
        converted.setdefault("required", [when])
    return converted


def _nullable(out: dict, rules: dict) -> dict:
    """An optional value may be left empty (null) in an outline."""
    if not rules.get("nullable"):
        return out
    if "type" in out and "oneOf" not in out:
        out["type"] = [out["type"], "null"]
        if "enum" in out:   # an enum is checked on null too: validate fills in the default
            out["enum"] = [*out["enum"], None]
    elif "oneOf" in out:
        out["oneOf"].append({"type": "null"})
    return out


def json_schema() -> dict:
    document = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "rtdraft outline, format 1",
        "description": "A meeting summary outline for rtdraft (docs/outline.md). Rules across "
                       "keys are checked by `rtdraft validate`.",
        "type": "object",
        "properties": {k: convert(v) for k, v in schema.OUTLINE.items()},
        "required": [k for k, v in schema.OUTLINE.items() if v.get("required")],
        "additionalProperties": False,
    }
    document["properties"]["rtdraft"]["const"] = schema.VERSION
    return shared(document)


SHARED_MIN = 300    # characters of JSON: smaller parts are repeated, not named


def shared(document: dict) -> dict:
    """The document with each part it repeats (blocks, list items, persons ...) written once
    under `definitions` and referred to by `$ref`: a fifth of the size, the same rules."""
    def key(node: dict) -> str:
        return json.dumps(node, sort_keys=True, ensure_ascii=False)

    counts: dict[str, int] = {}

    def count(node, top: bool = False):
        if isinstance(node, dict):
            if not top:
                text_ = key(node)
                if len(text_) >= SHARED_MIN:
                    counts[text_] = counts.get(text_, 0) + 1
            for value in node.values():
                count(value)
        elif isinstance(node, list):
            for value in node:
                count(value)

    count(document, top=True)
    names: dict[str, str] = {}
    definitions: dict[str, dict] = {}

    def replace(node, path: str = ""):
        """path: where the node stands: sessions[].body[]|1 (|1: the second of oneOf)"""
        if isinstance(node, list):
            return [replace(value, f"{path}|{i}") for i, value in enumerate(node)]
        if not isinstance(node, dict):
            return node
        text_ = key(node) if path else None
        if text_ is not None and counts.get(text_, 0) > 1:
            if text_ not in names:
                # a name fit for a URI fragment: introduction.body.item.shape1
                name = re.sub(r"\|(\d+)", r".shape\1", path.replace("[]", ".item"))
                names[text_] = name
                definitions[name] = {}          # in document order, before the parts inside
                definitions[name] = _children(node, path, replace)
            return {"$ref": f"#/definitions/{names[text_]}"}
        return _children(node, path, replace)

    out = replace(document)
    if definitions:
        out["definitions"] = definitions
    return out


def _children(node: dict, path: str, replace) -> dict:
    out = {}
    for k, v in node.items():
        if k == "properties":
            out[k] = {name: replace(sub, f"{path}.{name}".lstrip(".")) for name, sub in v.items()}
        elif k == "items":
            out[k] = replace(v, f"{path}[]")
        elif k == "oneOf":
            out[k] = replace(v, path)
        elif k == "additionalProperties" and isinstance(v, dict):
            out[k] = replace(v, f"{path}.*")
        else:
            out[k] = replace(v, f"{path}/{k}")
    return out


def text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
