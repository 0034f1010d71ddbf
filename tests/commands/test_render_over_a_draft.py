"""render never replaces a Word document it did not write: the Word draft beside the outline
imported from it (draft.docx -> draft.yaml -> render) would be lost."""

import subprocess

import docx
from support.cli import run
from support.outlines import MINIMAL

from rtdraft.ooxml.package import written_by


def test_render_beside_a_word_draft_of_the_same_name_refuses_and_writes_nothing(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = docx.Document()   # python-docx's template says Word last saved it
    draft.add_paragraph("Law Enforcement Roundtable on Drugs", style="Title")
    draft.save("draft.docx")
    typed = (tmp_path / "draft.docx").read_bytes()
    (tmp_path / "draft.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run("render", "draft.yaml")
    assert result.exit_code == 5
    assert result.stderr == (
        "Error: refusing to replace draft.docx: it is a Word document last saved by "
        "Microsoft Macintosh Word (a draft or a review?); render into another folder "
        "(-o summary/) or move it\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx", "draft.yaml"]
    assert (tmp_path / "draft.docx").read_bytes() == typed
    assert run("render", "draft.yaml", "-o", "summary/").exit_code == 0
    assert written_by(tmp_path / "summary" / "draft.docx") == "rtdraft"


def test_a_file_that_is_no_docx_at_all_is_not_replaced_either(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.docx").write_bytes(b"my notes, saved under the wrong name")
    (tmp_path / "notes.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run("render", "notes.yaml", "--format", "docx")
    assert result.exit_code == 5
    assert "refusing to replace notes.docx: it is a Word document not written by rtdraft" \
        in result.stderr
    assert (tmp_path / "notes.docx").read_bytes() == b"my notes, saved under the wrong name"


def test_its_own_docx_is_replaced_as_before(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "o.yaml").write_text(MINIMAL, encoding="utf-8")
    assert run("render", "o.yaml").exit_code == 0
    first = (tmp_path / "o.docx").read_bytes()
    (tmp_path / "o.yaml").write_text(MINIMAL.replace("met once", "met twice"),
                                     encoding="utf-8")
    assert run("render", "o.yaml").exit_code == 0
    assert (tmp_path / "o.docx").read_bytes() != first
    text = subprocess.run(["pandoc", "-t", "plain", "o.docx"], capture_output=True,
                          text=True, check=True).stdout
    assert "The roundtable met twice." in text
