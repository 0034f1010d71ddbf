"""rtdraft's DOCX as Word saves it again (tests/wordsave.py: revision ids and split runs,
proofing marks, smart tags, hyperlinks as HYPERLINK fields, bookmarks moved, localized
style ids and names, direct formatting, content controls) imports to the same outline as
the file rtdraft wrote."""

import difflib
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.outlines import EXAMPLES, build, examples, load, rich
from support.wordsave import as_word_saves

from rtdraft.importer import import_docx
from rtdraft.outline.validate import validate
from rtdraft.render import docx as docx_writer
from rtdraft.render import html, markdown

TODAY = date(2021, 6, 1)

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


# -- a first draft typed in Word's own built-in styles (python-docx's default template) --

def word_draft(path, paragraphs) -> None:
    import docx
    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    document.save(path)


FIRST_DRAFT = [
    ("Title", "Spring 2021 Roundtable on Drugs"), ("Subtitle", "Meeting Summary"),
    ("Normal", "March 29, 2021, Halifax, Nova Scotia"),
    ("Heading 1", "Introduction"), ("Normal", "The roundtable met in Halifax."),
    ("Heading 1", "Current Trends"), ("Normal", "Trends were discussed."),
    ("Heading 2", "Regional view"), ("List Bullet", "Methamphetamine"),
    ("List Bullet 2", "Its sources"), ("List Bullet", "Opioids"),
    ("List Number", "First step"), ("List Number", "Second step"),
    ("Heading 1", "Key Outcomes"), ("List Bullet", "Partners agreed."),
    ("Heading 1", "Conclusion"), ("Normal", "The event concluded."),
]


def test_a_first_draft_in_words_built_in_styles_imports(tmp_path):
    """The subtitle right before the dates line was taken for the host's line and
    removed from a list it was not in: 'list.remove(x): x not in list'."""
    word_draft(tmp_path / "draft.docx", FIRST_DRAFT)
    imported = import_docx(tmp_path / "draft.docx")
    data = load(imported.text).data
    assert validate(load(imported.text)) == []
    assert data["meeting"]["title"] == "Spring 2021 Roundtable on Drugs"
    assert data["meeting"]["dates"] == "2021-03-29"
    assert data["meeting"]["location"] == "Halifax, Nova Scotia"
    assert data["sessions"] == [{"kind": "plenary", "title": "Current Trends", "body": [
        "Trends were discussed.", {"subheading": "Regional view"},
        {"bullets": [{"text": "Methamphetamine", "bullets": ["Its sources"]}, "Opioids"]},
        {"numbered": ["First step", "Second step"]}]}]
    assert data["outcomes"] == {"items": ["Partners agreed."]}
    assert data["conclusion"] == {"body": ["The event concluded."]}


BUILT_IN = ["Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet",
            "List Bullet 2", "List Bullet 3", "List Number", "List Number 2", "Normal",
            "Quote", "Intense Quote", "Caption", "List Paragraph", "No Spacing"]
TEXTS = ["Introduction", "Key Outcomes", "Conclusion", "Plenary Session 1: Trends",
         "Appendix A: Agenda", "March 29, 2021, Halifax", "Public Safety Canada",
         "Some words.", "Time", "© His Majesty the King in Right of Canada, 2021"]


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(BUILT_IN), st.sampled_from(TEXTS)), max_size=14))
def test_any_draft_in_built_in_styles_imports_validates_and_renders(tmp_path, paragraphs):
    word_draft(tmp_path / "draft.docx", paragraphs)
    imported = import_docx(tmp_path / "draft.docx")
    source = load(imported.text)
    assert validate(source) == [], imported.text
    document = build(source.data, today=TODAY)
    docx_writer.render(document)
    markdown.render(document)
    html.render(document)


def test_session_labels_in_another_script_make_kinds_the_schema_takes(tmp_path):
    """A label's words became the kind as they were ('группа'), which the schema's
    ASCII slug refuses: the outline import wrote did not validate."""
    word_draft(tmp_path / "draft.docx", [
        ("Heading 1", "Introduction"), ("Normal", "Intro."),
        ("Heading 1", "Группа 1: Тренды"), ("Normal", "Один."),
        ("Heading 1", "Секция 1: Данные"), ("Normal", "Два."),
        ("Heading 1", "Table ronde 1: Été"), ("Normal", "Trois."),
        ("Heading 1", "Key Outcomes"), ("List Bullet", "Agreed."),
        ("Heading 1", "Conclusion"), ("Normal", "End.")])
    imported = import_docx(tmp_path / "draft.docx")
    data = load(imported.text).data
    assert validate(load(imported.text)) == []
    assert [(s["kind"], s["title"]) for s in data["sessions"]] == [
        ("other", "Тренды"), ("other-2", "Данные"), ("table-ronde", "Été")]
    # 'Table ronde 1' is how session_other prints kind table-ronde: no label of its own
    assert data["session_groups"] == {"other": {"label": "Группа {n}"},
                                      "other-2": {"label": "Секция {n}"}}
