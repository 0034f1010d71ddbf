"""What import writes validates, or import refuses in words (issue 24): dates in the forms
reviewers write them, ISBNs and catalogue numbers kept but flagged, sizes beyond the
outline's limits, footnote ids, and formatting read back as it was."""

import zipfile
from datetime import date, timedelta
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support.cli import run
from support.outlines import MINIMAL, examples, load
from support.review import imported, paragraph, rendered

from rtdraft.document import inline
from rtdraft.importer.read import _emit, _formatting, _formatting_of
from rtdraft.languages.dates_back import meeting, one
from rtdraft.languages.labels import labels_for
from rtdraft.outline import schema
from rtdraft.outline.validate import validate

EN_MONTHS = labels_for("en")["months"].split()
FR_MONTHS = labels_for("fr")["months"].split()
ABBREVIATED = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.",
               "Nov.", "Dec."]
FR_ABBREVIATED = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                  "oct.", "nov.", "déc."]
DASHES = ["–", "-", " – ", " - ", "—"]


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def english(first: date, last: date, style: int, dash: str) -> str:
    """The forms editors and Canada.ca write a day or a span of days in."""
    month, lmonth = EN_MONTHS[first.month - 1], EN_MONTHS[last.month - 1]
    short = ABBREVIATED[first.month - 1]
    if first == last:
        return [f"{month} {first.day}, {first.year}", f"{first.day} {month} {first.year}",
                f"{short} {first.day}, {first.year}", f"{month} {_ordinal(first.day)}, {first.year}",
                f"{first:%A}, {month} {first.day}, {first.year}"][style % 5]
    if first.month == last.month:
        return [f"{month} {first.day}{dash}{last.day}, {first.year}",
                f"{first.day}{dash}{last.day} {month} {first.year}",
                f"{short} {first.day}{dash}{last.day}, {first.year}",
                f"{month} {first.day} to {last.day}, {first.year}",
                f"from {month} {first.day} to {last.day}, {first.year}"][style % 5]
    if first.year == last.year:
        return [f"{month} {first.day}{dash}{lmonth} {last.day}, {first.year}",
                f"{first.day} {month}{dash}{last.day} {lmonth} {first.year}"][style % 2]
    return f"{month} {first.day}, {first.year}{dash}{lmonth} {last.day}, {last.year}"


def french(first: date, last: date, style: int, dash: str) -> str:
    month, short = FR_MONTHS[first.month - 1], FR_ABBREVIATED[first.month - 1]
    day = "1er" if first.day == 1 else str(first.day)
    if first == last:
        return [f"le {day} {month} {first.year}", f"{day} {month} {first.year}",
                f"{day} {short} {first.year}"][style % 3]
    two = "et" if (last - first).days == 1 else "au"   # 5 et 6 novembre: two days
    if first.month == last.month:
        return [f"du {day} au {last.day} {month} {first.year}",
                f"{day}{dash}{last.day} {month} {first.year}",
                f"{day} au {last.day} {short} {first.year}",
                f"{day} {two} {last.day} {month} {first.year}"][style % 4]
    year = f" {first.year}" if first.year != last.year else ""
    lday = "1er" if last.day == 1 else str(last.day)
    return [f"du {day} {month}{year} au {last.day} {FR_MONTHS[last.month - 1]} {last.year}",
            f"{day} {month}{year} {two} {lday} {FR_MONTHS[last.month - 1]} {last.year}",
            f"{day} {month}{year}{dash}{lday} {FR_MONTHS[last.month - 1]} {last.year}"
            ][style % 3]


@settings(max_examples=examples(300), deadline=None)
@given(st.dates(date(1900, 1, 1), date(2199, 12, 1)), st.integers(0, 4),
       st.integers(0, 20), st.sampled_from(DASHES), st.sampled_from(["en", "fr"]))
def test_dates_in_every_common_form_are_read(first, length, style, dash, language):
    last = first + timedelta(days=length)
    text = (english if language == "en" else french)(first, last, style, dash)
    days = [(first + timedelta(days=n)).isoformat() for n in range(length + 1)]
    assert meeting(text, language, labels_for(language)) == days, text
    if length == 0:
        assert one(text, language, labels_for(language)) == days[0], text


