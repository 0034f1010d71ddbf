"""rtdraft's DOCX saved again by LibreOffice (DOCX to DOCX, and DOCX to ODT to DOCX), as a
reviewer working in LibreOffice returns it, imports to an outline that validates and whose
rendering has the same headings and the same words in order as the original's.

LibreOffice moves a heading's page break into the heading's first run or to the end of the
paragraph before, gives every list paragraph a numbering instance of its own, renames its
bookmarks and adds a "/" to an address with no path. One LibreOffice serves the module
(rtdraft.office: private profile, time limit, nothing left running); each test converts
its files in that one process."""

import re
from datetime import date

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from support.outlines import EXAMPLES, ROOT, build, examples, load, rich
from support.strategies import WORDS, CoreDumper, outlines

from rtdraft.importer import import_docx
from rtdraft.outline.validate import validate
from rtdraft.render import docx as docx_writer
from rtdraft.render import html, markdown

pytestmark = pytest.mark.system   # every test here starts LibreOffice

TODAY = date(2021, 6, 1)
CONVERT = ROOT / "tests" / "uno" / "convert.py"
WORD, ODT = "MS Word 2007 XML", "writer8"


def saved_by_libreoffice(office, texts: dict[str, str], folder) -> dict[str, tuple]:
    """Each outline rendered, then saved by LibreOffice both ways: name -> (the
    original's Markdown, [(how, the DOCX LibreOffice wrote)])."""
    out = {}
    for name, text in texts.items():
        document = build(load(text).data, today=TODAY)
        docx = folder / f"{name}.docx"
        docx.write_bytes(docx_writer.render(document))
        office.run(CONVERT, docx, folder / f"{name}-again.docx", WORD, WORD)
        office.run(CONVERT, docx, folder / f"{name}.odt", ODT, WORD)
        office.run(CONVERT, folder / f"{name}.odt", folder / f"{name}-odt.docx", WORD)
        out[name] = (markdown.render(document).decode(),
                     [("docx", folder / f"{name}-again.docx"),
                      ("odt", folder / f"{name}-odt.docx")])
    return out


def headings_and_words(text: str) -> tuple[list[str], list[str]]:
    """A rendered Markdown's headings and its words in order. Left out: the anchors of
    headings, the marks between two lists (LibreOffice's lists of one kind in a row are
    one), and the "/" LibreOffice adds to an address with no path (the same address)."""
    text = re.sub(r" \{#[^}]*\}$", "", text, flags=re.MULTILINE)
    text = re.sub(r"<!-- end of list -->", "", text)
    text = re.sub(r"(\]\(|<)(https?://[^/)>\s]+)/([)>])", r"\1\2\3", text)
    return re.findall(r"^#+ .*$", text, re.MULTILINE), re.findall(r"\w+", text)


def comes_back(original: str, saved) -> dict:
    """The outline imported from a file LibreOffice saved: it validates, renders in every
    format, and its Markdown has the original's headings and words in order."""
    imported = import_docx(saved)
    source = load(imported.text, "imported.yaml")
    assert validate(source) == [], imported.text
    document = build(source.data, today=TODAY)
    docx_writer.render(document)
    html.render(document)
    again = markdown.render(document).decode()
    wanted, found = headings_and_words(original), headings_and_words(again)
    assert found[0] == wanted[0], imported.text
    assert found[1] == wanted[1], imported.text
    return source.data


def test_examples_and_agendas_come_back_through_libreoffice(office, tmp_path):
    texts = {path.stem: path.read_text(encoding="utf-8") for path in EXAMPLES}
    texts |= {f"rich-{language}": rich(language) for language in ("en", "fr")}
    for text in texts.values():
        assert validate(load(text)) == []
    for name, (original, saved) in saved_by_libreoffice(office, texts, tmp_path).items():
        for how, path in saved:
            data = comes_back(original, path)
            if name.startswith("rich"):
                assert [a["title"] for a in data["appendices"]] == [
                    "Agenda", "Second agenda", "Organizations Represented", "Notes"], how
                assert [s["kind"] for s in data["sessions"]] == [
                    "plenary", "breakout", "breakout", "peer-support"], how
                assert [i.get("date") for i in data["appendices"][0]["agenda"]] == [
                    "2021-03-29", "2021-03-29", "2021-03-30", None], how
                assert data["introduction"]["body"][-2:] == [
                    {"numbered": ["first", "second"]}, {"numbered": ["again first"]}], how


