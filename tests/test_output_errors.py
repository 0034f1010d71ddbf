"""What a user reads when an output cannot be written: one line naming the file and why,
exit 5 (docs/refusals.md). Found by mutation testing (docs/testing.md): each line below
was once free to change with nothing failing."""

import tempfile

import pytest
from support.cli import run
from support.outlines import MINIMAL


@pytest.fixture
def outline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "o.yaml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path / "o.yaml"


def test_a_full_device_written_into_says_so(outline):
    # /dev/full is a character device: written into, not renamed over, and every write fails.
    result = run("render", "o.yaml", "--format", "md", "-o", "/dev/full")
    assert result.exit_code == 5
    assert result.output == "Error: cannot write /dev/full: No space left on device\n"


def test_an_output_folder_that_is_a_file_is_named_as_a_file(outline, tmp_path):
    (tmp_path / "notes").write_text("mine", encoding="utf-8")
    result = run("render", "o.yaml", "-o", "notes")
    assert result.exit_code == 5
    assert result.output == "Error: cannot create folder notes: notes is a file\n"
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes", "o.yaml"]


def test_the_temporary_file_is_made_beside_the_output_not_in_tmpdir(outline, tmp_path,
                                                                      monkeypatch):
    # The rename that puts an output in place is atomic only within one file system: the
    # temporary is made in the output's folder, so an unusable TMPDIR does not matter.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no such folder"))
    result = run("render", "o.yaml", "--format", "docx,md")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.docx", "o.md", "o.yaml"]
