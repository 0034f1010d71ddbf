"""The command line through click's CliRunner: exit codes and every output format."""

import json

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES, MINIMAL

from rtdraft import __version__
from rtdraft.cli import main

BAD = MINIMAL.replace("  - title: Trends\n", "  - titel: Trends\n")


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_WORKFLOW", raising=False)

    def invoke(*args, env=None):
        return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
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
    assert result.stderr == "2 files, 2 problems (2 errors)\n"
    assert result.stdout == (
        "bad.yaml:12:5: error: sessions[0].titel: unknown key 'titel'; did you mean 'title'?\n"
        "bad.yaml:12:5: error: sessions[0].title: required field is missing\n")


def test_parsable_format(run, bad):
    result = run("validate", "--format", "parsable", bad)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "bad.yaml:12:5: [error] sessions[0].titel: unknown key 'titel'; did you mean 'title'? "
        "(unknown-key)")


def test_json_format(run, bad):
    result = run("validate", "--format", "json", bad)
    assert result.exit_code == 1
    assert json.loads(result.stdout)[1] == {
        "file": "bad.yaml", "line": 12, "column": 5, "level": "error",
        "path": "sessions[0].title", "message": "required field is missing", "rule": "required"}


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
        "close it, or if this is text, put the whole value in quotes: \"[b\" (YAML parser: did "
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
    assert result.stderr == "3 files, 3 problems (3 errors)\n"
    result = CliRunner().invoke(main, ["validate", "-"], input=MINIMAL)
    assert (result.exit_code, result.stderr) == (0, "1 file, 0 problems\n")
    result = CliRunner().invoke(main, ["validate", "-"], input=BAD)
    assert result.stdout.startswith("<stdin>:12:5: error: sessions[0].titel: unknown key")


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
