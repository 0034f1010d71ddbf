"""The document model: order, headings, labels, derived words, footnote numbers."""

from datetime import date

import pytest
from support.outlines import MINIMAL, build, load

from rtdraft.document import inline
from rtdraft.document.model import Heading, ListBlock, Note, Paragraph, Table


def model(text: str, today=date(2021, 6, 1)):
    return build(load(text).data, today=today)


def headings(document):
    return [(b.level, b.text) for b in document.body if isinstance(b, Heading)]


def test_minimal_document():
    doc = model(MINIMAL)
    assert headings(doc) == [(1, "Introduction"), (1, "Plenary Session 1: Trends"),
                             (1, "Key Outcomes"), (1, "Conclusion")]
    assert doc.cover.when == "March 29, 2021"
    assert doc.cover.where is None
    assert doc.cover.department == "Public Safety Canada"
    assert doc.front == ("© Her Majesty the Queen in Right of Canada, 2021",)
    assert doc.draft is True
    assert doc.date_text == "June 1, 2021"
    assert doc.locale == "en-CA"


def test_copyright_line_follows_the_crown():
    queen = MINIMAL.replace("  department: Public Safety Canada\n",
                            "  department: Public Safety Canada\n  date: 2022-09-07\n"
                            "  minister: the Minister of Public Safety\n")
    assert model(queen).front[0] == ("© Her Majesty the Queen in Right of Canada, as "
                                     "represented by the Minister of Public Safety, 2022")
    king = queen.replace("2022-09-07", "2022-09-08")
    assert model(king).front[0] == ("© His Majesty the King in Right of Canada, as represented "
                                    "by the Minister of Public Safety, 2022")


def test_front_page_lines():
    text = MINIMAL.replace("  department: Public Safety Canada\n", """\
  department: Public Safety Canada
  department_fr: Sécurité publique Canada
  date: 2021
  catalogue_number: PS18-55/2021E-PDF
  isbn: 978-0-660-37168-9
  other_language_title: Table ronde
  status: final
""")
    doc = model(text)
    assert doc.front[1:] == ("Cat. No.: PS18-55/2021E-PDF", "ISBN: 978-0-660-37168-9",
                             "Aussi disponible en français sous le titre : Table ronde")
    assert doc.draft is False
    assert doc.date_text == "2021"


SESSIONS = MINIMAL.replace("""sessions:
  - title: Trends
    body:
      - Trends were discussed.
""", """session_groups:
  breakout:
    heading: Highlights from Breakout Sessions
    intro: [Four breakouts met.]
    label: "Breakout #{n}"
sessions:
  - title: Trends
    presenters: [Winnipeg Police Service, {name: Ann Lee, title: Chief}]
    body: [Trends were discussed.]
  - kind: breakout
    title: Data
    body:
      - Data was discussed.
      - subheading: Gaps
      - Gaps remain.
  - title: Borders
    presenters: [Canada Border Services Agency]
    body: [The Canada Border Services Agency presented.]
  - kind: breakout
    title: Health
    body: [Health.]
  - kind: peer-support
    title: Angels
    body: [Angels.]
""")


def test_sessions_grouped_by_kind_in_order_of_first_appearance():
    doc = model(SESSIONS)
    assert headings(doc)[1:9] == [
        (1, "Plenary Session 1: Trends"),
        (1, "Plenary Session 2: Borders"),
        (1, "Highlights from Breakout Sessions"),
        (2, "Breakout #1: Data"),
        (3, "Gaps"),
        (2, "Breakout #2: Health"),
        (1, "Peer support 1: Angels"),
        (1, "Key Outcomes"),
    ]


def test_presenters_line_whenever_presenters_are_given():
    # also when the body names them (Borders): one rule, and an import gets them back
    notes = [b.text for b in model(SESSIONS).body if isinstance(b, Note)]
    assert notes == ["Presenters: Winnipeg Police Service; Ann Lee, Chief",
                     "Presenters: Canada Border Services Agency"]


def test_footnotes_numbered_in_order_of_first_reference():
    text = MINIMAL.replace("    - The roundtable met once.\n",
                           "    - First[^b] then[^a] and[^b] again.\n") + \
        "footnotes:\n  a: Note A.\n  b: Note B.\n"
    doc = model(text)
    assert [(f.id, f.number) for f in doc.footnotes] == [("b", 1), ("a", 2)]
    assert doc.footnote_number("a") == 2


