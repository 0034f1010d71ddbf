"""`rtdraft import --check` (issue 26): what a Word draft would import as, and each problem at
its paragraph number and the heading above it, in exact words; nothing written; exit 0 when
the outline would validate, 1 when not, import's own refusals (7, 8) as import says them."""

from pathlib import Path

import docx
import pytest
from support.cli import run
from support.worddraft import LINES, agenda_draft, changed, draft

ROOT = Path(__file__).resolve().parents[2]
CONVERT = ROOT / "tests" / "uno" / "convert.py"
WORD = "MS Word 2007 XML"


def checked(path: Path) -> tuple[int, list[str], str]:
    """(exit code, the lines on stdout after the summary, stderr's line); nothing written."""
    before = set(path.parent.iterdir())
    result = run("import", "--check", path.name if Path.cwd() == path.parent else path)
    assert set(path.parent.iterdir()) == before
    summary, _, problems = result.stdout.partition("\n\n")
    assert summary.startswith(f"{path if Path.cwd() != path.parent else path.name} would "
                              "import as:")
    return result.exit_code, problems.splitlines(), result.stderr.strip()


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_clean_draft_says_what_it_would_import_as_and_exits_0(here):
    path = draft(here / "draft.docx")
    result = run("import", "--check", "draft.docx")
    assert result.exit_code == 0, result.output
    assert result.stdout == """\
draft.docx would import as:
  Title:    Law Enforcement Roundtable on Drugs
  Dates:    March 29, 2019
  Place:    not given
  Language: English
  Status:   final
  Parts, in order:
    Introduction
    Opening Remarks
    Highlights from Plenary Sessions
      Plenary Session 1: Borders
      Plenary Session 2: Ports
    Key Outcomes
    Conclusion
  Counts:   5 paragraphs, 1 list item, 0 footnotes, 0 organizations, 0 agenda rows
"""
    assert result.stderr == "draft.docx: 0 errors, 0 warnings; nothing written\n"
    assert sorted(p.name for p in here.iterdir()) == [path.name]


def test_a_missing_title_and_department_are_placed_where_they_go(here):
    result = run("import", "--check", draft(here / "draft.docx", LINES[2:]))
    assert "\n  Title:    none found (see below)\n" in result.stdout
    code, problems, last = checked(here / "draft.docx")
    assert code == 0
    assert problems == [
        ("draft.docx, paragraph 1, before the first heading: warning: the draft has no "
         "title: type the meeting's title as its first line, in the style Title"),
        ("draft.docx, paragraph 1, before the first heading: warning: no department found: "
         "type the department's name on the line above the dates")]
    assert last == "draft.docx: 0 errors, 2 warnings; nothing written"


def test_a_session_heading_with_no_title(here):
    code, problems, _ = checked(draft(here / "draft.docx",
                                      changed(11, text="Plenary Session 2:")))
    assert code == 0
    assert problems == [
        ('draft.docx, paragraph 11, under "Plenary Session 2:": warning: the session has no '
        "title: type it after the colon")]


def test_a_date_that_cannot_be_read(here):
    code, problems, _ = checked(draft(here / "draft.docx", changed(3, text="Marhc 29, 2019")))
    assert code == 0
    assert problems == [
        # the department's line is known by the dates under it: read as text too
        ('draft.docx, paragraph 2, before the first heading: warning: "Public Safety Canada" '
         "is above the first heading: it would go into the introduction"),
        ("draft.docx, paragraph 2, before the first heading: warning: no department found: "
         "type the department's name on the line above the dates"),
        ("draft.docx, paragraph 2, before the first heading: warning: no meeting dates "
         "found: type them under the title, as March 29, 2019; the outline would have "
         "2019-04-01"),
        ('draft.docx, paragraph 3, before the first heading: warning: "Marhc 29, 2019" is '
         "above the first heading: it would go into the introduction"),
        # lint's spelling rule: placed in the document's terms too
        ("draft.docx, paragraph 3, before the first heading: warning: 'Marhc' is not in the "
         "en-CA dictionary; did you mean 'Marc', 'March' or 'Maroc'?")]


