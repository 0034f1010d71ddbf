"""Every rule of the outline format: a valid and an invalid case, exact message and line."""

import pytest
from support.outlines import EXAMPLES, MINIMAL, ROOT, lines, load

from rtdraft.outline.source import read
from rtdraft.outline.validate import isbn_problem, validate


def edit(old: str, new: str, text: str = MINIMAL) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def add_publication(extra: str) -> str:
    return edit("  department: Public Safety Canada\n",
                "  department: Public Safety Canada\n" + extra)


def test_the_schema_is_a_valid_cerberus_schema():
    import cerberus.schema

    from rtdraft.outline import schema
    from rtdraft.outline.validate import OutlineValidator
    cerberus.schema.DefinitionSchema(OutlineValidator(), schema.OUTLINE)   # raises if not


def test_minimal_outline_is_valid():
    assert lines(MINIMAL) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_are_valid(path):
    assert validate(read(path)) == []


def test_missing_required_key_is_reported_at_the_mapping_that_lacks_it():
    text = edit("  - title: Trends\n    body:\n", "  - body:\n")
    assert lines(text) == ["outline.yaml:12:5: error: sessions[0].title: required field is missing"]


def test_missing_top_level_sections():
    text = MINIMAL.split("outcomes:")[0]
    assert lines(text) == [
        "outline.yaml:1:1: error: conclusion: required field is missing",
        "outline.yaml:1:1: error: outcomes: required field is missing",
    ]


def test_unknown_key_suggests_the_close_one():
    text = MINIMAL.replace("sessions:", "sesions:")
    # the cause alone: 'sessions: required field is missing' only follows from it
    assert lines(text) == [
        "outline.yaml:11:1: error: sesions: unknown key 'sesions'; did you mean 'sessions'?",
    ]


def test_unknown_key_without_a_close_one_lists_the_known_keys():
    text = edit("  host: Public Safety Canada\n", "  host: Public Safety Canada\n  zzz: 1\n")
    assert lines(text) == [
        ("outline.yaml:5:3: error: meeting.zzz: unknown key 'zzz'; expected one of: title, host, "
        "supported_by, edition, dates, location, virtual")]


def test_empty_required_values_are_errors():
    text = edit("  - title: Trends\n", "  - title: ''\n")
    text = edit("  items:\n    - Partners agreed to meet again.\n", "  items: []\n", text)
    text = edit("  host: Public Safety Canada\n", "  host:\n", text)
    assert lines(text) == [
        "outline.yaml:4:8: error: meeting.host: must not be empty",
        "outline.yaml:12:12: error: sessions[0].title: must not be empty",
        "outline.yaml:16:10: error: outcomes.items: must not be empty",
    ]


def test_list_items_must_not_be_empty():
    text = edit("    - The roundtable met once.\n", "    - The roundtable met once.\n    -\n")
    text = edit("  - title: Trends\n    body:\n      - Trends were discussed.\n", "  - ~\n", text)
    assert lines(text) == [
        "outline.yaml:11:6: error: introduction.body[1]: must not be empty",
        "outline.yaml:13:5: error: sessions[0]: must not be empty",
    ]


def test_optional_values_may_be_left_empty():
    assert lines(edit("  dates: 2021-03-29\n", "  dates: 2021-03-29\n  location:\n")) == []


def test_wrong_types_name_what_was_expected_and_found():
    text = edit("  dates: 2021-03-29\n", "  dates: 2021-03-29\n  edition: third\n  virtual: "
                "maybe\n")
    assert lines(text) == [
        "outline.yaml:6:12: error: meeting.edition: must be a whole number, not text",
        "outline.yaml:7:12: error: meeting.virtual: must be true or false, not text",
    ]


def test_yaml_1_1_booleans_are_not_booleans():
    text = edit("  dates: 2021-03-29\n", "  dates: 2021-03-29\n  virtual: yes\n")
    assert lines(text) == [
        "outline.yaml:6:12: error: meeting.virtual: must be true or false, not text"]


def test_allowed_values():
    text = add_publication("  language: de\n  status: published\n")
    assert lines(text) == [
        "outline.yaml:8:13: error: publication.language: 'de' is not allowed; use one of: en, fr",
        ("outline.yaml:9:11: error: publication.status: 'published' is not allowed; use one of: "
        "draft, final"),
    ]


