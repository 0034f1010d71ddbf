"""rtdraft redline: accepted in LibreOffice it is NEW, rejected it is OLD; pandoc reads its
changes; the Markdown edition marks them in CriticMarkup."""

import json
import re
import shlex
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree
from support.outlines import MINIMAL, ROOT
from support.readers import CRITIC, audit, docx_changes, markdown_changes

from rtdraft.office.process import Office

# Starts LibreOffice, a browser, pip or npm: `python -m pytest -m 'not system'` leaves it out.
pytestmark = pytest.mark.system

EXAMPLE = Path("examples/fall-2019-winnipeg.yaml")
JOB = ROOT / "tests" / "uno" / "decide_changes.py"
DRAFTS = [Path(f"examples/drafts/fall-2019-draft-{n}.yaml") for n in (1, 2)]


AGENDA = """\
  - title: Agenda
    agenda:
      - {time: "9:00-9:15", title: Opening remarks}
      - {time: "9:15-10:30", title: Current drug trends}
"""


def first(text: str) -> str:
    """The first draft: the example with an agenda table as its last appendix."""
    return text.replace("footnotes:\n", AGENDA + "\nfootnotes:\n", 1)


def edited(text: str) -> str:
    """The second draft: a few words changed, a paragraph deleted, a list item added, a
    footnote, a heading and a table cell edited."""
    start = text.index("    - >-\n        The Government of Canada remains")
    text = text[:start] + text[text.index("    - >-", start + 5):]
    for old, new in (
            ("continues to be a public health", "remains a public health"),
            ("        - Collaborative approaches to law enforcement.\n",
             ("        - Collaborative approaches to law enforcement;\n"
             "        - Harm reduction and treatment.\n")),
            ("runs from 1 October to 30 September.", "runs from October 1 to September 30."),
            ("title: Current Drug Trends and Organized Crime",
             "title: Current Drug Trends and Organized Criminality"),
            ("title: Current drug trends}", "title: Current drug and crime trends}")):
        assert old in text
        text = text.replace(old, new, 1)
    return text


def without_ids(markdown: str) -> str:
    return re.sub(r"(?m)^(#.*?) \{#[^{}]*\}$", r"\1", markdown)


def test_the_example_drafts_are_the_pair_tested_here():
    """examples/drafts/, which the docs' examples use, is this file's pair; after a change
    to the example, write them again from first() and edited()."""
    old = first(EXAMPLE.read_text(encoding="utf-8"))
    assert DRAFTS[0].read_text(encoding="utf-8") == old
    assert DRAFTS[1].read_text(encoding="utf-8") == edited(old)


