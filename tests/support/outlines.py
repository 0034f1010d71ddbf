"""Outlines for tests: the examples, a minimal outline, loading text as the reader does,
and the model built as the commands build it (from the normalised data)."""

import os
import textwrap
from pathlib import Path

from rtdraft.document import model
from rtdraft.document.model import Document
from rtdraft.outline.normal import normalise
from rtdraft.outline.source import Source, parse_bytes, parse_text
from rtdraft.outline.validate import validate

ROOT = Path(__file__).resolve().parents[2]
# Property tests run a bounded number of examples in CI; a release runs them longer with
# RTDRAFT_PROPERTY_SCALE=50 (README, "Tests").
PROPERTY_SCALE = int(os.environ.get("RTDRAFT_PROPERTY_SCALE", "1"))


def examples(count: int) -> int:
    """How many examples a property test runs: `count` in CI, more for a release."""
    return count * PROPERTY_SCALE


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


def build(data: dict, **options) -> Document:
    """The Document of a valid outline's data, its defaults filled in first as validate
    does for the commands (the model reads normalised data only)."""
    return model.build(normalise(data), **options)
