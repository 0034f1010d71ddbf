import textwrap
from pathlib import Path

import pytest

from rtdraft.source import Source, parse_bytes, parse_text
from rtdraft.validate import validate

ROOT = Path(__file__).resolve().parent.parent
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