def test_the_reader_s_own_lines_are_placed_at_their_paragraph_without_naming_the_heading(
        here):
    # import --report says "(under 'Introduction')"; --check's place says it instead
    lines = changed(5, style="Quote")
    lines = [lines[0], ("Quote", "Halifax, Nova Scotia"), *lines[1:]]
    code, problems, _ = checked(draft(here / "draft.docx", lines))
    assert code == 0
    assert problems == [
        ("draft.docx, paragraph 2, before the first heading: warning: a paragraph in the "
         "style 'Quote' read as an ordinary paragraph"),
        ('draft.docx, paragraph 2, before the first heading: warning: "Halifax, Nova Scotia" '
         "is above the first heading: it would go into the introduction"),
        ('draft.docx, paragraph 6, under "Introduction": warning: a paragraph in the style '
         "'Quote' read as an ordinary paragraph")]


def test_a_picture_alone_in_its_paragraph_is_placed_at_the_paragraph_before_it(here):
    # a paragraph without words has no number: the picture is found after paragraph 5
    document = docx.Document(str(draft(here / "draft.docx")))
    picture = document.add_paragraph()
    picture.add_run().add_picture(str(ROOT / "templates" / "fip" / "signature-en.png"))
    document.paragraphs[4]._p.addnext(picture._p)
    first = document.add_paragraph()   # and one above the title: no paragraph before it
    first.add_run().add_picture(str(ROOT / "templates" / "fip" / "signature-en.png"))
    document.paragraphs[0]._p.addprevious(first._p)
    document.save(str(here / "draft.docx"))
    code, problems, _ = checked(here / "draft.docx")
    assert code == 0
    assert problems == [
        "draft.docx: warning: an image left out",
        'draft.docx, paragraph 5, under "Introduction": warning: an image left out']


def test_an_unknown_part(here):
    lines = LINES[:7] + [("Heading 1", "Background"), ("Normal", "Some history.")] + LINES[7:]
    code, problems, _ = checked(draft(here / "draft.docx", lines))
    assert code == 0
    assert problems == [
        ('draft.docx, paragraph 8, under "Background": warning: "Background" is not a part of '
        "a summary (Introduction, Opening Remarks, Highlights from Plenary Sessions, Key "
        "Outcomes, Conclusion, Appendix A: ...) nor a session heading: it would be read as "
        "a session")]


def test_a_footnote_left_empty_is_named_by_the_number_word_shows(here):
    # footnote ids 10 and 12 in the file; Word shows them as 1 and 2, in order of citation
    code, problems, _ = checked(draft(here / "draft.docx",
                                      notes={10: "", 12: "Ports are many."}))
    assert code == 0
    assert problems == [
        ('draft.docx, footnote 1 (cited in paragraph 10), under "Plenary Session 1: Borders": '
        "warning: footnote 1 is empty")]


def test_an_empty_footnote_cited_from_a_paragraph_without_words_is_still_named(here):
    # the citing paragraph holds no text, so it has no number: the line has no place, and
    # the note is named as the outline would name it
    lines = [*LINES[:9], ("Normal", ""), *LINES[9:]]
    code, problems, last = checked(draft(here / "draft.docx", lines, notes={10: ""}))
    assert code == 0
    assert problems == ["draft.docx: warning: footnote note is empty"]
    assert last == "draft.docx: 0 errors, 1 warning; nothing written"


def test_a_placeholder_typed_in_word_is_named_where_it_stands(here):
    code, problems, _ = checked(draft(here / "draft.docx",
                                      changed(12, text="The [[number]] ports.")))
    # A final draft (no DRAFT mark) may not keep a placeholder: validate's rule.
    assert code == 1
    assert problems == [
        ('draft.docx, paragraph 12, under "Plenary Session 2: Ports": error: \'[[number]]\' '
         "is a placeholder, and the outline is final; replace it or mark the document a "
         "draft (DRAFT in the page header, in the style Draft Mark, as the starter has it)")]


