"""Inline markup read into nodes (docs/outline.md, "Inline markup"): what each construct
becomes at its edges, where a construct ends inside another, and the offset a bad link
target is reported at. Written against the survivors of a mutation run (docs/testing.md,
"Every survivor of inline.py")."""

import pytest

from rtdraft.document import inline
from rtdraft.document.inline import Emph, FootnoteRef, Link, Strong, Text

X, Y = "https://x.ca", "https://y.ca"

CASES = {
    # links: the text is what lies between [ and the first ] not escaped
    "a link": ("[a](https://x.ca)", (Link(X, (Text("a"),)),)),
    "links side by side": ("[a](https://x.ca)[b](https://y.ca)",
                           (Link(X, (Text("a"),)), Link(Y, (Text("b"),)))),
    "brackets before a link": ("[a][b](https://x.ca)", (Text("[a]"), Link(X, (Text("b"),)))),
    "a ] before a link": ("a][b](https://x.ca)", (Text("a]"), Link(X, (Text("b"),)))),
    "no text, no link": ("[](https://x.ca)", (Text("[](https://x.ca)"),)),
    "no text, then a link": ("[](https://x.ca) [b](https://y.ca)",
                             (Text("[](https://x.ca) "), Link(Y, (Text("b"),)))),
    "an escaped ] in a link's text": ("[\\]b](https://x.ca)", (Link(X, (Text("]b"),)),)),
    "an escaped [ in a link's text": ("[\\[b](https://x.ca)", (Link(X, (Text("[b"),)),)),
    "markup in a link's text": ("[**a** *b*](https://x.ca)", (
        Link(X, (Strong((Text("a"),)), Text(" "), Emph((Text("b"),)))),)),
    "a backslash before a letter in a link's text": ("[\\a](https://x.ca)",
                                                    (Link(X, (Text("\\a"),)),)),
    "a backslash at the end": ("[a\\", (Text("[a\\"),)),
    "a backslash before a line break": ("[a\\\nb](https://x.ca)",
                                        (Link(X, (Text("a\\\nb"),)),)),
    "no target": ("[a] (https://x.ca)", (Text("[a] (https://x.ca)"),)),
    "a space in the target": ("[a](https://x.ca b)", (Text("[a](https://x.ca b)"),)),
    # a construct inside an emphasis ends where the emphasis does
    "a link's ] past the emphasis": ("*[a*](https://x.ca)",
                                     (Emph((Text("[a"),)), Text("](https://x.ca)"))),
    "a link's target past the emphasis": ("*see [a](https://x.ca/*)",
                                          (Emph((Text("see [a](https://x.ca/"),)), Text(")"))),
    "an address's > past the emphasis": ("*<https://x.ca/*>",
                                         (Emph((Text("<https://x.ca/"),)), Text(">"))),
    "a * past the link's text": ("[a *b](https://x.ca) c*",
                                 (Link(X, (Text("a *b"),)), Text(" c*"))),
    "a footnote's ] past the emphasis": ("*[^a*]", (Emph((Text("[^a"),)), Text("]"))),
    "a link in an emphasis": ("*[a](https://x.ca)*", (Emph((Link(X, (Text("a"),)),)),)),
    # addresses
    "autolinks": ("<https://x.ca> <mailto:a@b.ca> <http://y.ca>", (
        Link(X, (Text(X),)), Text(" "), Link("mailto:a@b.ca", (Text("mailto:a@b.ca"),)),
        Text(" "), Link("http://y.ca", (Text("http://y.ca"),)))),
    "not autolinks": ("<ftp://x.ca> <https://x.ca y> <x.ca>",
                      (Text("<ftp://x.ca> <https://x.ca y> <x.ca>"),)),
    "an escaped autolink": ("\\<https://x.ca>", (Text("<https://x.ca>"),)),
    # footnotes
    "footnotes": ("a[^1] b[^note-2].", (Text("a"), FootnoteRef("1"), Text(" b"),
                                        FootnoteRef("note-2"), Text("."))),
    "not footnotes": ("[^a b] [^] [^a", (Text("[^a b] [^] [^a"),)),
    "an id that starts with ] or a space": ("[^]a] [^ a]", (Text("[^]a] [^ a]"),)),
    "an escaped footnote": ("\\[^a] \\\\[^b]", (Text("[^a] \\"), FootnoteRef("b"))),
    # emphasis: text hugs both markers
    "bold, italic, both": ("**b** *i* ***bi***", (
        Strong((Text("b"),)), Text(" "), Emph((Text("i"),)), Text(" "),
        Emph((Strong((Text("bi"),)),)))),
    "a space after the opening *": ("* a* ** b**", (Text("* a* ** b**"),)),
    "a space before the closing *": ("*a * **b **", (Text("*a * **b **"),)),
    "a lone *": ("a * b *c*", (Text("a * b "), Emph((Text("c"),)))),
    "italic then bold": ("*5***5**", (Emph((Text("5"),)), Strong((Text("5"),)))),
    "italic that does not close after bold": ("***a*", (Text("**"), Emph((Text("a"),)))),
    "a row of stars": ("Rated ****.", (Text("Rated ****."),)),
    "a space before a closing ***": ("*a ***b", (Text("*a ***b"),)),
    "bold inside italic, hugging": ("*a**b**c*", (
        Emph((Text("a"), Strong((Text("b"),)), Text("c"))),)),
    "bold in italic": ("*a **b** c*", (Emph((Text("a "), Strong((Text("b"),)), Text(" c"))),)),
    "italic in bold": ("**a *b* c**", (Strong((Text("a "), Emph((Text("b"),)), Text(" c"))),)),
    "a * before a closing **": ("**a ***", (Strong((Text("a *"),)),)),   # not a ** of its own
    "five *": ("*****", (Strong((Text("*"),)),)),
    "an escaped closing *": ("*a\\**", (Emph((Text("a*"),)),)),
    "an escaped closing **": ("**a\\**", (Text("**a**"),)),
    "words around": ("x*y*z", (Text("x"), Emph((Text("y"),)), Text("z"))),
    # escapes
    "escapes": ("\\* \\[ \\] \\< \\\\ \\a", (Text("* [ ] < \\ \\a"),)),
    "an escaped backslash before markup": ("\\\\*a*", (Text("\\"), Emph((Text("a"),)))),
}


