"""`rtdraft render` through CliRunner: where files go, exit codes, nothing lost."""

import pytest
from support.cli import run
from support.outlines import EXAMPLES, MINIMAL


def test_both_formats_beside_the_outline(outline):
    result = run("render", outline)
    assert result.exit_code == 0
    assert result.output == (f"wrote {outline.with_suffix('.docx')}\n"
                             f"wrote {outline.with_suffix('.md')}\n")
    assert outline.with_suffix(".docx").read_bytes()[:2] == b"PK"
    assert outline.with_suffix(".md").read_text().startswith("---\ntitle: ")


def test_one_format_to_a_named_file(outline, tmp_path):
    result = run("render", outline, "--format", "md", "--output", tmp_path / "summary.md")
    assert result.exit_code == 0
    assert (tmp_path / "summary.md").exists() and not outline.with_suffix(".docx").exists()


def test_several_formats_into_a_new_folder(outline, tmp_path):
    assert run("render", outline, "-o", tmp_path / "out" / "2021").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out" / "2021").iterdir()) == [
        "spring.docx", "spring.md"]


def test_one_format_into_a_new_folder_named_with_a_slash(outline, tmp_path):
    result = run("render", outline, "--format", "docx", "-o", f"{tmp_path / 'new'}/")
    assert result.exit_code == 0
    assert (tmp_path / "new").is_dir()
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["spring.docx"]


def test_a_slash_makes_a_folder_of_a_name_with_a_suffix(outline, tmp_path):
    result = run("render", outline, "--format", "md,html", "-o", f"{tmp_path / 'web.md'}/")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "web.md").iterdir()) == ["spring.html",
                                                                       "spring.md"]


def test_several_outlines_in_one_format_go_into_a_new_folder(outline, tmp_path):
    (tmp_path / "autumn.yaml").write_text(outline.read_text(), encoding="utf-8")
    result = run("render", outline, tmp_path / "autumn.yaml", "--format", "md", "-o",
                 tmp_path / "out")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["autumn.md", "spring.md"]


def test_two_outlines_of_one_name_are_not_written_over_each_other(outline, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / "c" / folder).mkdir(parents=True)
        (tmp_path / "c" / folder / "x.yaml").write_text(
            outline.read_text().replace("Spring 2021", f"Spring 2021 {folder}"), encoding="utf-8")
    result = run("render", tmp_path / "c", "--format", "md", "-o", tmp_path / "out")
    assert result.exit_code == 5
    assert result.stdout == f"wrote {tmp_path / 'out' / 'x.md'}\n"
    assert result.stderr.splitlines() == [
        (f"{tmp_path / 'c' / 'b' / 'x.yaml'}: {tmp_path / 'out' / 'x.md'}: already written from "
        f"{tmp_path / 'c' / 'a' / 'x.yaml'} in this call; render outlines of the same name into "
        "different folders"), "Error: 1 of 2 outlines not rendered"]
    assert "Spring 2021 a" in (tmp_path / "out" / "x.md").read_text()


def test_a_file_name_for_several_formats_is_refused(outline, tmp_path):
    result = run("render", outline, "-o", tmp_path / "summary.docx")
    assert result.exit_code == 2
    assert result.output.endswith(
        f"Invalid value for --output: {tmp_path / 'summary.docx'} names one file, but 2 "
        "formats are asked for (docx, md); give a folder, or one --format\n")
    assert not (tmp_path / "summary.docx").exists()


def test_one_format_into_an_existing_folder(outline, tmp_path):
    (tmp_path / "out").mkdir()
    assert run("render", outline, "--format", "docx", "-o", tmp_path / "out").exit_code == 0
    assert (tmp_path / "out" / "spring.docx").exists()


def test_rendering_twice_gives_identical_files(outline):
    run("render", outline)
    first = outline.with_suffix(".docx").read_bytes(), outline.with_suffix(".md").read_bytes()
    run("render", outline)
    assert (outline.with_suffix(".docx").read_bytes(),
            outline.with_suffix(".md").read_bytes()) == first


def test_invalid_outline_renders_nothing_and_keeps_the_previous_output(outline):
    run("render", outline)
    before = outline.with_suffix(".docx").read_bytes()
    outline.write_text(MINIMAL.replace("  - title: Trends\n", "  - body_: x\n"))
    result = run("render", outline)
    assert result.exit_code == 1
    assert result.output.startswith(f"{outline}:12:5: error: ")
    assert outline.with_suffix(".docx").read_bytes() == before


def test_template_error_writes_nothing(outline, tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "summary.md.j2").write_text("{{ missing }}")
    result = run("render", outline, "--template-dir", tmp_path / "t")
    assert result.exit_code == 4
    assert "template error" in result.output
    assert not outline.with_suffix(".docx").exists() and not outline.with_suffix(".md").exists()


def test_bad_reference_document_is_exit_4(outline, tmp_path):
    (tmp_path / "house.docx").write_text("plain text")
    result = run("render", outline, "--reference-doc", tmp_path / "house.docx")
    assert result.exit_code == 4
    assert result.output == (f"Error: {tmp_path / 'house.docx'}: not a Word document (.docx); "
                             "a reference document must be one\n")


