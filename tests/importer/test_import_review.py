"""The review round trip (issue 16): a rendered summary is reviewed in LibreOffice with
change tracking on and a comment, the way a participant would in Word; `rtdraft import`
then refuses to guess (exit 8), or takes the changes (accepted: the text LibreOffice
shows after accepting all; rejected: the original) and places the comment."""

import hashlib
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from support.outlines import ROOT
from support.readers import audit, docx_changes, markdown_changes

from rtdraft.office.process import Office

# Starts LibreOffice, a browser, pip or npm: `python -m pytest -m 'not system'` leaves it out.
pytestmark = pytest.mark.system

EXAMPLE = Path("examples/fall-2019-winnipeg.yaml")
UNO = ROOT / "tests" / "uno"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AUTHOR = "Jane Reviewer"
COMMENT = {"op": "comment", "on": "Twenty-five presenters",
           "text": "Please confirm the number of presenters."}
EDITS = [
    {"op": "replace", "old": "continues to be a public health", "new": "remains a public health"},
    {"op": "delete", "starts": "The Government of Canada remains deeply committed"},
    {"op": "insert", "after": "the role of organized crime in the illicit drug trade.",
     "text": " Fentanyl was discussed as well."},
    {"op": "footnote", "old": "1 October to 30 September", "new": "October 1 to September 30"},
]


