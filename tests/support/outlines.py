"""Outlines for tests: the examples, a minimal outline, loading text as the reader does,
and the model built as the commands build it (from the normalised data)."""

import os
import re
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


# Outlines both validate and the JSON Schema must judge alike (test_schema_json,
# test_schema_clients).
def edit(old, new):
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


VALID = {
    "minimal": MINIMAL,
    "dates list and month": edit("  dates: 2021-03-29", "  dates: [2021-09, 2021-10]"),
    "year as publication date": edit("  department: Public Safety Canada",
                                     "  department: Public Safety Canada\n  date: 2021"),
    "optional left empty": edit("  dates: 2021-03-29", "  dates: 2021-03-29\n  location:"),
    "nested lists": edit("    - The roundtable met once.",
                         "    - bullets:\n        - {text: a, numbered: [b, c]}"),
    "labels and lint": MINIMAL + "labels:\n  appendix: 'Annex {letter}: {title}'\n"
                       "lint:\n  disable: [heading-case]\n",
    "agenda": MINIMAL + "appendices:\n  - {title: A, agenda: [{time: '13:00', title: x}]}\n",
}


INVALID = {
    "unknown key": MINIMAL.replace("sessions:", "sesions:"),
    "missing title": edit("  - title: Trends\n", "  - kind: plenary\n"),
    "empty required text": edit("  host: Public Safety Canada", "  host: ''"),
    "empty list": edit("  items:\n    - Partners agreed to meet again.", "  items: []"),
    "wrong type": edit("  dates: 2021-03-29", "  dates: 2021-03-29\n  edition: third"),
    "bad language": edit("  department: Public Safety Canada",
                         "  department: Public Safety Canada\n  language: de"),
    "not a date": edit("  dates: 2021-03-29", "  dates: March 2021"),
    "bad month": edit("  dates: 2021-03-29", "  dates: 2021-13-01"),
    "block with two shapes": edit("    - The roundtable met once.",
                                  "    - {bullets: [a], numbered: [b]}"),
    "unknown block": edit("    - The roundtable met once.", "    - {bulets: [a]}"),
    "appendix with two contents": MINIMAL + "appendices:\n  - {title: A, body: [x], "
                                            "organizations: [y]}\n",
    "appendix without content": MINIMAL + "appendices:\n  - {title: A}\n",
    "isbn shape": edit("  department: Public Safety Canada",
                       "  department: Public Safety Canada\n  isbn: 12-34"),
    "catalogue shape": edit("  department: Public Safety Canada",
                            "  department: Public Safety Canada\n  catalogue_number: X"),
    "label placeholder": MINIMAL + "session_groups:\n  plenary: {label: 'Session {num}'}\n",
    "unknown label": MINIMAL + "labels:\n  apendix: Annex\n",
    "unknown lint rule": MINIMAL + "lint:\n  disable: [nope]\n",
    "version": MINIMAL.replace("rtdraft: 1", "rtdraft: 2"),
    "version true": MINIMAL.replace("rtdraft: 1", "rtdraft: true"),
    "edition true": edit("  dates: 2021-03-29", "  dates: 2021-03-29\n  edition: true"),
    "year true": edit("  department: Public Safety Canada",
                      "  department: Public Safety Canada\n  date: true"),
    "kind not a slug": edit("  - title: Trends\n", "  - title: Trends\n    kind: Big Room\n"),
    "empty dates": edit("  dates: 2021-03-29", "  dates:"),
    "isbn number of 12 digits": edit("  department: Public Safety Canada",
                                     "  department: Public Safety Canada\n  isbn: 978066037168"),
    "too deep": edit("    - Partners agreed to meet again.",
                     "    - text: a\n      bullets:\n        - text: b\n          bullets:\n"
                     "            - {text: c, bullets: [d]}"),
}


def reference_example():
    doc = (ROOT / "docs" / "outline.md").read_text(encoding="utf-8")
    return re.search(r"```yaml\n(.*?)```", doc, re.DOTALL).group(1)


# Outlines for the spelling and plain-language rules: one paragraph of the introduction.

def english(paragraph: str, extra: str = "") -> str:
    return MINIMAL.replace("    - The roundtable met once.\n", paragraph) + extra


FRENCH = """\
rtdraft: 1
meeting:
  title: Table ronde des forces de l'ordre sur les drogues du printemps 2021
  host: Sécurité publique Canada
  dates: 2021-03-29
publication:
  department: Sécurité publique Canada
  language: fr
introduction:
  body:
PARAGRAPH
sessions:
  - title: Tendances
    body:
      - Les tendances ont été présentées.
outcomes:
  items:
    - Les partenaires se reverront.
conclusion:
  body:
    - La réunion a pris fin.
"""


def french(paragraph: str) -> str:
    return FRENCH.replace("PARAGRAPH\n", paragraph)
