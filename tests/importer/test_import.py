"""rtdraft import: a rendered, then reviewed DOCX back into an outline. Reviewed files are
made here the way Word writes a review (w:ins, w:del, w:rPrChange, a deleted paragraph
mark, comments through python-docx's own add_comment), read back with the real validator."""

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from support.cli import run
from support.outlines import ROOT, build, load
from support.review import TODAY, imported, paragraph, rendered

from rtdraft.cli import main
from rtdraft.errors import ImportFailure, UndecidedChanges
from rtdraft.importer import import_docx
from rtdraft.outline.validate import validate
from rtdraft.render import docx as docx_writer
from rtdraft.render import markdown


def change(tag: str, number: int):
    element = OxmlElement(f"w:{tag}")
    element.set(qn("w:id"), str(number))
    element.set(qn("w:author"), "Reviewer")
    element.set(qn("w:date"), "2021-05-01T10:00:00Z")
    return element


def struck(p, tag: str, number: int):
    """The text runs of paragraph element `p`, taken out into one tracked w:del (or
    w:moveFrom), their text as w:delText, as Word writes a deletion."""
    wrapper = change(tag, number)
    for r in p.findall(qn("w:r")):
        if r.find(qn("w:t")) is not None:
            p.remove(r)
            r.find(qn("w:t")).tag = qn("w:delText")
            wrapper.append(r)
    return wrapper


def text_run(words: str, deleted: bool = False):
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = words
    r.append(t)
    return r


def reviewed(tmp_path: Path) -> Path:
    """The outline's DOCX as a reviewer leaves it: ' twice' inserted in the introduction,
    'Trends were discussed.' deleted and 'Drugs were discussed.' inserted, the
    conclusion's paragraph mark deleted (it joins the next, none: kept), 'met' made bold."""
    path = rendered(tmp_path)
    document = docx.Document(str(path))
    intro = paragraph(document, "The roundtable met once.")
    insertion = change("ins", 101)
    insertion.append(text_run(" twice"))
    intro._p.append(insertion)
    session = paragraph(document, "Trends were discussed.")
    session._p.append(struck(session._p, "del", 102))
    added = change("ins", 103)
    added.append(text_run("Drugs were discussed."))
    session._p.append(added)
    halifax = paragraph(document, "It met in Halifax.")
    run_ = halifax._p.findall(qn("w:r"))[0]
    rpr = run_.get_or_add_rPr()
    rpr.append(OxmlElement("w:b"))
    was = change("rPrChange", 104)
    was.append(OxmlElement("w:rPr"))
    rpr.append(was)
    document.save(str(path))
    return path


def test_an_example_comes_back_beside_its_docx(tmp_path):
    source = ROOT / "examples" / "fall-2019-winnipeg.yaml"
    docx_path = tmp_path / "fall.docx"
    docx_path.write_bytes(docx_writer.render(build(load(source.read_text()).data)))
    result = run("import", docx_path)
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {tmp_path / 'fall.yaml'} (0 comments)\n"
    assert run("validate", tmp_path / "fall.yaml").exit_code == 0
    text = (tmp_path / "fall.yaml").read_text()
    assert text.startswith("rtdraft: 1\nmeeting:\n  title: Fall 2019 Law Enforcement "
                           "Roundtable on Illicit Drugs\n")
    # the cover shows the Federal Identity Program's art, not the department's two names:
    # department_other is nowhere in the DOCX to come back (docs/import-and-redline.md)
    assert "department_other" not in text and "department_fr" not in text
    assert "  - kind: plenary\n    title: Current Drug Trends and Organized Crime\n" in text
    # footnote ids kept (a hidden bookmark in each footnote)
    assert "footnotes:\n  fiscal-year: >-\n    In the United States" in text
    assert "\n  dark-web: The dark web" in text
    # long paragraphs folded for an editor
    assert "    - >-\n      The opioid crisis continues" in text


