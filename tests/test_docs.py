"""The editors' reference is complete and its example is a valid outline."""

import re

from support.outlines import ROOT, load

from rtdraft.languages.labels import LABELS
from rtdraft.outline import schema
from rtdraft.outline.validate import validate

REFERENCE = (ROOT / "docs" / "outline.md").read_text(encoding="utf-8")


def test_the_complete_example_validates():
    example = re.search(r"```yaml\n(.*?)```", REFERENCE, re.DOTALL).group(1)
    assert validate(load(example, "docs/outline.md")) == []


def _keys(rules: dict, prefix: str = ""):
    for key, rule in rules.items():
        yield prefix + key, key
        nested = rule.get("schema")
        if isinstance(nested, dict) and rule.get("type") == "dict":
            yield from _keys(nested, prefix + key + ".")


def test_every_key_of_the_schema_is_documented():
    missing = [path for path, key in _keys(schema.OUTLINE) if f"`{key}`" not in REFERENCE
               and f"`{path}`" not in REFERENCE]
    assert missing == []
    for group_key in schema.SESSION_GROUP["schema"]:
        assert f"`{group_key}`" in REFERENCE
    for session_key in schema.SESSION["schema"]:
        assert f"`{session_key}`" in REFERENCE


def test_every_label_key_is_documented():
    assert [k for k in LABELS["en"] if f"`{k}`" not in REFERENCE] == []


def test_ci_runs_the_readme_test_command_exactly():
    """A reader who follows the README runs what CI runs: the command, not a near copy."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme.split("and run every test:\n\n```sh\n", 1)[1].split("\n```", 1)[0]
    assert command.startswith("npm ci ") and command.endswith("python -m pytest")
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in script
    assert "ruff check rtdraft tests benchmarks" in script


# -- docs/writing-in-word.md ---------------------------------------------------------------

WORD_PAGE = (ROOT / "docs" / "writing-in-word.md").read_text(encoding="utf-8")
WORD_DRAFT = ROOT / "examples" / "word" / "first-draft.docx"


def test_the_word_page_shows_what_import_check_says_of_the_example_draft(monkeypatch):
    """The transcript in the page is the output of the command it shows, run on the
    example draft (stdout, then the count on stderr), and the draft is the one the tests
    make (support/worddraft.py), as its picture shows it."""
    from support.cli import run

    block = WORD_PAGE.split("The same, as text:\n\n```text\n", 1)[1].split("```", 1)[0]
    command, _, said = block.partition("\n")
    assert command == "$ rtdraft import --check first-draft.docx"
    monkeypatch.chdir(WORD_DRAFT.parent)
    result = run(*command.split()[2:])
    assert result.exit_code == 0
    assert said == result.stdout + result.stderr


def test_the_example_draft_is_the_one_the_tests_make(tmp_path):
    import docx
    from support.worddraft import EXAMPLE, example

    made = docx.Document(str(example(tmp_path / "made.docx")))
    shipped = docx.Document(str(WORD_DRAFT))
    assert [(p.style.name, p.text) for p in shipped.paragraphs] == \
        [(p.style.name, p.text) for p in made.paragraphs] == list(EXAMPLE)


def test_the_word_page_s_error_line_is_what_check_says(tmp_path, monkeypatch):
    from support.cli import run
    from support.worddraft import agenda_draft

    line = re.search(r'^draft\.docx, paragraph 22, .*: error: .*$', WORD_PAGE, re.MULTILINE)
    agenda_draft(tmp_path / "draft.docx", "March 30, 2019")
    monkeypatch.chdir(tmp_path)
    result = run("import", "--check", "draft.docx")
    assert result.exit_code == 1
    assert line.group(0) in result.stdout.splitlines()


def test_the_word_page_s_steps_run(tmp_path, monkeypatch):
    """check, import, render into a folder of its own: the Word draft is never touched."""
    from support.cli import run

    draft = tmp_path / "draft.docx"
    draft.write_bytes(WORD_DRAFT.read_bytes())
    monkeypatch.chdir(tmp_path)
    steps = re.findall(r"^(rtdraft (?:import|render) [^#\n]*?)\s*(?:#.*)?$",
                       WORD_PAGE.split("```sh\n", 1)[1].split("```", 1)[0], re.MULTILINE)
    assert steps == ["rtdraft import --check draft.docx",
                     "rtdraft import draft.docx -o meeting.yaml",
                     "rtdraft render meeting.yaml -o summary/"]
    for step in steps:
        result = run(*step.split()[1:])
        assert result.exit_code == 0, (step, result.output)
    assert draft.read_bytes() == WORD_DRAFT.read_bytes()
    assert sorted(p.name for p in (tmp_path / "summary").iterdir()) == \
        ["meeting.docx", "meeting.md"]


def test_the_word_page_is_a_topic_with_its_pictures_and_linked_from_the_readme():
    from support.cli import run

    assert ["writing-in-word", "Writing in Word"] in [
        line.split(None, 1) for line in run("docs").output.splitlines()]
    for picture in re.findall(r"\]\(([\w-]+\.png)\)", WORD_PAGE):
        assert (ROOT / "docs" / picture).stat().st_size > 10_000
    assert re.findall(r"\]\(([\w-]+\.png)\)", WORD_PAGE) == [
        "word-starter.png", "word-draft.png", "import-check.png"]


def test_the_word_page_s_starter_lines_are_what_check_says_of_the_starter(tmp_path,
                                                                          monkeypatch):
    from support.cli import run

    monkeypatch.chdir(tmp_path)
    assert run("new", "draft.docx").exit_code == 0
    result = run("import", "--check", "draft.docx")
    assert result.exit_code == 0
    shown = re.findall(r"^   (draft\.docx, .*)$", WORD_PAGE, re.MULTILINE)
    assert len(shown) == 2
    assert set(shown) <= set(result.stdout.splitlines())
    assert result.stderr == "draft.docx: 0 errors, 23 warnings; nothing written\n"
    assert "each instruction left is a warning where it stands, 23 in all" in WORD_PAGE
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "[docs/writing-in-word.md](docs/writing-in-word.md)" in readme