@pytest.mark.parametrize("text, days", [
    ("2019-11-05", ["2019-11-05"]),
    ("2019-10-30 to 2019-11-01", ["2019-10-30", "2019-10-31", "2019-11-01"]),
    ("2019-11-05 – 2019-11-06", ["2019-11-05", "2019-11-06"]),
    ("2019-11-05, 2019-11-07", ["2019-11-05", "2019-11-07"]),
    ("2019-11-05 et 2019-11-07", ["2019-11-05", "2019-11-07"]),
    ("2019-02-30", None), ("2019-11-07 to 2019-11-05", None), ("2019-11-05-2019-11-06", None),
    ("2019-11-05 to 2021-11-05", None),
])
def test_dates_typed_as_iso_dates_are_read(text, days):
    for language in ("en", "fr"):
        assert meeting(text, language, labels_for(language)) == days


@pytest.mark.parametrize("text", [
    "March 29, 2021, Halifax", "March 32, 2021", "Spring 2021 meeting", "March 30–29, 2021",
    "29 March", "The 29th of March was a Monday, 2021.", "Marching 29, 2021",
])
def test_what_is_not_a_dates_line_is_not_read_as_one(text):
    assert meeting(text, "en", labels_for("en")) is None


AGENDA = MINIMAL.replace("  dates: 2021-03-29", "  dates: [2021-03-29, 2021-03-30]") + """\
appendices:
  - title: Agenda
    agenda:
      - date: 2021-03-29
        time: 9:00
        title: Welcome
      - date: 2021-03-30
        time: 9:00
        title: Close
"""


@pytest.mark.parametrize("written", ["March 29–30, 2021", "29–30 March 2021",
                                     "March 29-30, 2021", "Mar. 29 and 30, 2021"])
def test_a_cover_date_rewritten_by_a_reviewer_gives_an_outline_that_validates(tmp_path, written):
    """Before, the cover's dates were not read, the meeting took the file's date, and the
    agenda's dates were 'not one of the meeting's dates'."""
    document = docx.Document(str(rendered(tmp_path, AGENDA)))
    [words] = paragraph(document, "March 29 and 30, 2021").runs
    words.text = written
    _, said, source = imported(document, tmp_path / "reviewed.docx")
    assert source.data["meeting"]["dates"] == ["2021-03-29", "2021-03-30"]
    assert "meeting dates not found" not in said


# -- formatting read back as it was ------------------------------------------------------

RUN = st.tuples(st.text(alphabet="ab5 *\\[]_", min_size=1, max_size=6), st.booleans(),
                st.booleans())


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(RUN, min_size=1, max_size=6))
def test_formatting_written_by_import_reads_back_as_it_was(runs):
    """Runs of text, bold, italic or both, as a DOCX holds them, written as outline markup:
    inline.parse reads back the same formatting, character by character. Before, bold
    italic came back as ***very***, read as bold '*very' and a stray '*'."""
    pieces = [("text", text, bold, italic) for text, bold, italic in runs]
    written = _emit(pieces, True)
    assert _formatting(inline.parse(written)) == _formatting_of(pieces), written


@pytest.mark.parametrize(("runs", "expected"), [
    ([("very", True, True)], "***very***"),
    ([("5*", True, False)], "**5\\***"),
    ([("a ", False, False), ("very", True, True), (" b", False, False)], "a ***very*** b"),
])
def test_bold_italic_and_a_trailing_star(runs, expected):
    pieces = [("text", text, bold, italic) for text, bold, italic in runs]
    assert _emit(pieces, True) == expected
    assert _formatting(inline.parse(expected)) == _formatting_of(pieces)


# -- footnotes ------------------------------------------------------------------------------

NOTES = MINIMAL.replace("    - The roundtable met once.",
                        "    - The roundtable met once.[^one] Then again.[^two]") + \
    "footnotes:\n  one: First note.\n  two: Second note.\n"


