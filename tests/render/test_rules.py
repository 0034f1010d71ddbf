"""The documented rules of the rendering (docs/outline.md, README), each from both sides:
the outline that calls for it and the one that does not, read back from every writer by a
reader of its own (the DOCX's (style, text) pairs by python-docx, the Markdown by pandoc,
the web page by lxml). A rule flipped in the model or in one writer fails here.
docs/testing.md lists the rules and their tests."""

import io
import re
import subprocess
from datetime import date
from itertools import pairwise

import docx
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.outlines import MINIMAL, build, edit, examples, load
from support.readers import need, pairs

from rtdraft.render import docx as docx_writer
from rtdraft.render import html, markdown

BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "th", "td", "caption")


def _squeeze(text: str) -> str:
    """Runs of spaces and line breaks as one space; a no-break space stays what it is."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def outputs(text: str) -> dict[str, list[str]]:
    """Each writer's blocks as its reader sees them: 'style<TAB>text' for the DOCX, the
    text of each block for the Markdown (pandoc) and the web page (lxml)."""
    source = load(text)
    assert source.problems == [], source.problems
    model = build(source.data, today=date(2021, 6, 1))
    need("pandoc")
    plain = subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "plain", "--wrap=none"],
                           input=markdown.render(model), capture_output=True, check=True,
                           timeout=120).stdout.decode()
    page = lxml.html.fromstring(html.render(model))
    return {"docx": pairs(docx_writer.render(model)).splitlines(),
            "markdown": [_squeeze(b) for b in plain.split("\n\n") if b.strip()],
            "html": [_squeeze(e.text_content()) for e in page.iter(*BLOCKS)]}


def shows(text: str, style: str, words: str, elsewhere: str | None = None,
          web: bool = True) -> None:
    """Every writer prints `words` as one block (in the DOCX, in `style`); the Markdown and
    the web page print `elsewhere` instead when given (the cover's dates and place are one
    line there), and the web page nothing of it when not `web` (it has no cover)."""
    found = outputs(text)
    assert f"{style}\t{words}" in found["docx"], found["docx"]
    assert (elsewhere or words) in found["markdown"], found["markdown"]
    if web:
        assert (elsewhere or words) in found["html"], found["html"]


def hides(text: str, words: str) -> None:
    """No writer prints a block holding `words`."""
    for writer, blocks in outputs(text).items():
        assert not [b for b in blocks if words in b], (writer, words)


def session(presenters: str = "", body: str = "Trends were discussed.",
            title: str = "Trends") -> str:
    return edit("  - title: Trends\n    body:\n      - Trends were discussed.\n",
                f"  - title: {title}\n" + (f"    presenters: {presenters}\n" if presenters
                                           else "") + f"    body:\n      - {body}\n")


# -- presenters and speakers ---------------------------------------------------------

def test_presenters_line_whenever_presenters_are_given_also_when_the_body_names_them():
    """docs/outline.md, "Presenters and speakers: one rule". (The design's
    house-style.md still says the line is left out when the body names them; the
    documented behaviour is this one.)"""
    named = session("[Canada Border Services Agency]",
                    "The Canada Border Services Agency presented.")
    shows(named, "Presenters", "Presenters: Canada Border Services Agency")
    shows(session("[Canada Border Services Agency]"), "Presenters",
          "Presenters: Canada Border Services Agency")
    hides(session(), "Presenters:")


def test_speakers_line_of_the_opening_remarks():
    remarks = "opening_remarks:\n  speakers: [{name: Ann Lee, title: Chief}]\n" \
              "  body: [Remarks.]\nsessions:\n"
    shows(MINIMAL.replace("sessions:\n", remarks), "Presenters", "Speakers: Ann Lee, Chief")
    hides(MINIMAL.replace("sessions:\n", remarks.replace(
        "  speakers: [{name: Ann Lee, title: Chief}]\n", "")), "Speakers:")


@pytest.mark.parametrize(("presenters", "line"), [
    ("[RCMP]", "Presenters: RCMP"),
    ("[RCMP, Calgary Police Service]", "Presenters: RCMP and Calgary Police Service"),
    ("[RCMP, Calgary Police Service, Health Canada]",
     "Presenters: RCMP, Calgary Police Service and Health Canada"),
    ("[RCMP, {name: Ann Lee, title: Chief}]", "Presenters: RCMP; Ann Lee, Chief"),
    (("[{name: Ann Lee, title: Chief, organization: RCMP, on_behalf_of: {name: Bob Paulson, "
     "title: Commissioner}}]"),
     "Presenters: Ann Lee, Chief, RCMP, on behalf of Bob Paulson, Commissioner"),
    ("[{name: Ann Lee}, {name: Bob Paulson}]", "Presenters: Ann Lee and Bob Paulson"),
])
def test_presenters_are_joined_with_and_or_with_semicolons_when_an_entry_has_commas(
        presenters, line):
    shows(session(presenters), "Presenters", line)


# -- headings ------------------------------------------------------------------------

SESSIONS = """\
  - title: Trends
    body: [Trends.]
  - kind: breakout
    title: Data
    body: [Data., {subheading: Gaps}, Gaps.]
  - title: Borders
    body: [Borders.]
  - kind: panel
    title: Youth
    body: [Youth.]
  - kind: workshop
    title: Tools
    body: [Tools.]
  - kind: peer-support
    title: Angels
    body: [Angels.]
