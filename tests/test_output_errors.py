"""What a user reads when an output cannot be written: one line naming the file and why,
exit 5 (docs/refusals.md). Found by mutation testing (docs/testing.md): each line below
was once free to change with nothing failing."""

import os
import tempfile
from pathlib import Path

import pytest
from support.cli import run
from support.outlines import MINIMAL

from rtdraft.errors import OutputError
from rtdraft.output import write_all


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


def _failing_replace(monkeypatch, fails: Path):
    real = os.replace

    def replace(source, target):
        if str(target) == str(fails):
            raise OSError(28, "No space left on device")
        return real(source, target)
    monkeypatch.setattr(os, "replace", replace)


def test_a_failed_rename_removes_the_new_files_renamed_before_it(tmp_path, monkeypatch):
    # a.docx did not exist: after a.md fails there is no a.docx, and nothing else.
    docx, md = tmp_path / "a.docx", tmp_path / "a.md"
    md.write_bytes(b"old md")
    _failing_replace(monkeypatch, md)
    with pytest.raises(OutputError) as failed:
        write_all({docx: b"new", md: b"new"})
    assert failed.value.message == f"cannot write {md}: No space left on device"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]
    assert md.read_bytes() == b"old md"


def test_a_failed_first_rename_leaves_the_file_and_nothing_beside_it(tmp_path, monkeypatch):
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"old docx")
    _failing_replace(monkeypatch, docx)
    with pytest.raises(OutputError):
        write_all({docx: b"new", tmp_path / "a.md": b"new"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]
    assert docx.read_bytes() == b"old docx"


@pytest.mark.parametrize("through, relative", [("/proc/self/fd", True), ("/dev/fd", False)])
def test_a_link_through_proc_or_dev_is_written_into_never_renamed_over(outline, tmp_path,
                                                                       through, relative):
    # /dev/stdout's case, in this process: out.md leads through /proc/self/fd/N (or
    # /dev/fd/N) to captured.md beside it. Renamed over, captured.md would be a new file
    # (and, for /dev/stdout as root, the link itself replaced): it is written into.
    captured = tmp_path / "captured.md"
    with open(captured, "ab") as handle:
        inode = os.fstat(handle.fileno()).st_ino
        target = f"{through}/{handle.fileno()}"
        target = os.path.relpath(target, tmp_path) if relative else target
        (tmp_path / "out.md").symlink_to(target)
        result = run("render", "o.yaml", "--format", "md", "-o", "out.md")
    assert result.exit_code == 0, result.output
    assert os.readlink(tmp_path / "out.md") == target
    assert os.stat(captured).st_ino == inode
    assert captured.read_text(encoding="utf-8").startswith('---\ntitle: "Spring 2021')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["captured.md", "o.yaml", "out.md"]


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_have_the_mode_the_umask_gives(outline, tmp_path, umask, mode):
    # In this process (tests/test_file_modes.py runs whole processes, which mutation
    # testing cannot see into).
    old = os.umask(umask)
    try:
        result = run("render", "o.yaml", "--format", "docx,md")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir() if p.name != "o.yaml"} \
        == {"o.docx": mode, "o.md": mode}


def test_a_link_to_a_file_in_another_folder_writes_into_that_same_file(outline, tmp_path):
    # Written into, not renamed over: the file keeps its inode (and its hard links).
    (tmp_path / "elsewhere").mkdir()
    kept = tmp_path / "elsewhere" / "kept.md"
    kept.write_text("old\n")
    os.link(kept, tmp_path / "elsewhere" / "also.md")
    (tmp_path / "o.md").symlink_to(kept)
    result = run("render", "o.yaml", "--format", "md")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "elsewhere" / "also.md").read_text() == kept.read_text()
    assert kept.read_text().startswith('---\ntitle: "Spring 2021')
    assert sorted(p.name for p in (tmp_path / "elsewhere").iterdir()) == ["also.md", "kept.md"]


@pytest.mark.parametrize("where", ["writing", "renaming"])
def test_ctrl_c_while_writing_several_files_leaves_the_old_ones_and_nothing_beside_them(
        tmp_path, monkeypatch, where):
    """All or none holds when the user presses Ctrl-C: the second file's fsync (writing)
    or rename (renaming) interrupted leaves the first output as it was and no temporary
    or kept link (.a.md.XXXX.tmp, .a.docx.PID.old.tmp) in the folder."""
    docx, md = tmp_path / "a.docx", tmp_path / "a.md"
    docx.write_bytes(b"old docx")
    md.write_bytes(b"old md")
    name, real = ("fsync", os.fsync) if where == "writing" else ("replace", os.replace)
    calls = []

    def interrupted(*args):
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(os, name, interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_all({docx: b"new docx", md: b"new md"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.md"]
    assert (docx.read_bytes(), md.read_bytes()) == (b"old docx", b"old md")