def rtdraft(*args) -> subprocess.CompletedProcess:
    return subprocess.run(["rtdraft", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


def plain(path: Path) -> str:
    text = subprocess.run(["pandoc", "-t", "plain", "--wrap=none", str(path)],
                          capture_output=True, text=True, check=True).stdout
    # Table rules are drawn to the column widths, which LibreOffice writes its own way.
    text = re.sub(r"-{3,}", " ", text)
    # The cover's symbols as pandoc gives them ([alt text]): LibreOffice saves the
    # wordmark's frame as a text box, from which pandoc reads no alt text ([]).
    text = re.sub(r"\[(Government of Canada|Symbol of the Government of Canada)?\]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def review(tmp_path_factory) -> Path:
    """fall.docx rendered; reviewed.docx, its review with a comment; and, from the same
    review without the comment, LibreOffice's own accepted and rejected versions (with a
    view, as deciding needs, LibreOffice -nogui aborts on a document with a comment)."""
    folder = tmp_path_factory.mktemp("review")
    done = rtdraft("render", EXAMPLE, "--format", "docx", "-o", folder / "fall.docx")
    assert done.returncode == 0, done.stderr
    with Office() as office:
        counts = office.run(UNO / "review.py", folder / "fall.docx", folder / "reviewed.docx",
                            json.dumps({"author": AUTHOR, "edits": [*EDITS, COMMENT]}))
        assert counts.split() == ["6", "1"]
        office.run(UNO / "review.py", folder / "fall.docx", folder / "uncommented.docx",
                   json.dumps({"author": AUTHOR, "edits": EDITS}))
        for decision in ("accept", "reject"):
            out = office.run(UNO / "decide_changes.py", folder / "uncommented.docx", decision,
                             folder / f"libreoffice-{decision}ed.docx")
            assert out.split() == ["6", "0"]
    return folder


def part(path: Path, name: str):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def text_of(elements) -> list[str]:
    return ["".join(e.itertext()) for e in elements]


def test_the_reviewer_left_tracked_changes_and_a_comment(review):
    reviewed = review / "reviewed.docx"
    body, notes = part(reviewed, "word/document.xml"), part(reviewed, "word/footnotes.xml")
    inserted = text_of(body.iter(f"{W}ins"))
    deleted = ["".join(e.itertext()) for e in body.iter(f"{W}delText")]
    assert inserted == ["remains a public health", " Fentanyl was discussed as well."]
    assert "continues to be a public health" in deleted
    assert any(text.startswith("The Government of Canada remains deeply committed")
               for text in deleted)
    assert text_of(notes.iter(f"{W}ins")) == ["October 1 to September 30"]
    assert {e.get(f"{W}author") for e in [*body.iter(f"{W}ins", f"{W}del"),
                                          *notes.iter(f"{W}ins", f"{W}del")]} == {AUTHOR}
    comments = part(reviewed, "word/comments.xml")
    assert [(c.get(f"{W}author"), "".join(c.itertext())) for c in comments] == \
        [(AUTHOR, COMMENT["text"])]
    # Anchored over the words: what stands between the range's start and end.
    xml = etree.tostring(body).decode()
    between = xml[xml.index("commentRangeStart"):xml.index("<w:commentRangeEnd")]
    assert re.sub(r"<[^>]+>", "", between.split(">", 1)[1]) == "Twenty-five presenters"


def test_without_a_decision_import_lists_the_changes_and_writes_nothing(review, tmp_path):
    reviewed = review / "reviewed.docx"
    before = digest(reviewed)
    done = rtdraft("import", reviewed, "-o", tmp_path / "out.yaml")
    assert done.returncode == 8
    assert done.stdout == ""
    assert done.stderr.startswith(
        f"Error: {reviewed}: the document has tracked changes (3 insertions and 4 deletions; "
        "under Introduction (1 insertion, 3 deletions); under Plenary Session 1: Current "
        "Drug Trends and Organized Crime (1 insertion); in the footnotes (1 insertion, "
        "1 deletion)")
    assert done.stderr.endswith("; import them with --changes accept or --changes reject "
                                "(nothing written)\n")
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []
    assert digest(reviewed) == before


@pytest.fixture(scope="module")
def accepted(review) -> Path:
    done = rtdraft("import", review / "reviewed.docx", "--changes", "accept",
                   "-o", review / "accepted.yaml", "--comments", review / "comments.json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == (f"wrote {review / 'accepted.yaml'} (1 comment) and "
                           f"{review / 'comments.json'}\n")
    # The comment, as a problem is printed: on standard output.
    assert re.fullmatch(rf"{re.escape(str(review / 'accepted.yaml'))}:\d+:\d+: note: "
                        rf"comment by {AUTHOR}: {re.escape(COMMENT['text'])}\n", done.stdout)
    return review / "accepted.yaml"


def test_accepted_the_outline_validates_and_renders_to_the_accepted_text(review, accepted):
    done = rtdraft("validate", accepted)
    assert (done.returncode, done.stderr) == (0, "1 file, 0 problems\n")
    done = rtdraft("render", accepted, "--format", "docx", "-o", review / "accepted.docx")
    assert done.returncode == 0, done.stderr
    assert plain(review / "accepted.docx") == plain(review / "libreoffice-accepted.docx")
    assert plain(review / "accepted.docx") != plain(review / "fall.docx")
    text = accepted.read_text(encoding="utf-8")
    assert "Fentanyl was discussed as well." in text
    assert "deeply committed" not in text
    assert "runs from October 1 to September 30." in text


def test_rejected_the_outline_renders_to_the_original_text(review, tmp_path):
    done = rtdraft("import", review / "reviewed.docx", "--changes", "reject",
                   "-o", tmp_path / "rejected.yaml")
    assert done.returncode == 0, done.stderr
    assert rtdraft("validate", tmp_path / "rejected.yaml").returncode == 0
    done = rtdraft("render", tmp_path / "rejected.yaml", "--format", "docx",
                   "-o", tmp_path / "rejected.docx")
    assert done.returncode == 0, done.stderr
    assert plain(tmp_path / "rejected.docx") == plain(review / "libreoffice-rejected.docx") \
        == plain(review / "fall.docx")


def where(outline: Path, words: str) -> tuple[int, int]:
    """Line and column (from 1) where `words` stand in the outline."""
    for number, line in enumerate(outline.read_text(encoding="utf-8").splitlines(), 1):
        if words in line:
            return number, line.index(words) + 1
    raise AssertionError(f"{words!r} not in {outline}")


def test_the_comment_is_printed_where_its_words_stand_in_the_new_outline(review, accepted):
    line, column = where(accepted, "Twenty-five presenters")
    done = rtdraft("import", review / "reviewed.docx", "--changes", "accept",
                   "-o", accepted)
    assert done.stdout == \
        f"{accepted}:{line}:{column}: note: comment by {AUTHOR}: {COMMENT['text']}\n"
    [comment] = json.loads((review / "comments.json").read_text(encoding="utf-8"))
    assert (comment["line"], comment["column"]) == (line, column)


def test_the_comment_is_kept_in_the_sidecar_and_printed(review, accepted):
    [comment] = json.loads((review / "comments.json").read_text(encoding="utf-8"))
    assert {key: comment[key] for key in ("author", "text", "quoted", "outline", "heading")} \
        == {"author": AUTHOR, "text": COMMENT["text"], "quoted": "Twenty-five presenters",
            "outline": str(accepted), "heading": "Introduction"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", comment["date"])


@pytest.mark.parametrize("via", ["same", "link"])
def test_the_input_docx_is_never_overwritten(review, tmp_path, via):
    reviewed = review / "reviewed.docx"
    before = digest(reviewed)
    target = reviewed
    if via == "link":
        target = tmp_path / "link.docx"
        target.symlink_to(reviewed)
    for option in ("-o", "--comments"):
        args = ["-o", tmp_path / "o.yaml", "--comments", target] if option == "--comments" \
            else ["-o", target]
        done = rtdraft("import", reviewed, "--changes", "accept", *args)
        assert done.returncode == 5, done.stderr
        assert done.stderr.startswith(f"Error: refusing to write {target}: ")
        assert digest(reviewed) == before
        assert not (tmp_path / "o.yaml").exists()


def test_the_review_redlined_shows_the_same_changes_in_docx_and_markdown(accepted, tmp_path):
    """The example against the review taken back: each edit one change (a replacement
    two), the same in both redlines, and openxml-audit finds nothing in the DOCX."""
    counts = []
    for kind in ("docx", "md"):
        done = rtdraft("redline", EXAMPLE, accepted, "-o", tmp_path / f"r.{kind}",
                       "--format", kind)
        assert done.returncode == 0, done.stderr
        counts.append(done.stdout)
    assert counts == [f"wrote {tmp_path / f'r.{kind}'} (8 tracked changes)\n"
                      for kind in ("docx", "md")]
    shown = sorted((kind, words.strip()) for kind, words in docx_changes(tmp_path / "r.docx"))
    assert shown == sorted(markdown_changes(tmp_path / "r.md"))
    assert ("+", "Fentanyl was discussed as well.") in shown
    assert audit(tmp_path / "r.docx")["errors"] == []