def rtdraft(*args, check=True):
    done = subprocess.run(["rtdraft", *map(str, args)], capture_output=True, check=False, text=True)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def plain(path: Path) -> str:
    text = subprocess.run(["pandoc", "-t", "plain", "--wrap=none", str(path)],
                          capture_output=True, text=True, check=True).stdout
    # Table rules are drawn to the column widths, which LibreOffice writes its own way.
    return re.sub(r"\s+", " ", re.sub(r"-{3,}", " ", text)).strip()


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("redline")
    old, new = folder / "old.yaml", folder / "new.yaml"
    old.write_text(first(EXAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    new.write_text(edited(old.read_text(encoding="utf-8")), encoding="utf-8")
    for name in ("old", "new"):
        rtdraft("render", folder / f"{name}.yaml", "--format", "docx",
                "-o", folder / f"{name}.docx")
    done = rtdraft("redline", old, new, "-o", folder / "changes.docx")
    assert done.stdout == f"wrote {folder / 'changes.docx'} (13 tracked changes)\n"
    return folder


@pytest.fixture(scope="module")
def decided(drafts):
    counts = {}
    with Office() as office:
        for decision in ("accept", "reject"):
            out = office.run(JOB, drafts / "changes.docx", decision,
                             drafts / f"{decision}ed.docx")
            counts[decision] = [int(n) for n in out.split()]
    return counts


def test_accepting_every_change_gives_new_and_rejecting_gives_old(drafts, decided):
    assert plain(drafts / "accepted.docx") == plain(drafts / "new.docx")
    assert plain(drafts / "rejected.docx") == plain(drafts / "old.docx")
    assert plain(drafts / "old.docx") != plain(drafts / "new.docx")


def test_libreoffice_sees_every_change_and_none_is_left_after_deciding(decided):
    assert decided == {"accept": [13, 0], "reject": [13, 0]}


def test_pandoc_reads_each_insertion_and_deletion_with_author_and_date(drafts):
    text = subprocess.run(["pandoc", "--track-changes=all", "-t", "markdown", "--wrap=none",
                           str(drafts / "changes.docx")], capture_output=True, text=True,
                          check=True).stdout
    stamp = 'author="Public Safety Canada" date="2021-01-01T00:00:00Z"'
    changes = re.findall(r"\[([^\]]*)\]\{\.(insertion|deletion) ([^}]*)\}", text)
    assert [(words, kind) for words, kind, _ in changes if len(words) < 40] == [
        ("remains", "insertion"), ("continues to be", "deletion"),
        (";", "insertion"), (".", "deletion"), ("Harm reduction and treatment.", "insertion"),
        ("Criminality", "insertion"), ("Crime", "deletion"),
        ("and crime", "insertion"),   # a table cell, word by word

        ("October", "insertion"), ("October", "deletion"),
        ("September", "insertion"), ("September", "deletion")]
    assert changes[2][0].startswith("The Government of Canada remains deeply committed")
    assert changes[2][1] == "deletion"
    assert {attributes for _, _, attributes in changes} == {stamp}


def test_the_same_drafts_give_the_same_bytes(drafts, tmp_path):
    """LibreOffice dates its package by the clock; rtdraft's date replaces it."""
    time.sleep(1.1)   # a clock date would differ
    rtdraft("redline", drafts / "old.yaml", drafts / "new.yaml", "-o", tmp_path / "again.docx")
    assert (tmp_path / "again.docx").read_bytes() == (drafts / "changes.docx").read_bytes()


def test_author_and_date_are_those_given(drafts, tmp_path):
    rtdraft("redline", drafts / "old.yaml", drafts / "new.yaml", "-o", tmp_path / "c.docx",
            "--author", "Jane Editor", "--date", "2021-03-04")
    text = subprocess.run(["pandoc", "--track-changes=all", "-t", "markdown", "--wrap=none",
                           str(tmp_path / "c.docx")], capture_output=True, text=True,
                          check=True).stdout
    stamps = set(re.findall(r'author="[^"]*" date="[^"]*"', text))
    assert stamps == {'author="Jane Editor" date="2021-03-04T00:00:00Z"'}


def decide(text: str, keep: int) -> str:
    """Accept (keep 1) or reject (keep 2) every CriticMarkup change, as an editor would."""
    text = CRITIC.sub(lambda m: m.group(keep) or "", text)
    text = re.sub(r"(?m)^\s*(?:[-*+]|\d+\.|#+|>)\s*$", "", text)
    return re.sub(r"\n{3,}", "\n\n", text)


def test_markdown_marks_each_change_and_outside_them_is_new(drafts, tmp_path):
    out = tmp_path / "changes.md"
    done = rtdraft("redline", drafts / "old.yaml", drafts / "new.yaml", "-o", out,
                   "--format", "md")
    text = out.read_text(encoding="utf-8")
    marks = [("+" if m.group(1) is not None else "-", m.group(1) or m.group(2))
             for m in CRITIC.finditer(text)]
    assert done.stdout == f"wrote {out} ({len(marks)} tracked changes)\n"
    assert marks[:2] == [("-", "continues to be"), ("+", "remains")]
    assert [k for k, w in marks if w.startswith("The Government of Canada remains")] == ["-"]
    assert ("+", "Harm reduction and treatment.") in marks
    assert ("+", "and crime ") in marks   # a table cell, word by word
    assert marks[-4:] == [("+", "October "), ("-", " October"),
                          ("+", "September "), ("-", " September")]
    assert all("\n" not in words for _, words in marks)
    # Without the deletions and the marks it is NEW's Markdown (a deleted line leaves a
    # blank one, or its bare list marker, which a reader drops).
    accepted = decide(text, 1)
    new_md = tmp_path / "new.md"
    rtdraft("render", drafts / "new.yaml", "--format", "md", "-o", new_md)
    assert accepted == new_md.read_text(encoding="utf-8")
    # Rejected, it is OLD's, but for a changed heading's id: NEW's, kept whole outside the
    # marks so that pandoc still reads the heading's attributes.
    rejected = decide(text, 2)
    old_md = tmp_path / "old.md"
    rtdraft("render", drafts / "old.yaml", "--format", "md", "-o", old_md)
    assert rejected != old_md.read_text(encoding="utf-8")
    assert without_ids(rejected) == without_ids(old_md.read_text(encoding="utf-8"))
    headings = subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "json"], input=text,
                              capture_output=True, text=True, check=True).stdout
    assert '"plenary-session-1-current-drug-trends-and-organized-criminality"' in headings
    # pandoc reads CriticMarkup as text; its smart extension would make -- a dash.
    read = subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "plain", "--wrap=none"],
                          input=text, capture_output=True, text=True, check=True).stdout
    assert "{--continues to be--}{++remains++}" in read
    assert "{++Harm reduction and treatment.++}" in read