"""


def _with_sessions(groups: str = "") -> str:
    return edit("sessions:\n  - title: Trends\n    body:\n      - Trends were discussed.\n",
                groups + "sessions:\n" + SESSIONS)


def test_session_labels_by_kind_numbered_within_their_kind_grouped_in_order_of_first_use():
    headings = [line for line in outputs(_with_sessions())["docx"]
                if line.startswith("Heading")]
    assert headings == [
        "Heading 1\tIntroduction",
        "Heading 1\tPlenary Session 1: Trends", "Heading 1\tPlenary Session 2: Borders",
        "Heading 1\tBreakout Session 1: Data", "Heading 2\tGaps",
        "Heading 1\tPanel 1: Youth", "Heading 1\tWorkshop 1: Tools",
        "Heading 1\tPeer support 1: Angels",
        "Heading 1\tKey Outcomes", "Heading 1\tConclusion"]


def test_a_group_with_a_heading_puts_its_sessions_a_level_below_it():
    groups = "session_groups:\n  breakout:\n    heading: Highlights from Breakouts\n" \
             "    intro: [Breakouts met.]\n"
    found = outputs(_with_sessions(groups))
    headings = [line for line in found["docx"] if line.startswith(("Heading", "Session Heading"))]
    # Session Heading is the gallery's name for a session's Heading 2 (its outline level)
    assert headings[3:6] == ["Heading 1\tHighlights from Breakouts",
                             "Session Heading\tBreakout Session 1: Data", "Heading 3\tGaps"]
    docx_lines = found["docx"]
    at = docx_lines.index("Heading 1\tHighlights from Breakouts")
    assert docx_lines[at + 1] == "Normal\tBreakouts met."
    for writer in ("markdown", "html"):
        blocks = found[writer]
        at = blocks.index("Highlights from Breakouts")
        assert blocks[at + 1:at + 3] == ["Breakouts met.", "Breakout Session 1: Data"], writer


def test_headings_by_level_in_markdown_and_html():
    groups = "session_groups:\n  breakout:\n    heading: Highlights from Breakouts\n"
    model = build(load(_with_sessions(groups)).data, today=date(2021, 6, 1))
    text = markdown.render(model).decode()
    assert re.search(r"^# Highlights from Breakouts", text, re.MULTILINE)
    assert re.search(r"^## Breakout Session 1: Data", text, re.MULTILINE)
    assert re.search(r"^### Gaps", text, re.MULTILINE)
    assert re.search(r"^# Plenary Session 1: Trends", text, re.MULTILINE)
    page = lxml.html.fromstring(html.render(model))
    levels = {_squeeze(e.text_content()): e.tag for e in page.iter("h2", "h3", "h4")}
    # the page's one h1 is the title: a heading of level n is h(n + 1)
    assert (levels["Highlights from Breakouts"], levels["Breakout Session 1: Data"],
            levels["Gaps"], levels["Plenary Session 1: Trends"]) == ("h2", "h3", "h4", "h2")


def test_a_subheading_is_one_level_below_its_section():
    text = edit("    - The roundtable met once.\n",
                "    - The roundtable met once.\n    - subheading: Context\n    - More.\n")
    shows(text, "Heading 2", "Context")


# -- appendices ----------------------------------------------------------------------

def test_appendices_are_lettered_in_order_each_on_a_new_page_and_after_z_come_aa_ab():
    appendices = "appendices:\n" + "".join(
        f"  - title: Part {n}\n    body: [Text {n}.]\n" for n in range(1, 29))
    found = outputs(MINIMAL + appendices)
    headings = [line for line in found["docx"] if line.startswith("Heading 1\tAppendix")]
    assert headings[0] == "Heading 1\tAppendix A: Part 1"
    assert headings[25:] == ["Heading 1\tAppendix Z: Part 26", "Heading 1\tAppendix AA: Part 27",
                             "Heading 1\tAppendix AB: Part 28"]
    assert "Appendix AB: Part 28" in found["markdown"] and "Appendix AB: Part 28" in found["html"]
    model = build(load(MINIMAL + appendices).data, today=date(2021, 6, 1))
    document = docx.Document(io.BytesIO(docx_writer.render(model)))
    for p in document.paragraphs:
        if p.text.startswith(("Appendix", "Conclusion")):
            breaks = p.paragraph_format.page_break_before or \
                bool(p._p.xpath(".//w:br[@w:type='page']"))
            assert breaks == p.text.startswith("Appendix"), p.text


def test_organizations_are_listed_in_the_order_given():
    text = MINIMAL + "appendices:\n  - title: Organizations\n    organizations: [RCMP, " \
                     "Calgary Police Service, Abbotsford Police]\n"
    found = outputs(text)
    at = found["docx"].index("Heading 1\tAppendix A: Organizations")
    assert found["docx"][at + 1:at + 4] == ["List Bullet\tRCMP",
                                            "List Bullet\tCalgary Police Service",
                                            "List Bullet\tAbbotsford Police"]
    at = found["markdown"].index("Appendix A: Organizations")
    assert found["markdown"][at + 1] == "- RCMP - Calgary Police Service - Abbotsford Police"
    at = found["html"].index("Appendix A: Organizations")
    assert found["html"][at + 1:at + 4] == ["RCMP", "Calgary Police Service",
                                            "Abbotsford Police"]


def test_an_agenda_is_a_table_with_a_header_row_grouped_by_date():
    text = edit("  dates: 2021-03-29\n", "  dates: [2021-03-29, 2021-03-30]\n") + """\
