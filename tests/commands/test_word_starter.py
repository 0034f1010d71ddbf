"""`rtdraft new NAME.docx`: a Word starter in the house style that imports to an outline that
validates, its instructions the placeholders lint reports; names it cannot write refused."""

import os
from datetime import date

import pytest
from support.cli import run
from support.readers import audit, pairs

from rtdraft.commands import starter
from rtdraft.importer import import_docx
from rtdraft.lint import lint
from rtdraft.outline.source import Source, parse_text
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
        "Heading 2\tPlenary Session 1: [[Replace with the session's title]]",
        ("Presenters\tPresenters: [[Replace with the presenters' names, with their "
        "organizations]]"),
        ("Normal\t[[Replace with what the session covered. For another session, copy this "
        "heading and its paragraphs]]"),
        "Heading 1\tHighlights from Breakout Sessions",
        "Heading 2\tBreakout Session 1: [[Replace with the session's title]]",
        ("Presenters\tPresenters: [[Replace with the presenters' names, with their "
        "organizations]]"),
        ("Normal\t[[Replace with what the session covered. For another session, copy this "
        "heading and its paragraphs]]"),
        "Heading 1\tKey Outcomes",
        ("Normal\t[[Replace with a lead-in, for example The event resulted in a number of key "
        "takeaways. These include]]"),
        "List Bullet\t[[Replace with a key outcome, one per bullet]]",
        "Heading 1\tConclusion",
        "Normal\t[[Replace with how the meeting ended and what comes next]]",
        "Heading 1\tAppendix A: Agenda",
        "row\tTime | Item | Speakers",
        ("row\t[[for example 9:00-9:15]] | [[Replace with an agenda item, one per row]] | "
        "[[Replace with its speakers]]"),
        "Heading 1\tAppendix B: Organizations Represented at the Roundtable",
        "List Bullet\t[[Replace with an organization's name, one per bullet]]",
    ]
    assert lines[:3] == [
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