def test_the_same_words_twice_are_each_placed_at_their_own_paragraph(here):
    # the outline's values are looked for in the document's order, from the last found
    lines = changed(10, text="The [[number]] ports.")
    lines[11] = ("Normal", "The [[number]] ports.")
    code, problems, _ = checked(draft(here / "draft.docx", lines))
    assert code == 1
    assert problems == [
        (f'draft.docx, paragraph {n}, under "Plenary Session {s}": error: \'[[number]]\' is '
         "a placeholder, and the outline is final; replace it or mark the document a draft "
         "(DRAFT in the page header, in the style Draft Mark, as the starter has it)")
        for n, s in ((10, "1: Borders"), (12, "2: Ports"))]


def test_a_heading_under_comment_and_an_empty_table(here):
    """A Word comment on a heading leaves the heading's words as they are; a table with
    no words (no paragraph of it is numbered) is said where the draft has it."""
    draft(here / "draft.docx", changed(12, text="The [[number]] ports."))
    document = docx.Document(str(here / "draft.docx"))
    document.add_comment(document.paragraphs[10].runs, text="Is this the title?",
                         author="Editor")
    document.add_table(rows=2, cols=2)
    document.save(str(here / "draft.docx"))
    code, problems, _ = checked(here / "draft.docx")
    assert code == 1
    assert problems == [
        ("draft.docx: warning: a table of 2 rows (not an agenda) written as paragraphs, a "
         "row each"),
        ('draft.docx, paragraph 12, under "Plenary Session 2: Ports": error: \'[[number]]\' is '
         "a placeholder, and the outline is final; replace it or mark the document a draft "
         "(DRAFT in the page header, in the style Draft Mark, as the starter has it)")]


def test_a_validation_error_is_placed_in_a_table_and_exits_as_validate(here):
    # paragraphs 17, 18: the headings; 19 to 21 the table's header row; 22 the time
    code, problems, last = checked(agenda_draft(here / "draft.docx", "March 30, 2019"))
    assert code == 1
    assert problems == [
        ('draft.docx, paragraph 22, under "March 30, 2019": error: 2019-03-30 is not one of '
        "the meeting's dates (2019-03-29)")]
    assert last == ("draft.docx: 1 error, 0 warnings; nothing written (the outline would "
                    "not validate)")
    # the same draft imported: refused, as --check said it would not validate
    refused = run("import", "draft.docx")
    assert refused.exit_code == 7
    assert "2019-03-30 is not one of the meeting's dates" in refused.stderr


def test_the_agenda_counts_when_it_is_right(here):
    result = run("import", "--check", agenda_draft(here / "draft.docx", "March 29, 2019"))
    assert result.exit_code == 0, result.output
    assert "    Appendix A: Agenda\n" in result.stdout
    assert result.stdout.endswith(
        "  Counts:   5 paragraphs, 1 list item, 0 footnotes, 0 organizations, "
        "1 agenda row\n")