def with_footnotes_changed(tmp_path, change) -> Path:
    path = rendered(tmp_path, NOTES)
    with zipfile.ZipFile(path) as source:
        files = {name: source.read(name) for name in source.namelist()}
    files["word/footnotes.xml"] = change(files["word/footnotes.xml"].decode()).encode()
    changed = tmp_path / "changed.docx"
    with zipfile.ZipFile(changed, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in files.items():
            target.writestr(name, data)
    return changed


def import_report(path: Path) -> tuple[str, str, dict]:
    result = run("import", path, "--report")
    assert result.exit_code == 0, result.output
    text = path.with_suffix(".yaml").read_text(encoding="utf-8")
    source = load(text)
    assert validate(source) == [], text
    return text, result.stderr, source.data


@pytest.mark.parametrize("name", ["_Fn__hbad", "_Fn_é", "_Fn_", "_Fn_a b"])
def test_a_bookmark_name_that_is_no_footnote_id_is_not_taken_as_one(tmp_path, name):
    changed = with_footnotes_changed(tmp_path, lambda xml: xml.replace('"_Fn_one"', f'"{name}"'))
    _, _, data = import_report(changed)
    assert list(data["footnotes"]) == ["first-note", "two"]


def test_a_footnote_citing_a_footnote_writes_no_nul(tmp_path):
    cite = ('First note.</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            '<w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> More.')
    changed = with_footnotes_changed(tmp_path, lambda xml: xml.replace("First note.", cite))
    text, said, data = import_report(changed)
    assert "\x00" not in text and "\\0" not in text
    assert data["footnotes"] == {"one": "First note. More.", "two": "Second note."}
    assert f"{changed}: not placed: footnote [^one] cites another footnote; a footnote " \
        "cannot cite another: the mark left out" in said.splitlines()


# -- what validate would refuse: flagged, or refused ------------------------------------------

PUBLISHED = MINIMAL.replace("  department: Public Safety Canada\n",
                            "  department: Public Safety Canada\n"
                            "  catalogue_number: PS18-55/2021E-PDF\n"
                            "  isbn: 978-0-660-38121-3\n")


@pytest.mark.parametrize(("printed", "written", "key", "why"), [
    ("ISBN: 978-0-660-38121-3", "ISBN: 978-0-660-38121-5", "isbn",
     "ISBN '978-0-660-38121-5' has check digit 5; the digits before it give 3"),
    ("ISBN: 978-0-660-38121-3", "ISBN: 978-0-66O-38121-3", "isbn",
     "ISBN '978-0-66O-38121-3' must have 13 digits (ISBN-13), hyphens optional"),
    ("Cat. No.: PS18-55/2021E-PDF", "Cat. No.: PS18-55/2021F-PDF", "catalogue_number",
     "catalogue number has language letter F but publication.language is en; expected E"),
])
def test_a_mistyped_isbn_or_catalogue_number_is_kept_in_a_comment_and_flagged(
        tmp_path, printed, written, key, why):
    """Before, the value was copied, and the outline import wrote did not validate."""
    assert validate(load(PUBLISHED)) == []
    document = docx.Document(str(rendered(tmp_path, PUBLISHED)))
    [words] = paragraph(document, printed).runs
    words.text = written
    document.save(str(tmp_path / "reviewed.docx"))
    text, said, data = import_report(tmp_path / "reviewed.docx")
    value = written.split(": ")[1]
    assert key not in data["publication"]
    assert f"\npublication:\n  # {key}: {value}  (left out by import: {why})\n" in text
    assert f"{tmp_path / 'reviewed.docx'}: not placed: publication.{key} {value!r} left " \
        f"out: {why}" in said.splitlines()


@pytest.mark.parametrize("count", [schema.MAX_ITEMS, schema.MAX_ITEMS + 1])
def test_a_list_of_exactly_as_many_items_as_an_outline_holds_is_imported(tmp_path, count):
    """Over 10,000 paragraphs in one part gave a list validate refuses: 10,000 items are
    imported, 10,001 refused in words."""
    document = docx.Document(str(rendered(tmp_path)))
    after = paragraph(document, "The roundtable met once.")
    for number in range(count - 2):   # the body holds two paragraphs already
        after.insert_paragraph_before(f"Paragraph {number}.", after.style)
    document.save(str(tmp_path / "long.docx"))
    result = run("import", tmp_path / "long.docx")
    if count == schema.MAX_ITEMS:
        assert result.exit_code == 0, result.output
        data = yaml.safe_load((tmp_path / "long.yaml").read_text(encoding="utf-8"))
        assert len(data["introduction"]["body"]) == schema.MAX_ITEMS
        return
    assert result.exit_code == 7, result.output
    assert result.output == (
        f"Error: {tmp_path / 'long.docx'}: introduction.body would have 10,001 items; an "
        "outline's list holds at most 10,000 (nothing written)\n")
    assert not (tmp_path / "long.yaml").exists()


def test_more_text_than_an_outline_holds_is_refused_before_it_is_written(tmp_path,
                                                                          monkeypatch):
    """The limit is an outline's (10 MB); here lowered to what a short summary exceeds."""
    import rtdraft.outline.source
    monkeypatch.setattr(rtdraft.outline.source, "MAX_BYTES", 400)
    result = run("import", rendered(tmp_path))
    assert result.exit_code == 7, result.output
    assert result.output == (f"Error: {tmp_path / 'report.docx'}: the outline would be more "
                             "than 400 bytes, an outline's limit (nothing written)\n")
    assert not (tmp_path / "report.yaml").exists()
