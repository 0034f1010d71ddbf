"""Escapes and runs of backslashes in inline markup, read back from every writer by a
reader of its own: the DOCX by python-docx, the Markdown by pandoc, the web page by lxml;
and the DOCX imported back into an outline (whose writer escapes the markup characters
of the text), read by rtdraft's own parser.

The rule (docs/outline.md, "Inline markup"): a backslash before `*`, `[`, `]`, `<` or a
backslash makes that character text. So a run of k backslashes before a markup character
prints k // 2 backslashes, and the character is markup when k is even, text when k is
odd; before any other character (or at the end) every backslash but the pairs' second
prints: (k + 1) // 2. The expected text below is built from that rule alone, not from
the parser."""

import io
import json
import subprocess
import tempfile
from datetime import date
from pathlib import Path

import docx
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.cli import run
from support.outlines import MINIMAL, build, examples, load
from support.readers import need

from rtdraft.document import inline
from rtdraft.outline.validate import validate
from rtdraft.render import docx as docx_writer
from rtdraft.render import html, markdown

URL = "https://example.ca/"
KINDS = ("italic", "bold", "link", "autolink", "bracket", "letter")


def segment(kind: str, k: int, word: str) -> tuple[str, list[tuple[str, tuple]]]:
    """The source of k backslashes before one construct, and the runs a reader should see:
    (text, style), style () for plain text, ('em',), ('strong',) or ('a', url)."""
    slashes = "\\" * k
    if kind == "letter":   # no markup character follows: only pairs collapse
        return slashes + word, [("\\" * ((k + 1) // 2) + word, ())]
    text, markup = {
        "italic": (f"*{word}*", [(word, ("em",))]),
        "bold": (f"**{word}**", [(word, ("strong",))]),
        "link": (f"[{word}]({URL}{word})", [(word, ("a", URL + word))]),
        "autolink": (f"<{URL}{word}>", [(URL + word, ("a", URL + word))]),
        "bracket": (f"]{word}", [(f"]{word}", ())]),   # ] is never markup on its own
    }[kind]
    escaped = [(text, ())] if k % 2 else markup   # the escaped character is text, and
    return slashes + text, [("\\" * (k // 2), ())] + escaped   # so is the rest of it


def paragraph(parts: list[tuple[str, int, str]], end: int = 0):
    """A paragraph of the segments, separated by spaces, after 'Start' and before 'end' and
    `end` backslashes; its source and its expected runs, merged."""
    source, runs = "Start", [("Start", ())]
    for kind, k, word in parts:
        text, expected = segment(kind, k, word)
        source += " " + text
        runs += [(" ", ())] + expected
    source += " end" + "\\" * end
    runs.append((" end" + "\\" * ((end + 1) // 2), ()))
    return source, merged(runs)


def merged(runs) -> list[tuple[str, tuple]]:
    out = []
    for text, style in runs:
        if not text:
            continue
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out


def document(paragraphs: list[str]):
    data = load(MINIMAL).data
    data["introduction"]["body"] = paragraphs
    return build(data, today=date(2021, 6, 1))


# -- the readers ---------------------------------------------------------------------

def docx_runs(data: bytes) -> list[list]:
    found = []
    for p in docx.Document(io.BytesIO(data)).paragraphs:
        if not p.text.startswith("Start"):
            continue
        runs = []
        for item in p.iter_inner_content():
            if isinstance(item, docx.text.hyperlink.Hyperlink):
                runs.append((item.text, ("a", item.url)))
            else:
                style = ("strong",) if item.bold else ("em",) if item.italic else ()
                runs.append((item.text, style))
        found.append(merged(runs))
    return found


def pandoc_runs(data: bytes) -> list[list]:
    need("pandoc")
    result = subprocess.run(["pandoc", "-f", "markdown", "-t", "json"], input=data,
                            capture_output=True, check=True, timeout=120)

    def walk(inlines, style=()):
        for node in inlines:
            kind, content = node["t"], node.get("c")
            if kind == "Str":
                yield content, style
            elif kind in ("Space", "SoftBreak"):
                yield " ", style
            elif kind in ("Emph", "Strong"):
                yield from walk(content, ("em",) if kind == "Emph" else ("strong",))
            elif kind == "Link":
                yield from walk(content[1], ("a", content[2][0]))
            else:
                yield f"<{kind}>", style   # anything else shows in the comparison
    blocks = json.loads(result.stdout)["blocks"]
    paras = [merged(list(walk(b["c"]))) for b in blocks if b["t"] == "Para"]
    return [p for p in paras if p and p[0][0].startswith("Start")]


def html_runs(data: bytes) -> list[list]:
    page = lxml.html.fromstring(data)

    def walk(element, style=()):
        if element.text:
            yield element.text, style
        for child in element:
            inner = {"em": ("em",), "strong": ("strong",)}.get(child.tag) or \
                (("a", child.get("href")) if child.tag == "a" else (f"<{child.tag}>",))
            yield from walk(child, inner)
            if child.tail:
                yield child.tail, style
    return [merged(list(walk(p))) for p in page.iter("p")
            if (p.text or "").startswith("Start")]


def model_runs(nodes, style=()) -> list:
    out = []
    for node in nodes:
        if isinstance(node, inline.Text):
            out.append((node.text, style))
        elif isinstance(node, inline.Link):
            out += model_runs(node.children, ("a", node.url))
        elif isinstance(node, (inline.Emph, inline.Strong)):
            out += model_runs(node.children, ("em",) if isinstance(node, inline.Emph)
                              else ("strong",))
    return out


def import_runs(data: bytes) -> list[list]:
    """The DOCX imported back into an outline (its own writer of inline markup, with its
    escapes), each paragraph read by rtdraft's parser."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.docx"
        path.write_bytes(data)
        result = run("import", path)
        assert result.exit_code == 0, result.output
        source = load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert validate(source) == []
    return [merged(model_runs(inline.parse(text)))
            for text in source.data["introduction"]["body"]
            if isinstance(text, str) and text.startswith("Start")]


def read_back(paragraphs: list[str]) -> dict[str, list]:
    model = document(paragraphs)
    data = docx_writer.render(model)
    return {"docx": docx_runs(data), "import": import_runs(data),
            "markdown (pandoc)": pandoc_runs(markdown.render(model)),
            "html": html_runs(html.render(model))}


# -- the tests -----------------------------------------------------------------------

TABLE = [(kind, k) for kind in KINDS for k in range(1, 7)]


def test_one_to_six_backslashes_before_each_markup_character_in_every_writer():
    cases = [paragraph([(kind, k, "word")]) for kind, k in TABLE] + \
        [paragraph([], end) for end in range(1, 7)]
    found = read_back([source for source, _ in cases])
    for writer, paragraphs in found.items():
        assert len(paragraphs) == len(cases), writer
        for (kind, k), (source, expected), got in zip(TABLE, cases, paragraphs):
            assert got == expected, (writer, kind, k, source)
        for end, (source, expected), got in zip(range(1, 7), cases[len(TABLE):],
                                                paragraphs[len(TABLE):]):
            assert got == expected, (writer, "at the end", end, source)


def test_the_rule_as_the_docs_state_it():
    """Spelled out for two cases, so that the rule the table is built from is itself
    pinned: three backslashes and an italic, four and a link."""
    assert paragraph([("italic", 3, "a")]) == (
        "Start \\\\\\*a* end", [("Start \\*a* end", ())])
    assert paragraph([("link", 4, "b")]) == (
        f"Start \\\\\\\\[b]({URL}b) end",
        [("Start \\\\", ()), ("b", ("a", URL + "b")), (" end", ())])


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6)


@settings(max_examples=examples(15), deadline=None)
@given(parts=st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 6), WORD),
                      min_size=1, max_size=6),
       end=st.integers(0, 6))
def test_any_mix_of_escapes_reads_back_the_same_from_every_writer(parts, end):
    source, expected = paragraph(parts, end)
    for writer, paragraphs in read_back([source]).items():
        assert paragraphs == [expected], (writer, source)


@pytest.mark.parametrize(("source", "text"), [
    ("Start \\[^n1] end", "Start [^n1] end"),
    ("Start \\\\\\[^n1] end", "Start \\[^n1] end"),
])
def test_an_escaped_footnote_mark_is_text_in_every_writer(source, text):
    for writer, paragraphs in read_back([source]).items():
        assert paragraphs == [[(text, ())]], writer