def two_day_draft(path: Path, day: str, place: str = "Halifax, Nova Scotia") -> Path:
    """A two-day meeting with its place, parts of unusual titles, breakout sessions,
    organizations and an agenda under the day `day`: a day the meeting did not have makes
    the outline invalid."""
    lines = ([*LINES[:2], ("Normal", "March 28 to 29, 2019"), ("Normal", place)]
             + LINES[3:5] + [("Heading 1", "Words of Welcome")] + LINES[6:12]
             + [("Heading 1", "Highlights from Breakout Sessions"),
                ("Heading 2", "Breakout Session 1: Roads"), ("Normal", "Roads were discussed."),
                ("Heading 2", "Breakout Session 2: Rails"), ("Normal", "Rails were discussed.")]
             + [("Heading 1", "What Was Agreed"), LINES[13], ("Heading 1", "Closing Words"),
                LINES[15]]
             + [("Heading 1", "Appendix A: Organizations Represented"),
                ("List Bullet", "Halifax Regional Police"),
                ("List Bullet", "Royal Canadian Mounted Police"),
                ("Heading 1", "Appendix B: Agenda"), ("Heading 2", day)])
    draft(path, lines)
    document = docx.Document(str(path))
    table = document.add_table(rows=3, cols=3)
    for row, words in enumerate((["Time", "Item", "Speakers"], ["9:00", "Welcome", "Chair"],
                                 ["9:15", "Borders", "Panel"])):
        for column, word in enumerate(words):
            table.cell(row, column).text = word
    document.save(str(path))
    return path


SUMMARY = """\
draft.docx would import as:
  Title:    Law Enforcement Roundtable on Drugs
  Dates:    {dates}
  Place:    Halifax, Nova Scotia
  Language: English
  Status:   final
  Parts, in order:
    Introduction
    Words of Welcome
    Highlights from Plenary Sessions
      Plenary Session 1: Borders
      Plenary Session 2: Ports
    Highlights from Breakout Sessions
      Breakout Session 1: Roads
      Breakout Session 2: Rails
    What Was Agreed
    Closing Words
    Appendix A: Organizations Represented
    Appendix B: Agenda
  Counts:   7 paragraphs, 1 list item, 0 footnotes, 2 organizations, 2 agenda rows
"""


def test_a_draft_that_would_not_validate_is_summed_up_as_one_that_would(here):
    """The summary of an outline that would not validate (no document can be built from
    it) is read from the outline itself: the same parts, headed as the renderer heads them;
    only the dates are shown as the outline has them."""
    two_day_draft(here / "draft.docx", "March 29, 2019")
    valid = run("import", "--check", "draft.docx")
    assert valid.exit_code == 0, valid.output
    summary, _, problems = valid.stdout.partition("\n\n")
    assert summary + "\n" == SUMMARY.format(dates="March 28 and 29, 2019")
    unusual = [
        ('draft.docx, paragraph 19, under "What Was Agreed": warning: "What Was Agreed" would '
         "be the key outcomes by its place: its title is not one of that part's usual titles"),
        ('draft.docx, paragraph 21, under "Closing Words": warning: "Closing Words" would be '
         "the conclusion by its place: its title is not one of that part's usual titles")]
    assert problems.splitlines() == unusual
    two_day_draft(here / "draft.docx", "March 30, 2019")
    invalid = run("import", "--check", "draft.docx")
    assert invalid.exit_code == 1
    summary, _, problems = invalid.stdout.partition("\n\n")
    assert summary + "\n" == SUMMARY.format(dates="2019-03-28, 2019-03-29")
    assert problems.splitlines() == unusual + [
        f'draft.docx, paragraph {n}, under "March 30, 2019": error: 2019-03-30 is not one of '
        "the meeting's dates (2019-03-28, 2019-03-29)" for n in (31, 34)]   # the times
    two_day_draft(here / "draft.docx", "March 30, 2019", place="Virtual meeting")
    online = run("import", "--check", "draft.docx")
    assert online.exit_code == 1
    assert "\n  Place:    online\n" in online.stdout
    # one day: the outline has a date, not a list of them
    agenda_draft(here / "draft.docx", "March 30, 2019")
    one_day = run("import", "--check", "draft.docx")
    assert one_day.exit_code == 1
    assert "\n  Dates:    2019-03-29\n  Place:    not given\n" in one_day.stdout