def test_a_footnote_without_its_id_is_named_by_its_first_words(tmp_path):
    """A report rtdraft did not write has no hidden bookmarks: each id is made of the note's
    first three words, accents folded, the language's small words (aux, le) left out."""
    source = ROOT / "examples" / "automne-2019-winnipeg.yaml"
    rendered_docx = docx_writer.render(build(load(source.read_text()).data))
    path = tmp_path / "automne.docx"
    with zipfile.ZipFile(io.BytesIO(rendered_docx)) as given, \
            zipfile.ZipFile(path, "w") as written:
        for item in given.infolist():
            data = given.read(item)
            if item.filename == "word/footnotes.xml":
                data = re.sub(rb"<w:bookmark(Start|End) [^>]*/>", b"", data)
                assert b"_Fn_" not in data
            written.writestr(item, data)
    assert run("import", path).exit_code == 0
    text = (tmp_path / "automne.yaml").read_text()
    assert "footnotes:\n  etats-unis-exercice: Aux États-Unis, l'exercice" in text
    assert "\n  web-clandestin-est: Le Web clandestin" in text
    assert "[^etats-unis-exercice]" in text and "[^web-clandestin-est]" in text


def test_an_existing_outline_is_not_replaced_unless_named(tmp_path):
    path = rendered(tmp_path)
    (tmp_path / "report.yaml").write_text("mine\n")
    result = run("import", path)
    assert result.exit_code == 5
    assert result.output == (f"Error: {tmp_path / 'report.yaml'} exists; name the outline to "
                             f"write with -o (-o {tmp_path / 'report.yaml'} replaces it)\n")
    assert (tmp_path / "report.yaml").read_text() == "mine\n"
    result = run("import", path, "-o", tmp_path / "report.yaml")
    assert result.exit_code == 0
    assert (tmp_path / "report.yaml").read_text().startswith("rtdraft: 1\n")


def test_the_input_is_never_the_output(tmp_path):
    path = rendered(tmp_path)
    before = path.read_bytes()
    result = run("import", path, "-o", path)
    assert result.exit_code == 5
    assert result.output == (f"Error: refusing to write {path}: it is the input itself; give "
                             "another output (-o)\n")
    assert path.read_bytes() == before


def test_what_is_no_docx_exits_7(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("plain text\n")
    result = run("import", path)
    assert result.exit_code == 7
    assert result.output == f"Error: {path}: not a Word document (.docx): not a zip package\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.docx"]
    with pytest.raises(ImportFailure):
        import_docx(path)


