"""rtdraft never destroys a file it was not asked to write (issue 12, part 3)."""

import os
import socket
import stat
import subprocess
import sys

import pytest
from click.testing import CliRunner
from support.cli import run
from support.outlines import MINIMAL

from rtdraft.cli import main
from rtdraft.errors import OutputError
from rtdraft.output import write_all


@pytest.fixture
def outline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "o.yaml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path / "o.yaml"



def test_output_named_as_the_outline_is_refused(outline):
    result = run("render", "o.yaml", "--format", "docx", "-o", "o.yaml")
    assert result.exit_code == 5
    assert result.output == ("Error: refusing to write o.yaml: it is the input itself; "
                             "give another output (-o)\n")
    assert outline.read_text(encoding="utf-8") == MINIMAL


def test_an_outline_named_like_its_markdown_is_not_overwritten(outline, tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text(MINIMAL, encoding="utf-8")
    result = run("render", "notes.md", "--format", "docx,md")
    assert result.exit_code == 5
    assert result.output == ("Error: refusing to write notes.md: it is the input itself; "
                             "give another output (-o)\n")
    assert notes.read_text(encoding="utf-8") == MINIMAL
    assert not (tmp_path / "notes.docx").exists()      # all or none: not the DOCX either


@pytest.mark.parametrize("link", [os.symlink, os.link], ids=["symlink", "hard link"])
def test_a_link_to_the_outline_is_the_outline(outline, tmp_path, link):
    link("o.yaml", tmp_path / "out.md")
    result = run("render", "o.yaml", "--format", "md", "-o", "out.md")
    assert result.exit_code == 5
    assert result.output == ("Error: refusing to write out.md: it is the same file as the "
                             "input o.yaml; give another output (-o)\n")
    assert outline.read_text(encoding="utf-8") == MINIMAL


def test_reference_document_and_templates_are_inputs_too(outline, tmp_path):
    assert run("render", "o.yaml", "--format", "docx", "-o", "ref.docx").exit_code == 0
    before = (tmp_path / "ref.docx").read_bytes()
    result = run("render", "o.yaml", "--format", "docx", "--reference-doc", "ref.docx",
                 "-o", "ref.docx")
    assert result.exit_code == 5
    assert "refusing to write ref.docx: it is the input itself" \
        in result.output
    assert (tmp_path / "ref.docx").read_bytes() == before


def test_new_does_not_replace_the_outline_it_follows(outline):
    result = run("new", "o.yaml", "--from", "o.yaml", "--force", "--schema", "x.json")
    assert result.exit_code == 5
    assert outline.read_text(encoding="utf-8") == MINIMAL


def test_a_character_device_is_written_into_not_renamed_over(outline, tmp_path):
    # Through a link to /dev/null: a rename (the bug) would replace the link, not the
    # machine's /dev/null, when run as root.
    (tmp_path / "null.md").symlink_to(os.devnull)
    result = run("render", "o.yaml", "--format", "md", "-o", "null.md")
    assert result.exit_code == 0, result.output
    assert os.readlink(tmp_path / "null.md") == os.devnull
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_fifo_is_written_into(outline, tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = run("render", "o.yaml", "--format", "md", "-o", fifo)
    out, _ = reader.communicate(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert out.startswith(b"---\ntitle: ")


def test_a_socket_is_refused(outline, tmp_path):
    path = tmp_path / "s.md"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        result = run("render", "o.yaml", "--format", "md", "-o", path)
    finally:
        server.close()
    assert result.exit_code == 5
    assert result.output == f"Error: cannot write {path}: it is a socket\n"
    assert stat.S_ISSOCK(os.stat(path).st_mode)


def test_write_all_replaces_nothing_when_one_file_fails(tmp_path):
    first, second = tmp_path / "a.docx", tmp_path / "missing" / "a.md"
    first.write_bytes(b"old")
    with pytest.raises(OutputError, match="cannot write .*missing/a.md: No such file"):
        write_all({first: b"new", second: b"new"})
    assert first.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


def test_write_all_refuses_before_writing_anything(tmp_path):
    source, other = tmp_path / "in.md", tmp_path / "x.docx"
    source.write_bytes(b"outline")
    with pytest.raises(OutputError, match="refusing to write"):
        write_all({other: b"new", source: b"new"}, inputs=[source])
    assert not other.exists() and source.read_bytes() == b"outline"


def test_write_all_refuses_two_names_of_one_file(tmp_path):
    """import -o out.yaml --comments sub/../out.yaml: the comments would replace the
    outline; nothing is written."""
    (tmp_path / "sub").mkdir()
    outline, comments = tmp_path / "out.yaml", tmp_path / "sub" / ".." / "out.yaml"
    with pytest.raises(OutputError) as refused:
        write_all({outline: b"outline", comments: b"[]"})
    assert refused.value.message == (f"refusing to write {comments}: it is the same file as "
                                     f"{outline}, which this command also writes")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sub"]


def test_render_is_all_or_none(outline, tmp_path):
    (tmp_path / "o.docx").write_bytes(b"old docx")
    (tmp_path / "o.md").mkdir()
    result = run("render", "o.yaml")
    assert result.exit_code == 5
    assert (tmp_path / "o.docx").read_bytes() == b"old docx"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# The installed command and python -m rtdraft; both leave through rtdraft/entry.py.
COMMANDS = [["rtdraft"], [sys.executable, "-m", "rtdraft"]]


def _rtdraft(*args, stdout, command=COMMANDS[0]):
    return subprocess.run([*command, *args], check=False, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=60)


@pytest.mark.parametrize("command", COMMANDS, ids=["rtdraft", "python -m rtdraft"])
def test_a_full_disk_on_stdout_is_one_line_and_exit_5(command):
    with open("/dev/full", "wb") as full:
        done = _rtdraft("schema", stdout=full, command=command)
    assert done.returncode == 5
    assert done.stderr == b"Error: cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize("command", COMMANDS, ids=["rtdraft", "python -m rtdraft"])
def test_a_closed_pipe_on_stdout_is_one_line_and_exit_5(command):
    read, write = os.pipe()
    os.close(read)
    try:
        done = _rtdraft("docs", "outline", stdout=write, command=command)
    finally:
        os.close(write)
    assert done.returncode == 5
    assert done.stderr == b"Error: cannot write to standard output: Broken pipe\n"


def test_a_failed_rename_puts_back_the_files_renamed_before_it(tmp_path, monkeypatch):
    first, second, third = (tmp_path / "a.docx", tmp_path / "a.md", tmp_path / "a.html")
    first.write_bytes(b"old docx")
    second.write_bytes(b"old md")
    real, calls = os.replace, []

    def failing(source, target):
        calls.append(target)
        if str(target) == str(third):
            raise OSError(28, "No space left on device")
        return real(source, target)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OutputError, match="cannot write .*a.html: No space left on device"):
        write_all({first: b"new", second: b"new", third: b"new"})
    assert first.read_bytes() == b"old docx" and second.read_bytes() == b"old md"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.md"]


def test_an_output_name_too_long_is_exit_5_and_the_longest_allowed_is_written(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text(MINIMAL, encoding="utf-8")
    too_long, longest = tmp_path / ("a" * 300 + ".md"), tmp_path / ("b" * 252 + ".md")
    result = CliRunner().invoke(main, ["render", str(outline), "--format", "md", "-o",
                                       str(too_long)])
    assert (result.exit_code, result.output) == (
        5, f"Error: cannot write {too_long}: File name too long\n")
    result = CliRunner().invoke(main, ["render", str(outline), "--format", "md", "-o",
                                       str(longest)])
    assert (result.exit_code, result.output) == (0, f"wrote {longest}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [longest.name, "o.yaml"]


@pytest.mark.parametrize("command", [["render", "o.yaml", "--format", "md", "-o", "loop.md"],
                                     ["new", "loop.yaml"]])
def test_a_link_in_a_loop_is_refused_in_one_line(outline, tmp_path, command):
    name = command[-1]   # new writes only a .yaml name
    for link, target in (("loop.md", "other.md"), ("other.md", "loop.md"),
                         ("loop.yaml", "other.yaml"), ("other.yaml", "loop.yaml")):
        (tmp_path / link).symlink_to(target)
    result = run(*command)
    assert (result.exit_code, result.output) == (
        5, f"Error: cannot write {name}: Too many levels of symbolic links\n")
    assert os.readlink(tmp_path / name) == name.replace("loop", "other")
    result = run("render", "o.yaml", "--format", "md,html", "-o", "loop.md/")   # a folder
    assert (result.exit_code, result.output) == (
        5, "Error: cannot create folder loop.md: loop.md is a link that leads to no folder\n")


def test_a_link_into_proc_is_written_into_never_renamed_over(outline, tmp_path):
    """`render -o /dev/stdout > out.md` as root replaced the /dev/stdout link with a
    regular file: /dev/stdout leads through /proc/self/fd/1 to out.md, a regular file, so
    it was renamed over. Here a link of our own in tmp_path stands for /dev/stdout."""
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    with open(tmp_path / "captured.md", "ab") as captured:   # append: the "wrote" line after
        done = subprocess.run([sys.executable, "-m", "rtdraft", "render", "o.yaml", "--format",
                               "md", "-o", str(stdout)], cwd=tmp_path, stdout=captured,
                              stderr=subprocess.PIPE, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert os.readlink(stdout) == "/proc/self/fd/1"
    assert run("render", "o.yaml", "--format", "md", "-o", "expected.md").exit_code == 0
    expected = (tmp_path / "expected.md").read_bytes()
    assert (tmp_path / "captured.md").read_bytes() == expected + f"wrote {stdout}\n".encode()
    assert os.path.islink("/dev/stdout") or not os.path.exists("/dev/stdout")


def test_a_link_to_a_pty_is_written_into(outline, tmp_path):
    controller, terminal = os.openpty()
    try:
        (tmp_path / "tty.md").symlink_to(os.ttyname(terminal))
        result = run("render", "o.yaml", "--format", "md", "-o", "tty.md")
        assert result.exit_code == 0, result.output
        assert os.readlink(tmp_path / "tty.md") == os.ttyname(terminal)
        assert b"title: \"Spring 2021" in os.read(controller, 65536)
    finally:
        os.close(controller)
        os.close(terminal)


def test_a_link_to_a_file_in_another_folder_is_written_into(outline, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    kept = tmp_path / "elsewhere" / "kept.md"
    kept.write_text("old\n")
    (tmp_path / "o.md").symlink_to(kept)
    assert run("render", "o.yaml", "--format", "md").exit_code == 0
    assert os.path.islink(tmp_path / "o.md") and kept.read_text().startswith("---\ntitle: \"Spring 2021")


def test_a_link_to_a_file_beside_it_keeps_the_link_and_replaces_the_file(outline, tmp_path):
    (tmp_path / "o-v3.md").write_text("old\n")
    (tmp_path / "o.md").symlink_to("o-v3.md")
    inode = os.stat(tmp_path / "o-v3.md").st_ino
    assert run("render", "o.yaml", "--format", "md").exit_code == 0
    assert os.readlink(tmp_path / "o.md") == "o-v3.md"
    assert (tmp_path / "o-v3.md").read_text().startswith("---\ntitle: \"Spring 2021")
    assert os.stat(tmp_path / "o-v3.md").st_ino != inode   # replaced whole, not written into
