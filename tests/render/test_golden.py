"""Every example's rendered Markdown, and the (style, text) pairs of its DOCX, against the
golden files in tests/golden/. `pytest --update-golden` rewrites them; review the diff."""

from datetime import date

import pytest
from support.outlines import EXAMPLES, build, load
from support.readers import pairs

from rtdraft.render import docx as docx_writer
from rtdraft.render import markdown

TODAY = date(2021, 6, 1)   # for outlines without a publication date


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_match_their_golden_files(path, golden):
    source = load(path.read_text(encoding="utf-8"), str(path.name))
    document = build(source.data, today=TODAY)
    golden(f"{path.stem}.md", markdown.render(document).decode("utf-8"))
    golden(f"{path.stem}.docx.txt", pairs(docx_writer.render(document)))
