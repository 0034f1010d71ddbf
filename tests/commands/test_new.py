"""`rtdraft new`: an outline that validates as written, placeholders lint flags, no overwrite."""

import pytest
from support.cli import run
from support.outlines import ROOT

from rtdraft.lint import lint
from rtdraft.outline.source import read
from rtdraft.outline.validate import validate


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


SCHEMA = "rtdraft-1.schema.json"



def test_new_outline_validates_and_lint_flags_its_placeholders(here):
    result = run("new", "spring.yaml")
    assert result.exit_code == 0
    assert result.output == "wrote " + str(here / "rtdraft-1.schema.json") + "\nwrote spring.yaml\n"
    text = (here / "spring.yaml").read_text()
    assert text.splitlines()[0] == "# yaml-language-server: $schema=rtdraft-1.schema.json"
    assert "# The meeting the summary reports on.\nmeeting:\n  # The meeting's full title.\n" in text
    source = read(here / "spring.yaml")
    assert validate(source) == []
    placeholders = [p for p in lint(source) if p.rule == "placeholder"]
    assert len(placeholders) == 14
    assert (placeholders[0].line, placeholders[0].column) == (12, 11)


def test_from_keeps_the_structure_and_replaces_the_text(here):
    result = run("new", "next.yaml", "--from", ROOT / "examples" / "spring-2019-halifax.yaml")
    assert result.exit_code == 0
    data = read(here / "next.yaml").data
    previous = read(ROOT / "examples" / "spring-2019-halifax.yaml").data
    assert validate(read(here / "next.yaml")) == []
    assert [s["kind"] for s in data["sessions"]] == [s["kind"] for s in previous["sessions"]]
    assert data["session_groups"]["breakout"]["label"] == "Breakout #{n}"
    # last year's organizations, under a first line that says to check them
    assert data["appendices"][0]["organizations"] == [
        "[[Last year's organizations: check them against this year's, then remove this line]]",
        *previous["appendices"][0]["organizations"]]
    # the meeting's dates are to come, not today's
    assert data["meeting"]["dates"] == ["[[YYYY-MM-DD, one per day of the meeting]]"]
    assert data["meeting"]["edition"] == 3
    assert data["publication"]["status"] == "draft" and "isbn" not in data["publication"]
    assert data["lint"] == previous["lint"]
    text = (here / "next.yaml").read_text()
    assert "Saginaw" not in text.split("appendices:")[0]   # no sentence of the old text stays
    assert list(data).index("session_groups") < list(data).index("sessions")


def test_never_overwrites_without_force(here):
    (here / "spring.yaml").write_text("mine\n")
    result = run("new", "spring.yaml")
    assert result.exit_code == 5
    assert result.output == "Error: spring.yaml exists; use --force to replace it\n"
    assert (here / "spring.yaml").read_text() == "mine\n"
    assert run("new", "spring.yaml", "--force").exit_code == 0
    assert validate(read(here / "spring.yaml")) == []