def test_appendices_are_lettered_and_agendas_grouped_by_date():
    text = MINIMAL.replace("  dates: 2021-03-29\n", "  dates: [2021-03-29, 2021-03-30]\n") + """\
appendices:
  - title: Agenda
    agenda:
      - {date: 2021-03-29, time: "13:00", title: Opening, speakers: [{name: Ann, title: DG}]}
      - {date: 2021-03-30, title: Close}
  - title: Organizations
    organizations: [B Police, A Police]
"""
    doc = model(text)
    assert headings(doc)[-4:] == [(1, "Appendix A: Agenda"), (2, "March 29, 2021"),
                                  (2, "March 30, 2021"), (1, "Appendix B: Organizations")]
    tables = [b for b in doc.body if isinstance(b, Table)]
    assert tables[0].header == ("Time", "Item", "Speakers")
    assert tables[0].rows == (("13:00", "Opening", "Ann, DG"),)
    assert doc.cover.when == "March 29 and 30, 2021"
    last = doc.body[-1]
    assert isinstance(last, ListBlock) and [i.inlines for i in last.items] == [
        (inline.Text("B Police"),), (inline.Text("A Police"),)]


def test_labels_can_be_overridden():
    doc = model(MINIMAL + "labels:\n  outcomes: Results\n  session_plenary: Session {n}\n")
    assert (1, "Results") in headings(doc)
    assert (1, "Session 1: Trends") in headings(doc)


def test_nested_lists_and_inline_markup():
    text = MINIMAL.replace("    - The roundtable met once.\n", """\
    - A **bold** and *italic* [link](https://canada.ca).
    - numbered:
        - text: one
          bullets: [a, b]
""")
    doc = model(text)
    paragraph = doc.body[1]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.inlines == (
        inline.Text("A "), inline.Strong((inline.Text("bold"),)), inline.Text(" and "),
        inline.Emph((inline.Text("italic"),)), inline.Text(" "),
        inline.Link("https://canada.ca", (inline.Text("link"),)), inline.Text("."))
    numbered = doc.body[2]
    assert numbered.numbered and not numbered.items[0].sublist.numbered


def test_virtual_meeting_and_months():
    text = MINIMAL.replace("  dates: 2021-03-29\n", "  dates: [2021-09, 2021-10]\n  virtual: true\n")
    doc = model(text)
    assert (doc.cover.when, doc.cover.where) == ("September and October 2021", "Virtual meeting")


def test_line_breaks_inside_a_paragraph_are_spaces():
    text = MINIMAL.replace("    - The roundtable met once.\n",
                           "    - |\n      The roundtable\n      met   once.\n")
    assert model(text).body[1] == Paragraph((inline.Text("The roundtable met once."),))


def test_a_link_across_a_line_break_after_a_backslash():
    """validate reads the same link in the text as written (tests/outline/test_validate.py,
    test_a_bad_link_after_a_backslash_and_a_line_break_is_found)."""
    text = MINIMAL.replace("    - The roundtable met once.\n",
                           "    - |\n      See [the a\\\n      b](https://x.ca).\n")
    assert model(text).body[1] == Paragraph((
        inline.Text("See "), inline.Link("https://x.ca", (inline.Text("the a\\ b"),)),
        inline.Text(".")))


@pytest.mark.parametrize("unit", ["*a ", "**a ", "x *a", "[", "[a", "[^", "[ ](", "[a](b c"])
def test_markers_that_close_nothing_stay_text(unit):
    """Each search for a closing * or ] ran to the end of the text, once per marker: 10,000
    of them took 18 s. Now what a search found is remembered."""
    text = unit * 20_000
    assert inline.parse(text) == (inline.Text(text.replace("\\", "")),)
    assert inline.footnote_refs(text) == []


def test_marks_that_overlap_are_read_as_before():
    assert inline.footnote_refs("[^a[^b] and [^c]") == [("a[^b", 0), ("c", 12)]
    assert inline.parse("[a\\\nb](https://x) [c](https://y)")[-1] == inline.Link(
        "https://y", (inline.Text("c"),))
