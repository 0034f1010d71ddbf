"""A first draft typed in Word's built-in styles, without rtdraft's styles (issue 26): made
by python-docx's default template, by LibreOffice from a web page and by pandoc from
Markdown, each also saved again by LibreOffice, in English and in French. Each imports
(exit 0), validates, renders to DOCX and Markdown, and gives back the draft's words in the
outline's places: title, dates, place, parts, sessions with their labels split, lists with
their levels and kinds, the organizations and the agenda."""

from pathlib import Path

import pytest
import yaml
from support import drafts
from support.cli import run
from support.readers import need

from rtdraft.office.process import Office

ROOT = Path(__file__).resolve().parents[2]
CONVERT = ROOT / "tests" / "uno" / "convert.py"
WORD = "MS Word 2007 XML"


def imported(path: Path, language: str) -> dict:
    """The draft imported, validated and rendered, as a user runs it: the outline's data."""
    outline = path.with_suffix(".yaml")
    result = run("import", path, "-o", outline, "--report")
    assert result.exit_code == 0, result.output
    checked = run("validate", outline)
    assert checked.exit_code == 0, checked.output
    for fmt in ("docx", "md"):
        out = path.with_name(f"{path.stem}-again.{fmt}")
        rendered = run("render", outline, "--format", fmt, "-o", out)
        assert rendered.exit_code == 0, rendered.output
        assert out.stat().st_size > 0
    data = yaml.safe_load(outline.read_text(encoding="utf-8"))
    assert data["publication"]["language"] == language, outline.read_text(encoding="utf-8")
    return data


def assert_as_typed(data: dict, language: str) -> None:
    """The outline holds the draft's words where they belong, exactly."""
    wanted = drafts.WANTED[language]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    for key, value in wanted.items():
        if key == "meeting":
            found = {k: str(v) if k != "dates" else [str(d) for d in v]
                     for k, v in data["meeting"].items() if k in value}
            assert found == value, text
        else:
            assert data.get(key) == value, (key, text)


@pytest.mark.parametrize("language", ["en"])
def test_a_python_docx_draft_imports_as_typed(tmp_path, language):
    path = drafts.python_docx(language, tmp_path / "draft.docx")
    assert_as_typed(imported(path, language), language)


@pytest.mark.parametrize("language", ["en"])
def test_a_pandoc_draft_imports_as_typed(tmp_path, language):
    need("pandoc")
    path = drafts.pandoc(language, tmp_path / "draft.docx")
    assert_as_typed(imported(path, language), language)


@pytest.fixture(scope="module")
def office():
    need("soffice")
    with Office(timeout=300) as running:
        yield running


@pytest.mark.system
@pytest.mark.parametrize("language", ["en"])
def test_drafts_libreoffice_made_or_saved_again_import_as_typed(office, tmp_path, language):
    """The draft written by LibreOffice from a web page (the title a plain first line), and
    the python-docx and pandoc drafts saved again by LibreOffice (DOCX to DOCX)."""
    need("pandoc")
    page = tmp_path / "page.html"
    page.write_text(drafts.web_page(language), encoding="utf-8")
    made = {"libreoffice": tmp_path / "libreoffice.docx"}
    office.run(CONVERT, page, made["libreoffice"], WORD, "HTML (StarWriter)")
    for how, make in (("python-docx", drafts.python_docx), ("pandoc", drafts.pandoc)):
        made[how] = make(language, tmp_path / f"{how}.docx")
    for how, path in list(made.items()):
        again = tmp_path / f"{how}-saved.docx"
        office.run(CONVERT, path, again, WORD)
        made[f"{how}, saved by LibreOffice"] = again
    for how, path in made.items():
        data = imported(path, language)
        try:
            assert_as_typed(data, language)
        except AssertionError as error:
            raise AssertionError(f"{how}: {error}") from None
