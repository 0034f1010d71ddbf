"""The Markdown says what the outline says: pandoc reads the rendered Markdown back into
the model's blocks (every paragraph one paragraph, every heading one heading, every list
its items), whatever the text starts with or holds."""

import json
import re
import subprocess

import lxml.html
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from support.outlines import EXAMPLES, MINIMAL, build, examples, load
from support.strategies import CoreDumper, outlines_with_structure

from rtdraft.document import inline
from rtdraft.document.model import Heading, ListBlock, Note, Paragraph, Table
from rtdraft.outline.validate import validate
from rtdraft.render import html, markdown


def _words(text: str) -> str:
    """The words, an apostrophe inside a word as ' (pandoc's smart typography shows it ’;
    test_only_what_pandoc_would_misread_is_escaped checks that exactly)."""
    return " ".join(re.sub(r"(?<=\w)’(?=\w)", "'", text).split())


def _model_text(nodes) -> str:
    out = []
    for node in nodes:
        if isinstance(node, inline.Text):
            out.append(node.text)
        elif isinstance(node, (inline.Strong, inline.Emph, inline.Link)):
            out.append(_model_text(node.children))
    return "".join(out)


def _pandoc_text(inlines) -> str:
    out = []
    for node in inlines:
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Emph", "Strong", "Strikeout", "Superscript", "Subscript", "SmallCaps",
                      "Underline"):
            out.append(_pandoc_text(content))
        elif kind == "Link":
            out.append(_pandoc_text(content[1]))
        elif kind in ("Code", "Math", "RawInline"):
            out.append(content[-1])
        elif kind == "Quoted":   # pandoc's smart extension reads curly quotes so
            marks = "“”" if content[0]["t"] == "DoubleQuote" else "‘’"
            out.append(marks[0] + _pandoc_text(content[1]) + marks[1])
        elif kind == "Span":
            out.append(_pandoc_text(content[1]))
        # Note: a footnote's text is not part of its paragraph's
    return "".join(out)


def _expected(block) -> tuple:
    """A block of the model as (kind, text or items) to compare with pandoc's."""
    if isinstance(block, Heading):
        return ("Header", block.level, _words(block.text))
    if isinstance(block, Paragraph):
        return ("Para", _words(_model_text(block.inlines)))
    if isinstance(block, Note):
        return ("Para", _words(block.text))
    if isinstance(block, ListBlock):
        return ("OrderedList" if block.numbered else "BulletList",
                tuple((_words(_model_text(item.inlines)),
                       _expected(item.sublist) if item.sublist else None)
                      for item in block.items))
    assert isinstance(block, Table)
    return ("Table", len(block.rows))


def _read(block: dict) -> tuple:
    kind, content = block["t"], block.get("c")
    if kind == "Header":
        return ("Header", content[0], _words(_pandoc_text(content[2])))
    if kind in ("Para", "Plain"):
        return ("Para", _words(_pandoc_text(content)))
    if kind in ("BulletList", "OrderedList"):
        items = content if kind == "BulletList" else content[1]
        out = []
        for item in items:
            text = _words(_pandoc_text(item[0]["c"])) if item and \
                item[0]["t"] in ("Plain", "Para") else repr(item[:1])
            rest = [_read(b) for b in item[1:]]
            out.append((text, rest[0] if len(rest) == 1 else (tuple(rest) or None)))
        return (kind, tuple(out))
    if kind == "Table":
        return ("Table", sum(len(body[3]) for body in content[4]))
    return (kind, json.dumps(content)[:80])


def pandoc_blocks(text: str) -> list[tuple]:
    out = subprocess.run(["pandoc", "-f", "markdown", "-t", "json"], input=text.encode(),
                         capture_output=True, check=True, timeout=60).stdout
    return [_read(b) for b in json.loads(out)["blocks"]]


