"""`rtdraft new NAME.docx`: a Word starter in the house style that imports to an outline that
validates, its instructions the placeholders lint reports; names it cannot write refused."""

import os
from datetime import date

import pytest
from support.cli import run
from support.outlines import ROOT
from support.readers import audit, pairs, pandoc, pdf_pages, pdf_text, to_pdf

from rtdraft.commands import starter
from rtdraft.importer import import_docx
from rtdraft.lint import lint
from rtdraft.outline.source import Source, parse_text, read
from rtdraft.outline.validate import validate


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def imported(path):
    """The outline `rtdraft import` makes of a DOCX, as a Source read from its YAML."""
    return parse_text(import_docx(path, name="draft.yaml").text, Source("draft.yaml"))


def test_the_starter_imports_to_an_outline_that_validates(here):
    result = run("new", "draft.docx")
    assert (result.exit_code, result.output) == (0, "wrote draft.docx\n")
    assert sorted(p.name for p in here.iterdir()) == ["draft.docx"]   # no schema, no temporary
    source = imported(here / "draft.docx")
    assert validate(source) == []
    found = [(p.path, p.message) for p in lint(source) if p.rule == "placeholder"]
    assert len(found) == 21
    assert found[0] == (("meeting", "title"), (
        "'[[Replace with the meeting's title, for example Fall 2022 Law Enforcement Roundtable "
        "on Drugs]]' is a placeholder; replace it with the final text"))
    # text paragraphs keep their placeholders as placeholders (not escaped: \[\[)
    assert (("introduction", "body", 0), ("'[[Replace with why the meeting was held, who took "
            "part, what it covered]]' is a placeholder; replace it with the final text")) in found
    assert source.data["meeting"]["dates"] == (
        "[[Replace with the meeting's dates, for example October 8 and 9, 2019]]")
    assert [s["kind"] for s in source.data["sessions"]] == ["plenary", "breakout"]


def test_the_starter_has_every_part_in_order_in_the_house_styles(here):
    run("new", "draft.docx")
    lines = pairs((here / "draft.docx").read_bytes()).splitlines()
    body = lines[lines.index("Heading 1\tIntroduction"):]
    assert body == [
        "Heading 1\tIntroduction",
        "Normal\t[[Replace with why the meeting was held, who took part, what it covered]]",
        "Heading 1\tOpening Remarks",
        "Presenters\tSpeakers: [[Replace with the speaker's name]], [[the speaker's title]]",
        "Normal\t[[Replace with what the opening remarks said]]",
        "Heading 1\tHighlights from Plenary Sessions",
        "Session Heading\tPlenary Session 1: [[Replace with the session's title]]",
        ("Presenters\tPresenters: [[Replace with the presenters' names, with their "
        "organizations]]"),
        ("Normal\t[[Replace with what the session covered. For another session, copy this "
        "heading and its paragraphs]]"),
        "Heading 1\tHighlights from Breakout Sessions",
        "Session Heading\tBreakout Session 1: [[Replace with the session's title]]",
        ("Presenters\tPresenters: [[Replace with the presenters' names, with their "
        "organizations]]"),
        ("Normal\t[[Replace with what the session covered. For another session, copy this "
        "heading and its paragraphs]]"),
        "Heading 1\tKey Outcomes",
        ("Normal\t[[Replace with a lead-in, for example The event resulted in a number of key "
        "takeaways. These include]]"),
        "Outcome\t[[Replace with a key outcome, one per bullet]]",
        "Heading 1\tConclusion",
        "Normal\t[[Replace with how the meeting ended and what comes next]]",
        "Heading 1\tAppendix A: Agenda",
        "Table Heading\tTime | Item | Speakers",
        ("Table Text\t[[for example 9:00-9:15]] | [[Replace with an agenda item, one per row]] | "
        "[[Replace with its speakers]]"),
        "Heading 1\tAppendix B: Organizations Represented at the Roundtable",
        "List Bullet\t[[Replace with an organization's name, one per bullet]]",
        "footnote text\t [[Replace with the footnote's text, or delete the footnote]]",
        "Draft Mark\tDRAFT",
        "Page Number\t1",
    ]
    assert lines[:5] == [
        "Cover Signature\t",   # the Federal Identity Program's art, no text
        "Cover Wordmark\t",
        "Cover Department\t[[Replace with the publishing department]]",
        ("Title\t[[Replace with the meeting's title, for example Fall 2022 Law Enforcement "
        "Roundtable on Drugs]]"),
        "Subtitle\tMeeting Summary"]


