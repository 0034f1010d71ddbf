import os
import struct
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from rtdraft.source import Source, parse_bytes, parse_text
from rtdraft.validate import validate

ROOT = Path(__file__).resolve().parent.parent

# Hypothesis profiles (README, "Tests"): HYPOTHESIS_PROFILE picks one; "ci" when CI=true,
# else "dev". "ci" prints the blob that replays a failure. Each property test asks
# examples(count) for its number of examples: the profile's scale times `count`, or
# RTDRAFT_PROPERTY_SCALE times it when that is set.
SCALES = {"dev": 1, "ci": 2, "release": 50}
# From hypothesis's "default", not from what it loaded itself (with CI=true, its own
# derandomized "ci").
DEFAULT = settings.get_profile("default")
settings.register_profile("dev", DEFAULT, max_examples=50, deadline=None)
settings.register_profile("ci", DEFAULT, max_examples=100, derandomize=False,
                          print_blob=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("release", settings.get_profile("ci"), max_examples=2500)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or \
    ("ci" if os.environ.get("CI", "").lower() == "true" else "dev")
settings.load_profile(PROFILE)   # an unknown name is refused here, by hypothesis
PROPERTY_SCALE = int(os.environ.get("RTDRAFT_PROPERTY_SCALE") or SCALES.get(PROFILE, 1))


def examples(count: int) -> int:
    """How many examples a property test runs: `count` times the profile's scale."""
    return count * PROPERTY_SCALE


def lie_about_size(path: Path, part: str, size: int) -> None:
    """Make the zip at `path` state `size` as `part`'s uncompressed size, in its central
    directory and in its local header: a directory that lies."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    central = data.rfind(b"PK\x01\x02", 0, data.rindex(name))
    struct.pack_into("<I", data, central + 24, size)
    local = data.rfind(b"PK\x03\x04", 0, data.index(name))
    struct.pack_into("<I", data, local + 22, size)
    path.write_bytes(bytes(data))


def central_directory(data: bytes) -> range:
    """The offsets of a zip's central directory and of its end record, to the file's end."""
    end = data.rfind(b"PK\x05\x06")
    return range(struct.unpack_from("<I", data, end + 16)[0], len(data))


def flip(data: bytes, at: int) -> bytes:
    """`data` with every bit of the byte at `at` inverted."""
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]


EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

MINIMAL = """\
rtdraft: 1
meeting:
  title: Spring 2021 Law Enforcement Roundtable on Drugs
  host: Public Safety Canada
  dates: 2021-03-29
publication:
  department: Public Safety Canada
introduction:
  body:
    - The roundtable met once.
sessions:
  - title: Trends
    body:
      - Trends were discussed.
outcomes:
  items:
    - Partners agreed to meet again.
conclusion:
  body:
    - The event concluded.
"""


def load(text: str, name: str = "outline.yaml") -> Source:
    return parse_text(textwrap.dedent(text), Source(name))


def load_bytes(raw: bytes, name: str = "outline.yaml") -> Source:
    return parse_bytes(raw, Source(name))


def lines(text: str) -> list[str]:
    """The problems of an outline, as `validate` prints them."""
    return [f"{p.file}:{p.line}:{p.column}: {p.level}: {p.where + ': ' if p.path else ''}"
            f"{p.message}" for p in validate(load(text))]


@pytest.fixture
def minimal() -> str:
    return MINIMAL


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite the golden files in tests/golden/ from today's output "
                          "(then review them in the diff).")


@pytest.fixture
def golden(request):
    """golden(name, text): compare text with tests/golden/name, or rewrite it with
    --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if update:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; run pytest --update-golden"
        assert text == path.read_text(encoding="utf-8"), \
            f"{name} differs from its golden file; if the change is right, run pytest " \
            "--update-golden and review the diff"
    return check
