import os
import struct
import textwrap
from pathlib import Path

import pytest

from rtdraft.outline.source import Source, parse_bytes, parse_text
from rtdraft.outline.validate import validate

ROOT = Path(__file__).resolve().parent.parent
# Property tests run a bounded number of examples in CI; a release runs them longer with
# RTDRAFT_PROPERTY_SCALE=50 (README, "Tests").
PROPERTY_SCALE = int(os.environ.get("RTDRAFT_PROPERTY_SCALE", "1"))


def examples(count: int) -> int:
    """How many examples a property test runs: `count` in CI, more for a release."""
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
