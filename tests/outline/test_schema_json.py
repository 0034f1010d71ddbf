"""The JSON Schema for editors agrees with `rtdraft validate` on what is structurally valid."""

import copy
import json
import re

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from support.outlines import (
    EXAMPLES,
    INVALID,
    ROOT,
    VALID,
    examples,
    load,
    reference_example,
)

from rtdraft.cli import main
from rtdraft.outline.schema_json import json_schema, text
from rtdraft.outline.validate import validate
from rtdraft.pipeline import check

SCHEMA_FILE = ROOT / "schema" / "rtdraft-1.schema.json"
VALIDATOR = jsonschema.Draft7Validator(json_schema())


def test_the_published_schema_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == text(), \
        "run: rtdraft schema -o schema/rtdraft-1.schema.json --force"


def test_it_is_a_draft_07_schema():
    jsonschema.Draft7Validator.check_schema(json.loads(SCHEMA_FILE.read_text()))


def test_schema_command_prints_it():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0 and json.loads(result.output) == json_schema()


def test_every_key_has_a_description():
    document = json_schema()

    def resolve(node):
        if isinstance(node, dict) and "$ref" in node:
            return document["definitions"][node["$ref"].removeprefix("#/definitions/")]
        return node

    def walk(node, path):
        node = resolve(node)
        if isinstance(node, dict):
            for key, sub in (node.get("properties") or {}).items():
                if sub is True:   # a key named only so that a `required` beside it is defined
                    continue
                sub = resolve(sub)
                assert "description" in sub or "oneOf" in sub, f"{path}.{key}"
                walk(sub, f"{path}.{key}")
            if isinstance(node.get("items"), dict):
                walk(node["items"], path + "[]")
            for option in node.get("oneOf") or []:
                walk(option, path)
    walk(document, "")


def test_repeated_parts_are_written_once():
    document = json_schema()
    assert len(text()) < 40_000
    refs = set(re.findall(r'"\$ref": "#/definitions/([^"]+)"', text()))
    assert refs == set(document["definitions"])       # each defined part is used, and defined
    assert all(re.fullmatch(r"[A-Za-z0-9_.]+", name) for name in refs)


@pytest.mark.parametrize("name", list(VALID) + [p.name for p in EXAMPLES] + ["docs"])
def test_both_accept_valid_outlines(name):
    if name in VALID:
        text_ = VALID[name]
    elif name == "docs":
        text_ = reference_example()
    else:
        text_ = (ROOT / "examples" / name).read_text(encoding="utf-8")
    source = load(text_)
    assert validate(source) == []
    assert [e.message for e in VALIDATOR.iter_errors(source.data)] == []


@pytest.mark.parametrize("name", INVALID)
def test_both_reject_structurally_invalid_outlines(name):
    source = load(INVALID[name])
    assert validate(source) != []
    assert list(VALIDATOR.iter_errors(source.data)) != []


# -- both, on every value the tests can change ----------------------------------------------

STRUCTURAL = {"type", "allowed", "required", "unknown-key", "empty", "shape", "range", "key",
              "size-limit", "version", "date", "label", "catalogue-number", "unknown-rule",
              "appendix-content", "isbn"}
FULL = EXAMPLES[1].read_text(encoding="utf-8")        # fall-2019-winnipeg: every kind of value
FULL_LINES = FULL.splitlines(keepends=True)
VALUES = ["[]", "{}", "12", "0", "~", "true", "false", "'x'", "2019-13-01", "'de'"]


# the lines that hold one value (key: value), where a changed value changes the data
KEYED = [i for i, line in enumerate(FULL_LINES) if re.match(r"^\s*(- )?[a-z_]+: [^>|\s]", line)]


def _changed(index: int, value: str) -> str:
    line = re.sub(r"(:|^\s*-)\s.*", lambda m: m.group(1) + " " + value, FULL_LINES[index], 1)
    return "".join(FULL_LINES[:index] + [line] + FULL_LINES[index + 1:])


@settings(max_examples=examples(200), deadline=None)
@given(st.sampled_from(KEYED), st.sampled_from(VALUES))
def test_both_agree_on_every_changed_value(index, value):
    source = load(_changed(index, value))
    if not source.ok:
        return   # not YAML any more: neither reads it
    outline = check(source)   # the schema reads what validation hands on
    structural = [p for p in outline.problems if p.rule in STRUCTURAL]
    schema_errors = [e.message for e in VALIDATOR.iter_errors(outline.source.data)]
    assert bool(structural) == bool(schema_errors), (FULL_LINES[index], value, structural,
                                                     schema_errors[:3])


# -- both, on every key that may be left empty -----------------------------------------------

def _nullable_paths() -> list[tuple]:
    """The path of every nullable key of a mapping the full example has (each list's first
    item stands for its items): the key set to ~ there, present in the example or not."""
    from rtdraft.outline.schema import OUTLINE
    data = load(FULL).data
    found: list[tuple] = []

    def walk(rules: dict, value, path: tuple):
        for variant in rules.get("variants", ()):
            when = variant["when"]
            if (when == "mapping" and isinstance(value, dict)) or \
                    (when == "list" and isinstance(value, list)) or \
                    (isinstance(value, dict) and when in value):
                walk(variant["rules"], value, path)
                return
        if rules.get("type") == "list" and isinstance(rules.get("schema"), dict) and value:
            walk(rules["schema"], value[0], path + (0,))
        if rules.get("type") == "dict" and isinstance(value, dict):
            mapping(rules.get("schema") or {}, value, path)

    def mapping(keys: dict, value: dict, path: tuple):
        for key, rules in keys.items():
            if rules.get("nullable"):
                found.append(path + (key,))
            if key in value:
                walk(rules, value[key], path + (key,))

    mapping(OUTLINE, data, ())
    return found


NULLABLE = _nullable_paths()


def test_the_walk_finds_the_keys_of_every_level():
    assert ("publication", "language") in NULLABLE and ("publication", "status") in NULLABLE
    assert ("sessions", 0, "presenters") in NULLABLE
    assert len(NULLABLE) > 30


@pytest.mark.parametrize("path", NULLABLE, ids=lambda p: ".".join(map(str, p)))
def test_both_agree_on_every_key_left_empty(path):
    # `language: ~` is the default language to validate: the schema must not refuse it
    source = load(FULL)
    where = source.data
    for key in path[:-1]:
        where = where[key]
    where[path[-1]] = None
    as_written = copy.deepcopy(source.data)   # what the editor's language server reads
    outline = check(source)
    structural = [p for p in outline.problems if p.rule in STRUCTURAL]
    schema_errors = [e.message for e in VALIDATOR.iter_errors(as_written)]
    assert bool(structural) == bool(schema_errors), (path, structural, schema_errors[:3])