def test_the_same_day_gives_the_same_bytes_and_openxml_audit_finds_nothing(here):
    day = date(2027, 4, 20)
    first = starter.render(starter.fresh("en"), day)
    assert first == starter.render(starter.fresh("en"), day)
    assert first != starter.render(starter.fresh("en"), date(2027, 4, 21))
    run("new", "draft.docx")
    report = audit(here / "draft.docx")
    assert (report["error_count"], report["warning_count"], report["errors"]) == (0, 0, [])


def test_the_starter_is_written_with_the_users_umask(here):
    old = os.umask(0o027)
    try:
        assert run("new", "draft.docx").exit_code == 0
    finally:
        os.umask(old)
    assert (here / "draft.docx").stat().st_mode & 0o777 == 0o640


def test_an_existing_docx_is_not_replaced_without_force(here):
    (here / "draft.docx").write_bytes(b"mine")
    result = run("new", "draft.docx")
    assert (result.exit_code, result.output) == (
        5, "Error: draft.docx exists; use --force to replace it\n")
    assert (here / "draft.docx").read_bytes() == b"mine"
    assert run("new", "draft.docx", "--force").exit_code == 0
    assert validate(imported(here / "draft.docx")) == []


@pytest.mark.parametrize(("name", "why"), [
    ("draft.doc", "Word's old .doc format is not written"),
    ("draft.odt", "an OpenDocument text is not written (LibreOffice opens a .docx)"),
    ("draft.PDF", "a PDF is rendered from a finished outline (rtdraft render --format pdf)"),
    ("draft.md", "new writes a Word starter or a YAML outline"),
    ("sub/draft", "new writes a Word starter or a YAML outline"),
])
def test_a_name_it_cannot_write_is_refused_in_words(here, name, why):
    result = run("new", name)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        f"Error: Invalid value for 'FILE': {name}: {why}; name it {stem}.docx (to draft in "
        f"Word) or {stem}.yaml")
    assert list(here.iterdir()) == []


def test_schema_is_refused_for_a_word_starter(here):
    result = run("new", "draft.docx", "--schema", "s.json")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for --schema: draft.docx is a Word starter, which has no "
        "modeline; --schema is for a YAML outline")
    assert list(here.iterdir()) == []


def test_the_style_gallery_shows_the_styles_named_for_what_they_are(here):
    import docx

    run("new", "draft.docx")
    styles = docx.Document(str(here / "draft.docx")).styles
    gallery = sorted(s.name for s in styles if s.quick_style)
    assert gallery == sorted([
        "Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "TOC Heading",
        "Cover Tagline", "Cover Department", "Cover Details", "Cover Signature",
        "Cover Wordmark", "Copyright", "Session Heading", "Presenters", "Outcome",
        "List Bullet", "List Number", "footnote text", "Table Heading", "Table Text"])
    # Enter after a session's heading goes on to its Presenters line
    assert styles["Session Heading"].next_paragraph_style.name == "Presenters"
    assert styles["Session Heading"].base_style.name == "Heading 2"
    assert styles["Outcome"].base_style.name == "List Bullet"


SPRING = ROOT / "examples" / "spring-2019-halifax.yaml"


def test_from_an_outline_keeps_its_structure_with_instructions(here):
    result = run("new", "next.docx", "--from", SPRING)
    assert (result.exit_code, result.output) == (0, "wrote next.docx\n")
    source = imported(here / "next.docx")
    assert validate(source) == []
    previous = read(SPRING).data
    data = source.data
    assert [s["kind"] for s in data["sessions"]] == [s["kind"] for s in previous["sessions"]]
    assert {s["title"] for s in data["sessions"]} == {"[[Replace with the session's title]]"}
    assert data["session_groups"]["breakout"] == {
        "heading": "Highlights from Breakout Sessions", "label": "Breakout #{n}",
        "intro": ["[[Replace with an introduction to these sessions, or delete it]]"]}
    assert data["appendices"][0]["organizations"] == [
        "[[Last year's organizations: check them against this year's, then remove this line]]",
        *previous["appendices"][0]["organizations"]]
    assert data["meeting"]["dates"] == (
        "[[Replace with the meeting's dates, for example October 8 and 9, 2019]]")
    assert data["publication"]["department"] == previous["publication"]["department"]
    words = pandoc(here / "next.docx")
    assert "Saginaw" not in words.split("Appendix A")[0]   # no sentence of the old text stays


