"""Markdown writer: pandoc-flavoured Markdown through Jinja2 templates.

Python turns the model into Markdown pieces (escaped so that every character an
editor wrote comes out as written); the templates in templates/ only arrange
them, and a user may replace them with --template-dir. Templates run in
Jinja2's sandbox: a template can arrange text, not reach into Python.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..document import inline
from ..document.model import Document, Heading, ListBlock, Note, Paragraph, Table
from ..resources import default_dir
from . import sandbox

TEMPLATE = "summary.md.j2"

# Pandoc reads these as markup (emphasis, links, raw HTML, math, entities, smart
# quotes, attributes, citations, super/subscripts, tables); pandoc lets a backslash
# make any ASCII punctuation literal. Not escaped, as pandoc reads them as written: an
# apostrophe inside a word (l'ordre, it's: smart typography shows it as ’, never a
# quote), ! not before [ (an image), @ after a letter or digit (no citation: a@b.ca),
# & not before a name or number and ; (no entity).
_SPECIAL = re.compile(r"""([\\*_{}\[\]<>#$~^|"]|(?<!\w)'|'(?!\w)|!(?=\[)|(?<!\w)@|"""
                      r"""&(?=#?\w+;))""")
# What starts a block at the start of a line: a list marker of pandoc's fancy_lists
# (1. 2) a. B) i. (iv); #. is escaped as #), a bullet, a definition, a title block; its
# last character is the one escaped.
_LINE_START = re.compile(r"^(?:[-+:=%]|\(?(?:\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)](?=\s|$))")
# A line break inside a text would let its next line start a block (or end a heading);
# a paragraph's leading spaces would make it code. Word and the web page show them as
# one space, and so does the Markdown.
# starting only where a run of spaces starts: from each space of a long run with no line
# break after it, the run was read again (a quadratic title)
_BREAKS = re.compile(r"(?<![ \t])[ \t]*[\r\n][\s]*")


def escape(text: str) -> str:
    """Markdown text that pandoc reads back as exactly `text`."""
    return _protect_start(_escape_inline(text)).rstrip(" \t")


def _escape_inline(text: str) -> str:
    text = _BREAKS.sub(" ", text)
    text = _SPECIAL.sub(r"\\\1", text)
    # a backtick as an entity: pandoc takes even an escaped one for a code span's delimiter
    # when it looks for where a list item ends (its nested list was read as text)
    text = text.replace("`", "&#96;")
    return text.replace("--", "-\\-").replace("...", "\\.\\.\\.")


def _protect_start(text: str) -> str:
    """Keep a paragraph from starting a list, quote, definition or code block."""
    text = text.lstrip(" \t")
    return _LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text, count=1)


def _finalize(value):
    """Autoescape for Markdown: plain strings are escaped, Markup is already Markdown."""
    if isinstance(value, Markup):
        return value
    return Markup(escape(str(value)))


def inlines(nodes, numbers: dict[str, int]) -> str:
    out = []
    for node in nodes:
        if isinstance(node, inline.Text):
            out.append(_escape_inline(node.text))
        elif isinstance(node, inline.Strong):
            out.append(f"**{inlines(node.children, numbers)}**")
        elif isinstance(node, inline.Emph):
            out.append(f"*{inlines(node.children, numbers)}*")
        elif isinstance(node, inline.Link):
            url = node.url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
            if node.children == (inline.Text(node.url),):
                out.append(f"<{url}>")
            else:
                out.append(f"[{inlines(node.children, numbers)}]({url})")
        elif isinstance(node, inline.FootnoteRef):
            out.append(f"[^{numbers[node.id]}]")
    return _protect_start("".join(out))


def list_lines(block: ListBlock, numbers: dict, depth: int = 0) -> list[str]:
    lines = []
    for index, item in enumerate(block.items, start=1):
        marker = f"{index}." if block.numbered else "-"
        lines.append("    " * depth + f"{marker} {inlines(item.inlines, numbers)}")
        if item.sublist:
            lines += list_lines(item.sublist, numbers, depth + 1)
    return lines


def table_lines(block: Table) -> list[str]:
    def row(cells):
        return "| " + " | ".join(escape(c) if c else " " for c in cells) + " |"
    return [row(block.header), "|" + "|".join("---" for _ in block.header) + "|"] + \
        [row(r) for r in block.rows]


def slugs(headings: list[Heading]) -> dict[str, str]:
    """Heading anchor -> a readable identifier, unique in the document."""
    seen: dict[str, int] = {}
    out = {}
    for heading in headings:
        base = re.sub(r"[^\w\s-]", "", heading.text.lower()).strip()
        # pandoc reads an identifier only from its first letter on (as its own
        # auto_identifiers do): '29 mars 2021' would leave the heading as text.
        base = re.sub(r"^[\W\d_]+", "", re.sub(r"\s+", "-", base)) or "section"
        seen[base] = seen.get(base, 0) + 1
        out[heading.anchor] = base if seen[base] == 1 else f"{base}-{seen[base] - 1}"
    return out


def context(document: Document) -> dict:
    """What the templates see: the model with its Markdown pieces made."""
    numbers = {note.id: note.number for note in document.footnotes}
    ids = slugs(document.headings)
    blocks = []
    previous = None
    for block in document.body:
        if isinstance(block, Heading):
            item = {"kind": "heading", "level": block.level, "text": block.text,
                    "id": Markup(ids[block.anchor]), "hashes": Markup("#" * block.level)}
        elif isinstance(block, Paragraph):
            item = {"kind": "paragraph", "markdown": Markup(inlines(block.inlines, numbers))}
        elif isinstance(block, Note):
            item = {"kind": "note", "text": block.text}
        elif isinstance(block, ListBlock):
            item = {"kind": "list", "markdown": Markup("\n".join(list_lines(block, numbers))),
                    "after_list": isinstance(previous, ListBlock)}
        else:
            item = {"kind": "table", "markdown": Markup("\n".join(table_lines(block)))}
        blocks.append(item)
        previous = block
    meta = {"title": document.title, "subtitle": document.subtitle, "lang": document.locale,
            "date": document.date_text}
    return {
        "doc": document,
        "meta": {k: Markup(json.dumps(escape(v), ensure_ascii=False)) for k, v in meta.items()},
        "blocks": blocks,
        "contents": [{"text": h.text, "id": Markup(ids[h.anchor]),
                      "indent": Markup("  " * (h.level - 1))}
                     for h in document.headings if h.level <= 2] if document.toc else [],
        "footnotes": [{"number": n.number, "markdown": Markup(inlines(n.inlines, numbers))}
                      for n in document.footnotes],
        "labels": document.labels,
    }


def environment(template_dir: Path | None = None) -> jinja2.Environment:
    folders = ([template_dir] if template_dir else []) + [default_dir()]
    return sandbox.environment(folders, finalize=_finalize, autoescape=False,
                               keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)


def render(document: Document, template_dir: Path | None = None) -> bytes:
    text = sandbox.render(environment(template_dir), TEMPLATE, context(document))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    return text.encode("utf-8")
