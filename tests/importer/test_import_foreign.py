"""DOCX files others made (issue 22): each shape that failed in the test files of other
projects' suites (benchmarks/import_corpus.py, docs/import-corpus.md), made here in a few
lines, so that it stays fixed. Each imports to an outline that validates and renders, says
what it could not place in plain words, and loses no text without a --report line."""

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from support.outlines import examples, load
from support.worddraft import footnotes

from rtdraft import __version__
from rtdraft.cli import main
from rtdraft.document.model import build
from rtdraft.ooxml.safedocx import STRICT_NAMES
from rtdraft.outline.validate import validate
from rtdraft.render import markdown

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def imported(path: Path) -> tuple[list[str], dict]:
    """Import with --report: (the lines import printed, the outline's data), the outline
    checked to validate and to render as Markdown."""
    result = run("import", path, "--report", "-o", path.with_suffix(".yaml"))
    assert result.exit_code == 0, result.output
    source = load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert validate(source) == []
    assert markdown.render(build(source.data))
    return result.output.splitlines(), source.data


def refusal(path: Path) -> str:
    result = run("import", path, "-o", path.with_suffix(".yaml"))
    assert result.exit_code == 7, result.output
    assert not path.with_suffix(".yaml").exists()
    return result.output.strip()


def report(document) -> docx.Document:
    """A short report in Word's own styles: a heading and a paragraph under it."""
    document.add_heading("Introduction", 1)
    document.add_paragraph("The meeting opened.")
    return document


def xml(fragment: str):
    return parse_xml(f'<w:root xmlns:w="{W}" xmlns:m="{M}">{fragment}</w:root>')[0]


def rewrite(path: Path, change) -> Path:
    """The package at path with change(name, bytes) -> bytes applied to each part."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in parts.items():
            data = change(name, data)
            if data is not None:
                target.writestr(name, data)
    path.write_bytes(out.getvalue())
    return path


def strict(name: str, data: bytes) -> bytes:
    """A part as Word's "Strict Open XML Document" writes it."""
    for transitional, iso in STRICT_NAMES:
        data = data.replace(iso, transitional)
    return data


# -- comments ------------------------------------------------------------------------

def test_a_comment_on_an_empty_paragraph_is_placed_with_the_next_words(tmp_path):
    document = report(docx.Document())
    empty = document.add_paragraph()
    document.add_paragraph("Budgets were discussed.")
    document.add_comment(empty.add_run(""), "Why is this empty?", author="Ana")
    document.save(tmp_path / "c.docx")
    lines, data = imported(tmp_path / "c.docx")
    # it was written `- ""`, which does not validate
    assert data["introduction"]["body"] == ["The meeting opened.", "Budgets were discussed."]
    assert lines[0] == f"{tmp_path / 'c.yaml'}:14:7: note: comment by Ana: Why is this empty?"


def test_comment_marks_never_show_and_private_use_characters_survive(tmp_path):
    """The importer marked comments with private-use characters, which then leaked into
    --report as '\\U000f0000', and a document's own were taken for comments."""
    document = docx.Document()
    lead = document.add_paragraph("Ouch.")
    document.add_comment(lead.runs[0], "A tachyon walks into a bar.", author="M")
    report(document)
    document.add_paragraph("A logo \U000f0041 and \U0010fffd, in a private font.")
    document.save(tmp_path / "p.docx")
    lines, data = imported(tmp_path / "p.docx")
    assert f"{tmp_path / 'p.docx'}: not placed: 'Ouch.', before the first heading, put in " \
        "the introduction" in lines
    assert not any(re.search(r"\\U|\\ud|[\ud800-\udfff]", line) for line in lines)
    assert data["introduction"]["body"] == [
        "Ouch.", "The meeting opened.", "A logo \U000f0041 and \U0010fffd, in a private font."]


# -- packages others wrote ------------------------------------------------------------------

