"""rtdraft's DOCX as Word saves it again (tests/wordsave.py: revision ids and split runs,
proofing marks, smart tags, hyperlinks as HYPERLINK fields, bookmarks moved, localized
style ids and names, direct formatting, content controls) imports to the same outline as
the file rtdraft wrote."""

import difflib

import pytest
from conftest import EXAMPLES, load
from test_import_libreoffice import TODAY, rich
from wordsave import as_word_saves

from rtdraft.importer import import_docx
from rtdraft.model import build
from rtdraft.render import docx as docx_writer
from rtdraft.validate import validate

OUTLINES = {path.stem: path.read_text(encoding="utf-8") for path in EXAMPLES} | {
    f"rich-{language}": rich(language) for language in ("en", "fr")}


@pytest.mark.parametrize("name", sorted(OUTLINES))
@pytest.mark.parametrize(("language", "names"), [("de", False), ("de", True), ("fr", True)],
                         ids=["german-ids", "german-names", "french-names"])
def test_word_saved_file_imports_as_the_original(name, language, names, tmp_path):
    original = tmp_path / "original.docx"
    original.write_bytes(docx_writer.render(build(load(OUTLINES[name]).data, today=TODAY)))
    saved = tmp_path / "saved.docx"
    as_word_saves(original, saved, language, names)
    wanted, found = import_docx(original), import_docx(saved)
    assert found.text == wanted.text, "".join(difflib.unified_diff(
        wanted.text.splitlines(True), found.text.splitlines(True)))
    assert found.unplaced == wanted.unplaced
    assert validate(load(found.text)) == []


def test_the_word_changes_are_in_the_file(tmp_path):
    """The helper did change what it says (a test of the test)."""
    import zipfile
    original = tmp_path / "original.docx"
    original.write_bytes(docx_writer.render(build(load(rich("en")).data, today=TODAY)))
    saved = tmp_path / "saved.docx"
    as_word_saves(original, saved, "de", True)
    with zipfile.ZipFile(saved) as archive:
        document = archive.read("word/document.xml").decode()
        styles = archive.read("word/styles.xml").decode()
    for mark in ("<w:fldSimple", "<w:instrText", "HYPERLINK", "<w:smartTag", "<w:proofErr",
                 "<w:lastRenderedPageBreak", "<w:sdt>", 'w:rsidR="', 'w:val="berschrift1"'):
        assert mark in document, mark
    assert "<w:hyperlink r:id=" not in document   # the contents page keeps its anchors
    assert 'w:val="Überschrift 1"' in styles and "outlineLvl" not in styles.split(
        'w:styleId="berschrift1"')[1].split("</w:style>")[0]
