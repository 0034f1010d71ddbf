"""HTML writer: the web edition, a Canada.ca content page, through Jinja2 templates.

Python turns the model into HTML pieces (every editor's character escaped); the
templates in templates/ (summary.html.j2, summary.css) arrange them, and a user may
replace them with --template-dir. Templates run in Jinja2's sandbox with HTML
autoescaping, so a template can arrange text, not reach into Python nor inject
markup through a value. The page is self-contained: its style is inline, the Federal
Identity Program's symbols are inline SVG (identity.py), it loads no font, script or
image, and its Content-Security-Policy forbids any request.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..document import inline
from ..document.model import Document, Heading, ListBlock, Note, Paragraph, Table
from ..resources import default_dir
from . import identity, sandbox
from .markdown import slugs

TEMPLATE = "summary.html.j2"
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

def text(value: str) -> Markup:
    """Escaped text; the model's non-breaking spaces written as &nbsp; so they show."""
    return Markup(str(escape(value)).replace("\u00a0", "&nbsp;").replace("\u202f", "&#8239;"))


def _finalize(value):
    return value if isinstance(value, Markup) else text(str(value))


class _Inlines:
    """Inline nodes to HTML; footnote marks numbered and given ids for the way back."""

    def __init__(self, numbers: dict[str, int], words: dict[str, str]):
        self.numbers = numbers
        self.words = words
        self.refs: dict[int, list[str]] = {}     # footnote number -> ids of its marks

    def __call__(self, nodes, marks: bool = True) -> Markup:
        out = []
        for node in nodes:
            if isinstance(node, inline.Text):
                out.append(text(node.text))
            elif isinstance(node, inline.Strong):
                out.append(Markup("<strong>%s</strong>") % self(node.children, marks))
            elif isinstance(node, inline.Emph):
                out.append(Markup("<em>%s</em>") % self(node.children, marks))
            elif isinstance(node, inline.Link):
                out.append(Markup('<a href="%s">%s</a>') % (node.url, self(node.children, marks)))
            elif isinstance(node, inline.FootnoteRef) and marks:
                out.append(self.mark(self.numbers[node.id]))
        return Markup("").join(out)

    def mark(self, number: int) -> Markup:
        ids = self.refs.setdefault(number, [])
        ids.append(f"fn{number}-rf" + (f"-{len(ids)}" if ids else ""))
        return Markup('<sup id="%s"><a class="fn-lnk" href="#fn%d"><span class="wb-inv">'
                      '%s </span>%d</a></sup>') % (ids[-1], number, self.words["footnote"],
                                                    number)


def _list(block: ListBlock, html: _Inlines) -> Markup:
    tag = "ol" if block.numbered else "ul"
    items = [Markup("<li>%s%s</li>") % (html(item.inlines),
                                        _list(item.sublist, html) if item.sublist else "")
             for item in block.items]
    return Markup("<%s>%s</%s>") % (Markup(tag), Markup("").join(items), Markup(tag))


def _date_attribute(document: Document) -> str:
    """The publication date as precise as the outline gave it: 2021, 2021-03 or 2021-03-04."""
    day = document.published.date()
    if document.date_text.strip() == str(day.year):
        return str(day.year)
    if str(day.day) not in re.findall(r"\d+", document.date_text):
        return day.isoformat()[:7]
    return day.isoformat()


def context(document: Document, csp: str = CSP) -> dict:
    """What the templates see: the model with its HTML pieces made."""
    words = {key.removeprefix("web_"): value for key, value in document.labels.items()
             if key.startswith("web_")}
    html = _Inlines({note.id: note.number for note in document.footnotes}, words)
    ids = _apart(slugs(document.headings), document)
    blocks = []
    caption = document.title
    for block in document.body:
        if isinstance(block, Heading):
            # The title is the page's one h1: the model's level 1 is an h2.
            blocks.append({"kind": "heading", "level": block.level + 1, "text": block.text,
                           "id": ids[block.anchor]})
            caption = block.text
        elif isinstance(block, Paragraph):
            blocks.append({"kind": "paragraph", "html": html(block.inlines)})
        elif isinstance(block, Note):
            blocks.append({"kind": "note", "text": block.text})
        elif isinstance(block, ListBlock):
            blocks.append({"kind": "list", "html": _list(block, html)})
        elif isinstance(block, Table):
            blocks.append({"kind": "table", "caption": caption, "header": block.header,
                           "rows": block.rows})
    front = [{"text": line,
              "lang": document.other_locale if line == document.other_notice else None}
             for line in document.front]
    return {
        "doc": document,
        "lang": document.locale,
        "csp": csp,
        "blocks": blocks,
        "contents": _contents(document.headings, ids) if document.toc else [],
        "footnotes": [{"number": n.number, "html": html(n.inlines, marks=False),
                       "refs": html.refs.get(n.number, [])} for n in document.footnotes],
        "front": front,
        "modified": _date_attribute(document),
        "labels": document.labels,
        "words": words,
        "fip": identity.symbols(document),
    }


# Ids the page's own parts take (see summary.html.j2); headings keep clear of them.
FIXED_IDS = ("wb-cont", "toc", "fn", "about", "wb-dtmd", *identity.IDS.values())


def _apart(ids: dict[str, str], document: Document) -> dict[str, str]:
    """Heading ids that no fixed id or footnote id (fn1, fn1-rf, fn1-rf-1) repeats."""
    notes = len(document.footnotes)
    taken = set(FIXED_IDS) | {f"fn{n}" for n in range(1, notes + 1)}
    footnote_like = re.compile(r"fn\d+-rf(-\d+)?")
    out = {}
    for anchor, slug in ids.items():
        while slug in taken or footnote_like.fullmatch(slug):
            slug += "-section"
        taken.add(slug)
        out[anchor] = slug
    return out


def _contents(headings: list[Heading], ids: dict[str, str]) -> list[dict]:
    """Sections (the model's level 1) with their subsections, for the nav."""
    out: list[dict] = []
    for heading in headings:
        entry = {"text": heading.text, "id": ids[heading.anchor], "children": []}
        if heading.level == 1 or not out:
            out.append(entry)
        elif heading.level == 2:
            out[-1]["children"].append(entry)
    return out


def environment(template_dir: Path | None = None) -> jinja2.Environment:
    folders = ([template_dir] if template_dir else []) + [default_dir()]
    return sandbox.environment(folders, finalize=_finalize, autoescape=True,
                               trim_blocks=True, lstrip_blocks=True)


def render(document: Document, template_dir: Path | None = None, csp: str = CSP,
           env: jinja2.Environment | None = None) -> bytes:
    """The page's bytes. A long-running caller passes its own `env`, whose compiled
    templates are kept until their files change."""
    env = env or environment(template_dir)
    return sandbox.render(env, TEMPLATE, context(document, csp)).encode("utf-8")
