"""Every example's rendered Markdown, and the (style, text) pairs of its DOCX, against the
golden files in tests/golden/. `pytest --update-golden` rewrites them; review the diff.
Besides the examples, tests/golden/every-block.yaml holds every kind of block the writers
emit, so that each paragraph style of the DOCX is pinned to its text somewhere."""

from datetime import date

import pytest
from support.outlines import EXAMPLES, ROOT, build, load
from support.readers import pairs

from rtdraft.render import docx as docx_writer
from rtdraft.render import markdown

TODAY = date(2021, 6, 1)   # for outlines without a publication date
GOLDEN = ROOT / "tests" / "golden"
OUTLINES = EXAMPLES + [GOLDEN / "every-block.yaml"]

# The styles the writer gives no paragraph of its own: the table's, and those of runs.
NOT_PARAGRAPHS = {"Table Grid", "Hyperlink", "footnote reference", "Header", "Footer"}


@pytest.mark.parametrize("path", OUTLINES, ids=lambda p: p.stem)
def test_examples_match_their_golden_files(path, golden):
    source = load(path.read_text(encoding="utf-8"), str(path.name))
    document = build(source.data, today=TODAY)
    golden(f"{path.stem}.md", markdown.render(document).decode("utf-8"))
    golden(f"{path.stem}.docx.txt", pairs(docx_writer.render(document)))


def test_the_golden_pairs_hold_every_paragraph_style_the_writer_uses():
    """A paragraph written in the wrong style with its text unchanged changes a golden
    file only if that kind of paragraph is in one: every style is."""
    found = {line.split("\t")[0] for path in GOLDEN.glob("*.docx.txt")
             for line in path.read_text(encoding="utf-8").splitlines()}
    assert (set(docx_writer.STYLES) | set(docx_writer.GALLERY)) - NOT_PARAGRAPHS <= found
    assert not NOT_PARAGRAPHS & found