@pytest.mark.parametrize("case", ["same file twice", "output is OLD", "output is NEW",
                                  "output links to NEW"])
def test_an_input_is_never_overwritten(drafts, case, tmp_path):
    old, new, link = drafts / "old.yaml", drafts / "new.yaml", tmp_path / "link.docx"
    link.symlink_to(new)
    args = {"same file twice": (old, old, drafts / "x.docx"),
            "output is OLD": (old, new, old), "output is NEW": (old, new, new),
            "output links to NEW": (old, new, link)}[case]
    before = {p: p.read_bytes() for p in (old, new)}
    done = rtdraft("redline", *args[:2], "-o", args[2], check=False)
    assert done.returncode == 5
    refusal = "Error: refusing to write {}: it is {}; give another output (-o)\n"
    assert done.stderr == {
        "same file twice": f"Error: {old} and {old} are the same file; give two drafts\n",
        "output is OLD": refusal.format(old, "the input itself"),
        "output is NEW": refusal.format(new, "the input itself"),
        "output links to NEW": refusal.format(link, f"the same file as the input {new}"),
    }[case]
    assert not (drafts / "x.docx").exists()
    assert {p: p.read_bytes() for p in (old, new)} == before


def test_an_invalid_outline_prints_its_problems_and_writes_nothing(drafts, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(drafts.joinpath("new.yaml").read_text(encoding="utf-8")
                   .replace("  department: Public Safety Canada\n", "", 1), encoding="utf-8")
    done = rtdraft("redline", drafts / "old.yaml", bad, "-o", tmp_path / "c.docx",
                   "--problem-format", "text", check=False)
    assert done.returncode == 1
    assert done.stdout.startswith(f"{bad}:")
    assert "department" in done.stdout
    assert not (tmp_path / "c.docx").exists()


def test_the_documented_commands_print_what_the_docs_show(tmp_path):
    """Every `$ rtdraft redline` line of README.md and docs/import-and-redline.md, run as
    shown (from a folder holding examples/), prints the line the docs show under it."""
    (tmp_path / "examples").symlink_to(Path("examples").resolve())
    shown = []
    for doc in ("README.md", "docs/import-and-redline.md"):
        lines = Path(doc).read_text(encoding="utf-8").splitlines()
        shown += [(line[2:], lines[i + 1]) for i, line in enumerate(lines)
                  if line.startswith("$ rtdraft redline ")]
    assert len(shown) == 5
    for command, expected in shown:
        done = subprocess.run(shlex.split(command), cwd=tmp_path, capture_output=True,
                              text=True, check=False)
        assert (done.returncode, done.stdout.rstrip("\n")) == (0, expected), command


def test_an_author_with_a_control_character_is_refused_before_any_work(tmp_path):
    done = rtdraft("redline", *DRAFTS, "-o", tmp_path / "x.docx", "--author", "J.\x07Editor",
                   check=False)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == ("Error: Invalid value for '--author': holds the "
                                            "control character U+0007; write the name as plain "
                                            "text")
    assert list(tmp_path.iterdir()) == []


def test_a_publication_dated_before_1980_is_dated_1980_in_the_zip(tmp_path):
    """A ZIP time cannot say 1975; the redline's entries are dated at the nearest end, as
    a rendered DOCX's are (it was a ValueError traceback)."""
    drafts = []
    for draft in DRAFTS:
        path = tmp_path / draft.name
        text = draft.read_text(encoding="utf-8")
        assert "\n  date: 2021\n" in text
        path.write_text(text.replace("\n  date: 2021\n", "\n  date: 1975-05-01\n", 1),
                        encoding="utf-8")
        drafts.append(path)
    done = rtdraft("redline", *drafts, "-o", tmp_path / "r.docx")
    assert done.stdout == f"wrote {tmp_path / 'r.docx'} (13 tracked changes)\n"
    with zipfile.ZipFile(tmp_path / "r.docx") as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert 'w:date="1975-05-01T00:00:00Z"' in package.read("word/document.xml").decode()


# -- one change per edit; the DOCX and Markdown agree; Word opens it as it is ----------------

SLOTS = [("09:00-09:15", "Opening remarks"), ("09:15-10:30", "Current drug trends"),
         ("10:30-10:45", "Break"), ("10:45-12:00", "Cannabis legalization")]
BREAK = '      - {date: 2019-10-08, time: "10:30-10:45", title: Break, speakers: [RCMP]}\n'


def dated_agenda(text: str) -> str:
    """The example with a two-day agenda (a table a day) as its last appendix."""
    rows = "".join(f'      - {{date: {day}, time: "{time}", title: {title}, speakers: [RCMP]}}\n'
                   for day in ("2019-10-08", "2019-10-09") for time, title in SLOTS)
    return text.replace("footnotes:\n", f"  - title: Agenda\n    agenda:\n{rows}\nfootnotes:\n", 1)


AGENDA_EDITS = {   # name: (edit of the first draft, the changes pandoc and CriticMarkup show)
    "one cell": (lambda t: t.replace("09:00-09:15", "09:00-09:20", 1),
                 [("-", "15"), ("+", "20")]),
    "row added": (lambda t: t.replace(BREAK, BREAK + '      - {date: 2019-10-08, time: '
                                      '"10:40-10:45", title: Coffee}\n', 1),
                  [("+", "10:40-10:45"), ("+", "Coffee")]),
    "row removed": (lambda t: t.replace(BREAK, "", 1),
                    [("-", "10:30-10:45"), ("-", "Break"), ("-", "RCMP")]),
}


def word_edit(text: str) -> str:
    """An example with one word of its introduction's first paragraph replaced."""
    start = text.index("introduction:")
    line = text.index("\n        ", start) + 9
    word = re.compile(r"\w{4,}").search(text, line)
    return text[:word.start()] + "Revised" + text[word.end():]


@pytest.fixture(scope="module")
def pairs(tmp_path_factory, drafts):
    """Every pair redlined here, both ways: the docs' drafts, the agenda edits, a word
    edited in each example; name -> (folder, DOCX count, Markdown count)."""
    folder = tmp_path_factory.mktemp("pairs")
    agenda = dated_agenda(EXAMPLE.read_text(encoding="utf-8"))
    sources = {"drafts": tuple(DRAFTS)}
    for name, (edit, _) in AGENDA_EDITS.items():
        sources[name] = (agenda, edit(agenda))
    for example in sorted(Path("examples").glob("*.yaml")):
        text = example.read_text(encoding="utf-8")
        sources[example.stem] = (text, word_edit(text))
    out = {}
    for name, (old, new) in sources.items():
        place = folder / name.replace(" ", "-")
        place.mkdir()
        if isinstance(old, str):
            (place / "old.yaml").write_text(old, encoding="utf-8")
            (place / "new.yaml").write_text(new, encoding="utf-8")
            old, new = place / "old.yaml", place / "new.yaml"
        counts = []
        for kind in ("docx", "md"):
            done = rtdraft("redline", old, new, "-o", place / f"changes.{kind}",
                           "--format", kind)
            counts.append(int(re.fullmatch(r"wrote .* \((\d+) tracked changes?\)\n",
                                           done.stdout).group(1)))
        out[name] = (place, *counts)
    return out


@pytest.mark.parametrize("name", AGENDA_EDITS)
def test_an_edit_to_an_agenda_is_one_change_where_it_was_made(pairs, name):
    """A cell edited is a word diff in that cell; a row added one inserted row, a row
    removed one deleted row (the day's whole table was deleted and inserted again: 24
    insertions and 24 deletions for one cell)."""
    place, docx, md = pairs[name]
    expected = AGENDA_EDITS[name][1]
    assert sorted(docx_changes(place / "changes.docx")) == sorted(expected)
    assert markdown_changes(place / "changes.md") == expected
    assert docx == md == len(expected)
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(place / "changes.docx") as package:
        body = etree.fromstring(package.read("word/document.xml"))
    rows = {kind: len(body.findall(f".//{W}trPr/{W}{kind}")) for kind in ("ins", "del")}
    assert rows == {"one cell": {"ins": 0, "del": 0}, "row added": {"ins": 1, "del": 0},
                    "row removed": {"ins": 0, "del": 1}}[name]
    assert len(body.findall(f".//{W}tbl")) == 2   # one table a day, as in NEW


@pytest.mark.parametrize("name", ["row added", "row removed"])
def test_an_agenda_redline_accepted_is_new_and_rejected_old(pairs, name, tmp_path):
    place = pairs[name][0]
    with Office() as office:
        for decision in ("accept", "reject"):
            out = office.run(JOB, place / "changes.docx", decision, tmp_path / f"{decision}.docx")
            assert out.split()[1] == "0"
    for draft in ("old", "new"):
        rtdraft("render", place / f"{draft}.yaml", "--format", "docx",
                "-o", tmp_path / f"{draft}.docx")
    assert plain(tmp_path / "accept.docx") == plain(tmp_path / "new.docx")
    assert plain(tmp_path / "reject.docx") == plain(tmp_path / "old.docx")


def test_the_docx_and_the_markdown_redline_show_the_same_changes(pairs):
    """Counted as each reports them, and read back: pandoc's reading of the DOCX, the
    CriticMarkup marks of the Markdown (in another order: LibreOffice writes an
    insertion before the deletion it replaces)."""
    for name, (place, docx, md) in pairs.items():
        shown = [(kind, words.strip()) for kind, words in docx_changes(place / "changes.docx")]
        assert (docx, sorted(shown)) == (md, sorted(markdown_changes(place / "changes.md"))), \
            name
    assert {name: docx for name, (_, docx, _) in pairs.items()} == {
        "drafts": 13, "one cell": 2, "row added": 2, "row removed": 3,
        "automne-2019-winnipeg": 2, "fall-2019-winnipeg": 2, "spring-2019-halifax": 2}


def test_openxml_audit_finds_nothing_in_any_redline(pairs, drafts, tmp_path):
    """The README's drafts, the agenda edits, each example, and a pair with a contents
    page (55 errors in the one-cell agenda redline before: paragraph marks' w:ins after
    their properties, a paragraph's w:sectPr before its style, cantSplit="true")."""
    paths = [place / "changes.docx" for place, _, _ in pairs.values()]
    paths.append(contents_redline(tmp_path))
    assert {str(path): audit(path)["errors"] for path in paths} == \
        {str(path): [] for path in paths}


def contents_redline(folder: Path) -> Path:
    """The docs' drafts with a table of contents, redlined."""
    drafts = []
    for draft in DRAFTS:
        path = folder / draft.name
        path.write_text(draft.read_text(encoding="utf-8").replace(
            "  status: final\n", "  status: final\n  toc: true\n", 1), encoding="utf-8")
        drafts.append(path)
    for kind in ("docx", "md"):
        done = rtdraft("redline", *drafts, "-o", folder / f"toc.{kind}", "--format", kind)
        # the heading changed, and its entry in the contents
        assert done.stdout == f"wrote {folder / f'toc.{kind}'} (15 tracked changes)\n"
    return folder / "toc.docx"


def test_the_contents_page_of_a_redline_has_no_page_number_field(tmp_path):
    """Its pages are not NEW's (deletions show); entries link to their headings, each on
    its line, a changed heading's entry changed as the heading is (LibreOffice left blank
    PAGEREF fields, and turned the links into such fields, all entries in one)."""
    path = contents_redline(tmp_path)
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode()
    assert "instrText" not in xml and "fldChar" not in xml.split("Table of Contents")[1][:20000]
    with Office() as office:   # LibreOffice shows it, deletions and all
        office.run(ROOT / "tests" / "uno" / "convert.py", path, tmp_path / "toc.pdf",
                   "writer_pdf_Export")
    text = subprocess.run(["pdftotext", "-f", "3", "-l", "3", str(tmp_path / "toc.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[:4] == ["Table of Contents", "Introduction", "Opening Remarks",
                         "Plenary Session 1: Current Drug Trends and Organized CriminalityCrime"]
    assert "Appendix B: Agenda" in lines
    shown = [(kind, words.strip()) for kind, words in docx_changes(path)]
    assert sorted(shown) == sorted(markdown_changes(tmp_path / "toc.md"))


# -- the Markdown redline's title block, and its bounded diff --------------------------------

TITLE_TEXT = st.text(st.sampled_from(list('ab Z9"\':#-*_\\[]{}<>&|`~!')), min_size=1,
                     max_size=30).filter(lambda t: t.strip() and t == t.strip())

SMALL = MINIMAL.replace("  title: Spring 2021 Law Enforcement Roundtable on Drugs\n",
                        "  title: {title}\n").replace(
    "  department: Public Safety Canada\n",
    "  department: Public Safety Canada\n  subtitle: {subtitle}\n")


def small(folder: Path, name: str, title: str, subtitle: str):
    from rtdraft.pipeline import build, read
    path = folder / name
    path.write_text(SMALL.format(title=json.dumps(title), subtitle=json.dumps(subtitle)),
                    encoding="utf-8")
    outline = read(str(path))
    assume(outline.valid and not outline.problems)
    return build(outline)


def pandoc_meta(markdown: str) -> dict:
    done = subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "json"], input=markdown,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["meta"]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.filter_too_much])