def test_true_is_not_a_whole_number():
    text = edit("  dates: 2021-03-29\n", "  dates: 2021-03-29\n  edition: true\n")
    assert lines(text.replace("rtdraft: 1", "rtdraft: true")) == [
        "outline.yaml:1:10: error: rtdraft: must be a whole number, not true/false",
        "outline.yaml:6:12: error: meeting.edition: must be a whole number, not true/false",
    ]


def test_edition_must_be_positive():
    text = edit("  dates: 2021-03-29\n", "  dates: 2021-03-29\n  edition: 0\n")
    assert lines(text) == ["outline.yaml:6:12: error: meeting.edition: must be at least 1"]


def test_unsupported_format_version_stops_validation():
    assert lines(MINIMAL.replace("rtdraft: 1", "rtdraft: 2").replace("  host:", "  hots:")) == [
        ("outline.yaml:1:10: error: rtdraft: unsupported outline format version 2; this rtdraft "
        "reads format 1")]


def test_missing_format_version():
    assert lines(MINIMAL.replace("rtdraft: 1\n", "")) == [
        "outline.yaml:1:1: error: rtdraft: required field is missing"]


# -- dates -----------------------------------------------------------------------

def test_dates_accept_a_day_a_month_or_a_list():
    assert lines(edit("  dates: 2021-03-29\n", "  dates: 2021-09\n")) == []
    assert lines(edit("  dates: 2021-03-29\n", "  dates: [2021-03-29, 2021-03-30]\n")) == []


def test_a_date_that_is_not_a_date():
    text = edit("  dates: 2021-03-29\n", "  dates: [2021-02-30, March 31]\n")
    assert lines(text) == [
        ("outline.yaml:5:11: error: meeting.dates[0]: '2021-02-30' is not a date; write "
        "YYYY-MM-DD (or YYYY-MM)"),
        ("outline.yaml:5:23: error: meeting.dates[1]: 'March 31' is not a date; write YYYY-MM-DD "
        "(or YYYY-MM)"),
    ]


def test_meeting_dates_in_order_and_not_repeated():
    text = edit("  dates: 2021-03-29\n", "  dates: [2021-03-30, 2021-03-29, 2021-03-29]\n")
    assert lines(text) == [
        ("outline.yaml:5:23: error: meeting.dates[1]: 2021-03-29 comes before the date above it; "
        "list the meeting's days in order"),
        "outline.yaml:5:35: error: meeting.dates[2]: 2021-03-29 is listed twice",
    ]


def test_session_date_is_one_of_the_meeting_dates():
    ok = edit("  - title: Trends\n", "  - title: Trends\n    date: 2021-03-29\n")
    assert lines(ok) == []
    bad = edit("  - title: Trends\n", "  - title: Trends\n    date: 2021-03-30\n")
    assert lines(bad) == [
        ("outline.yaml:13:11: error: sessions[0].date: 2021-03-30 is not one of the meeting's "
        "dates (2021-03-29)")]


def test_publication_date_may_be_a_year():
    assert lines(add_publication("  date: 2021\n")) == []
    assert lines(add_publication("  date: '2021'\n")) == []
    assert lines(add_publication("  date: 2021-03-01\n")) == []
    assert lines(add_publication("  date: 21\n")) == [
        "outline.yaml:8:9: error: publication.date: must be at least 1900"]


# -- ISBN and catalogue number ---------------------------------------------------

def test_isbn_with_a_correct_check_digit():
    assert lines(add_publication("  isbn: 978-0-660-37168-9\n")) == []
    assert lines(add_publication("  isbn: 9780660371689\n")) == []


def test_isbn_problems():
    assert lines(add_publication("  isbn: 978-0-660-37168-3\n")) == [
        ("outline.yaml:8:9: error: publication.isbn: ISBN '978-0-660-37168-3' has check digit 3; "
        "the digits before it give 9")]
    assert isbn_problem("0-660-37168-9") == ("ISBN '0-660-37168-9' must have 13 digits "
                                              "(ISBN-13), hyphens optional")
    assert isbn_problem("977-0-660-37168-9") == "ISBN '977-0-660-37168-9' must start with 978 or 979"


def test_catalogue_number_shape():
    assert lines(add_publication("  catalogue_number: PS18-55/2019E-PDF\n")) == []
    assert lines(add_publication("  catalogue_number: PS4-264/2019E\n")) == []
    assert lines(add_publication("  catalogue_number: 2019-PS18\n")) == [
        ("outline.yaml:8:21: error: publication.catalogue_number: '2019-PS18' is not a catalogue "
        "number of the form PS18-55/2019E-PDF (letters, series, -sequence, optional /year, E or "
        "F, optional -FORMAT)")]


