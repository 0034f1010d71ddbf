"""The editors' reference is complete and its example is a valid outline."""

import re

from support.outlines import ROOT, load

from rtdraft.languages.labels import LABELS
from rtdraft.outline import schema
from rtdraft.outline.validate import validate

REFERENCE = (ROOT / "docs" / "outline.md").read_text(encoding="utf-8")


def test_the_complete_example_validates():
    example = re.search(r"```yaml\n(.*?)```", REFERENCE, re.DOTALL).group(1)
    assert validate(load(example, "docs/outline.md")) == []


def _keys(rules: dict, prefix: str = ""):
    for key, rule in rules.items():
        yield prefix + key, key
        nested = rule.get("schema")
        if isinstance(nested, dict) and rule.get("type") == "dict":
            yield from _keys(nested, prefix + key + ".")


def test_every_key_of_the_schema_is_documented():
    missing = [path for path, key in _keys(schema.OUTLINE) if f"`{key}`" not in REFERENCE
               and f"`{path}`" not in REFERENCE]
    assert missing == []
    for group_key in schema.SESSION_GROUP["schema"]:
        assert f"`{group_key}`" in REFERENCE
    for session_key in schema.SESSION["schema"]:
        assert f"`{session_key}`" in REFERENCE


def test_every_label_key_is_documented():
    assert [k for k in LABELS["en"] if f"`{k}`" not in REFERENCE] == []


def test_ci_runs_the_readme_test_command_exactly():
    """A reader who follows the README runs what CI runs: the command, not a near copy."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme.split("and run every test:\n\n```sh\n", 1)[1].split("\n```", 1)[0]
    assert command.startswith("npm ci ") and command.endswith("python -m pytest")
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in script
    assert "ruff check rtdraft tests benchmarks" in script
