"""The words of inline markup as a reader sees them (inline.plain): what the DOCX redline
compares in footnotes, which only the system tests reach (docs/testing.md, "Mutation
testing"). Markup marks are not words; footnote marks are not either."""

import pytest

from rtdraft.document import inline

CASES = [
    ("See **the [report](https://x.ca)**[^n].", "See the report."),
    ("*a* and **b** and <https://x.ca>", "a and b and https://x.ca"),
    ("[^a][^b]", ""),
    (r"a \*b\* [^n]c", "a *b* c"),
]


@pytest.mark.parametrize("source, words", CASES)
def test_the_words_a_reader_sees(source, words):
    assert inline.plain(inline.parse(source)) == words