def test_catalogue_language_letter_matches_the_language():
    assert lines(add_publication("  language: fr\n  catalogue_number: PS18-55/2019F-PDF\n")) == []
    assert lines(add_publication("  language: fr\n  catalogue_number: PS18-55/2019E-PDF\n")) == [
        ("outline.yaml:9:21: error: publication.catalogue_number: catalogue number has language "
        "letter E but publication.language is fr; expected F")]


# -- blocks, lists, persons ------------------------------------------------------

def test_blocks_of_every_kind():
    text = edit("    - The roundtable met once.\n", """\
    - The roundtable met once.
    - subheading: Background
    - bullets:
        - one
        - text: two
          bullets:
            - text: deeper
              numbered: [a, b]
    - numbered: [first, second]
""")
    assert lines(text) == []


def test_a_block_with_an_unknown_shape():
    text = edit("    - The roundtable met once.\n", "    - bulets: [one]\n    - 12\n")
    assert lines(text) == [
        ("outline.yaml:10:7: error: introduction.body[0]: needs one of bullets, numbered, "
        "subheading; 'bulets' is unknown: did you mean 'bullets'?"),
        "outline.yaml:11:7: error: introduction.body[1]: must be text or a mapping, not a number",
    ]


def test_a_block_with_two_shapes():
    text = edit("    - The roundtable met once.\n", "    - {bullets: [a], numbered: [b]}\n")
    assert lines(text) == [
        ("outline.yaml:10:7: error: introduction.body[0]: has more than one of bullets, numbered, "
        "subheading; give exactly one")]


def test_lists_nest_three_levels_at_most():
    text = edit("    - Partners agreed to meet again.\n", """\
    - text: one
      bullets:
        - text: two
          bullets:
            - text: three
              bullets: [four]
""")
    assert lines(text) == [
        ("outline.yaml:21:15: error: outcomes.items[0].bullets[0].bullets[0]: lists nest at most "
         "3 levels, and this item would open level 4: make it plain text, and move its items up "
         "a level")]
    other = text.replace("bullets: [four]", "note: four")   # not a list: the plain words
    assert lines(other) == [
        ("outline.yaml:21:15: error: outcomes.items[0].bullets[0].bullets[0]: must be text, not "
         "a mapping")]


def test_presenters_are_persons_or_organizations():
    ok = edit("  - title: Trends\n", "  - title: Trends\n    presenters:\n      - Calgary Police "
              "Service\n      - {name: Ann Smith, title: Chief}\n")
    assert lines(ok) == []
    bad = edit("  - title: Trends\n", "  - title: Trends\n    presenters:\n      - {title: "
               "Chief}\n      - [x]\n")
    assert lines(bad) == [
        "outline.yaml:14:9: error: sessions[0].presenters[0].name: required field is missing",
        "outline.yaml:15:9: error: sessions[0].presenters[1]: must be text or a mapping, not a list",
    ]


def test_opening_speakers_on_behalf_of():
    text = edit("sessions:\n", """\
opening_remarks:
  speakers:
    - name: Trevor Bhupsingh
      on_behalf_of: {title: ADM}
  body: [Remarks.]
sessions:
""")
    assert lines(text) == [
        ("outline.yaml:14:21: error: opening_remarks.speakers[0].on_behalf_of.name: required "
        "field is missing")]


# -- session groups and labels -----------------------------------------------------

def test_session_group_labels_use_only_n():
    ok = edit("sessions:\n", "session_groups:\n  breakout:\n    label: 'Breakout #{n}'\nsessions:\n")
    assert lines(ok) == []
    bad = edit("sessions:\n", "session_groups:\n  breakout:\n    label: 'Breakout {num}'\n"
               "  Big Room:\n    heading: x\nsessions:\n")
    assert lines(bad) == [
        ("outline.yaml:13:22: error: session_groups.breakout.label: a session label may use only "
        "{n}, not {num}"),
        ("outline.yaml:14:3: error: session_groups.Big Room: 'Big Room' must be a lowercase word "
        "(letters, digits, - or _), e.g. breakout"),
    ]


