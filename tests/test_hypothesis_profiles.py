"""The hypothesis profile (tests/support/profiles.py, loaded by conftest.py; README
"Tests") follows HYPOTHESIS_PROFILE, mutmut's MUTANT_UNDER_TEST, CI=true and
RTDRAFT_PROPERTY_SCALE; "ci" prints the blob that replays a failure."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
SHOW = ("import conftest; from support import profiles; from support.outlines import "
        "examples; from hypothesis import settings; d = settings.default; "
        "print(profiles.PROFILE, examples(10), d.max_examples, d.print_blob, "
        "d.derandomize, d.deadline)")


@pytest.mark.parametrize("env, shown", [
    ({}, "dev 10 50 False False None"),
    ({"CI": "true"}, "ci 20 100 True False None"),
    ({"CI": "true", "HYPOTHESIS_PROFILE": "dev"}, "dev 10 50 False False None"),
    ({"HYPOTHESIS_PROFILE": "release"}, "release 500 2500 True False None"),
    ({"CI": "true", "RTDRAFT_PROPERTY_SCALE": "3"}, "ci 30 100 True False None"),
    ({"MUTANT_UNDER_TEST": "stats", "CI": "true"}, "mutation 10 50 False True None"),
    ({"MUTANT_UNDER_TEST": "", "HYPOTHESIS_PROFILE": "ci"}, "ci 20 100 True False None")])
def test_the_profile_and_the_number_of_examples(env, shown):
    base = {k: v for k, v in os.environ.items()
            if k not in ("CI", "HYPOTHESIS_PROFILE", "RTDRAFT_PROPERTY_SCALE", "MUTANT_UNDER_TEST")}
    out = subprocess.run([sys.executable, "-c", SHOW], cwd=TESTS, env={**base, **env},
                         capture_output=True, text=True, check=True).stdout
    assert out == shown + "\n"