def test_from_a_docx_reads_it_as_import_does(here):
    assert run("render", SPRING, "--format", "docx", "-o", "spring.docx").exit_code == 0
    assert run("new", "from-docx.docx", "--from", "spring.docx").output == \
        "wrote from-docx.docx\n"
    assert run("new", "from-yaml.docx", "--from", SPRING).exit_code == 0
    from_docx, from_yaml = imported(here / "from-docx.docx"), imported(here / "from-yaml.docx")
    assert validate(from_docx) == []
    assert from_docx.data == from_yaml.data
    # and a YAML outline from a DOCX
    assert run("new", "next.yaml", "--from", "spring.docx").exit_code == 0
    assert [s["kind"] for s in read(here / "next.yaml").data["sessions"]] == \
        [s["kind"] for s in from_yaml.data["sessions"]]


def test_from_a_docx_that_is_no_docx_is_refused_and_nothing_written(here):
    (here / "old.docx").write_text("not a zip")
    result = run("new", "next.docx", "--from", "old.docx")
    assert result.exit_code == 7
    assert result.output.startswith("Error: old.docx: ")
    assert sorted(p.name for p in here.iterdir()) == ["old.docx"]


# What an editor types over each instruction, by its first words.
FILLED = {
    "[[Replace with the publishing department": "Public Safety Canada",
    "[[Replace with the meeting's title": "Spring 2027 Law Enforcement Roundtable on Drugs",
    "[[Replace with the meeting's dates": "April 20 and 21, 2027",
    "[[Replace with the city and province": "Regina, Saskatchewan",
    "Hosted by [[Replace with the host": "Hosted by Public Safety Canada",
    "[[Replace with why the meeting was held": "Partners met to compare drug seizures.",
    "Speakers: [[Replace with the speaker's name": "Speakers: Ada Quill, Director General",
    "[[Replace with what the opening remarks said": "The director welcomed the partners.",
    "Plenary Session 1: [[Replace": "Plenary Session 1: Synthetic Opioid Trends",
    "Presenters: [[Replace": "Presenters: Regina Police Service",
    "[[Replace with what the session covered": "Nitazenes appeared in Saskatchewan samples.",
    "[[Replace with a lead-in": "The event resulted in these takeaways:",
    "[[Replace with a key outcome": "Partners will share seizure data monthly.",
    "[[Replace with how the meeting ended": "The roundtable closed with thanks.",
    "[[for example 9:00-9:15": "9:00-9:30",
    "[[Replace with an agenda item": "Welcome and opening remarks",
    "[[Replace with its speakers": "Ada Quill",
    "[[Replace with an organization's name": "Canada Border Services Agency",
}