@pytest.mark.parametrize("source, nodes", CASES.values(), ids=CASES)
def test_markup_reads_as(source, nodes):
    assert inline.parse(source) == nodes


@pytest.mark.parametrize("source, url, offset", [
    ("See [a](x.pdf).", "x.pdf", 8),
    ("**b [a](ftp://x.ca)**", "ftp://x.ca", 8),
    ("[a](https://x.ca) [b](www.x.ca)", "www.x.ca", 22),
    ("[a\\\nb](x.pdf)", "x.pdf", 7),
])
def test_a_link_target_that_is_not_an_address_is_refused_at_its_offset(source, url, offset):
    with pytest.raises(inline.MarkupError) as error:
        inline.parse(source)
    assert str(error.value) == f"link target '{url}' must start with https://, http:// or mailto:"
    assert error.value.offset == offset


def test_footnote_marks_are_found_with_their_offsets():
    assert inline.footnote_refs("[^a] [^a b] [^] \\[^c] \\\\[^d] [^e[^f] x[^g]") == [
        ("a", 0), ("d", 24), ("e[^f", 29), ("g", 38)]
    assert inline.footnote_refs("no marks [^ here") == []
    assert inline.footnote_refs("[^a][^b]") == [("a", 0), ("b", 4)]


@pytest.mark.parametrize("source, found", [
    ("\\[^a]", []),
    ("[^a] \\", [("a", 0)]),                # a backslash at the end escapes nothing before
    ("\\[^a] \\", []),
    ("\\\\\\[^a] \\\\\\\\[^b]", [("b", 12)]),   # three backslashes escape, four do not
])
def test_a_footnote_mark_after_backslashes(source, found):
    assert inline.footnote_refs(source) == found


def test_unescape_undoes_escape():
    assert inline.unescape("\\* \\[ \\] \\< \\\\ \\a \\\\\\*") == "* [ ] < \\ \\a \\*"
    text = "a *b* [c](d) <e> [^f] \\g"
    assert inline.unescape(inline.escape(text)) == text


def test_typography_changes_the_words_but_not_addresses_or_footnote_ids():
    nodes = inline.parse("a [b](https://x.ca/b) **c** *d*[^e] <https://y.ca>")
    assert inline.typeset(nodes, str.upper) == (
        Text("A "), Link("https://x.ca/b", (Text("B"),)), Text(" "), Strong((Text("C"),)),
        Text(" "), Emph((Text("D"),)), FootnoteRef("e"), Text(" "),
        Link(Y, (Text("HTTPS://Y.CA"),)))


class Watched(str):
    """A text that counts the searches made in it (str.find, startswith, and reading a
    character), so that the work of reading it is measured without a clock."""

    def __new__(cls, text):
        self = super().__new__(cls, text)
        self.searches = 0
        return self

    def find(self, *args):
        self.searches += 1
        return super().find(*args)

    def startswith(self, *args):
        self.searches += 1
        return super().startswith(*args)

    def __getitem__(self, key):
        self.searches += 1
        return super().__getitem__(key)


@pytest.mark.parametrize("unit, end", [
    ("*a ", ""), ("*a ", "**"), ("**a ", ""), ("x *a", ""), ("*a **", ""), ("[", ""),
    ("[a", ""), ("[^", ""), ("[ ](", ""), ("[a](b c", ""), ("[\\a", ""),
])
def test_reading_markers_that_close_nothing_is_linear(unit, end):
    """Each search for a closing * or ] remembers what it found (test_model.py,
    test_markers_that_close_nothing_stay_text, times it): twice the markers, twice the
    searches, not four times."""
    def searches(n):
        text = Watched(unit * n + end)
        inline.parse.__wrapped__(text)   # not the cache of texts already read
        return text.searches
    assert searches(2000) <= 2 * searches(1000) + 10