def test_label_overrides():
    assert lines(MINIMAL + "labels:\n  appendix: 'Annex {letter}: {title}'\n") == []
    assert lines(MINIMAL + "labels:\n  apendix: Annex\n  outcomes: 'Results {n}'\n") == [
        ("outline.yaml:22:3: error: labels.apendix: unknown key 'apendix'; did you mean "
        "'appendix'?"),
        ("outline.yaml:23:13: error: labels.outcomes: label 'outcomes' cannot use {n}; it may use: "
        "none"),
    ]


# -- appendices --------------------------------------------------------------------

def test_appendix_has_exactly_one_kind_of_content():
    ok = MINIMAL + """\
appendices:
  - title: Agenda
    agenda:
      - {date: 2021-03-29, time: "13:00-13:15", title: Opening remarks, speakers: [PS]}
  - title: Organizations
    organizations: [Calgary Police Service]
  - title: Notes
    body: [Text.]
"""
    assert lines(ok) == []
    bad = MINIMAL + """\
appendices:
  - title: Both
    organizations: [A]
    body: [Text.]
  - title: Neither
"""
    assert lines(bad) == [
        ("outline.yaml:24:5: error: appendices[0]: an appendix has exactly one of agenda, "
        "organizations or body; it already has organizations"),
        ("outline.yaml:25:5: error: appendices[1]: an appendix needs one of agenda, organizations "
        "or body"),
    ]


def test_agenda_dates_are_meeting_dates_and_times_are_text():
    text = MINIMAL + """\
appendices:
  - title: Agenda
    agenda:
      - date: 2021-03-28
        time: 1300
        title: Opening
"""
    assert lines(text) == [
        ("outline.yaml:24:15: error: appendices[0].agenda[0].date: 2021-03-28 is not one of the "
        "meeting's dates (2021-03-29)"),
        "outline.yaml:25:15: error: appendices[0].agenda[0].time: must be text, not a number",
    ]


def test_a_meeting_of_many_days_is_named_by_its_range():
    """Every day in every message made 10,000 messages of 120 KB each (1.2 GB)."""
    days = ", ".join(f"2021-03-{d:02d}" for d in range(1, 7))
    text = edit("  dates: 2021-03-29\n", f"  dates: [{days}]\n") + """\
appendices:
  - title: Agenda
    agenda:
      - date: 2021-03-28
        time: "13:00"
        title: Opening
"""
    assert lines(text) == [
        ("outline.yaml:24:15: error: appendices[0].agenda[0].date: 2021-03-28 is not one of the "
         "meeting's dates (6 days from 2021-03-01 to 2021-03-06)")]


# -- footnotes and markup ----------------------------------------------------------

def test_footnotes_are_cited_and_defined():
    ok = edit("    - The roundtable met once.\n", "    - The roundtable met once.[^fy]\n")
    assert lines(ok + "footnotes:\n  fy: The fiscal year.\n") == []
    assert lines(ok) == [
        ("outline.yaml:10:31: error: introduction.body[0]: footnote [^fy] is not defined in "
        "footnotes")]
    assert lines(MINIMAL + "footnotes:\n  fy: The fiscal year.\n") == [
        ("outline.yaml:22:3: error: footnotes.fy: footnote 'fy' is never cited; cite it with [^fy] "
        "or remove it")]


def test_undefined_footnote_suggests_a_close_id():
    text = edit("    - The roundtable met once.\n", "    - Met once.[^fiscal-yr]\n")
    text += "footnotes:\n  fiscal-year: FY.\n"
    assert "did you mean [^fiscal-year]?" in lines(text)[0]


def test_footnote_reference_inside_a_long_folded_paragraph_points_at_its_line():
    text = edit("    - The roundtable met once.\n", """\
    - >-
      The roundtable met once
      in the fiscal year.[^fy] It was good.
""")
    assert lines(text) == [
        ("outline.yaml:12:26: error: introduction.body[0]: footnote [^fy] is not defined in "
        "footnotes")]


def test_footnotes_do_not_nest():
    text = edit("    - The roundtable met once.\n", "    - Met.[^a]\n")
    text += "footnotes:\n  a: See [^a].\n"
    assert lines(text) == [
        "outline.yaml:22:10: error: footnotes.a: a footnote cannot cite another footnote ([^a])"]