def test_a_french_draft_that_would_not_validate_is_summed_up_in_french(here):
    """The French starter with its DRAFT mark taken away: final, its placeholders are
    errors; its parts are headed as the renderer heads them, French spaces and all."""
    assert run("new", "draft.docx", "--language", "fr").exit_code == 0
    valid = run("import", "--check", "draft.docx")
    assert valid.exit_code == 0, valid.output
    assert "\n  Language: French\n  Status:   draft\n" in valid.stdout
    document = docx.Document(str(here / "draft.docx"))
    marks = {p._p for s in document.sections for p in s.header.paragraphs
             if p.style.name == "Draft Mark"}   # one header, shared by the sections
    assert len(marks) == 1
    for mark in marks:
        mark.getparent().remove(mark)
    document.save(str(here / "draft.docx"))
    invalid = run("import", "--check", "draft.docx")
    assert invalid.exit_code == 1
    summary = invalid.stdout.partition("\n\n")[0]
    assert "\n  Language: French\n  Status:   final\n" in summary
    assert summary == valid.stdout.partition("\n\n")[0].replace("Status:   draft",
                                                                 "Status:   final")


def test_a_mistyped_isbn_is_said_to_be_left_out(here):
    from support.outlines import MINIMAL
    from support.review import rendered

    published = MINIMAL.replace("  department: Public Safety Canada\n",
                                "  department: Public Safety Canada\n"
                                "  isbn: 978-0-660-38121-3\n")
    document = docx.Document(str(rendered(here, published)))
    [words] = next(p for p in document.paragraphs if p.text.startswith("ISBN: ")).runs
    words.text = "ISBN: 978-0-660-38121-5"
    document.save(str(here / "draft.docx"))
    code, problems, _ = checked(here / "draft.docx")
    assert code == 0
    assert problems == [
        ('draft.docx: warning: the ISBN "978-0-660-38121-5" would be left out: ISBN '
         "'978-0-660-38121-5' has check digit 5; the digits before it give 3")]


def test_a_picture_in_a_table_is_placed_at_the_table_s_first_paragraph(here):
    path = agenda_draft(here / "draft.docx", "March 29, 2019")
    document = docx.Document(str(path))
    cell = document.tables[0].cell(1, 1).paragraphs[0]
    cell.add_run().add_picture(str(ROOT / "templates" / "fip" / "signature-en.png"))
    document.save(str(path))
    code, problems, _ = checked(path)
    assert code == 0
    assert problems == [   # 17, 18: the headings; 19: "Time", the table's first
        'draft.docx, paragraph 19, under "March 29, 2019": warning: an image left out']


def test_a_bug_met_while_checking_is_said_as_import_says_one(here, monkeypatch):
    from rtdraft.importer import check

    def broken(*args):
        raise RuntimeError("a slip")

    monkeypatch.setattr(check, "counts", broken)
    result = run("import", "--check", draft(here / "draft.docx"))
    assert result.exit_code == 7
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {here / 'draft.docx'}: rtdraft ")
    assert "failed on this document, a bug in rtdraft (RuntimeError at " in result.stderr


def test_refusals_keep_import_s_codes(here):
    (here / "notes.docx").write_text("not a word document")
    result = run("import", "--check", "notes.docx")
    assert result.exit_code == 7
    assert result.stdout == ""
    assert result.stderr.startswith("Error: notes.docx: ")
    bad = run("import", "--check", draft(here / "draft.docx"), "-o", "x.yaml")
    assert bad.exit_code == 2
    assert "--check writes nothing; leave out -o and --comments" in bad.stderr
    assert not (here / "x.yaml").exists()


def test_tracked_changes_exit_8_as_import(here, tmp_path):
    from support.review import rendered

    path = rendered(tmp_path, name="reviewed.docx")
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.text == "It met in Halifax.")
    run_element = paragraph.runs[0]._r
    ins = docx.oxml.parse_xml(
        '<w:ins xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:id="90" w:author="Editor" w:date="2021-06-01T00:00:00Z"><w:r><w:t> Twice.</w:t>'
        '</w:r></w:ins>')
    run_element.addnext(ins)
    document.save(str(path))
    result = run("import", "--check", "reviewed.docx")
    assert result.exit_code == 8, result.output
    assert result.stderr.startswith(
        "Error: reviewed.docx: the document has tracked changes (1 insertion and 0 deletions")
    assert "--changes accept or --changes reject" in result.stderr
    accepted = run("import", "--check", "reviewed.docx", "--changes", "accept")
    assert accepted.exit_code == 0, accepted.output


