"""validate is total: any YAML value of any type at any place of an outline gets a located
error (or passes), never a traceback; and what validates, renders."""

import copy
import re

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES, MINIMAL, load
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtdraft import schema
from rtdraft.cli import main
from rtdraft.validate import validate

PROBLEM = re.compile(r"^outline\.yaml:\d+:\d+: error: \S.*: .+$")
SENTINEL = "SENTINEL_VALUE_X"

# YAML spellings of a value of every type, by the kind the schema would call it.
VALUES = {
    "empty": ("null", ""), "tilde": ("null", "~"), "true": ("boolean", "true"),
    "zero": ("integer", "0"), "negative": ("integer", "-7"), "float": ("float", "1.5"),
    "huge": ("integer", "9" * 5000), "text": ("string", "words"),
    "newline": ("string", '"plenary\\n"'), "date": ("string", "2019-10-08"),
    "list": ("list", "[]"), "list-null": ("list", "[~]"), "list-list": ("list", "[[]]"),
    "list-text": ("list", "[a, b]"), "map": ("dict", "{}"), "map-null": ("dict", "{a: ~}"),
    "map-map": ("dict", "{a: {}}"), "map-list": ("dict", "{text: [], bullets: [~]}"),
}
_PYTHON = {"null": type(None), "boolean": bool, "integer": int, "float": float, "string": str,
           "list": list, "dict": dict}


def _kinds(rules: dict) -> set[str] | None:
    """The kinds of value a rule takes (None: any)."""
    if "variants" in rules:
        return {"string" if v["when"] == "string" else "integer" if v["when"] == "integer"
                else "list" if v["when"] == "list" else "dict" for v in rules["variants"]}
    kind = rules.get("type")
    return None if kind is None else {kind} if isinstance(kind, str) else set(kind)


def _places(rules: dict, path: tuple = ()) -> list[tuple[tuple, dict]]:
    """Every place of the schema: (path, rules); list items at index 0."""
    out = [(path, rules)] if path else []
    for shape in [rules] + [v["rules"] for v in rules.get("variants", [])]:
        if shape.get("type") == "dict" and "schema" in shape:
            for key, sub in shape["schema"].items():
                out += _places(sub, path + (key,))
        elif shape.get("type") == "dict" and "valuesrules" in shape:
            out += _places(shape["valuesrules"], path + ("somekey",))
        elif shape.get("type") == "list" and "schema" in shape:
            out += _places(shape["schema"], path + (0,))
    return out


PLACES = {}
for _path, _rules in _places({"type": "dict", "schema": schema.OUTLINE}):
    # nested bullets and numbered lists share their rules: one of them at each depth
    PLACES.setdefault(tuple("L" if s in ("bullets", "numbered") else s for s in _path),
                      (_path, _rules))


def _base() -> dict:
    """A small valid outline with a footnote (the parts it lacks are made on the way)."""
    data = yaml.safe_load(MINIMAL)
    data["conclusion"]["body"][0] += "[^n1]"
    data["footnotes"] = {"n1": "A note."}
    return data


def _put(data, path: tuple):
    """data with SENTINEL at path, creating the containers on the way."""
    node = data
    for step, after in zip(path, path[1:] + (None,)):
        fresh = [] if isinstance(after, int) else {}
        if isinstance(step, int):
            if not isinstance(node, list):
                return None
            if not node:
                node.append(fresh)
            if after is not None and not isinstance(node[0], (dict, list)):
                node[0] = fresh
        else:
            if not isinstance(node, dict):
                return None
            if after is not None and not isinstance(node.get(step), (dict, list)):
                node[step] = fresh
        if after is None:
            node[step] = SENTINEL
        else:
            node = node[step]
    return data


def _outline_with(path: tuple, spelling: str) -> str:
    data = _put(copy.deepcopy(_base()), path)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    return text.replace(SENTINEL, spelling)


def _check(text: str) -> list[str]:
    problems = validate(load(text))
    printed = [f"{p.file}:{p.line}:{p.column}: {p.level}: {p.where + ': ' if p.path else ''}"
               f"{p.message}" for p in problems]
    for line in printed:
        assert PROBLEM.match(line) or line.startswith("outline.yaml:"), line
    return printed


@pytest.mark.parametrize("place", list(PLACES), ids=lambda p: ".".join(map(str, p)))
def test_every_type_at_every_place_gets_a_located_error(place):
    path, rules = PLACES[place]
    kinds = _kinds(rules)
    for name, (kind, spelling) in VALUES.items():
        printed = _check(_outline_with(path, spelling))
        fits = kind == "null" and rules.get("nullable", False) or \
            kinds is None or kind in kinds or (kind == "dict" and "dict" in kinds)
        if not fits or name in ("huge", "list-null", "list-list"):
            assert any(" error: " in line for line in printed), (name, printed)
        for line in printed:
            assert re.match(r"^outline\.yaml:\d+:\d+: (error|warning): ", line), line


def test_the_walk_reaches_every_key():
    keys = {p[-1] for p, _ in PLACES.values() if isinstance(p[-1], str)}
    assert {"intro", "kind", "footnotes", "session_groups", "appendices", "on_behalf_of",
            "levels", "ignore", "labels", "isbn", "date"} <= keys
    assert len(PLACES) > 80


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("text, where, message", [
    ("footnotes: oops\n", "footnotes", "must be a mapping, not text"),
    ("sessions: 5\n", "sessions", "must be a list, not a number"),
    ("session_groups: breakout\n", "session_groups", "must be a mapping, not text"),
])
def test_shapes_that_crashed(tmp_path, text, where, message):
    path = tmp_path / "outline.yaml"
    base = EXAMPLES[1].read_text(encoding="utf-8")
    key = text.split(":")[0]
    data = yaml.safe_load(base)
    data.pop(key, None)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + text)
    result = run("validate", path)
    assert result.exit_code == 1, (result.output, result.exception)
    assert any(f": error: {where}" in line for line in result.output.splitlines()), \
        result.output
    if message:
        assert message in result.output