def test_unwritable_output_is_exit_5_and_keeps_the_other_files(outline, tmp_path):
    (tmp_path / "spring.md").mkdir()          # a folder stands where the file would go
    (tmp_path / "spring.md" / "notes.txt").write_text("keep")
    result = run("render", outline, "-o", tmp_path)
    assert result.exit_code == 5
    assert result.output.endswith(f"Error: cannot write {tmp_path / 'spring.md'}: "
                                  "Is a directory\n")
    assert (tmp_path / "spring.md" / "notes.txt").read_text() == "keep"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_output_that_cannot_be_created_is_exit_5(outline, tmp_path):
    (tmp_path / "file").write_text("x")
    result = run("render", outline, "-o", tmp_path / "file" / "sub")
    assert result.exit_code == 5
    assert result.output == (f"Error: cannot create folder {tmp_path / 'file' / 'sub'}: "
                             "Not a directory\n")


def test_one_format_to_a_file_in_a_new_folder(outline, tmp_path):
    result = run("render", outline, "--format", "md", "-o", tmp_path / "new" / "x.md")
    assert result.exit_code == 0
    assert (tmp_path / "new" / "x.md").exists()


def test_unknown_output_format_is_a_usage_error(outline):
    result = run("render", outline, "--format", "rtf")
    assert result.exit_code == 2
    assert "'rtf' is not a format; choose from docx, html, md, pdf" in result.output


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "1e400", "-5", "0.5"])
def test_timeout_must_be_a_finite_number_of_seconds(value, tmp_path):
    """nan passed FloatRange (every comparison with it is false) and switched the
    LibreOffice limit off; inf did the same."""
    result = run("render", EXAMPLES[0], "--format", "pdf", "--timeout", value, "-o",
                 tmp_path / "x.pdf")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1].startswith("Error: Invalid value for '--timeout': ")
    assert not (tmp_path / "x.pdf").exists()



def test_a_timeout_of_one_second_is_taken_and_less_is_not(tmp_path):
    """README: --timeout is at least 1; the edge and just under it."""
    result = run("render", EXAMPLES[0], "--format", "md", "--timeout", "1", "-o",
                 tmp_path / "x.md")
    assert result.exit_code == 0, result.output
    result = run("render", EXAMPLES[0], "--format", "md", "--timeout", "0.999", "-o",
                 tmp_path / "y.md")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == ("Error: Invalid value for '--timeout': 0.999 is "
                                              "not in the range x>=1.")
    assert not (tmp_path / "y.md").exists()

# -- words the summary would lose ---------------------------------------------------------

LOST = MINIMAL.replace("      - Trends were discussed.\n",
                       "      - Methamphetamine remains the #1 concern.\n").replace(
    "    - Partners agreed to meet again.\n",
    "    - Partners agreed to meet again.\n     - Data gaps were named.\n")
LOST_LINES = (
    "spring.yaml:14:37: warning: sessions[0].body[0]: '#1 concern.' is a YAML comment, "
    "dropped from the text; to keep it, put the whole text in quotes: 'Methamphetamine "
    "remains the #1 concern.' (a comment meant as one goes on a line of its own)\n"
    "spring.yaml:18:6: warning: outcomes.items[0]: this line was joined to the text above "
    "it, not read as a new list item: its dash is in column 6, the dash above in column 5; "
    "line the dashes up\n")


def test_lost_words_are_reported_on_stderr_and_the_draft_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spring.yaml").write_text(LOST, encoding="utf-8")
    result = run("render", "spring.yaml", "--format", "md")
    assert result.exit_code == 0
    assert result.stderr == LOST_LINES
    assert result.stdout == "wrote spring.md\n"
    assert "Methamphetamine remains the\n" in (tmp_path / "spring.md").read_text()


@pytest.mark.parametrize("how, why", [
    ("--strict", "--strict was given"), ("final", "the outline is final")])
def test_lost_words_in_a_final_outline_or_with_strict_write_nothing(tmp_path, monkeypatch,
                                                                     how, why):
    monkeypatch.chdir(tmp_path)
    text = LOST if how == "--strict" else LOST.replace(
        "  department: Public Safety Canada\n",
        "  department: Public Safety Canada\n  status: final\n")
    (tmp_path / "spring.yaml").write_text(text, encoding="utf-8")
    result = run("render", "spring.yaml", *([how] if how == "--strict" else []))
    assert result.exit_code == 3
    shift = (lambda s: s) if how == "--strict" else (
        lambda s: s.replace(":14:37:", ":15:37:").replace(":18:6:", ":19:6:"))
    assert result.stderr == shift(LOST_LINES) + (
        f"Error: not rendered: words would be lost at 2 places and {why}; fix them "
        "(rtdraft docs lint) and render again\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spring.yaml"]


def test_lost_words_accepted_in_the_outline_are_not_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = LOST + ("lint:\n  ignore:\n    - {rule: comment-in-text, path: sessions}\n"
                   "    - {rule: item-in-text, path: outcomes}\n")
    (tmp_path / "spring.yaml").write_text(text, encoding="utf-8")
    result = run("render", "spring.yaml", "--strict", "--format", "md")
    assert result.exit_code == 0 and result.stderr == ""
