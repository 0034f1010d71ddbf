"""Round trip: render, then import, gives back an outline whose rendering is the same as
text and structure (the DOCX's (style, text) pairs and the Markdown), for every example and
for random outlines."""

import zipfile
from datetime import date

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from support.outlines import EXAMPLES, MINIMAL, RICH, build, examples, load
from support.readers import pairs
from support.strategies import CoreDumper, outlines, outlines_with_structure

from rtdraft.importer import import_docx
from rtdraft.outline.validate import validate
from rtdraft.render import docx as docx_writer
from rtdraft.render import markdown

TODAY = date(2021, 6, 1)


def round_trip(text: str, folder) -> str:
    """The outline imported from the outline's DOCX, checked to validate and to render the
    same DOCX (style, text) pairs and the same Markdown as the outline did."""
    document = build(load(text).data, today=TODAY)
    data = docx_writer.render(document)
    path = folder / "report.docx"
    path.write_bytes(data)
    imported = import_docx(path)
    source = load(imported.text, "report.yaml")
    assert validate(source) == [], imported.text
    again = build(source.data, today=TODAY)
    assert pairs(docx_writer.render(again)) == pairs(data), imported.text
    assert markdown.render(again).decode() == markdown.render(document).decode(), imported.text
    return imported.text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_comes_back_as_it_renders(path, tmp_path):
    round_trip(path.read_text(encoding="utf-8"), tmp_path)


