"""`rtdraft render --format html` through CliRunner: the page beside the outline, exit codes."""

from click.testing import CliRunner
from support.cli import run

from rtdraft.cli import main


def test_html_beside_the_outline(outline):
    result = run("render", outline, "--format", "html")
    assert (result.exit_code, result.output) == (0, f"wrote {outline.with_suffix('.html')}\n")
    page = outline.with_suffix(".html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en-CA">')
    assert run("render", outline, "--format", "html").exit_code == 0
    assert outline.with_suffix(".html").read_text(encoding="utf-8") == page   # reproducible


def test_html_template_error_is_exit_4_and_writes_nothing(outline, tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "block.html.j2").write_text("{% if %}")
    result = run("render", outline, "--format", "md,html", "--template-dir", tmp_path / "t")
    assert result.exit_code == 4
    assert "block.html.j2:1: template error: " in result.output
    assert not outline.with_suffix(".md").exists() and not outline.with_suffix(".html").exists()


def test_unknown_format_names_html_among_the_choices(outline):
    result = CliRunner().invoke(main, ["render", str(outline), "--format", "pdfx"])
    assert result.exit_code == 2 and "choose from docx, html, md" in result.output


def test_preview_port_out_of_range_is_a_usage_error(outline):
    result = CliRunner().invoke(main, ["preview", str(outline), "--port", "70000"])
    assert result.exit_code == 2 and "70000 is not in the range 0<=x<=65535" in result.output


def test_preview_on_an_unknown_host_is_a_usage_error(outline):
    result = CliRunner().invoke(main, ["preview", str(outline), "--host", "no.such.host.invalid"])
    assert result.exit_code == 2
    assert result.output.startswith("Error: cannot serve on no.such.host.invalid:0: ")
