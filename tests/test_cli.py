"""The command line through click's CliRunner: exit codes and every output format."""

import json
import os
import subprocess
import sys
import threading

import pytest
import yaml
from click.testing import CliRunner
from support.cli import run as invoke
from support.outlines import EXAMPLES, MINIMAL

from rtdraft import __version__
from rtdraft.cli import main

BAD = MINIMAL.replace("  - title: Trends\n", "  - titel: Trends\n")


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_WORKFLOW", raising=False)
    return invoke


@pytest.fixture
def bad(tmp_path):
    (tmp_path / "bad.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    return "bad.yaml"


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"rtdraft, version {__version__}\n"


def test_valid_files_print_nothing_and_exit_0(run):
    result = run("validate", *map(str, EXAMPLES))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"{len(EXAMPLES)} files, 0 problems\n"


def test_text_format(run, bad):
    result = run("validate", "good.yaml", bad)
    assert result.exit_code == 1
    assert result.stderr == "2 files, 1 problem (1 error)\n"
    assert result.stdout == (
        "bad.yaml:12:5: error: sessions[0].titel: unknown key 'titel'; did you mean 'title'?\n")


def test_parsable_format(run, bad):
    result = run("validate", "--format", "parsable", bad)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "bad.yaml:12:5: [error] sessions[0].titel: unknown key 'titel'; did you mean 'title'? "
        "(unknown-key)")


def test_json_format(run, bad):
    result = run("validate", "--format", "json", bad)
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [{
        "file": "bad.yaml", "line": 12, "column": 5, "level": "error",
        "path": "sessions[0].titel", "message": "unknown key 'titel'; did you mean 'title'?",
        "rule": "unknown-key"}]


def test_json_format_of_valid_files_is_an_empty_list(run):
    result = run("validate", "--format", "json", str(EXAMPLES[0]))
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_github_format(run, bad):
    result = run("validate", "--format", "github", bad)
    assert result.output.splitlines()[0] == (
        "::error file=bad.yaml,line=12,col=5,title=rtdraft unknown-key::sessions[0].titel: "
        "unknown key 'titel'; did you mean 'title'?")


def test_github_is_the_default_inside_actions(run, bad):
    env = {"GITHUB_ACTIONS": "true", "GITHUB_WORKFLOW": "outlines"}
    assert run("validate", bad, env=env).output.startswith("::error file=bad.yaml,line=12,col=5")
    assert run("validate", bad, env={"GITHUB_ACTIONS": "true"}).output.startswith("bad.yaml:12:5:")


def test_bad_input_is_a_message_not_a_traceback(run, tmp_path):
    (tmp_path / "latin.yaml").write_bytes("a: caf\xe9\n".encode("latin-1"))
    (tmp_path / "empty.yaml").write_text("")
    (tmp_path / "list.yaml").write_text("- a\n")
    (tmp_path / "broken.yaml").write_text("a: [b\n")
    result = run("validate", "latin.yaml", "empty.yaml", "list.yaml", "broken.yaml")
    assert result.exit_code == 1
    assert result.stdout == (
        "latin.yaml:1:7: error: file is not UTF-8 text (byte 0xe9 cannot be read); save it as "
        "UTF-8\n"
        "empty.yaml:1:1: error: file is empty; an outline starts with 'rtdraft: 1'\n"
        "list.yaml:1:1: error: an outline is a mapping of keys (rtdraft, meeting, ...), not a "
        "list\n"
        "broken.yaml:1:4: error: the [ here opens a list that is not closed with ] on its line; "
        "close it, or if this is text, put the whole value in quotes: '[b' (YAML parser: did "
        "not find expected ',' or ']', while parsing a flow sequence)\n")


