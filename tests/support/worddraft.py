"""A first draft typed in Word's built-in styles (python-docx's default template), as an
analyst would type one: the lines are given, so that a test can change one and knows each
paragraph's number (the paragraphs that hold text, counted from 1)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# (style, text); the paragraph number is the place in this list, from 1
LINES = [
    ("Title", "Law Enforcement Roundtable on Drugs"),                       # 1
    ("Normal", "Public Safety Canada"),                                     # 2
    ("Normal", "March 29, 2019"),                                           # 3
    ("Heading 1", "Introduction"),                                          # 4
    ("Normal", "The roundtable met in Halifax."),                           # 5
    ("Heading 1", "Opening Remarks"),                                       # 6
    ("Normal", "The chair opened the meeting."),                            # 7
    ("Heading 1", "Highlights from Plenary Sessions"),                      # 8
    ("Heading 2", "Plenary Session 1: Borders"),                            # 9
    ("Normal", "The first session looked at borders."),                     # 10
    ("Heading 2", "Plenary Session 2: Ports"),                              # 11
    ("Normal", "The second session looked at ports."),                      # 12
    ("Heading 1", "Key Outcomes"),                                          # 13
    ("List Bullet", "Members agreed to meet again."),                       # 14
    ("Heading 1", "Conclusion"),                                            # 15
    ("Normal", "The meeting ended."),                                       # 16
]


def draft(path: Path, lines=None, notes: dict[int, str] | None = None) -> Path:
    """The draft saved at `path`; `notes`: paragraph number -> the text of a footnote cited
    at its end."""
    document = docx.Document()
    document.core_properties.created = datetime(2019, 4, 1)
    document.core_properties.author = "Public Safety Canada"
    for number, (style, text) in enumerate(lines or LINES, 1):
        paragraph = document.add_paragraph(text, style=style)
        if notes and number in notes:
            paragraph._p.append(parse_xml(
                f'<w:r xmlns:w="{W}"><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:footnoteReference w:id="{number}"/></w:r>'))
    if notes:
        footnotes(document, {str(n): text for n, text in notes.items()})
    document.save(str(path))
    return path


def agenda_draft(path: Path, day: str) -> Path:
    """The draft with an appendix: an agenda table under its day's heading."""
    draft(path, LINES + [("Heading 1", "Appendix A: Agenda"), ("Heading 2", day)])
    document = docx.Document(str(path))
    table = document.add_table(rows=2, cols=3)
    for row, words in enumerate((["Time", "Item", "Speakers"], ["9:00", "Welcome", "Chair"])):
        for column, word in enumerate(words):
            table.cell(row, column).text = word
    document.save(str(path))
    return path


def footnotes(document, notes: dict[str, str]) -> None:
    """A footnotes part holding `notes` (id -> text), as Word writes one."""
    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space='
        f'"preserve"> {text}</w:t></w:r></w:p></w:footnote>' for n, text in notes.items())
    blob = (f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p/>'
            f'</w:footnote>{body}</w:footnotes>').encode()
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def changed(number: int, style: str | None = None, text: str | None = None) -> list:
    """LINES with paragraph `number` restyled or retyped (text None: as it was)."""
    out = list(LINES)
    old_style, old_text = out[number - 1]
    out[number - 1] = (style or old_style, old_text if text is None else text)
    return out


def without(number: int) -> list:
    return [line for i, line in enumerate(LINES, 1) if i != number]


# examples/word/first-draft.docx (docs/writing-in-word.md): the draft above with its
# place, an appendix, a session heading whose title is still to come and a footnote left
# empty
EXAMPLE = changed(11, text="Plenary Session 2:")[:3] + [("Normal", "Halifax, Nova Scotia")] + \
    changed(11, text="Plenary Session 2:")[3:] + [
    ("Heading 1", "Appendix A: Organizations Represented"),
    ("List Bullet", "Canada Border Services Agency"),
    ("List Bullet", "Halifax Regional Police"),
    ("List Bullet", "Royal Canadian Mounted Police"),
]
EXAMPLE_NOTES = {11: "", 6: "The roundtable meets twice a year."}


def example(path: Path) -> Path:
    return draft(path, EXAMPLE, EXAMPLE_NOTES)