def test_tracked_changes_need_a_decision(tmp_path):
    path = reviewed(tmp_path)
    result = run("import", path)
    assert result.exit_code == 8
    assert result.output == (
        f"Error: {path}: the document has tracked changes (2 insertions and 1 deletion and "
        "1 formatting change; under Introduction (1 insertion); under Plenary Session 1: Trends "
        "(1 insertion, 1 deletion)); import them with --changes accept or --changes reject "
        "(nothing written)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]
    with pytest.raises(UndecidedChanges):
        import_docx(path)


def test_accepted_changes_are_the_new_text(tmp_path):
    path = reviewed(tmp_path)
    result = run("import", path, "--changes", "accept", "-o", tmp_path / "accepted.yaml")
    assert result.exit_code == 0, result.output
    source = load((tmp_path / "accepted.yaml").read_text())
    assert validate(source) == []
    assert source.data["introduction"]["body"] == ["The roundtable met once. twice",
                                                   "**It met in Halifax.**"]
    assert source.data["sessions"][0]["body"] == ["Drugs were discussed."]


def test_rejected_changes_are_the_old_text(tmp_path):
    path = reviewed(tmp_path)
    result = run("import", path, "--changes", "reject", "-o", tmp_path / "rejected.yaml")
    assert result.exit_code == 0, result.output
    source = load((tmp_path / "rejected.yaml").read_text())
    assert source.data["introduction"]["body"] == ["The roundtable met once.",
                                                   "It met in Halifax."]
    assert source.data["sessions"][0]["body"] == ["Trends were discussed."]


def test_a_deleted_paragraph_mark_joins_two_paragraphs(tmp_path):
    path = rendered(tmp_path)
    document = docx.Document(str(path))
    intro = paragraph(document, "The roundtable met once.")
    mark = intro._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    rpr.append(change("del", 7))
    mark.append(rpr)
    document.save(str(path))
    accepted = load(import_docx(path, "accept").text).data
    assert accepted["introduction"]["body"] == ["The roundtable met once.It met in Halifax."]
    rejected = load(import_docx(path, "reject").text).data
    assert rejected["introduction"]["body"] == ["The roundtable met once.", "It met in Halifax."]


def commented(tmp_path: Path) -> Path:
    path = rendered(tmp_path)
    document = docx.Document(str(path))
    halifax = paragraph(document, "It met in Halifax.")
    document.add_comment(halifax.runs, "Which venue?", author="A. Reviewer", initials="AR")
    title = next(p for p in document.paragraphs if p.text == "Plenary Session 1: Trends")
    document.add_comment(title.runs, "Rename this session", author="B. Approver")
    document.save(str(path))
    return path


def test_comments_are_notes_where_their_words_now_stand(tmp_path):
    path = commented(tmp_path)
    out = tmp_path / "outline.yaml"
    result = run("import", path, "-o", out, "--comments", tmp_path / "comments.json")
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    halifax = next(i for i, line in enumerate(lines, 1) if "It met in Halifax." in line)
    column = lines[halifax - 1].index("It met") + 1
    title = next(i for i, line in enumerate(lines, 1) if "title: Trends" in line)
    tcol = lines[title - 1].index("Trends") + 1
    assert result.output.splitlines()[:2] == [
        f"{out}:{halifax}:{column}: note: comment by A. Reviewer: Which venue?",
        f"{out}:{title}:{tcol}: note: comment by B. Approver: Rename this session"]
    sidecar = json.loads((tmp_path / "comments.json").read_text())
    assert [(c["author"], c["text"], c["quoted"], c["line"], c["column"], c["heading"])
            for c in sidecar] == [
        ("A. Reviewer", "Which venue?", "It met in Halifax.", halifax, column, "Introduction"),
        ("B. Approver", "Rename this session", "Plenary Session 1: Trends", title, tcol,
         "Plenary Session 1: Trends")]
    assert all(c["outline"] == str(out) and c["date"] for c in sidecar)


def test_comments_in_the_parsable_format(tmp_path):
    path = commented(tmp_path)
    out = tmp_path / "o.yaml"
    result = run("import", path, "-o", out, "--problem-format", "parsable")
    assert result.exit_code == 0
    assert re.match(rf"{re.escape(str(out))}:\d+:\d+: \[note\] comment by A\. Reviewer: Which "
                    r"venue\? \(comment\)$", result.output.splitlines()[0])


def test_an_image_is_left_out_and_reported(tmp_path):
    path = rendered(tmp_path)
    document = docx.Document(str(path))
    picture = ROOT / "docs" / "fall-2019-contents.png"
    paragraph(document, "It met in Halifax.").add_run().add_picture(str(picture))
    document.save(str(path))
    result = run("import", path, "--report", "-o", tmp_path / "o.yaml")
    assert result.exit_code == 0, result.output
    assert f"{path}: not placed: an image left out (under 'Introduction')" in \
        result.output.splitlines()
    assert load((tmp_path / "o.yaml").read_text()).data["introduction"]["body"][1] == \
        "It met in Halifax."


# -- reports not made by rtdraft ------------------------------------------------------------

def _foreign_check(path: Path, tmp_path: Path, titles: list[str]):
    out = tmp_path / (path.stem + ".yaml")
    result = run("import", path, "-o", out, "--report")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    source = load(out.read_text())
    assert validate(source) == [], out.read_text()
    document = build(source.data, today=TODAY)
    # pandoc's smart typography prints the Markdown's l'ordre as l’ordre: the same word
    headings = [h.text.replace("’", "'") for h in document.headings]
    for title in titles:
        assert any(title in h for h in headings), (title, headings)
    return source, result


@pytest.mark.parametrize("example", ["fall-2019-winnipeg", "automne-2019-winnipeg"])
def test_a_report_pandoc_wrote_gives_an_outline_that_validates(example, tmp_path):
    outline = ROOT / "examples" / f"{example}.yaml"
    document = build(load(outline.read_text()).data, today=TODAY)
    md = tmp_path / f"{example}.md"
    md.write_bytes(markdown.render(document))
    target = tmp_path / f"{example}.docx"
    subprocess.run(["pandoc", str(md), "-o", str(target)], check=True)
    sessions = [s["title"] for s in load(outline.read_text()).data["sessions"]]
    source, _ = _foreign_check(target, tmp_path, sessions[:3])
    # pandoc's smart typography prints the Markdown's l'ordre as l’ordre: the same word
    assert _straight(source.data["meeting"]["title"]) == document.title
    # every session of the summary is a session again, with its kind
    assert [_straight(s["title"]) for s in source.data["sessions"]] == sessions


def _straight(text: str) -> str:
    return text.replace("’", "'")


@pytest.mark.system
def test_a_report_libreoffice_wrote_gives_an_outline_that_validates(tmp_path):
    """The example's Markdown made a web page by pandoc, opened in LibreOffice Writer and
    saved as DOCX there: LibreOffice's styles (Heading 1, Text Body) and numbering."""
    from rtdraft.office.process import Office
    outline = ROOT / "examples" / "spring-2019-halifax.yaml"
    document = build(load(outline.read_text()).data, today=TODAY)
    md = tmp_path / "spring.md"
    md.write_bytes(markdown.render(document))
    page = tmp_path / "spring.html"
    subprocess.run(["pandoc", "-s", str(md), "-o", str(page)], check=True)
    target = tmp_path / "spring.docx"
    with Office() as office:
        office.run(ROOT / "tests" / "uno" / "convert.py", page, target, "MS Word 2007 XML",
                   "HTML (StarWriter)")
    styles = {p.style.name for p in docx.Document(str(target)).paragraphs}
    assert "Cover Department" not in styles and "Heading 1" in styles
    sessions = [s["title"] for s in load(outline.read_text()).data["sessions"]]
    source, result = _foreign_check(target, tmp_path, sessions[:2])
    assert [s["title"] for s in source.data["sessions"]] == sessions
    assert source.data["meeting"]["dates"] == "2019-03-29"
    assert source.data["meeting"]["location"] == "Halifax, Nova Scotia"
    assert source.data["publication"]["department"] == "Public Safety Canada"
    assert f"{target}: not placed: 'BUILDING A SAFE AND RESILIENT CANADA', before the " \
        "first heading, put in the introduction" in result.output.splitlines()


# -- the documentation's examples run as written -----------------------------------------

def _doc_sessions() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) of every `$ rtdraft ...` in docs/import-and-redline.md's
    import section that works on the Fall 2019 example."""
    text = (ROOT / "docs" / "import-and-redline.md").read_text()
    section = text.split("## import\n", 1)[1].split("\n## redline", 1)[0]
    out = []
    for block in re.findall(r"```\n(.*?)```", section, re.DOTALL):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ ") and "fall-2019" in line:
                expected = []
                for following in lines[i + 1:]:
                    if following.startswith("$ "):
                        break
                    expected.append(following)
                out.append((line[2:], expected))
    return out


def test_the_documented_import_sessions_run_as_shown(tmp_path, monkeypatch):
    import shlex
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "examples" / "fall-2019-winnipeg.yaml", tmp_path)
    assert run("render", "fall-2019-winnipeg.yaml", "--format", "docx").exit_code == 0
    document = docx.Document("fall-2019-winnipeg.docx")
    p = next(p for p in document.paragraphs if p.text.startswith("This session examined"))
    insertion = change("ins", 900)
    insertion.append(text_run(" It was well attended."))
    p._p.append(insertion)
    document.add_comment(p.runs[0], 'Check the Prairie figures with RCMP "D" Division.',
                         author="M. Tremblay")
    document.save("fall-2019-reviewed.docx")
    sessions = _doc_sessions()
    assert len(sessions) >= 5
    for command, expected in sessions:
        args = shlex.split(command)[1:]
        for name in ("fall-2019-reviewed.yaml", "comments.json"):   # each block starts afresh
            if name in args and Path(name).exists() and args[:1] == ["import"] and \
                    "-o" in args:
                Path(name).unlink()
        result = CliRunner().invoke(main, args)
        assert result.output.splitlines() == expected, command
    assert run("validate", "fall-2019-reviewed.yaml").exit_code == 0


def test_a_move_and_a_changed_paragraph_style(tmp_path):
    """A paragraph moved (w:moveFrom / w:moveTo) and one restyled as a heading with the
    old style kept in w:pPrChange: accept keeps the move and the heading, reject undoes
    both."""
    path = rendered(tmp_path)
    document = docx.Document(str(path))
    halifax = paragraph(document, "It met in Halifax.")
    halifax._p.append(struck(halifax._p, "moveFrom", 11))
    conclusion = paragraph(document, "The event concluded.")
    moved_to = change("moveTo", 12)
    moved_to.append(text_run(" It met in Halifax."))
    conclusion._p.append(moved_to)
    trends = paragraph(document, "Trends were discussed.")
    ppr = trends._p.get_or_add_pPr()
    old = ppr.find(qn("w:pStyle")).get(qn("w:val"))
    ppr.find(qn("w:pStyle")).set(qn("w:val"), "Heading2")
    was = change("pPrChange", 13)
    old_ppr = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), old)
    old_ppr.append(style)
    was.append(old_ppr)
    ppr.append(was)
    document.save(str(path))
    accepted = load(import_docx(path, "accept").text).data
    assert accepted["introduction"]["body"] == ["The roundtable met once."]
    assert accepted["conclusion"]["body"] == ["The event concluded. It met in Halifax."]
    assert accepted["sessions"][0]["body"][0] == {"subheading": "Trends were discussed."}
    rejected = load(import_docx(path, "reject").text).data
    assert rejected["introduction"]["body"] == ["The roundtable met once.", "It met in Halifax."]
    assert rejected["conclusion"]["body"] == ["The event concluded."]
    assert rejected["sessions"][0]["body"] == ["Trends were discussed."]


def test_a_text_box_and_a_table_that_is_no_agenda_are_reported(tmp_path):
    from docx.oxml import parse_xml
    path = rendered(tmp_path)
    document = docx.Document(str(path))
    halifax = paragraph(document, "It met in Halifax.")
    box = parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
        '<w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent>'
        '</v:textbox></v:shape></w:pict></w:r>')
    halifax._p.append(box)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Year", "Seizures"
    table.cell(1, 0).text, table.cell(1, 1).text = "2019", "955"
    conclusion = paragraph(document, "The event concluded.")
    conclusion._p.addnext(table._tbl)
    document.save(str(path))
    result = run("import", path, "--report", "-o", tmp_path / "o.yaml")
    assert result.exit_code == 0, result.output
    table_line = f"{path}: not placed: a table of 2 rows (not an agenda) written as " \
        "paragraphs, a row each"
    assert result.output.splitlines()[:2] == [
        f"{path}: not placed: a text box left out: “boxed” (under 'Introduction')", table_line]
    data = load((tmp_path / "o.yaml").read_text()).data
    assert data["introduction"]["body"][1] == "It met in Halifax."
    assert data["conclusion"]["body"] == ["The event concluded.", "Year | Seizures",
                                          "2019 | 955"]
    result = run("import", path, "-o", tmp_path / "o.yaml")
    assert result.output == (f"wrote {tmp_path / 'o.yaml'} (0 comments; 2 things not placed "
                             "(--report lists them))\n")


def test_a_comment_on_words_replaced_stands_where_the_new_words_are(tmp_path):
    path = rendered(tmp_path)
    document = docx.Document(str(path))
    trends = paragraph(document, "Trends were discussed.")
    document.add_comment(trends.runs, "Why delete this?", author="C")
    trends._p.insert(2, struck(trends._p, "del", 50))
    added = change("ins", 51)
    added.append(text_run("Drugs were discussed."))
    trends._p.append(added)
    document.save(str(path))
    imported = import_docx(path, "accept", "o.yaml")
    lines = imported.text.splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "Drugs were discussed." in text)
    column = lines[line - 1].index("Drugs") + 1
    assert [(c["line"], c["column"], c["quoted"], c["heading"]) for c in imported.comments] \
        == [(line, column, "", "Plenary Session 1: Trends")]
    assert [p.message for p in imported.notes("o.yaml")] == ["comment by C: Why delete this?"]


def test_the_comments_file_is_never_the_report(tmp_path):
    path = commented(tmp_path)
    before = path.read_bytes()
    result = run("import", path, "-o", tmp_path / "o.yaml", "--comments", path)
    assert result.exit_code == 5
    assert result.output == (f"Error: refusing to write {path}: it is the input itself; give "
                             "another output (-o)\n")
    assert path.read_bytes() == before and not (tmp_path / "o.yaml").exists()


def test_comments_as_json_on_stdout_the_rest_on_stderr(tmp_path):
    path = commented(tmp_path)
    out = tmp_path / "o.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out), "--report",
                                       "--problem-format", "json"])
    assert result.exit_code == 0
    notes = json.loads(result.stdout)
    assert [n["message"] for n in notes] == ["comment by A. Reviewer: Which venue?",
                                             "comment by B. Approver: Rename this session"]
    assert result.stderr == f"wrote {out} (2 comments)\n"


def test_a_list_deeper_than_an_outline_goes_is_kept_at_its_third_level(tmp_path):
    """Word nests lists nine levels; an outline three. The imported outline validates."""
    document = docx.Document()
    document.add_heading("Introduction", 1)
    for level in range(5):
        p = document.add_paragraph(f"level {level}", style="List Bullet")
        numpr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", level), ("w:numId", 1)):
            element = OxmlElement(tag)
            element.set(qn("w:val"), str(value))
            numpr.append(element)
        p._p.get_or_add_pPr().append(numpr)
    path, said, source = imported(document, tmp_path / "deep.docx")
    assert (f"{path}: not placed: a list 5 levels deep: its items below level 3 written at "
            "level 3, the deepest an outline's list goes") in said
    assert source.data["introduction"]["body"][0] == {"bullets": [{"text": "level 0", "bullets": [
        {"text": "level 1", "bullets": ["level 2", "level 3", "level 4"]}]}]}


def test_an_older_report_without_session_labels_keeps_its_headings(tmp_path):
    """Headings 1 with no "Plenary Session 1:" label: sessions printed as they were, by
    labels.session_heading; the renderer then gives the report's own headings back."""
    document = docx.Document()
    document.core_properties.title = "Old Roundtable"
    document.add_paragraph("Old Roundtable", style="Title")
    for heading, words in [("Introduction", "We met."), ("Opening Remarks", "Hello."),
                           ("Drug trends", "Meth rose."), ("Border work", "Seizures."),
                           ("Key Outcomes", None), ("Conclusion", "Done.")]:
        document.add_heading(heading, 1)
        if words:
            document.add_paragraph(words)
        else:
            for item in ("Outcome one", "Outcome two"):
                document.add_paragraph(item, style="List Bullet")
    path, said, source = imported(document, tmp_path / "old.docx")
    assert (f"{path}: not placed: no session heading has a label (Plenary Session 1: ...): "
            "they are printed as they are, by labels.session_heading") in said
    data = source.data
    assert [s["title"] for s in data["sessions"]] == ["Drug trends", "Border work"]
    assert data["opening_remarks"]["body"] == ["Hello."]
    assert data["outcomes"]["items"] == ["Outcome one", "Outcome two"]
    assert [h.text for h in build(data, today=TODAY).headings] == [
        "Introduction", "Opening Remarks", "Drug trends", "Border work", "Key Outcomes",
        "Conclusion"]
