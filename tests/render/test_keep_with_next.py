"""A lead-in ('These include:') is never left at the foot of a page with its list on the
next: the DOCX says keep-with-next, and LibreOffice's PDF pages show it kept."""

import io

import docx
import pytest
from support.outlines import MINIMAL, build, load
from support.readers import pdf_pages, pdf_text, to_pdf

from rtdraft.render import docx as docx_writer

FILLER = ("Partners described the trends they see in their regions and the gaps in the "
          "data they share with one another. ")


def sweep(count: int = 24) -> str:
    """Lead-ins after fillers of 1, 2, 3 ... lines: one of them falls at a page's foot."""
    body = []
    for n in range(1, count + 1):
        body.append(f'      - "{FILLER * n}"')
        body.append(f'      - "Lead-in {n:02d} names these points:"')
        body.append(f'      - bullets: ["Item {n:02d} one.", "Item {n:02d} two."]')
    return MINIMAL.replace("      - Trends were discussed.\n", "\n".join(body) + "\n")


def test_a_lead_in_and_a_presenters_line_keep_with_next():
    text = MINIMAL.replace("    body:\n      - Trends were discussed.\n",
                           "    presenters: [Winnipeg Police Service]\n    body:\n"
                           "      - 'These include:'\n      - bullets: [Trends., Data.]\n"
                           "      - After the list.\n")
    document = docx.Document(io.BytesIO(docx_writer.render(build(load(text).data))))
    keep = {p.text: p.paragraph_format.keep_with_next for p in document.paragraphs
            if p.text in ("Presenters: Winnipeg Police Service", "These include:",
                          "After the list.", "Trends.")}
    assert keep == {"Presenters: Winnipeg Police Service": True, "These include:": True,
                    "Trends.": None, "After the list.": None}
    heading = document.styles["Heading 1"].paragraph_format
    assert heading.keep_with_next is True


@pytest.mark.system
def test_on_the_pdf_pages_every_lead_in_shares_a_page_with_its_list(tmp_path):
    path = tmp_path / "sweep.docx"
    path.write_bytes(docx_writer.render(build(load(sweep()).data)))
    pdf = to_pdf(path, tmp_path)
    pages = [pdf_text(pdf, n, n) for n in range(1, pdf_pages(pdf) + 1)]
    for n in range(1, 25):
        lead = next(i for i, page in enumerate(pages) if f"Lead-in {n:02d}" in page)
        assert f"Item {n:02d} one." in pages[lead], f"lead-in {n} alone at a page's foot"