# -- a draft nobody here wrote: saved again by LibreOffice --------------------------------


@pytest.mark.system
def test_paragraph_numbers_hold_in_a_draft_libreoffice_saved(office, tmp_path, monkeypatch):
    """LibreOffice writes its own XML (every paragraph's properties, its numbering, its
    footnote ids): the editor's paragraphs keep their numbers, and each problem its line,
    in the order of the document."""
    lines = changed(11, text="Plenary Session 2:")
    lines = lines[:7] + [("Heading 1", "Background"), ("Normal", "Some history.")] + lines[7:]
    ours = draft(tmp_path / "ours.docx", lines, notes={12: ""})
    saved = tmp_path / "draft.docx"
    office.run(CONVERT, ours, saved, WORD, WORD)
    monkeypatch.chdir(tmp_path)
    code, problems, _ = checked(saved)
    assert code == 0
    expected = [
        ('draft.docx, paragraph 8, under "Background": warning: "Background" is not a part '
        "of a summary (Introduction, Opening Remarks, Highlights from Plenary Sessions, Key "
        "Outcomes, Conclusion, Appendix A: ...) nor a session heading: it would be read as "
        "a session"),
        ('draft.docx, footnote 1 (cited in paragraph 12), under "Plenary Session 1: '
        'Borders": warning: footnote 1 is empty'),
        ('draft.docx, paragraph 13, under "Plenary Session 2:": warning: the session has no '
        "title: type it after the colon")]
    assert problems == expected
    (tmp_path / "ours-copy.docx").write_bytes(ours.read_bytes())
    _, ours_said, _ = checked(tmp_path / "ours-copy.docx")
    assert ours_said == [line.replace("draft.docx", "ours-copy.docx") for line in expected]


def test_a_report_line_check_does_not_know_is_placed_by_the_heading_it_quotes(
        here, monkeypatch):
    """import's --report lines grow; one --check has no words of its own for is shown as
    it is, at the heading it names, its outline path said in words."""
    from rtdraft.importer.outline import Builder
    build = Builder.build

    def with_a_new_line(self):
        data = build(self)
        self.unplaced.append("'Ports' read in a new way: sessions[1].body is TODO")
        self.unplaced.append("a table read in a new way")   # quoting nothing: no place
        self.unplaced.append("'Session 2' read in a new way")   # words inside a heading
        return data

    monkeypatch.setattr(Builder, "build", with_a_new_line)
    code, problems, _ = checked(draft(here / "draft.docx", LINES[2:]))   # no title
    assert code == 0
    assert problems == [   # what has no place comes first, then from the top down
        "draft.docx: warning: a table read in a new way",
        ("draft.docx, paragraph 1, before the first heading: warning: the draft has no "
         "title: type the meeting's title as its first line, in the style Title"),
        ("draft.docx, paragraph 1, before the first heading: warning: no department found: "
         "type the department's name on the line above the dates"),
        ('draft.docx, paragraph 9, under "Plenary Session 2: Ports": warning: \'Ports\' read '
        "in a new way: left to fill (TODO)"),
        ('draft.docx, paragraph 9, under "Plenary Session 2: Ports": warning: \'Session 2\' '
         "read in a new way")]


def test_lint_s_notes_are_left_to_lint(here):
    # a sentence of 79 words: `rtdraft lint` notes its length and its reading level
    sentence = ("The meeting ended after the members of the roundtable, who had come from "
                "every province and territory of the country and from many police services, "
                "border agencies, health authorities and community organizations, had spoken "
                "at length, one after another, about the many and varied ways in which the "
                "drugs that reach the streets of their towns and cities are made, moved, sold "
                "and used, and about what each of them had done in the year before to stop "
                "them.")
    code, problems, last = checked(draft(here / "draft.docx", changed(16, text=sentence)))
    assert code == 0
    assert problems == []
    assert last == "draft.docx: 0 errors, 0 warnings; nothing written"