def test_link_targets_must_be_web_addresses():
    assert lines(edit("    - The roundtable met once.\n",
                      "    - See [the report](https://example.ca/r) and <https://canada.ca>.\n")) \
        == []
    assert lines(edit("    - The roundtable met once.\n", "    - See [the report](report.pdf).\n")) \
        == [("outline.yaml:10:24: error: introduction.body[0]: link target 'report.pdf' must start "
            "with https://, http:// or mailto:")]


def test_problems_across_files_keep_their_file_names():
    s = load("rtdraft: 1\n", name="a.yaml")
    assert {p.file for p in validate(s)} == {"a.yaml"}


def test_a_bad_link_is_found_after_the_same_words_earlier_in_the_paragraph():
    text = edit("    - The roundtable met once.\n", "    - See x.pdf). Then [a](x.pdf).\n")
    assert lines(text) == [
        ("outline.yaml:10:28: error: introduction.body[0]: link target 'x.pdf' must start "
        "with https://, http:// or mailto:")]


def test_a_bad_link_after_a_backslash_and_a_line_break_is_found():
    """The model reads a paragraph's line breaks as spaces, so `[a\\` at the end of a line
    and `b](x.pdf)` on the next is a link to it: validate read the line break as the end of
    the link's text, said nothing, and render stopped on a traceback."""
    text = edit("    - The roundtable met once.\n", "    - |\n      See [the a\\\n      b](x.pdf).\n")
    assert lines(text) == [
        ("outline.yaml:12:10: error: introduction.body[0]: link target 'x.pdf' must start "
         "with https://, http:// or mailto:")]


def test_a_final_outline_has_no_placeholders():
    text = add_publication("  status: final\n").replace(
        "    - Trends were discussed.", "    - Trends [[which?]] were discussed.")
    assert lines(text) == [
        ("outline.yaml:15:16: error: sessions[0].body[0]: '[[which?]]' is a placeholder, and "
        "the outline is final; replace it or set publication.status to draft")]
    assert lines(text.replace("status: final", "status: draft")) == []


def test_an_empty_footnote_is_an_error_not_a_crash():
    text = edit("      - Trends were discussed.", "      - Trends were discussed.[^a]") + \
        "footnotes:\n  a: ~\n"
    assert lines(text) == ["outline.yaml:22:6: error: footnotes.a: must not be empty"]


def test_no_default_is_written_twice():
    # the defaults live in schema.py and are applied by normal.py; nothing else says them
    for path in (ROOT / "rtdraft").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for default in ('or "plenary"', 'or "en"', 'or "draft"', '== "fr"'):
            assert default not in text, (path.name, default)


@pytest.mark.parametrize("where", ["top", "list", "nested", "across keys", "loading"])
def test_validation_stops_at_a_hundred_errors(where):
    """cerberus sorts a value's errors at each error it adds: 6,000 unknown keys took 29 s,
    and 80 sessions of 120 unknown keys each more than 30 s. The first hundred errors of
    the outline are reported, with a last line saying why there are no more."""
    if where == "top":
        text = MINIMAL + "".join(f"k{i}: {i}\n" for i in range(5000))
        first = "outline.yaml:21:1: error: k0: unknown key 'k0'; expected one of: "
    elif where == "list":
        text = edit("    - Partners agreed to meet again.\n",
                    "".join(f"    - [x{i}]\n" for i in range(5000)))
        first = ("outline.yaml:17:7: error: outcomes.items[0]: must be text or a mapping, "
                 "not a list")
    elif where == "nested":
        session = "  - title: T\n    body: [x]\n" + "".join(f"    k{i}: 1\n" for i in range(120))
        text = edit("  - title: Trends\n", session * 80 + "  - title: Trends\n")
        first = "outline.yaml:14:5: error: sessions[0].k0: unknown key 'k0'; expected one of: "
    elif where == "across keys":   # footnotes no text refers to: after cerberus
        text = MINIMAL + "footnotes:\n" + "".join(f"  n{i}: Note.\n" for i in range(3000))
        first = "outline.yaml:22:3: "
    else:   # found while reading the YAML: a million duplicate keys filled the memory
        text = MINIMAL + "".join("conclusion: x\n" for i in range(3000))
        first = "outline.yaml:21:1: error: conclusion: duplicate key 'conclusion' (first at "
    found = lines(text)
    assert len(found) == 101
    assert found[0].startswith(first)
    assert found[-1] == ("outline.yaml:1:1: note: validation stops at 100 errors; fix these "
                         "and validate again")
    assert sum(": error: " in line for line in found) == 100
