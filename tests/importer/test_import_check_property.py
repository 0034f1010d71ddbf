"""`rtdraft import --check` on random outlines rendered to DOCX and then edited as an editor
in Word might (a paragraph retyped, restyled or deleted): it never tracebacks, writes
nothing, and exits 0 exactly when `rtdraft validate` passes the outline `rtdraft import`
writes; 1 exactly when import refuses the outline as one that would not validate; and with
import's own code when import refuses the file for another reason."""

import re
from datetime import date

import docx
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from support.cli import run
from support.outlines import build, examples, load
from support.strategies import WORDS, outlines

from rtdraft.importer.check import in_words
from rtdraft.render import docx as docx_writer

TODAY = date(2021, 6, 1)

# What an editor types over a paragraph: words, and the shapes import reads as structure
TYPED = st.one_of(WORDS, st.sampled_from([
    "Plenary Session 3:", "Plenary Session 2: Ports", "Breakout Session 1: Roads",
    "March 30, 2019", "March 29 to 30, 2019", "Marhc 29, 2019", "29 mars 2019",
    "Appendix A: Agenda", "Appendix B: Organizations Represented", "Introduction",
    "Key Outcomes", "Conclusion", "Opening Remarks", "Time", "[[placeholder]]", "TODO", ""]))
STYLES = st.sampled_from([None, "Normal", "Title", "Heading 1", "Heading 2", "Heading 3",
                          "List Bullet", "List Number", "List Bullet 2"])
EDITS = st.lists(st.tuples(st.integers(0, 200),
                           st.sampled_from(["type", "style", "delete", "agenda"]),
                           TYPED, STYLES), max_size=6)


def edited(path, edits) -> None:
    document = docx.Document(str(path))
    for at, kind, text, style in edits:
        paragraphs = document.paragraphs
        if not paragraphs:
            break
        paragraph = paragraphs[at % len(paragraphs)]
        if kind == "delete":
            paragraph._p.getparent().remove(paragraph._p)
        elif kind == "agenda":   # an appendix at the end: a day's heading over a table
            document.add_paragraph("Appendix Z: Agenda", style=_style(document, "Heading 1"))
            document.add_paragraph(text or "March 30, 2019",
                                   style=_style(document, "Heading 2"))
            table = document.add_table(rows=2, cols=3)
            for row, words in enumerate((["Time", "Item", "Speakers"],
                                         ["9:00", "Welcome", "Chair"])):
                for column, word in enumerate(words):
                    table.cell(row, column).text = word
        elif kind == "type":
            paragraph.text = text
        elif style is not None:
            try:
                paragraph.style = document.styles[style]
            except KeyError:   # a style rtdraft's DOCX does not have
                continue
    document.save(str(path))


def _style(document, name: str):
    try:
        return document.styles[name]
    except KeyError:
        return None


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(outlines(), EDITS)
def test_check_exits_0_exactly_when_the_imported_outline_validates(tmp_path, text, edits):
    text = text.replace("date: 2020-05\n", "date: 2020-05-01\n")
    path = tmp_path / "draft.docx"
    path.write_bytes(docx_writer.render(build(load(text).data, today=TODAY)))
    edited(path, edits)
    outline = tmp_path / "draft.yaml"
    outline.unlink(missing_ok=True)
    checked = run("import", "--check", path)          # a traceback fails the test here
    event(f"--check exits {checked.exit_code}")
    assert not outline.exists()
    imported = run("import", path, "-o", outline)
    if imported.exit_code == 0:
        valid = run("validate", outline).exit_code == 0
        assert (checked.exit_code == 0) == valid, (checked.output, imported.output)
        outline.unlink()
    elif "would not validate" in imported.stderr:
        assert imported.exit_code == 7
        assert checked.exit_code == 1, checked.output
        # the error import names is among those --check places, in the DOCX's words
        first = re.search(r"would not validate \((.*?): (.*)\); nothing written",
                          imported.stderr.replace("\n", " "))
        assert f": error: {in_words(first.group(2))}" in checked.stdout, checked.output
    else:
        assert checked.exit_code == imported.exit_code, (checked.output, imported.output)
        assert checked.stderr == imported.stderr