@settings(max_examples=examples(30), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(outlines())
def test_random_outlines_come_back_as_they_render(tmp_path, text):
    # A DOCX prints no publication date, only its year; the month of a date written as
    # YYYY-MM is in no part of it (docs/import-and-redline.md): the first of that month is.
    text = text.replace("date: 2020-05\n", "date: 2020-05-01\n")
    round_trip(text, tmp_path)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_groups_labels_agenda_and_nesting_come_back(language, tmp_path):
    text = RICH.replace("LANG", language)
    if language == "fr":
        text = text.replace("2021CAT", "2021F").replace(
            "title: Context", 'title: "Contexte : « bref »"')
    else:
        text = text.replace("2021CAT", "2021E")
    assert validate(load(text)) == []
    imported = round_trip(text, tmp_path)
    data = load(imported).data
    assert [(s["kind"], s["title"]) for s in data["sessions"]] == [
        ("plenary", "Current Drug Trends"), ("breakout", "Information Sharing"),
        ("breakout", "Data"), ("peer-support", "Peers")]
    assert data["session_groups"]["breakout"]["label"] == "Breakout #{n}"
    assert data["footnotes"] == {"virtual": "The meeting was held online."}
    assert data["meeting"]["dates"] == ["2021-03-29", "2021-03-30", "2021-03-31"]
    assert data["meeting"]["virtual"] is True
    assert data["publication"]["status"] == "draft" and data["publication"]["toc"] is True


@pytest.mark.system
def test_every_example_saved_again_by_libreoffice_comes_back_as_it_renders(tmp_path):
    """A reviewer working in LibreOffice saves the file again: its styles, numbering (a
    numbering instance per list paragraph) and bookmarks as LibreOffice writes them."""
    from support.outlines import ROOT

    from rtdraft.office.process import Office
    documents = {path.stem: build(load(path.read_text(encoding="utf-8")).data, today=TODAY)
                 for path in EXAMPLES}
    with Office() as office:
        for name, document in documents.items():
            (tmp_path / f"{name}.docx").write_bytes(docx_writer.render(document))
            office.run(ROOT / "tests" / "uno" / "convert.py", tmp_path / f"{name}.docx",
                       tmp_path / f"{name}-saved.docx", "MS Word 2007 XML", "MS Word 2007 XML")
    for name, document in documents.items():
        saved = tmp_path / f"{name}-saved.docx"
        assert b"LibreOffice" in zipfile.ZipFile(saved).read("docProps/app.xml")
        source = load(import_docx(saved).text)
        assert validate(source) == []
        again = build(source.data, today=TODAY)
        assert pairs(docx_writer.render(again)) == pairs(docx_writer.render(document)), name
        assert markdown.render(again) == markdown.render(document), name
        # footnote ids too, through LibreOffice's renaming of their bookmarks
        assert [f.id for f in again.footnotes] == [f.id for f in document.footnotes]


def _minimal(language: str = "en", **changes) -> str:
    data = load(MINIMAL).data
    data["publication"]["language"] = language
    for path, value in changes.items():
        where = data
        keys = path.split(".")
        for key in keys[:-1]:
            where = where[int(key)] if key.isdigit() else where[key]
        where[keys[-1]] = value
    if "[^n1]" in str(data):
        data["footnotes"] = {"n1": "See [the site](https://canada.ca)."}
    return yaml.dump(data, Dumper=CoreDumper, allow_unicode=True, sort_keys=False)


# Shapes random outlines found (tests/test_robustness.py's strategy), kept as cases.
@pytest.mark.parametrize("text", [
    _minimal(**{"sessions.0.body": ["Text.", {"subheading": "Plenary Session 1: x"},
                                    {"subheading": "0:0"}]}),
    _minimal("fr", appendices=[{"title": ":", "body": ["a"]}, {"title": "!!", "body": ["b"]}]),
    _minimal("fr", **{"sessions.0.title": "« D » ! ?", "conclusion.body": ["x ! «y» :z"]}),
    _minimal(**{"conclusion.body": ["*Z **bold words** *italic words*", "**a *b* c** *d*"]}),
    _minimal(**{"conclusion.body": ["[^n1]", "Cited.[^n1]"]}),
    # a presenter whose text holds '; ; ': split at '; ' it gave an empty presenter, and
    # the outline import wrote did not validate ("presenters[1]: must not be empty")
    _minimal(**{"sessions.0.presenters": ["(a) 0\n\n(a) ; ; ,"]}),
], ids=["session-like-subheading", "fr-punctuation-titles", "fr-quotes", "emphasis",
        "footnote-alone", "presenter-with-empty-parts"])
def test_shapes_that_did_not_come_back(text, tmp_path):
    assert validate(load(text)) == []
    round_trip(text, tmp_path)


@settings(max_examples=examples(20), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(outlines_with_structure())
def test_text_that_looks_like_structure_comes_back_as_text(tmp_path, text):
    assume(not [p for p in validate(load(text)) if p.level == "error"])
    round_trip(text, tmp_path)


def test_french_elided_names_come_back(tmp_path):
    # "au nom d'Ellen Burack", "avec le soutien d'Innovation ...": French elides "de"
    # before a vowel; the importer reads the elided label back to the same people
    speakers = [{"name": "Trevor Bhupsingh", "title": "directeur général",
                 "on_behalf_of": {"name": "Ellen Burack", "title": "sous-ministre adjointe"}}]
    text = _minimal("fr", opening_remarks={"speakers": speakers, "body": ["Il a parlé."]},
                    **{"meeting.supported_by": "Innovation Canada"})
    document = build(load(text).data, today=TODAY)
    printed = markdown.render(document).decode()
    assert "au nom d'Ellen Burack, sous-ministre adjointe" in printed
    assert "au nom de Ellen" not in printed
    assert "Avec le soutien d'Innovation Canada" in printed
    imported = yaml.safe_load(round_trip(text, tmp_path))
    assert imported["opening_remarks"]["speakers"] == speakers
    assert imported["meeting"]["supported_by"] == "Innovation Canada"


def test_french_names_written_with_de_before_a_vowel_are_still_read(tmp_path):
    # a DOCX made before elision (or typed by an editor) says "au nom de Ellen Burack"
    from rtdraft.importer.outline import _pattern
    behalf = _pattern("au nom de {person}", {"person": r".+"})
    for text in ("au nom de Ellen Burack", "au nom d'Ellen Burack", "au nom d’Ellen Burack"):
        assert behalf.fullmatch(text)["person"] == "Ellen Burack"
    assert behalf.fullmatch("au nom deEllen Burack") is None


def test_a_docx_in_the_styles_before_the_gallery_names_imports_the_same(tmp_path):
    """rtdraft wrote sessions under a group heading in Heading 2 and key outcomes in List
    Bullet before Session Heading and Outcome; a reference document of a house's own may
    still lack them: the DOCX then uses those, and imports to the same outline."""
    import docx
    from docx.oxml.ns import qn

    from rtdraft.resources import default_path

    reference = docx.Document(str(default_path("reference.docx")))
    for style in reference.styles.element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) in ("SessionHeading", "Outcome"):
            reference.styles.element.remove(style)
    older = tmp_path / "older-reference.docx"
    reference.save(str(older))
    path = next(p for p in EXAMPLES if p.stem == "spring-2019-halifax")
    document = build(load(path.read_text(encoding="utf-8")).data, today=TODAY)
    new, old = docx_writer.render(document), docx_writer.render(document, older)
    styles = [line.split("\t")[0] for line in pairs(old).splitlines()]
    assert "Session Heading" not in styles and "Outcome" not in styles
    assert styles.count("Heading 2") == 7
    assert [line for line in pairs(new).splitlines() if line.startswith("Session Heading")] \
        == [line.replace("Heading 2", "Session Heading", 1)
            for line in pairs(old).splitlines() if line.startswith("Heading 2")]
    (tmp_path / "new.docx").write_bytes(new)
    (tmp_path / "old.docx").write_bytes(old)
    assert import_docx(tmp_path / "old.docx").text == import_docx(tmp_path / "new.docx").text