def test_folders_and_standard_input(run, tmp_path):
    (tmp_path / "outlines" / "2021").mkdir(parents=True)
    (tmp_path / "outlines" / "2021" / "spring.yaml").write_text(MINIMAL)
    (tmp_path / "outlines" / "bad.yml").write_text(BAD)
    (tmp_path / "outlines" / "other.yaml").write_text("name: not an outline\n")
    (tmp_path / "outlines" / "nested.yaml").write_text('{"config": {"rtdraft": 1}}\n')
    # an outline in flow style, as a JSON tool writes it, is found too
    flow = json.dumps(yaml.safe_load(MINIMAL), default=str).replace('"Trends"', '"Trends", "x": 1')
    (tmp_path / "outlines" / "flow.yaml").write_text(flow)
    result = run("validate", "outlines")
    assert result.exit_code == 1
    assert result.stdout.startswith("outlines/bad.yml:12:5: error: ")
    assert "outlines/flow.yaml:1:" in result.stdout and "unknown key 'x'" in result.stdout
    assert result.stderr == "3 files, 2 problems (2 errors)\n"
    result = CliRunner().invoke(main, ["validate", "-"], input=MINIMAL)
    assert (result.exit_code, result.stderr) == (0, "1 file, 0 problems\n")
    result = CliRunner().invoke(main, ["validate", "-"], input=BAD)
    assert result.stdout.startswith("<stdin>:12:5: error: sessions[0].titel: unknown key")


def test_a_folder_search_finds_flow_outlines_that_break_or_are_long(run, tmp_path):
    """JSON tools write an emoji as two \\u halves, which YAML refuses: the outline is still
    found, and its error said. With sorted keys, `rtdraft` may come after 64 KB."""
    folder = tmp_path / "outlines"
    folder.mkdir()
    data = yaml.safe_load(MINIMAL)
    emoji = dict(data, meeting=dict(data["meeting"], title="Drugs \U0001F600"))
    (folder / "emoji.yaml").write_text(json.dumps(emoji, default=str))
    long = dict(data, conclusion={"body": ["x" * 70_000]})
    (folder / "sorted.yaml").write_text(json.dumps(long, default=str, sort_keys=True))
    assert (folder / "sorted.yaml").read_text().index('"rtdraft"') > 70_000
    (folder / "block.yaml").write_text("# settings\nname: x\nlist: [rtdraft]\n")
    result = run("validate", "outlines")
    assert result.stdout.startswith("outlines/emoji.yaml:1:")
    assert "holds the escape \\ud83d" in result.stdout
    assert result.stderr == "2 files, 1 problem (1 error)\n"


def test_a_folder_search_reads_any_line_break_and_long_comments(run, tmp_path):
    folder = tmp_path / "outlines"
    folder.mkdir()
    commented = "# saved by an old Mac\n" + MINIMAL
    (folder / "cr.yaml").write_bytes(commented.replace("\n", "\r").encode())
    (folder / "nel.yaml").write_text(commented.replace("\n", "\x85", 1), encoding="utf-8")
    flow = json.dumps(yaml.safe_load(MINIMAL), default=str)
    (folder / "late.yaml").write_text("# a licence\n" * 7000 + flow)   # 84 KB of comments
    result = run("validate", "outlines")
    assert (result.exit_code, result.stderr) == (0, "3 files, 0 problems\n")


def test_a_folder_that_cannot_be_searched_is_a_problem_and_the_search_goes_on(run, tmp_path):
    (tmp_path / "outlines").mkdir()
    (tmp_path / "outlines" / "a.yaml").write_text(MINIMAL)
    # folders nested deeper than a path can name (PATH_MAX, 4096 bytes)
    name = "d" * 200
    fd = os.open(tmp_path / "outlines", os.O_RDONLY)
    try:
        for _ in range(25):
            os.mkdir(name, dir_fd=fd)
            fd, old = os.open(name, os.O_RDONLY, dir_fd=fd), fd
            os.close(old)
    finally:
        os.close(fd)
    result = run("validate", "outlines")
    assert result.stdout.startswith("outlines" + f"/{name}" * 20)
    assert result.stdout.endswith(":1:1: error: cannot search folder: File name too long\n")
    assert result.stderr == "2 files, 1 problem (1 error)\n"