def test_modeline_points_at_the_checkout_schema(here):
    (here / "schema").mkdir()
    (here / "schema" / "rtdraft-1.schema.json").write_text("{}")
    (here / "outlines").mkdir()
    assert run("new", "outlines/fall.yaml").output == "wrote outlines/fall.yaml\n"
    first = (here / "outlines" / "fall.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/rtdraft-1.schema.json"
    assert run("new", "x.yaml", "--schema", "https://example.org/s.json").exit_code == 0
    assert (here / "x.yaml").read_text().startswith(
        "# yaml-language-server: $schema=https://example.org/s.json\n")


def test_from_an_invalid_outline_is_exit_1(here):
    (here / "old.yaml").write_text("rtdraft: 1\n")
    result = run("new", "new.yaml", "--from", "old.yaml")
    assert result.exit_code == 1 and not (here / "new.yaml").exists()


def test_new_outline_in_new_folders(here):
    result = run("new", "sub/dir/x.yaml")
    assert result.exit_code == 0, result.output
    assert result.output == ("wrote " + str(here / "sub" / "dir" / "rtdraft-1.schema.json")
                             + "\nwrote sub/dir/x.yaml\n")
    assert validate(read(here / "sub" / "dir" / "x.yaml")) == []


def test_from_an_outline_whose_edition_is_true_is_exit_1(here):
    text = (ROOT / "examples" / "spring-2019-halifax.yaml").read_text(encoding="utf-8")
    (here / "old.yaml").write_text(text.replace("  edition: 2\n", "  edition: true\n"))
    assert "  edition: true\n" in (here / "old.yaml").read_text()
    result = run("new", "new.yaml", "--from", "old.yaml")
    assert result.exit_code == 1 and not (here / "new.yaml").exists()
    assert "meeting.edition: must be a whole number, not true/false" in result.output


def test_one_schema_serves_a_folder_and_the_folders_below_it(here):
    assert run("new", "spring.yaml").output.startswith("wrote " + str(here / SCHEMA))
    assert run("new", "fall.yaml").output == "wrote fall.yaml\n"
    (here / "2022").mkdir()
    assert run("new", "2022/winter.yaml").output == "wrote 2022/winter.yaml\n"
    assert sorted(p.name for p in here.rglob("*.json")) == [SCHEMA]
    for name, ref in (("fall.yaml", SCHEMA), ("2022/winter.yaml", "../" + SCHEMA)):
        first = (here / name).read_text().splitlines()[0]
        assert first == f"# yaml-language-server: $schema={ref}"


def test_the_search_for_a_schema_stops_at_the_top_of_a_project(here):
    (here / SCHEMA).write_text("{}")
    (here / "project" / ".git").mkdir(parents=True)
    result = run("new", "project/spring.yaml")
    assert result.output == (f"wrote {here / 'project' / SCHEMA}\n"
                             "wrote project/spring.yaml\n")


def test_from_a_format_1_outline_renames_department_fr(here):
    text = (ROOT / "examples" / "spring-2019-halifax.yaml").read_text(encoding="utf-8")
    (here / "old.yaml").write_text(text.replace("  department_other:", "  department_fr:"))
    assert run("new", "new.yaml", "--from", "old.yaml").exit_code == 0
    publication = read(here / "new.yaml").data["publication"]
    assert publication["department_other"] == "Sécurité publique Canada"
    assert "department_fr" not in publication
    assert [p.rule for p in lint(read(here / "new.yaml")) if p.rule == "department-fr"] == []


@pytest.mark.parametrize("value", ["x.json\nrtdraft: 99", "x.json\u2028y", "x\x00"])
def test_a_schema_path_with_a_line_break_is_refused(tmp_path, value):
    """The path goes into the modeline comment: a line break ended the comment, and what
    followed it was YAML of the outline (`rtdraft: 99`)."""
    result = run("new", tmp_path / "s.yaml", "--schema", value)
    assert result.exit_code == 2
    assert "Invalid value for '--schema': holds the control character U+" in result.output
    assert not (tmp_path / "s.yaml").exists()


def test_a_final_outline_may_not_keep_the_date_placeholder(here):
    run("new", "spring.yaml")
    text = (here / "spring.yaml").read_text().replace("status: draft", "status: final")
    (here / "spring.yaml").write_text(text)
    messages = [p.message for p in validate(read(here / "spring.yaml"))
                if p.path[:2] == ("meeting", "dates")]
    assert messages == [("'[[YYYY-MM-DD, one per day of the meeting]]' is a placeholder, and the "
                        "outline is final; write the meeting's dates (YYYY-MM-DD) or set "
                        "publication.status to draft")]


def test_schema_output_is_not_replaced_without_force(here):
    (here / "schema.json").write_text("mine\n")
    result = run("schema", "--output", "schema.json")
    assert (result.exit_code, result.output) == (
        5, "Error: schema.json exists; use --force to replace it\n")
    assert (here / "schema.json").read_text() == "mine\n"
    assert run("schema", "--output", "schema.json", "--force").exit_code == 0
    assert (here / "schema.json").read_text().startswith("{")


@pytest.mark.parametrize("name", ["draft.yml", "draft.YAML"])
def test_yml_and_capitals_are_yaml(here, name):
    assert run("new", name).exit_code == 0
    assert (here / name).read_text().startswith("# yaml-language-server:")


def test_language_fr_writes_a_french_outline(here):
    assert run("new", "printemps.yaml", "--language", "fr").exit_code == 0
    source = read(here / "printemps.yaml")
    assert source.data["publication"]["language"] == "fr"
    assert validate(source) == []


def test_the_language_of_a_from_outline_is_its_own(here):
    result = run("new", "next.yaml", "--language", "fr", "--from",
                 ROOT / "examples" / "spring-2019-halifax.yaml")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for --language: the language is the --from outline's")
    assert list(here.iterdir()) == []