def test_an_iso_strict_document_is_read(tmp_path):
    """Word's "Strict Open XML Document": the same parts in namespaces of their own; every
    one was refused with a relationship's URI."""
    path = tmp_path / "s.docx"
    report(docx.Document()).save(path)
    rewrite(path, strict)
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in zipfile.ZipFile(path).read(
        "word/document.xml")
    _, data = imported(path)
    assert data["introduction"]["body"] == ["The meeting opened."]


def test_a_style_without_a_type_is_a_paragraph_style(tmp_path):
    path = tmp_path / "t.docx"
    report(docx.Document()).save(path)

    def untyped(name, data):
        if name != "word/styles.xml":
            return data
        root = etree.fromstring(data)
        for style in root.iter(qn("w:style")):
            if style.get(qn("w:styleId")) == "Heading1":
                del style.attrib[qn("w:type")]
        return etree.tostring(root)
    rewrite(path, untyped)
    _, data = imported(path)   # was "cannot read the document's structure (None)"
    assert data["introduction"]["body"] == ["The meeting opened."]


def test_docprops_of_the_wrong_content_type_and_two_core_parts_are_read(tmp_path):
    path = tmp_path / "d.docx"
    document = report(docx.Document())
    document.core_properties.title = "Spring Roundtable"
    document.save(path)

    def sloppy(name, data):
        if name == "[Content_Types].xml":
            return data.replace(b"application/vnd.openxmlformats-package.core-properties+xml",
                                b"application/xml")
        if name == "_rels/.rels":
            return data.replace(b"</Relationships>", (
                b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/package/'
                b'2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                b"</Relationships>"))
        return data
    rewrite(path, sloppy)
    # were "'Part' object has no attribute 'core_properties'" and "multiple relationships
    # of type ... in collection"
    _, data = imported(path)
    assert data["meeting"]["title"] == "Spring Roundtable"


def test_a_theme_renamed_docx_is_refused_in_words(tmp_path):
    path = tmp_path / "theme.docx"
    with zipfile.ZipFile(path, "w") as target:
        target.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.themeManager+xml"/></Types>'))
        target.writestr("_rels/.rels", (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="theme/themeManager.xml"'
            '/></Relationships>'))
        target.writestr("theme/themeManager.xml", (
            '<a:themeManager xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/'
            'main"/>'))
    assert refusal(path) == (
        f"Error: {path}: not a Word document (.docx): its main part is 'themeManager', not a "
        "document with a body; open the file in the program that made it, or in Word, and "
        "save it as .docx")


def test_an_unexpected_error_is_a_bug_report_naming_the_file(tmp_path, monkeypatch):
    from rtdraft.importer import outline

    def broken(self):
        return {}["kind"]
    monkeypatch.setattr(outline.Builder, "build", broken)
    path = tmp_path / "b.docx"
    report(docx.Document()).save(path)
    assert re.fullmatch(
        re.escape(f"Error: {path}: rtdraft {__version__} failed on this document, a bug in "
                  "rtdraft (KeyError at ") + r"__init__\.py:\d+" + re.escape(
            "); nothing written. Please report it with the file attached (or a copy with "
            "its words replaced)"), refusal(path))


# -- content controls, tables, footnotes, equations ------------------------------------------

def test_content_controls_are_read_through_and_an_empty_one_is_nothing(tmp_path):
    document = report(docx.Document())
    body = document.element.body
    body.sectPr.addprevious(xml(
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>In a block control.</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"))
    body.sectPr.addprevious(xml("<w:sdt><w:sdtPr/></w:sdt>"))   # no content at all
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Plain cell"
    # a cell wrapped in a content control: w:tr/w:sdt/w:sdtContent/w:tc
    table.rows[0]._tr.append(xml(
        "<w:sdt><w:sdtPr/><w:sdtContent><w:tc><w:p><w:r><w:t>Cell in a control</w:t></w:r>"
        "</w:p></w:tc></w:sdtContent></w:sdt>"))
    inline = document.add_paragraph("Before ")
    inline._p.append(xml("<w:sdt><w:sdtPr/></w:sdt>"))
    inline.add_run("after.")
    document.save(tmp_path / "sdt.docx")
    lines, data = imported(tmp_path / "sdt.docx")
    assert data["introduction"]["body"] == [
        "The meeting opened.", "In a block control.", "Plain cell | Cell in a control",
        "Before after."]
    assert f"{tmp_path / 'sdt.docx'}: not placed: a table of 1 row (not an agenda) written as " \
        "paragraphs, a row each" in lines


def test_a_footnote_cited_in_a_table_cell_comes_back_as_a_footnote(tmp_path):
    document = report(docx.Document())
    footnotes(document, {"1": "The fiscal year runs from April."})
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Budget"
    table.cell(0, 0).paragraphs[0]._p.append(xml(
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r>'))
    table.cell(0, 1).text = "$4 *million*"
    document.save(tmp_path / "fn.docx")
    _, data = imported(tmp_path / "fn.docx")
    assert data["introduction"]["body"][1] == "Budget[^fiscal-year-runs] | $4 \\*million\\*"
    assert data["footnotes"] == {"fiscal-year-runs": "The fiscal year runs from April."}


def test_an_equation_is_kept_as_its_linear_text_and_reported(tmp_path):
    document = report(docx.Document())
    p = document.add_paragraph("Growth was ")
    p._p.append(xml(
        "<m:oMath><m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:r><m:t>b+1</m:t>"
        "</m:r></m:den></m:f><m:r><m:t>=</m:t></m:r><m:sSup><m:e><m:r><m:t>x</m:t></m:r>"
        "</m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath>"))
    p.add_run(" a year.")
    document.add_paragraph()._p.append(xml(
        '<m:oMathPara><m:oMath><m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr><m:sub><m:r>'
        "<m:t>n=1</m:t></m:r></m:sub><m:sup><m:r><m:t>∞</m:t></m:r></m:sup><m:e><m:func>"
        "<m:fName><m:r><m:t>cos</m:t></m:r></m:fName><m:e><m:r><m:t>nx</m:t></m:r></m:e>"
        "</m:func></m:e></m:nary><m:r><m:t>+</m:t></m:r><m:m><m:mr><m:e><m:r><m:t>1</m:t>"
        "</m:r></m:e><m:e><m:r><m:t>0</m:t></m:r></m:e></m:mr><m:mr><m:e><m:r><m:t>0</m:t>"
        "</m:r></m:e><m:e><m:r><m:t>1</m:t></m:r></m:e></m:mr></m:m></m:oMath></m:oMathPara>"))
    document.save(tmp_path / "eq.docx")
    lines, data = imported(tmp_path / "eq.docx")
    assert data["introduction"]["body"][1:] == ["Growth was a/(b+1)=x^2 a year.",
                                                "∑_(n=1)^∞ cos nx+■(1&0@0&1)"]
    assert f"{tmp_path / 'eq.docx'}: not placed: an equation kept as its linear text: " \
        "“a/(b+1)=x^2” (under 'Introduction')" in lines


@pytest.mark.parametrize("name", ["comment", "strict"])
def test_no_message_is_in_pythons_words(tmp_path, name):
    """What the corpus found: messages such as '(None)', "'NoneType' object is not
    iterable", "has no attribute", "in collection"; none of the shapes above says one."""
    document = report(docx.Document())
    if name == "comment":
        document.add_comment(document.add_paragraph().add_run(""), "x", author="A")
    path = tmp_path / f"{name}.docx"
    document.save(path)
    if name == "strict":
        rewrite(path, strict)
    result = run("import", path, "--report", "-o", tmp_path / "o.yaml")
    assert result.exit_code == 0
    assert not re.search(r"\(None\)|NoneType|has no attribute|in collection|list\.remove|"
                         r"Error|\\U000f", result.output)


def test_an_endnote_comes_back_as_a_footnote(tmp_path):
    """An outline has footnotes only; an endnote was left out, its words lost."""
    document = report(docx.Document())
    footnotes(document, {"1": "A footnote."})
    blob = (f'<w:endnotes xmlns:w="{W}"><w:endnote w:type="separator" w:id="-1"><w:p/>'
            '</w:endnote><w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t '
            'xml:space="preserve"> Sources are listed at the end.</w:t></w:r></w:p>'
            '</w:endnote></w:endnotes>').encode()
    part = Part(PackURI("/word/endnotes.xml"), CT.WML_ENDNOTES, blob, document.part.package)
    document.part.relate_to(part, RT.ENDNOTES)
    p = document.add_paragraph("Figures rose")
    p._p.append(xml('<w:r><w:footnoteReference w:id="1"/></w:r>'))
    p.add_run(" sharply")
    p._p.append(xml('<w:r><w:endnoteReference w:id="1"/></w:r>'))
    p.add_run(".")
    document.save(tmp_path / "en.docx")
    lines, data = imported(tmp_path / "en.docx")
    assert data["introduction"]["body"][1] == \
        "Figures rose[^footnote] sharply[^sources-are-listed]."
    assert data["footnotes"] == {"footnote": "A footnote.",
                                 "sources-are-listed": "Sources are listed at the end."}
    assert f"{tmp_path / 'en.docx'}: not placed: an endnote made a footnote (under " \
        "'Introduction')" in lines


def test_an_image_left_out_is_named_by_its_description(tmp_path):
    from support.outlines import ROOT
    document = report(docx.Document())
    shape = document.add_paragraph().add_run().add_picture(
        str(ROOT / "docs" / "fall-2019-contents.png"))
    shape._inline.docPr.set("descr", "The contents page of the\nFall 2019 summary")
    document.save(tmp_path / "img.docx")
    lines, _ = imported(tmp_path / "img.docx")
    assert f"{tmp_path / 'img.docx'}: not placed: an image left out: “The contents page of " \
        "the Fall 2019 summary” (under 'Introduction')" in lines


def test_a_symbol_character_is_kept_and_one_of_a_symbol_font_reported(tmp_path):
    document = report(docx.Document())
    p = document.add_paragraph("Rated ")
    p._p.append(xml('<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'))
    p._p.append(xml('<w:r><w:sym w:font="Arial" w:char="2713"/></w:r>'))
    p._p.append(xml('<w:r><w:sym w:font="Broken" w:char="zz"/></w:r>'))
    document.save(tmp_path / "sym.docx")
    lines, data = imported(tmp_path / "sym.docx")
    assert data["introduction"]["body"][1] == "Rated \uf0fc\u2713"
    assert [line for line in lines if "a symbol of" in line] == [
        (f"{tmp_path / 'sym.docx'}: not placed: a symbol of the font 'Wingdings' kept as the "
         "private-use character U+F0FC (under 'Introduction')")]


# private-use characters of every plane, next to letters: a word of them may be any length
WORDS = st.text(st.sampled_from("abcXYZé" + "\ue000\uf0fc\uf8ff\U000f0000\U000f0001"
                                "\U000ffffd\U00100000\U0010fffd"), min_size=1, max_size=6)
SENTENCES = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(st.tuples(SENTENCES, st.booleans()), min_size=1, max_size=4))
def test_private_use_text_and_comments_come_back_as_they_were(tmp_path, paragraphs):
    """The importer's comment marks were private-use characters: a document's own were
    taken for comments (and lost, or placed a comment), and marks showed in messages."""
    document = report(docx.Document())
    for n, (words, commented) in enumerate(paragraphs):
        p = document.add_paragraph(words)
        if commented:
            document.add_comment(p.runs[0], f"note {n}", author="R")
    path = tmp_path / "pua.docx"
    document.save(path)
    result = run("import", path, "--report", "-o", tmp_path / "pua.yaml")
    assert result.exit_code == 0, result.output
    source = load((tmp_path / "pua.yaml").read_text(encoding="utf-8"))
    assert validate(source) == []
    assert source.data["introduction"]["body"] == ["The meeting opened."] + [
        w for w, _ in paragraphs]
    notes = [line for line in result.output.splitlines() if ": note: comment by R:" in line]
    assert [line.rsplit(": ", 1)[1] for line in notes] == [
        f"note {n}" for n, (_, c) in enumerate(paragraphs) if c]
    assert not re.search("[\ud800-\udfff]|\\\\U|\\\\ud", result.output)
