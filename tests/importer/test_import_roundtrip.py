"""Round trip: render, then import, gives back an outline whose rendering is the same as
text and structure (the DOCX's (style, text) pairs and the Markdown), for every example and
for random outlines."""

import zipfile
from datetime import date

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from support.outlines import EXAMPLES, MINIMAL, build, examples, load
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


RICH = """\
rtdraft: 1
meeting:
  title: Spring 2021 Law Enforcement Roundtable on Drugs
  host: Public Safety Canada
  dates: [2021-03-29, 2021-03-30, 2021-03-31]
  virtual: true
publication:
  department: Public Safety Canada
  department_other: Sécurité publique Canada
  language: LANG
  date: 2021-06-01
  catalogue_number: PS18-55/2021CAT-PDF
  other_language_title: Other title
  status: draft
  toc: true
introduction:
  title: Context
  body:
    - "Public Safety Canada hosted it:[^virtual] *online* and **well**, see <https://example.org/x>."
    - bullets:
        - Current drug trends;
        - text: Information sharing, in two parts
          numbered:
            - data gaps;
            - text: privacy.
              bullets: [one, two]
    - numbered: [first, second]
    - numbered: [again first]
opening_remarks:
  title: Welcome
  speakers:
    - name: Trevor Bhupsingh
      title: Director General
      on_behalf_of: {name: Ellen Burack, title: Assistant Deputy Minister}
  body:
    - The meeting opened.
session_groups:
  breakout:
    heading: Highlights from Breakout Sessions
    intro: [Three rooms met at once.]
    label: "Breakout #{n}"
  plenary:
    heading: Highlights from Plenary Sessions
sessions:
  - title: Current Drug Trends
    presenters: [Winnipeg Police Service, Calgary Police Service, RCMP]
    body:
      - Methamphetamine was reported to be the **main** threat.
      - subheading: "Regional view: the Prairies"
      - In the Prairies, it grew.
  - kind: breakout
    title: Information Sharing
    body:
      - "numbered:"
  - kind: breakout
    title: Data
    body: [Second room.]
  - kind: peer-support
    title: Peers
    body: [Peers met.]
outcomes:
  title: What Came Out
  intro: "The event resulted in key takeaways:"
  items: [Methamphetamine continues;, Sharing is key.]
conclusion:
  body: ["The end, see [the site](https://www.publicsafety.gc.ca)."]
appendices:
  - title: Agenda
    agenda:
      - {date: 2021-03-29, time: "13:00-13:15", title: Opening, speakers: [Public Safety Canada]}
      - {date: 2021-03-29, time: "13:15-14:30", title: Trends}
      - {date: 2021-03-30, title: Sharing, speakers: [{name: Jane Doe, title: Inspector}]}
  - title: Organizations Represented
    organizations: [Calgary Police Service, "A * B [c]"]
  - title: Notes
    body: [Plain notes., {bullets: [a, b]}]
footnotes:
  virtual: The meeting was held online.
"""


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
], ids=["session-like-subheading", "fr-punctuation-titles", "fr-quotes", "emphasis",
        "footnote-alone"])
def test_shapes_that_did_not_come_back(text, tmp_path):
    assert validate(load(text)) == []
    round_trip(text, tmp_path)


@settings(max_examples=examples(20), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(outlines_with_structure())
def test_text_that_looks_like_structure_comes_back_as_text(tmp_path, text):
    assume(not [p for p in validate(load(text)) if p.level == "error"])
    round_trip(text, tmp_path)