AGENDA_ITEMS = st.lists(st.fixed_dictionaries(
    {"title": WORDS},
    optional={"time": st.sampled_from(["09:00", "13:00-13:15"]),
              "date": st.just("DAY"),
              "speakers": st.lists(st.one_of(WORDS, st.fixed_dictionaries(
                  {"name": WORDS, "title": WORDS})), min_size=1, max_size=2)}),
    min_size=1, max_size=4)


@st.composite
def outlines_with_agendas(draw):
    """tests/test_robustness's random outlines, with a dated and undated agenda and
    sessions of kinds that have no label of their own."""
    data = yaml.safe_load(draw(outlines()))
    dates = data["meeting"]["dates"]
    day = dates if isinstance(dates, str) else dates[0]
    items = draw(AGENDA_ITEMS)
    for item in items:
        if "date" in item:
            if len(day) == 7:   # a month: no day to date an item with
                del item["date"]
            else:
                item["date"] = day
    data["appendices"][1]["agenda"] = items
    for session in data["sessions"]:
        session["kind"] = draw(st.sampled_from(["plenary", "other", "roundtable", "panel"]))
    text = yaml.dump(data, Dumper=CoreDumper, allow_unicode=True, sort_keys=False)
    # a DOCX prints no publication month (docs/import-and-redline.md)
    return text.replace("date: 2020-05\n", "date: 2020-05-01\n")


def cites_a_note_twice(text: str) -> bool:
    cited = re.findall(r"\[\^([^\]]+)\]", text.split("\nfootnotes:")[0])
    return len(cited) != len(set(cited))


# Three outlines an example, converted by one LibreOffice; no shrinking (each try is
# seconds of LibreOffice: a failure is printed as drawn).
@settings(max_examples=examples(3), deadline=None, phases=[Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(outlines_with_agendas(), min_size=3, max_size=3))
def test_random_outlines_come_back_through_libreoffice(office, tmp_path, texts):
    # a note cited twice is the one known loss (the next test)
    texts = {f"random-{i}": text for i, text in enumerate(texts)
             if not cites_a_note_twice(text)}
    for text in texts.values():
        assert not [p for p in validate(load(text)) if p.level == "error"], text
    for original, saved in saved_by_libreoffice(office, texts, tmp_path).values():
        for _how, path in saved:
            comes_back(original, path)


def test_a_note_cited_twice_comes_back_empty_and_is_reported(office, tmp_path):
    """rtdraft cites a footnote again by a second reference to it; LibreOffice saves that
    as a new footnote with no text. Its place is kept, its text is TODO, and --report
    says so (docs/import-and-redline.md)."""
    from support.outlines import MINIMAL
    text = MINIMAL.replace("    - The event concluded.\n",
                           "    - The event concluded.[^n1]\n    - Again.[^n1]\n") + \
        "footnotes:\n  n1: The note.\n"
    ((_original, saved),) = saved_by_libreoffice(office, {"twice": text}, tmp_path).values()
    for _how, path in saved:
        imported = import_docx(path)
        assert load(imported.text).data["conclusion"]["body"] == [
            "The event concluded.[^n1]", "Again.[^note]"]
        assert load(imported.text).data["footnotes"] == {"n1": "The note.", "note": "TODO"}
        assert imported.unplaced == [("footnote note has no text: its text is TODO (a "
                                      "footnote cited twice, saved by LibreOffice?)")]


def test_a_redline_accepted_in_libreoffice_imports_as_the_new_draft(office, tmp_path):
    """The same save, after accepting every change of `rtdraft redline` in LibreOffice."""
    from click.testing import CliRunner

    from rtdraft.cli import main
    drafts = ROOT / "examples" / "drafts"
    redline = tmp_path / "redline.docx"
    result = CliRunner().invoke(main, ["redline", str(drafts / "fall-2019-draft-1.yaml"),
                                       str(drafts / "fall-2019-draft-2.yaml"), "-o",
                                       str(redline)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    office.run(ROOT / "tests" / "uno" / "decide_changes.py", redline, "accept",
               tmp_path / "accepted.docx")
    outline = load((drafts / "fall-2019-draft-2.yaml").read_text(encoding="utf-8")).data
    data = comes_back(markdown.render(build(outline, today=TODAY)).decode(),
                      tmp_path / "accepted.docx")
    assert [a["title"] for a in data["appendices"]] == \
        [a["title"] for a in outline["appendices"]]
    assert [s["title"] for s in data["sessions"]] == [s["title"] for s in outline["sessions"]]