def check(outline: str) -> None:
    source = load(outline)
    assert [p for p in validate(source) if p.level == "error"] == []
    document = build(source.data)
    rendered = markdown.render(document).decode()
    read = pandoc_blocks(rendered)
    expected = [_expected(b) for b in document.body]
    assert len(read) >= len(expected), rendered
    assert read[-len(expected):] == expected, rendered
    # what comes before the body: the cover's lines and the contents, one block each
    front = bool(document.draft) + bool(document.cover.tagline) + 2 + len(document.front) + \
        (2 if document.toc else 0)
    assert len(read) == front + len(expected), (read[:front + 1], rendered)
    headers = [b for b in read if b[0] == "Header"]
    assert [b[2] for b in headers] == [_words(h.text) for h in document.headings]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_read_back_block_for_block(example):
    check(example.read_text(encoding="utf-8"))


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines_with_structure())
def test_text_that_looks_like_structure_reads_back_as_text(outline):
    source = load(outline)
    assume(not [p for p in validate(source) if p.level == "error"])
    check(outline)


@pytest.mark.parametrize("text", ["(a) first", "i. first", "2) second", "1. one", "- dash",
                                  "# hash", "> quote", "    code", "a\n- b", "a\n\nb",
                                  "A.  Smith", "#. x", "(@) ex"])
def test_a_paragraph_is_one_paragraph(text):
    data = load(MINIMAL).data
    data["conclusion"]["body"] = [text]
    data["sessions"][0]["title"] = text
    check(yaml.dump(data, Dumper=CoreDumper, allow_unicode=True, sort_keys=False))


def test_a_literal_block_title_is_one_heading():
    check(MINIMAL.replace("  - title: Trends", "  - title: |\n      Trends\n      # and more"))
    assert re.search(r"^# Plenary Session 1: Trends and more \{#", markdown.render(build(
        _valid(MINIMAL.replace("  - title: Trends",
                               "  - title: |\n      Trends\n      and more")))).decode(), re.MULTILINE)


def _valid(text):
    source = load(text)
    assert validate(source) == []
    return source.data


@pytest.mark.parametrize("title", ["Trends", "|\n      Trends\n      # and more\n",
                                   "|\n      (a) Trends\n\n      - more\n"])
def test_html_has_one_heading_per_heading(title):
    """The web page has the same class of risk; HTML reads a line break as a space."""
    data = _valid(MINIMAL.replace("  - title: Trends", f"  - title: {title}"))
    document = build(data)
    page = lxml.html.fromstring(html.render(document))
    headings = page.xpath("//main//*[self::h1 or self::h2 or self::h3 or self::h4]")
    found = [_words(h.text_content()) for h in headings]
    expected = [_words(h.text) for h in document.headings]
    start = found.index("Introduction")   # after the cover's title
    assert found[start:start + len(expected)] == expected, found


def test_a_long_run_of_spaces_is_read_once():
    """From each space of a run with no line break after it, the run was read again: a
    title of 40,000 spaces went past the template's 10 seconds."""
    title = "Trends" + " " * 40_000 + "x"
    assert markdown.escape(title) == title
    assert markdown.escape("a  \n  b") == "a b"


TRICKY = ("l'ordre d'un 'quoted' students' views, Wow! ![x] a@b.ca @cite &amp; R&D '90s "
          "O'Neil's [l'x] (y) _b_ 5$ ~x~ ^y^ <b> \"so\" it's")


def test_only_what_pandoc_would_misread_is_escaped():
    data = load(MINIMAL).data
    data["conclusion"]["body"] = [TRICKY]
    document = build(data)
    rendered = markdown.render(document).decode()
    assert "l'ordre d'un \\'quoted\\' students\\' views, Wow! \\!\\[x\\] a@b.ca \\@cite " \
           "\\&amp; R&D \\'90s O'Neil's" in rendered
    out = subprocess.run(["pandoc", "-f", "markdown", "-t", "json"], input=rendered.encode(),
                         capture_output=True, check=True, timeout=60).stdout
    paragraph = json.loads(out)["blocks"][-1]["c"]
    # smart typography shows an apostrophe inside a word as ’; nothing else changes
    assert _pandoc_text(paragraph) == re.sub(r"(?<=\w)'(?=\w)", "’", TRICKY)
    smartless = subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "json"],
                               input=rendered.encode(), capture_output=True, check=True,
                               timeout=60).stdout
    assert _pandoc_text(json.loads(smartless)["blocks"][-1]["c"]) == TRICKY