@given(old=st.tuples(TITLE_TEXT, TITLE_TEXT), new=st.tuples(TITLE_TEXT, TITLE_TEXT))
def test_the_markdown_redlines_title_block_always_reads_back_with_pandoc(old, new, tmp_path):
    """A title or subtitle holding ", :, #, --- or a backslash changed: the block is still
    YAML pandoc reads (the marks went inside its quoted strings, which broke it), and
    accepting the marks gives NEW's title as pandoc reads NEW's Markdown."""
    from rtdraft.commands.redline import markdown
    from rtdraft.render.markdown import render
    before = small(tmp_path, "old.yaml", *old)
    after = small(tmp_path, "new.yaml", *new)
    text = markdown(before, after)[0].decode("utf-8")
    meta = pandoc_meta(text)
    assert {"title", "subtitle", "lang", "date"} <= set(meta)
    accepted = decide(text, 1)
    assert pandoc_meta(accepted) == pandoc_meta(render(after).decode("utf-8"))


@pytest.mark.parametrize("old_link, new_link", [
    ("<https://www.canada.ca/en/services.html>", "<https://www.canada.ca/en/services-2024.html>"),
    ("[the services](https://www.canada.ca/en/services.html)",
     "[the services](https://www.canada.ca/en/services-2024.html)"),
    ("[the services](https://www.canada.ca/en/services.html)",
     "[the new services](https://www.canada.ca/en/services.html)"),
])
def test_a_changed_link_is_deleted_and_inserted_whole_and_both_still_link(
        old_link, new_link, tmp_path):
    """A mark inside a link's address (or between its text and address) broke the link:
    pandoc read the marks and half the address as text."""
    text = EXAMPLE.read_text(encoding="utf-8")
    anchor = "The work undertaken by DAS is critical"
    assert anchor in text
    for name, link in (("old", old_link), ("new", new_link)):
        (tmp_path / f"{name}.yaml").write_text(
            text.replace(anchor, f"See {link} for more. {anchor}", 1), encoding="utf-8")
    out = tmp_path / "changes.md"
    done = rtdraft("redline", tmp_path / "old.yaml", tmp_path / "new.yaml", "-o", out,
                   "--format", "md")
    assert done.stdout == f"wrote {out} (2 tracked changes)\n"
    redline = out.read_text(encoding="utf-8")
    assert f"See {{--{old_link}--}}{{++{new_link}++}} for more." in redline
    html = subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "html", "--wrap=none"],
                          input=redline, capture_output=True, text=True, check=True).stdout
    addresses = re.findall(r'<a href="(https://www\.canada\.ca/en/services[^"]*)"', html)
    assert addresses == [re.search(r"https://[^)>]*", link).group()
                         for link in (old_link, new_link)]
    new_md = tmp_path / "new.md"
    rtdraft("render", tmp_path / "new.yaml", "--format", "md", "-o", new_md)
    assert decide(redline, 1) == new_md.read_text(encoding="utf-8")
