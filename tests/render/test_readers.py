"""Real readers read the rendered examples: pandoc, LibreOffice, poppler.

Also the fidelity measure: rendering an example and reading the DOCX back with
pandoc gives back the published report it transcribes.
"""

import difflib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.outlines import EXAMPLES, ROOT
from support.readers import audit, pandoc, pdf_pages, pdf_text, to_pdf

from rtdraft.cli import main

# Starts LibreOffice, a browser, pip or npm: `python -m pytest -m 'not system'` leaves it out.
pytestmark = pytest.mark.system

SEEDS = {
    "spring-2019-halifax": ROOT / "seeds" / "000_104aff6ccee659f0.txt",
    "fall-2019-winnipeg": ROOT / "seeds" / "001_adf1485462782035.txt",
}


def words(text: str) -> list[str]:
    text = text.replace("’", "'").replace("‘", "'").replace("\\$", "$")
    return re.findall(r"\w+", text.lower())


def in_order(expected: list[str], actual: list[str]) -> float:
    """The share of `expected` words found in `actual` in the same order."""
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(expected)


@pytest.fixture(scope="module")
def rendered(rendered_examples):
    """Every example rendered once per session, through the command line."""
    return rendered_examples


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_fidelity_to_the_published_report(rendered, stem, capsys):
    seed = words(SEEDS[stem].read_text(encoding="utf-8"))
    back = words(pandoc(rendered / f"{stem}.docx"))
    figure = in_order(seed, back)
    with capsys.disabled():
        print(f"\nfidelity {stem}: {figure:.1%} of the report's {len(seed)} words come back "
              "in order")
    assert figure >= 0.97


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_pandoc_reads_the_markdown_and_docx_alike(rendered, example):
    from_md = words(pandoc(rendered / f"{example.stem}.md", source="markdown"))
    from_docx = words(pandoc(rendered / f"{example.stem}.docx"))
    assert len(from_md) > 1500
    # Same words, same order; the DOCX also carries the cover signature and wordmark.
    assert in_order(from_md, from_docx) >= 0.99


ENGLISH = ("Meeting Summary", "Public Safety Canada", "© Her Majesty the Queen in Right of Canada",
           "Appendix A: Organizations Represented at the Roundtable")
FRENCH = ("Résumé de la réunion", "Sécurité publique Canada",
          "© Sa Majesté la Reine du chef du Canada, représentée par",
          "Annexe A : Organisations représentées à la table ronde")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_libreoffice_converts_the_docx(rendered, example, tmp_path):
    pdf = to_pdf(rendered / f"{example.stem}.docx", tmp_path)
    pages = pdf_pages(pdf)
    assert pages >= 5
    subtitle, department, crown, appendix = FRENCH if "automne" in example.stem else ENGLISH
    cover = pdf_text(pdf, 1, 1)
    assert subtitle in cover and department in cover
    copyright_page = " ".join(pdf_text(pdf, 2, 2).split())
    assert crown in copyright_page
    body = " ".join(pdf_text(pdf, 3, pages).split())
    assert appendix in body


def test_footnotes_at_the_foot_of_their_page(rendered, tmp_path):
    pdf = to_pdf(rendered / "fall-2019-winnipeg.docx", tmp_path)
    for number, note in ((1, "In the United States, the fiscal year runs from 1 October"),
                         (2, "The dark web is also known as the dark net")):
        pages = [p for p in range(1, pdf_pages(pdf) + 1) if note in pdf_text(pdf, p, p)]
        assert len(pages) == 1
        lines = [line.strip() for line in pdf_text(pdf, pages[0], pages[0]).splitlines()
                 if line.strip()]
        where = next(i for i, line in enumerate(lines) if note in line)
        # The superscript number stands before the note, on its line or just above it.
        assert lines[where].startswith(str(number)) or lines[where - 1] == str(number)
        assert where >= len(lines) - 3      # at the foot: only the page number follows


def test_reference_example_with_contents_agenda_and_draft(tmp_path):
    """The editors' reference example: TOC, agenda table, nested lists, a draft."""
    text = (ROOT / "docs" / "outline.md").read_text(encoding="utf-8")
    outline = tmp_path / "reference-example.yaml"
    outline.write_text(re.search(r"```yaml\n(.*?)```", text, re.DOTALL).group(1), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(outline)])
    assert result.exit_code == 0, result.output
    pdf = to_pdf(outline.with_suffix(".docx"), tmp_path)
    contents = " ".join(pdf_text(pdf, 3, 3).split())
    assert contents.startswith("DRAFT Table of Contents Context")
    assert "Appendix B: Organizations Represented at the Roundtable" in contents
    agenda = " ".join(pdf_text(pdf, 4, pdf_pages(pdf)).split())
    assert "Time Item Speakers" in agenda and "13:00-13:15 Opening remarks Public Safety Canada" \
        in agenda
    plain = pandoc(outline.with_suffix(".md"), source="markdown")
    assert "The meeting was held online because of the pandemic." in plain


def docs_example(folder: Path) -> Path:
    """The docs' reference example (docs/outline.md), rendered to DOCX in `folder`."""
    text = (ROOT / "docs" / "outline.md").read_text(encoding="utf-8")
    outline = folder / "reference-example.yaml"
    outline.write_text(re.search(r"```yaml\n(.*?)```", text, re.DOTALL).group(1), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(outline), "--format", "docx"])
    assert result.exit_code == 0, result.output
    return outline.with_suffix(".docx")


def test_pandoc_and_mammoth_read_nested_lists_nested(tmp_path):
    import mammoth
    docx = docs_example(tmp_path)
    # a sub-list inside its parent item, not a list of its own after it
    assert "-   Information sharing, in two parts\n\n    -   data gaps;\n\n    -   privacy.\n" \
        in pandoc(docx, to="markdown")
    with docx.open("rb") as stream:
        html = mammoth.convert_to_html(stream).value
    assert "<li>Information sharing, in two parts<ul><li>data gaps;</li><li>privacy.</li></ul></li>" \
        in html


def test_openxml_audit_reports_every_rendered_docx_clean(rendered, tmp_path):
    paths = [rendered / f"{example.stem}.docx" for example in EXAMPLES] + [docs_example(tmp_path)]
    reports = {path.name: audit(path) for path in paths}
    assert {name: (r["verdict"]["prediction"], r["errors"]) for name, r in reports.items()} == \
        {name: ("opens-clean", []) for name in reports}