def fill_in(path):
    """The starter filled in as an editor would in Word: every instruction typed over, a
    second plenary session added by copying the first one's heading and text paragraphs
    with their styles, the breakout sessions (not held) deleted, the footnote written."""
    import copy
    import zipfile

    import docx

    document = docx.Document(str(path))
    paragraphs = list(document.paragraphs) + [p for t in document.tables for r in t.rows
                                              for c in r.cells for p in c.paragraphs]
    for paragraph in paragraphs:
        for start, words in FILLED.items():
            if paragraph.text.startswith(start):   # typed over; a footnote's mark stays
                for run in paragraph.runs[1:]:
                    if run.text:
                        run._r.getparent().remove(run._r)
                paragraph.runs[0].text = words
    body = list(document.paragraphs)
    texts = [p.text for p in body]
    heading = body[texts.index("Plenary Session 1: Synthetic Opioid Trends")]
    text = body[texts.index("Nitazenes appeared in Saskatchewan samples.")]
    new_heading, new_text = copy.deepcopy(heading._p), copy.deepcopy(text._p)
    text._p.addnext(new_heading)
    new_heading.addnext(new_text)
    docx.text.paragraph.Paragraph(new_heading, heading._parent).runs[0].text = \
        "Plenary Session 2: Drug Checking at Music Festivals"
    docx.text.paragraph.Paragraph(new_text, text._parent).runs[0].text = \
        "Festival drug checking found fentanyl in ketone samples."
    start = texts.index("Highlights from Breakout Sessions")
    for paragraph in body[start:texts.index("Key Outcomes")]:
        paragraph._p.getparent().remove(paragraph._p)
    document.save(str(path))
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["word/footnotes.xml"] = parts["word/footnotes.xml"].replace(
        b"[[Replace with the footnote's text, or delete the footnote]]",
        b"Seizure figures are for 2026.")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_the_starter_filled_in_in_word_imports_validates_and_renders(here):
    assert run("new", "draft.docx").exit_code == 0
    fill_in(here / "draft.docx")
    result = run("import", "draft.docx")
    assert result.exit_code == 0, result.output
    assert run("validate", "draft.yaml").exit_code == 0
    source = read(here / "draft.yaml")
    assert [p.message for p in lint(source) if p.rule == "placeholder"] == []
    data = source.data
    assert data["meeting"]["dates"] == ["2027-04-20", "2027-04-21"]
    assert data["meeting"]["location"] == "Regina, Saskatchewan"
    assert [(s["kind"], s["title"]) for s in data["sessions"]] == [
        ("plenary", "Synthetic Opioid Trends"), ("plenary", "Drug Checking at Music Festivals")]
    assert data["sessions"][0]["presenters"] == ["Regina Police Service"]
    assert list(data["session_groups"]) == ["plenary"]
    assert data["opening_remarks"]["speakers"] == [{"name": "Ada Quill",
                                                    "title": "Director General"}]
    assert data["outcomes"]["items"] == ["Partners will share seizure data monthly."]
    assert data["appendices"][0]["agenda"] == [
        {"time": "9:00-9:30", "title": "Welcome and opening remarks", "speakers": ["Ada Quill"]}]
    assert run("render", "draft.yaml", "--format", "docx,md", "-o", "out").exit_code == 0
    # the Markdown's title is in its metadata, which pandoc's plain text leaves out
    assert 'title: "Spring 2027 Law Enforcement Roundtable on Drugs"' in \
        (here / "out" / "draft.md").read_text(encoding="utf-8")
    assert "Spring 2027 Law Enforcement Roundtable on Drugs" in pandoc(here / "out" / "draft.docx")
    for rendered in (here / "out" / "draft.docx", here / "out" / "draft.md"):
        words = " ".join(pandoc(rendered).split())
        for typed in ("April 20 and 21, 2027",
                      "Partners met to compare drug seizures.",
                      "Plenary Session 2: Drug Checking at Music Festivals",
                      "Festival drug checking found fentanyl in ketone samples.",
                      "Presenters: Regina Police Service", "Seizure figures are for 2026.",
                      "Canada Border Services Agency", "Welcome and opening remarks"):
            assert typed in words, (rendered.name, typed)
        assert "[[" not in words and "Breakout" not in words


def test_the_french_starter_imports_in_french(here):
    result = run("new", "ebauche.docx", "--language", "fr")
    assert (result.exit_code, result.output) == (0, "wrote ebauche.docx\n")
    lines = pairs((here / "ebauche.docx").read_bytes()).splitlines()
    assert "Heading 1\tFaits saillants des séances plénières" in lines
    assert "Session Heading\tSéance plénière 1\u00a0: [[Remplacer par le titre de la séance]]" \
        in lines
    assert "Presenters\tConférenciers\u00a0: [[Remplacer par le nom des conférenciers, avec " \
        "leur organisme]]" in lines
    assert "Heading 1\tAnnexe A\u00a0: Ordre du jour" in lines
    source = imported(here / "ebauche.docx")
    assert validate(source) == []
    assert source.data["publication"]["language"] == "fr"
    assert [s["title"] for s in source.data["sessions"]] == [
        "[[Remplacer par le titre de la séance]]"] * 2
    found = [p.message for p in lint(source) if p.rule == "placeholder"]
    assert len(found) == 21
    assert found[0] == ("'[[Remplacer par le titre de la réunion, p. ex. Table ronde des "
                        "organismes d'application de la loi sur les drogues de l'automne "
                        "2022]]' is a placeholder; replace it with the final text")


@pytest.mark.system
def test_libreoffice_opens_the_starter(here):
    run("new", "draft.docx")
    pdf = to_pdf(here / "draft.docx", here)
    assert pdf_pages(pdf) == 5
    cover, body = pdf_text(pdf, 1, 1), " ".join(pdf_text(pdf, 3, 3).split())
    assert "[[Replace with the meeting's title," in cover
    assert "Plenary Session 1: [[Replace with the session's title]] Presenters: [[Replace " \
        "with the presenters' names, with their organizations]]" in body
    assert "Appendix A: Agenda" in pdf_text(pdf, 4, 4)
