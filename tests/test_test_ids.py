"""Every test's id can be named back on pytest's command line, as mutmut runs the tests
that reach a mutant (docs/testing.md, "Mutation testing"): pytest escapes a backslash or
a letter outside ASCII in an id, and an escaped id names no test."""

import subprocess
import sys
from pathlib import Path

import pytest
from support.ids import pytest_make_parametrize_id

ROOT = Path(__file__).parent.parent


def test_no_test_id_is_escaped():
    out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q",
                          "-p", "no:cacheprovider", "tests"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    ids = [line for line in out.splitlines() if "::" in line]
    assert len(ids) > 1000
    assert [i for i in ids if "\\" in i or not i.isascii()] == []


@pytest.mark.parametrize("value, shown", [
    ("a\\*b", "a{backslash}*b"), ("29\u201330 mars", "29{en-dash}30 mars"),
    (b"PK\x03", "PK{u+0003}"), ("line\nnext", "line{newline}next"),
    ("plain [[a]] text", None), (3, None)])
def test_a_parametrized_value_gets_a_readable_id(value, shown):
    assert pytest_make_parametrize_id(None, value, "s") == shown
