"""Every required key left out at every place of the outline: the exact message, at the
mapping that lacks it (docs/outline.md, "Errors"), with its file, line and column; and a
required value left empty, at the value. One outline (FULL) holds every kind of place."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.outlines import MINIMAL, examples, lines

FULL = """\
rtdraft: 1
meeting:
  title: Spring 2021 Law Enforcement Roundtable on Drugs
  host: Public Safety Canada
  dates: 2021-03-29
publication:
  department: Public Safety Canada
introduction:
  body:
    - The roundtable met once.[^n1]
opening_remarks:
  speakers:
    - name: Ellen Burack
      on_behalf_of:
        name: Rob Stewart
  body:
    - Remarks were made.
session_groups:
  breakout:
    heading: Breakouts
    intro:
      - subheading: About
sessions:
  - title: Trends
    presenters:
      - name: Jane Roe
        title: Director
    body:
      - Trends were discussed.
      - bullets:
          - text: Nested
            bullets:
              - Deeper
      - numbered:
          - One
outcomes:
  items:
    - Partners agreed to meet again.
conclusion:
  body:
    - The event concluded.
appendices:
  - title: Agenda
    agenda:
      - title: Welcome
        time: "09:00"
        speakers:
          - name: John Doe
  - title: Organizations
    organizations:
      - RCMP
footnotes:
  n1: A note.
lint:
  ignore:
    - rule: comment-in-text
      path: sessions[0]
      reason: deliberate
labels:
  appendix: Annex {letter}