appendices:
  - title: Agenda
    agenda:
      - {date: 2021-03-29, time: "13:00", title: Opening, speakers: [{name: Ann Lee}]}
      - {date: 2021-03-30, time: "09:00", title: Close}
"""
    lines = outputs(text)["docx"]
    at = lines.index("Heading 1\tAppendix A: Agenda")
    assert lines[at + 1:at + 7] == [
        "Heading 2\tMarch 29, 2021", "Table Heading\tTime | Item | Speakers",
        "Table Text\t13:00 | Opening | Ann Lee",
        "Heading 2\tMarch 30, 2021", "Table Heading\tTime | Item | Speakers",
        "Table Text\t09:00 | Close | "]
    undated = MINIMAL + "appendices:\n  - title: Agenda\n    agenda: [{title: Opening}]\n"
    lines = outputs(undated)["docx"]
    at = lines.index("Heading 1\tAppendix A: Agenda")
    assert lines[at + 1:at + 3] == ["Table Heading\tTime | Item | Speakers",
                                    "Table Text\t | Opening | "]


# -- lists and footnotes ------------------------------------------------------------

def test_numbered_lists_restart_at_one():
    text = edit("    - The roundtable met once.\n",
                "    - numbered: [a, b]\n    - Between.\n    - numbered: [c, d]\n")
    model = build(load(text).data, today=date(2021, 6, 1))
    need("pandoc")
    ast = subprocess.run(["pandoc", "-f", "markdown", "-t", "native"],
                         input=markdown.render(model), capture_output=True, check=True,
                         timeout=120).stdout.decode()
    assert ast.count("OrderedList\n    ( 1 , Decimal") + ast.count("OrderedList ( 1 ,") == 2
    page = lxml.html.fromstring(html.render(model))
    lists = [ol for ol in page.iter("ol") if ol[0].text in ("a", "c")]
    assert [ol.get("start", "1") for ol in lists] == ["1", "1"]
    document = docx.Document(io.BytesIO(docx_writer.render(model)))
    num_ids = [p._p.pPr.numPr.numId.val for p in document.paragraphs
               if p.style.name == "List Number"]
    assert len(num_ids) == 4 and num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]
    numbering = document.part.numbering_part.element
    for num_id in (num_ids[0], num_ids[2]):
        [num] = numbering.xpath(f"./w:num[@w:numId='{num_id}']")
        assert num.xpath("./w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val") == ["1"]


def test_footnotes_are_numbered_in_order_of_first_citation():
    text = edit("    - The roundtable met once.\n", "    - First[^b] then[^a] and[^b].\n") + \
        "footnotes:\n  a: Note A.\n  b: Note B.\n"
    found = outputs(text)
    assert [line for line in found["docx"] if line.startswith("footnote text")] == [
        "footnote text\t Note B.", "footnote text\t Note A."]
    assert "FirstFootnote 1 thenFootnote 2 andFootnote 1." in found["html"]
    notes = [b for b in found["html"] if b.startswith("Note ")]
    assert [n[:7] for n in notes[::2]] == ["Note B.", "Note A."]
    model = build(load(text).data, today=date(2021, 6, 1))
    md = markdown.render(model).decode()
    assert "First[^1] then[^2] and[^1]." in md
    assert md.index("[^1]: Note B.") < md.index("[^2]: Note A.")


# -- the cover and the copyright page -------------------------------------------------

def _publication(extra: str) -> str:
    return edit("  department: Public Safety Canada\n",
                "  department: Public Safety Canada\n" + extra)


def test_draft_has_draft_in_the_header_and_final_has_none():
    assert "Draft Mark\tDRAFT" in outputs(_publication("  status: draft\n"))["docx"]
    assert "DRAFT" in outputs(_publication("  status: draft\n"))["markdown"]
    hides(_publication("  status: final\n"), "DRAFT")


def test_a_table_of_contents_only_when_asked_for():
    shows(_publication("  toc: true\n"), "TOC Heading", "Table of Contents")
    hides(_publication("  toc: false\n"), "Table of Contents")


def test_the_tagline_is_printed_in_capitals():
    """In the DOCX by its style (all caps: the text is kept as written, for a screen
    reader); in the Markdown in capitals. The web page has no cover."""
    text = _publication("  tagline: Building a Safe Canada\n")
    assert "BUILDING A SAFE CANADA" in outputs(text)["markdown"]
    model = build(load(text).data, today=date(2021, 6, 1))
    document = docx.Document(io.BytesIO(docx_writer.render(model)))
    [tagline] = [p for p in document.paragraphs if p.style.name == "Cover Tagline"]
    assert tagline.text == "Building a Safe Canada"
    assert tagline.style.font.all_caps is True
    assert not any(run.font.all_caps is False for run in tagline.runs)
    hides(MINIMAL, "BUILDING")


@pytest.mark.parametrize(("meeting", "line"), [
    ("", None),
    ("  supported_by: Public Safety Canada\n", None),
    ("  supported_by: Health Canada\n", "With support from Health Canada"),
])
def test_the_host_line_when_the_department_hosted(meeting, line):
    text = edit("  host: Public Safety Canada\n", "  host: Public Safety Canada\n" + meeting)
    if line:
        shows(text, "Cover Details", line)
    else:
        hides(text, "support from")
        hides(text, "Hosted by")


@pytest.mark.parametrize(("meeting", "line"), [
    ("  supported_by: Public Safety Canada\n",
     ("Hosted by Canadian Centre on Substance Use and Addiction with support from Public "
     "Safety Canada")),
    ("", "Hosted by Canadian Centre on Substance Use and Addiction"),
])
def test_the_host_line_when_another_organization_hosted(meeting, line):
    text = edit("  host: Public Safety Canada\n",
                "  host: Canadian Centre on Substance Use and Addiction\n" + meeting)
    shows(text, "Cover Details", line)


@pytest.mark.parametrize(("dates", "line"), [
    ("2021-03-29", "March 29, 2021"),
    ("[2019-10-08, 2019-10-09]", "October 8 and 9, 2019"),
    ("[2021-09-22, 2021-10-13]", "September 22 and October 13, 2021"),
    ("[2021-09, 2021-10]", "September and October 2021"),
])
def test_the_dates_line_of_the_cover(dates, line):
    shows(edit("  dates: 2021-03-29\n", f"  dates: {dates}\n"), "Cover Details", line)


def test_a_virtual_meeting_says_so_and_a_place_is_printed():
    shows(edit("  dates: 2021-03-29\n", "  dates: 2021-03-29\n  virtual: true\n"),
          "Cover Details", "Virtual meeting", "March 29, 2021, Virtual meeting")
    shows(edit("  dates: 2021-03-29\n", "  dates: 2021-03-29\n  location: Winnipeg, Manitoba\n"),
          "Cover Details", "Winnipeg, Manitoba", "March 29, 2021, Winnipeg, Manitoba")
    hides(MINIMAL, "Virtual meeting")


@pytest.mark.parametrize(("day", "crown"), [("2022-09-07", "Her Majesty the Queen"),
                                            ("2022-09-08", "His Majesty the King")])
def test_the_copyright_line_changes_crown_on_september_8_2022(day, crown):
    text = _publication(f"  date: {day}\n  minister: the Minister of Public Safety\n")
    shows(text, "Copyright", f"© {crown} in Right of Canada, as represented by the Minister "
                             "of Public Safety, 2022")


def test_catalogue_number_isbn_and_the_other_language_notice_only_when_given():
    text = _publication("  catalogue_number: PS18-55/2021E-PDF\n  isbn: 978-0-660-37168-9\n"
                        "  other_language_title: Table ronde\n")
    shows(text, "Copyright", "Cat. No.: PS18-55/2021E-PDF")
    shows(text, "Copyright", "ISBN: 978-0-660-37168-9")
    shows(text, "Copyright", "Aussi disponible en français sous le titre : Table ronde")
    for words in ("Cat. No.", "ISBN", "Aussi disponible"):
        hides(MINIMAL, words)


def test_the_outcomes_lead_in_comes_before_the_items():
    text = edit("  items:\n", "  intro: Participants agreed on these.\n  items:\n")
    lines = outputs(text)["docx"]
    at = lines.index("Heading 1\tKey Outcomes")
    assert lines[at + 1:at + 3] == ["Normal\tParticipants agreed on these.",
                                    "Outcome\tPartners agreed to meet again."]
    lines = outputs(MINIMAL)["docx"]
    at = lines.index("Heading 1\tKey Outcomes")
    assert lines[at + 1] == "Outcome\tPartners agreed to meet again."


def test_document_properties_come_from_the_outline_not_the_clock():
    text = _publication("  date: 2020-02-03\n")
    model = build(load(text).data, today=date(2021, 6, 1))
    core = docx.Document(io.BytesIO(docx_writer.render(model))).core_properties
    assert (core.title, core.subject, core.author, core.language) == (
        "Spring 2021 Law Enforcement Roundtable on Drugs", "Meeting Summary",
        "Public Safety Canada", "en-CA")
    assert core.created.date() == core.modified.date() == date(2020, 2, 3)
    assert docx_writer.render(model) == docx_writer.render(
        build(load(text).data, today=date(2025, 1, 1)))


# -- French ------------------------------------------------------------------------

FRENCH = edit("  department: Public Safety Canada\n",
              "  department: Sécurité publique Canada\n  language: fr\n")


def test_french_puts_a_non_breaking_space_before_a_colon_and_none_before_a_semicolon():
    text = FRENCH.replace("  - title: Trends\n", "  - title: Tendances\n").replace(
        "      - Trends were discussed.\n", "      - 'Bilan; suite : fin!'\n")
    found = outputs(text)
    assert "Heading 1\tSéance plénière 1\u00a0: Tendances" in found["docx"]
    assert "Normal\tBilan; suite\u00a0: fin!" in found["docx"]


def test_french_elides_de_before_a_vowel():
    remarks = "opening_remarks:\n  speakers: [{name: Marc Roy, on_behalf_of: {name: %s}}]\n" \
              "  body: [Mot.]\nsessions:\n"
    elided = FRENCH.replace("sessions:\n", remarks % "Ellen Burack")
    kept = FRENCH.replace("sessions:\n", remarks % "Bob Paulson")
    shows(elided, "Presenters", "Intervenants\u00a0: Marc Roy, au nom d'Ellen Burack")
    shows(kept, "Presenters", "Intervenants\u00a0: Marc Roy, au nom de Bob Paulson")


# -- headings never skip a level ---------------------------------------------------------

@settings(max_examples=examples(25), deadline=None)
@given(kinds=st.lists(st.sampled_from(["plenary", "breakout", "panel"]), min_size=1,
                      max_size=5),
       headed=st.sets(st.sampled_from(["plenary", "breakout", "panel"])),
       subheadings=st.lists(st.booleans(), min_size=8, max_size=8))
def test_headings_never_skip_a_level(kinds, headed, subheadings):
    """house-style.md: whatever groups have headings and wherever subheadings stand, each
    heading is at most one level below the one before it, in every writer."""
    def body(n):
        return ["Text."] + ([{"subheading": f"Sub {n}"}, "More."] if subheadings[n] else [])
    data = load(MINIMAL).data
    data["introduction"]["body"] = body(0)
    data["conclusion"]["body"] = body(1)
    data["sessions"] = [{"kind": kind, "title": f"S{n}", "body": body(2 + n)}
                        for n, kind in enumerate(kinds)]
    data["session_groups"] = {kind: {"heading": f"All {kind}", "intro": body(7)}
                              for kind in headed}
    data["appendices"] = [{"title": "Notes", "body": body(7)}]
    model = build(data, today=date(2021, 6, 1))
    styles = [line.split("\t")[0] for line in pairs(docx_writer.render(model)).splitlines()]
    # a session's heading under its group's heading is Session Heading, of level 2
    levels = [2 if style == "Session Heading" else int(style[-1]) for style in styles
              if style.startswith("Heading ") or style == "Session Heading"]
    page = lxml.html.fromstring(html.render(model))
    web = [int(e.tag[1]) - 1 for e in page.iter("h2", "h3", "h4", "h5")
           if e.getparent() is not None and "footnotes" not in (e.get("id") or "")]
    md = [len(m) for m in re.findall(r"^(#+) ", markdown.render(model).decode(), re.MULTILINE)]
    for writer, found in (("docx", levels), ("markdown", md)):
        assert found[0] == 1, writer
        assert all(b <= a + 1 for a, b in pairwise(found)), (writer, found)
    assert web[:len(levels)] == levels


@pytest.mark.parametrize("length", [255, 256])
def test_a_document_property_holds_255_characters_and_a_longer_title_is_cut_with_an_ellipsis(
        length):
    """Word's limit on a core property; the title of the document itself is not cut."""
    title = ("Roundtable " * 30)[:length - 1] + "X"
    data = load(MINIMAL).data
    data["meeting"]["title"] = title
    model = build(data, today=date(2021, 6, 1))
    document = docx.Document(io.BytesIO(docx_writer.render(model)))
    assert document.core_properties.title == (title if length == 255 else
                                              title[:254] + "…")
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [title]
