"""Every example's rendered Markdown, and the (style, text) pairs of its DOCX, against the
golden files in tests/golden/. `pytest --update-golden` rewrites them; review the diff."""

import io
from datetime import date

import docx
import pytest
from support.outlines import EXAMPLES, build, load

from rtdraft.render import docx as docx_writer
from rtdraft.render import markdown

TODAY = date(2021, 6, 1)   # for outlines without a publication date


def pairs(data: bytes) -> str:
    """One line per paragraph, "style<TAB>text", and one per table row, cell by cell."""
    document = docx.Document(io.BytesIO(data))
    lines = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            paragraph = docx.text.paragraph.Paragraph(child, document)
            lines.append(f"{paragraph.style.name}\t{paragraph.text}")
        elif child.tag.endswith("}tbl"):
            table = docx.table.Table(child, document)
            for row in table.rows:
                lines.append("row\t" + " | ".join(cell.text for cell in row.cells))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_match_their_golden_files(path, golden):
    source = load(path.read_text(encoding="utf-8"), str(path.name))
    document = build(source.data, today=TODAY)
    golden(f"{path.stem}.md", markdown.render(document).decode("utf-8"))
    golden(f"{path.stem}.docx.txt", pairs(docx_writer.render(document)))