"""

MISSING = "required field is missing"
# (what is left out, the text taken out, what stands there instead, the one error)
CASES = [
    ("rtdraft", "rtdraft: 1\n", "", f"1:1: error: rtdraft: {MISSING}"),
    ("meeting", ("meeting:\n  title: Spring 2021 Law Enforcement Roundtable on Drugs\n"
     "  host: Public Safety Canada\n  dates: 2021-03-29\n"), "",
     f"1:1: error: meeting: {MISSING}"),
    ("meeting.title", "  title: Spring 2021 Law Enforcement Roundtable on Drugs\n", "",
     f"3:3: error: meeting.title: {MISSING}"),
    ("meeting.host", "  host: Public Safety Canada\n", "",
     f"3:3: error: meeting.host: {MISSING}"),
    ("meeting.dates", "  dates: 2021-03-29\n", "", f"3:3: error: meeting.dates: {MISSING}"),
    ("publication", "publication:\n  department: Public Safety Canada\n", "",
     f"1:1: error: publication: {MISSING}"),
    ("publication.department", "  department: Public Safety Canada\n", "  tagline: Safe\n",
     f"7:3: error: publication.department: {MISSING}"),
    ("opening_remarks.body", "  body:\n    - Remarks were made.\n", "",
     f"12:3: error: opening_remarks.body: {MISSING}"),
    ("opening_remarks.speakers[0].name", "    - name: Ellen Burack\n",
     "    - title: Deputy\n", f"13:7: error: opening_remarks.speakers[0].name: {MISSING}"),
    ("on_behalf_of.name", "        name: Rob Stewart\n", "        title: Deputy Minister\n",
     f"15:9: error: opening_remarks.speakers[0].on_behalf_of.name: {MISSING}"),
    ("sessions[0].title", "  - title: Trends\n    presenters:\n", "  - presenters:\n",
     f"24:5: error: sessions[0].title: {MISSING}"),
    ("sessions[0].body", ("    body:\n      - Trends were discussed.\n      - bullets:\n"
     "          - text: Nested\n            bullets:\n              - Deeper\n"
     "      - numbered:\n          - One\n"), "", f"24:5: error: sessions[0].body: {MISSING}"),
    ("sessions[0].presenters[0].name", "      - name: Jane Roe\n",
     "      - organization: RCMP\n", f"26:9: error: sessions[0].presenters[0].name: {MISSING}"),
    ("a nested list item's text", "          - text: Nested\n            bullets:\n",
     "          - bullets:\n", f"31:13: error: sessions[0].body[1].bullets[0].text: {MISSING}"),
    ("a nested list item's list", "            bullets:\n              - Deeper\n", "",
     ("31:13: error: sessions[0].body[1].bullets[0]: needs one of bullets, numbered, "
     "found text")),
    ("a numbered list item's text", "          - One\n", "          - numbered: [x]\n",
     f"35:13: error: sessions[0].body[2].numbered[0].text: {MISSING}"),
    ("a numbered list item's list", "          - One\n", "          - text: One\n",
     ("35:13: error: sessions[0].body[2].numbered[0]: needs one of bullets, numbered, "
     "found text")),
    ("an outcome's text", "    - Partners agreed to meet again.\n", "    - numbered: [a]\n",
     f"38:7: error: outcomes.items[0].text: {MISSING}"),
    ("a block's kind", "      - subheading: About\n", "      - {}\n",
     ("22:9: error: session_groups.breakout.intro[0]: needs one of bullets, numbered, "
     "subheading")),
    ("outcomes", "outcomes:\n  items:\n    - Partners agreed to meet again.\n", "",
     f"1:1: error: outcomes: {MISSING}"),
    ("outcomes.items", "  items:\n    - Partners agreed to meet again.\n",
     "  intro: Outcomes.\n", f"37:3: error: outcomes.items: {MISSING}"),
    ("conclusion", "conclusion:\n  body:\n    - The event concluded.\n", "",
     f"1:1: error: conclusion: {MISSING}"),
    ("conclusion.body", "  body:\n    - The event concluded.\n", "  title: End\n",
     f"40:3: error: conclusion.body: {MISSING}"),
    ("appendices[0].title", "  - title: Agenda\n    agenda:\n", "  - agenda:\n",
     f"43:5: error: appendices[0].title: {MISSING}"),
    ("appendices[0].agenda[0].title", "      - title: Welcome\n        time:", "      - time:",
     f"45:9: error: appendices[0].agenda[0].title: {MISSING}"),
    ("appendices[0].agenda[0].speakers[0].name", "          - name: John Doe\n",
     "          - title: Host\n",
     f"48:13: error: appendices[0].agenda[0].speakers[0].name: {MISSING}"),
    ("an appendix's content", "    organizations:\n      - RCMP\n", "",
     "49:5: error: appendices[1]: an appendix needs one of agenda, organizations or body"),
    ("lint.ignore[0].rule", "    - rule: comment-in-text\n      path:", "    - path:",
     f"56:7: error: lint.ignore[0].rule: {MISSING}"),
    ("lint.ignore[0].path", "      path: sessions[0]\n", "",
     f"56:7: error: lint.ignore[0].path: {MISSING}"),
]

# (what is left empty, the text, what stands there instead, the one error)
EMPTY = [
    ("meeting.title", "  title: Spring 2021 Law Enforcement Roundtable on Drugs\n",
     "  title:\n", "3:9: error: meeting.title: must not be empty"),
    ("meeting.dates", "  dates: 2021-03-29\n", "  dates: []\n",
     "5:10: error: meeting.dates: must not be empty"),
    ("conclusion.body", "  body:\n    - The event concluded.\n", "  body:\n",
     "40:8: error: conclusion.body: must not be empty"),
    ("a subheading", "      - subheading: About\n", "      - subheading:\n",
     "22:20: error: session_groups.breakout.intro[0].subheading: must not be empty"),
    ("sessions", FULL[FULL.index("sessions:\n"):FULL.index("outcomes:\n")], "sessions: []\n",
     "23:11: error: sessions: must not be empty"),
    ("a numbered list", "      - numbered:\n          - One\n", "      - numbered:\n",
     "34:18: error: sessions[0].body[2].numbered: must not be empty"),
    ("organizations", "    organizations:\n      - RCMP\n", "    organizations:\n",
     "50:19: error: appendices[1].organizations: must not be empty"),
    ("a footnote", "  n1: A note.\n", "  n1:\n", "53:6: error: footnotes.n1: must not be empty"),
    ("a label", "  appendix: Annex {letter}\n", "  appendix:\n",
     "60:12: error: labels.appendix: must not be empty"),
]


def test_the_full_outline_is_valid():
    assert lines(FULL) == []


@pytest.mark.parametrize(("old", "new", "error"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_a_missing_key_is_one_error_at_the_mapping_that_lacks_it(old, new, error):
    assert FULL.count(old) == 1
    assert lines(FULL.replace(old, new)) == [f"outline.yaml:{error}"]


@pytest.mark.parametrize(("old", "new", "error"), [case[1:] for case in EMPTY],
                         ids=[case[0] for case in EMPTY])
def test_an_empty_required_value_is_one_error_at_the_value(old, new, error):
    assert FULL.count(old) == 1
    assert lines(FULL.replace(old, new)) == [f"outline.yaml:{error}"]


@settings(max_examples=examples(20))
@given(count=st.integers(1, 12), missing=st.data(), key=st.sampled_from(["title", "body"]))
def test_the_missing_key_of_any_session_is_at_that_session(count, missing, key):
    """Sessions of different lengths: the error is at the line of the session that lacks
    the key, not at a neighbour's, nor at the list."""
    index = missing.draw(st.integers(0, count - 1))
    sessions, starts = "", []
    for n in range(count):
        starts.append(12 + sessions.count("\n"))   # MINIMAL's first session is on line 12
        title = "" if (n == index and key == "title") else f"    title: Session {n}\n"
        body = "" if (n == index and key == "body") else \
            "    body:\n" + "".join(f"      - Line {i}.\n" for i in range(n % 3 + 1))
        sessions += "  - kind: plenary\n" + title + body
    text = MINIMAL.replace("  - title: Trends\n    body:\n      - Trends were discussed.\n",
                           sessions)
    assert lines(text) == [(f"outline.yaml:{starts[index]}:5: error: sessions[{index}].{key}: "
                           f"{MISSING}")]
