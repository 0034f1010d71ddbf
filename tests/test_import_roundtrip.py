"""Round trip: render, then import, gives back an outline whose rendering is the same as
text and structure (the DOCX's (style, text) pairs and the Markdown), for every example and
for random outlines."""

from datetime import date

import pytest
from conftest import EXAMPLES, examples, load
from hypothesis import HealthCheck, given, settings
from test_golden import pairs
from test_robustness import outlines

from rtdraft.importer import import_docx
from rtdraft.model import build
from rtdraft.render import docx as docx_writer
from rtdraft.render import markdown
from rtdraft.validate import validate

TODAY = date(2021, 6, 1)


def round_trip(text: str, folder) -> tuple[tuple[str, str], tuple[str, str], str]:
    """(pairs before, after), (Markdown before, after) and the imported outline."""
    document = build(load(text).data, today=TODAY)
    data = docx_writer.render(document)
    path = folder / "report.docx"
    path.write_bytes(data)
    imported = import_docx(path)
    source = load(imported.text, "report.yaml")
    assert validate(source) == [], imported.text
    again = build(source.data, today=TODAY)
    return ((pairs(data), pairs(docx_writer.render(again))),
            (markdown.render(document).decode(), markdown.render(again).decode()),
            imported.text)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_comes_back_as_it_renders(path, tmp_path):
    (docx_before, docx_after), (md_before, md_after), _ = round_trip(
        path.read_text(encoding="utf-8"), tmp_path)
    assert docx_after == docx_before
    assert md_after == md_before


@settings(max_examples=examples(30), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(outlines())
def test_random_outlines_come_back_as_they_render(tmp_path, text):
    # A DOCX prints no publication date, only its year; the month of a date written as
    # YYYY-MM is in no part of it (docs/import-and-redline.md): the first of that month is.
    text = text.replace("date: 2020-05\n", "date: 2020-05-01\n")
    (docx_before, docx_after), (md_before, md_after), imported = round_trip(text, tmp_path)
    assert docx_after == docx_before, imported
    assert md_after == md_before, imported