def test_a_folder_search_reads_banners_and_any_depth(tmp_path):
    """A run of # or spaces at the top of a YAML file is passed over at once (a pattern
    with nested repeats took seconds per character); folders nest deeper than Python's
    recursion (os.walk of Python 3.11 recurses)."""
    folder = tmp_path / "outlines"
    folder.mkdir()
    (folder / "ci.yaml").write_text("#" * 40 + "\n# CI settings\n" + "#" * 40 + "\njobs: {}\n")
    (folder / "spaces.yaml").write_text(" " * 40 + "x: 1\n")
    deep = folder
    for _ in range(1100):   # one by one: pathlib's mkdir(parents=True) recurses too
        deep /= "a"
        deep.mkdir()
    (deep / "o.yaml").write_text(MINIMAL)
    try:
        done = subprocess.run([sys.executable, "-m", "rtdraft", "validate", folder],
                              capture_output=True, text=True, timeout=60, check=False)
    finally:   # shutil.rmtree, which pytest cleans up with, recurses too
        (deep / "o.yaml").unlink()
        while deep != folder:
            deep.rmdir()
            deep = deep.parent
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "1 file, 0 problems\n")


def test_a_fifo_named_with_only_outlines_is_read_once(tmp_path):
    """Looking for the `rtdraft` key must not read the pipe: a second opening would wait
    for a writer that never comes."""
    os.mkfifo(tmp_path / "pipe.yaml")
    writer = threading.Thread(target=(tmp_path / "pipe.yaml").write_text, args=(MINIMAL,),
                              daemon=True)
    writer.start()
    done = subprocess.run([sys.executable, "-m", "rtdraft", "validate", "--only-outlines",
                           tmp_path / "pipe.yaml"], capture_output=True, text=True, timeout=60,
                          check=False)
    assert (done.returncode, done.stderr) == (0, "1 file, 0 problems\n")


def test_missing_file_is_a_usage_error(run):
    result = run("validate", "nowhere.yaml")
    assert result.exit_code == 2
    assert "'nowhere.yaml' does not exist" in result.output


def test_no_file_is_a_usage_error(run):
    assert run("validate").exit_code == 2


def test_unknown_format_is_a_usage_error(run, bad):
    assert run("validate", "--format", "xml", bad).exit_code == 2


def test_python_dash_m(tmp_path):
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "rtdraft", "--version"], capture_output=True, check=False,
                            text=True)
    assert result.stdout == f"rtdraft, version {__version__}\n"


@pytest.mark.parametrize("output_format", ["text", "parsable", "json", "github"])
def test_a_key_holding_control_characters_stays_on_one_line(run, tmp_path, output_format):
    """An unknown key holding a newline (the YAML test suite has such keys) was printed
    raw: one problem over two lines, and an escape could colour the terminal."""
    path = tmp_path / "keys\n.yaml"   # a file name can hold a newline too
    path.write_text(MINIMAL + '"bad\\nkey": 1\n"x\\u2028y\\e[31m\\x85": 2\n')
    result = run("validate", "--format", output_format, str(path))
    assert result.exit_code == 1
    if output_format == "json":
        problems = json.loads(result.stdout)
        assert [p["message"].split(";")[0] for p in problems] == [
            "unknown key 'bad\\nkey'", "unknown key 'x\\u2028y\\x1b[31m\\x85'"]
        assert all(p["file"] == str(tmp_path / "keys\\n.yaml") for p in problems)
        texts = [value for p in problems for value in p.values() if isinstance(value, str)]
    else:
        texts = result.stdout.splitlines()
        assert len(texts) == 2, texts
        assert "unknown key 'bad\\nkey'; expected one of: rtdraft" in texts[0]
        assert "unknown key 'x\\u2028y\\x1b[31m\\x85'; expected one of" in texts[1]
        file = str(tmp_path / "keys\\n.yaml")
        assert texts[0].startswith(f"::error file={file}," if output_format == "github"
                                   else f"{file}:21:1: ")
    assert not [t for t in texts if not t.isprintable()]