def test_a_summary_rtdraft_rendered_has_each_finding_at_the_paragraph_holding_its_words(
        here):
    """The Fall 2019 example rendered: lint's findings land on the paragraph whose words
    they quote, counted here by python-docx's own walk of the body (tables included)."""
    import re

    from docx.table import Table
    from support.outlines import ROOT as ROOT_DIR
    from support.outlines import build, load

    from rtdraft.render import docx as docx_writer
    text = (ROOT_DIR / "examples" / "fall-2019-winnipeg.yaml").read_text(encoding="utf-8")
    path = here / "fall.docx"
    path.write_bytes(docx_writer.render(build(load(text).data)))
    document = docx.Document(str(path))
    paragraphs = []
    for block in document.iter_inner_content():
        cells = [p for row in block.rows for cell in row.cells for p in cell.paragraphs] \
            if isinstance(block, Table) else [block]
        paragraphs += [p.text for p in cells if p.text.strip()]
    code, problems, _ = checked(path)
    assert code == 0
    assert ('fall.docx, paragraph 25, under "Opening Remarks": warning: \'fueling\' is not '
            "in the en-CA dictionary; did you mean 'fuelling', 'feeling' or 'fulling'?"
            ) in problems
    quoted = 0
    for line in problems:
        m = re.match(r"fall\.docx, paragraph (\d+), under \"[^\"]*\": warning: '([^']+)'", line)
        if m:
            quoted += 1
            assert m.group(2) in paragraphs[int(m.group(1)) - 1], line
    assert quoted > 30
    assert not any(": note: " in line for line in problems)   # lint's notes: `lint` says


def test_the_untouched_starter_names_each_placeholder_once_where_it_stands(here):
    """`rtdraft new draft.docx`, checked as it is: a draft (its DRAFT mark), so it would
    import (exit 0); each [[instruction]] is a warning at the paragraph holding it (the
    footnote's at the footnote, by the number Word shows), in the order of the document."""
    assert run("new", "draft.docx").exit_code == 0
    code, problems, _ = checked(here / "draft.docx")
    assert code == 0
    document = docx.Document(str(here / "draft.docx"))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:   # the agenda's, after the paragraphs above it
        cells = [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
        at = next(i for i, t in enumerate(paragraphs) if t == "Appendix A: Agenda") + 1
        paragraphs[at:at] = [t for t in cells if t.strip()]
    import re
    numbers = []
    for line in problems:
        m = re.match(r"draft\.docx, (?:paragraph (\d+)|footnote 1 \(cited in paragraph (\d+)\))"
                     r", (?:under \"[^\"]*\"|before the first heading): warning: '(\[\[.*?\]\])'"
                     r" is a placeholder; replace it with the final text$", line)
        assert m, line
        if m.group(1):
            assert m.group(3) in paragraphs[int(m.group(1)) - 1], line
        numbers.append(int(m.group(1) or m.group(2)))
    assert numbers == sorted(numbers)
    assert len(problems) == 23
    assert ("draft.docx, paragraph 4, before the first heading: warning: '[[Replace with the "
            "meeting's dates, for example October 8 and 9, 2019]]' is a placeholder; replace "
            "it with the final text") in problems
    assert ('draft.docx, footnote 1 (cited in paragraph 9), under "Introduction": warning: '
            "'[[Replace with the footnote's text, or delete the footnote]]' is a placeholder; "
            "replace it with the final text") in problems
    assert ('draft.docx, paragraph 30, under "Appendix A: Agenda": warning: '
            "'[[for example 9:00-9:15]]' is a placeholder; replace it with the final text"
            ) in problems
