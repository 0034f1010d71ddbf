"""inline.escape: any text written so that parse() reads it back as that text; a
[[placeholder]] keeps its brackets, so that lint still reports one read from a DOCX."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtdraft.document import inline


@pytest.mark.parametrize(("text", "escaped"), [
    ("[[Replace with the title]]", "[[Replace with the title]]"),
    ("a [[b*c]] d", "a [[b\\*c]] d"),
    ("[[a]][^x]", "[[a]]\\[^x\\]"),
    ("[[^a]]", "\\[\\[^a\\]\\]"),             # a footnote mark inside brackets
    ("[[[a]]]", "\\[[[a]]\\]"),
    ("a]] [[b", "a\\]\\] \\[\\[b"),           # no placeholder
    ("**x**", "\\*\\*x\\*\\*"),
])
def test_placeholders_keep_their_brackets(text, escaped):
    assert inline.escape(text) == escaped
    assert inline.parse(escaped) == (inline.Text(text),)


@given(st.text(alphabet="[]^*<>\\ab(): h/tps", max_size=30))
def test_any_text_reads_back_as_itself(text):
    assert inline.parse(inline.escape(text)) == ((inline.Text(text),) if text else ())
