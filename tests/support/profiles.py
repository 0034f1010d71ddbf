"""Hypothesis profiles (README, "Tests"), registered and loaded by tests/conftest.py.

HYPOTHESIS_PROFILE picks one; "mutation" under mutmut (which sets MUTANT_UNDER_TEST), "ci"
when CI=true, else "dev". "ci" prints the blob that
replays a failure. Each property test asks examples(count) (support/outlines.py) for its
number of examples: `count` times the profile's scale, or RTDRAFT_PROPERTY_SCALE times
it when that is set.
"""

import os

from hypothesis import HealthCheck, settings

SCALES = {"dev": 1, "mutation": 1, "ci": 2, "release": 50}
# From hypothesis's "default", not from what it loaded itself (with CI=true, its own
# derandomized "ci").
DEFAULT = settings.get_profile("default")
settings.register_profile("dev", DEFAULT, max_examples=50, deadline=None)
settings.register_profile("ci", DEFAULT, max_examples=100, derandomize=False,
                          print_blob=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
# A mutant's verdict must not depend on the examples drawn: the same examples every run,
# and no example database written into mutmut's copy of the tests.
settings.register_profile("mutation", settings.get_profile("dev"), derandomize=True,
                          database=None)
settings.register_profile("release", settings.get_profile("ci"), max_examples=2500)


def chosen(environ) -> str:
    if environ.get("HYPOTHESIS_PROFILE"):
        return environ["HYPOTHESIS_PROFILE"]
    if "MUTANT_UNDER_TEST" in environ:
        return "mutation"
    return "ci" if environ.get("CI", "").lower() == "true" else "dev"


PROFILE = chosen(os.environ)
settings.load_profile(PROFILE)   # an unknown name is refused here, by hypothesis
SCALE = int(os.environ.get("RTDRAFT_PROPERTY_SCALE") or SCALES.get(PROFILE, 1))
