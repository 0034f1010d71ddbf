"""[Content_Types].xml is written by one function for every package rtdraft writes; what it
writes reads back to the same defaults and overrides, whatever an untrusted package named."""

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from support.outlines import examples

from rtdraft.ooxml import package

NAME = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn"))
               | st.sampled_from("\t\n\r&<>\"'"),
               min_size=1, max_size=12)


@settings(max_examples=examples(200), deadline=None)
@given(st.dictionaries(NAME.map(str.lower), NAME, max_size=4),
       st.dictionaries(NAME.map(lambda n: n.lstrip("/")).filter(bool), NAME, max_size=4))
def test_what_is_written_reads_back(defaults, overrides):
    written = package.write_content_types(sorted(defaults.items()), sorted(overrides.items()))
    assert written.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
    assert package.content_types(etree.fromstring(written)) == (defaults, overrides)


def test_the_written_part_is_the_one_word_reads():
    assert package.write_content_types(
        [("rels", "application/vnd.openxmlformats-package.relationships+xml")],
        [("/word/document.xml", "a&b")]) == (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
        b'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
        b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override '
        b'PartName="/word/document.xml" ContentType="a&amp;b"/></Types>')
