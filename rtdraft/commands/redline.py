"""A redline between two drafts: NEW rendered, every difference from OLD a tracked change.

The DOCX comes from LibreOffice's own document comparison (Compare Document), driven
headless; it compares the body, lists, headings and tables word by word but leaves
footnotes out, so footnotes are diffed here and written as w:ins/w:del. Markdown is a
word diff of the two renderings, in CriticMarkup. docs/import-and-redline.md says why.
"""

from __future__ import annotations

import difflib
import io
import re
import tempfile
import zipfile
from datetime import date
from pathlib import Path

from lxml import etree

from ..document import inline
from ..document.model import Document
from ..errors import OutputError
from ..ooxml import archive, changes
from ..output import refuse_input, same_file
from ..render.docx import render as render_docx
from ..render.markdown import render as render_markdown

BLOCK_MARKER = re.compile(r"\s*(?:(?:[-*+]|\d+\.|#+|>|\[\^[^\]\s]+\]:)\s+)?")
ATTRIBUTES = re.compile(r"\s*\{[#.][^{}]*\}\s*$")   # a heading's {#id}: pandoc's, not words'
WORDS = re.compile(r"\s+|[\w’'-]+|[^\w\s]")


def _split(line: str) -> tuple[str, str]:
    """A line without its heading attributes, and those attributes."""
    found = ATTRIBUTES.search(line) if line.startswith("#") else None
    return (line[:found.start()], found.group()) if found else (line, "")


def pieces(old: str, new: str) -> list[tuple[str, str]]:
    """A word diff of two texts: (kind, text) pairs, kind equal, delete or insert; a
    replaced span gives its deletion before its insertion."""
    a, b = WORDS.findall(old), WORDS.findall(new)
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("insert", "".join(b[j1:j2])))
    return out


def stamp(document: Document, author: str | None, when: date | None) -> tuple[str, str]:
    """The author and date of every change: given, or NEW's department and date."""
    day = when or document.published.date()
    return author or document.author, f"{day.isoformat()}T00:00:00Z"


def docx(old: Document, new: Document, office, author: str, when: str) -> tuple[bytes, int]:
    """The redline DOCX and its number of tracked changes."""
    with tempfile.TemporaryDirectory(prefix="rtdraft-redline-") as folder:
        paths = {name: Path(folder, f"{name}.docx") for name in ("old", "new", "out")}
        paths["old"].write_bytes(render_docx(old))
        paths["new"].write_bytes(render_docx(new))
        office.run("compare_docs.py", paths["new"], paths["old"], paths["out"])
        data = finish(paths["out"].read_bytes(), old, new, author, when, new.published)
        # Counted as the file reads back: LibreOffice splits some changes on loading.
        paths["out"].write_bytes(data)
        count = int(office.run("count_changes.py", paths["out"]))
    return data, count


def finish(data: bytes, old: Document, new: Document, author: str, when: str,
           published) -> bytes:
    """The compared package with every change stamped and the footnotes' changes added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: etree.fromstring(source.read(name))
             for name in ("word/document.xml", "word/footnotes.xml") if name in source.namelist()}
    for root in parts.values():
        changes.stamp_changes(root, author, when)
    number = changes.merge_replaced_tables(parts["word/document.xml"], pieces, author, when,
                                         changes.next_change_id(*parts.values()))
    notes = parts.get("word/footnotes.xml")
    if notes is not None:
        for position, (a, b) in enumerate(zip(old.footnotes, new.footnotes)):
            before, after = inline.plain(a.inlines), inline.plain(b.inlines)
            if before != after:
                diff = pieces(before, after)
                number = changes.redline_footnote(notes, position, diff, author, when, number)
    entries = []
    for name in source.namelist():
        body = source.read(name)
        if name in parts:
            body = etree.tostring(parts[name], xml_declaration=True, encoding="UTF-8",
                                  standalone=True)
        elif name == "docProps/core.xml":
            body = changes.dated_core(body, when)
        entries.append((name, body))
    return archive.zip_entries(entries, published)


def markdown(old: Document, new: Document) -> tuple[bytes, int]:
    """NEW's Markdown with each difference from OLD's in CriticMarkup: {--old--}{++new++}.

    Lines (paragraphs, list items, table rows) are matched first and words within changed
    ones, so that no mark spans a line break, as CriticMarkup requires."""
    before = render_markdown(old).decode("utf-8").splitlines()
    after = render_markdown(new).decode("utf-8").splitlines()
    out: list[str] = []
    count = 0

    def whole(lines, mark):
        nonlocal count
        for line in lines:
            # A list item's or heading's marker stays outside, so that it stays one.
            line, attributes = _split(line)
            start = BLOCK_MARKER.match(line).end()
            text = line[start:]
            out.append(line[:start] + (mark % text if text.strip() else text) + attributes)
            count += bool(text.strip())

    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(before[i1:i2])
            continue
        pairs = min(i2 - i1, j2 - j1)
        for a, b in zip(before[i1:i1 + pairs], after[j1:j1 + pairs]):
            (a, _), (b, attributes) = _split(a), _split(b)
            line = []
            for kind, text in pieces(a, b):
                if kind == "equal":
                    line.append(text)
                else:
                    line.append(("{--%s--}" if kind == "delete" else "{++%s++}") % text)
                    count += 1
            out.append("".join(line) + attributes)
        whole(before[i1 + pairs:i2], "{--%s--}")
        whole(after[j1 + pairs:j2], "{++%s++}")
    return ("\n".join(out) + "\n").encode("utf-8"), count


def check_paths(old: Path, new: Path, output: Path) -> None:
    """Same file twice, or an output that would overwrite an input: exit 5, nothing written."""
    if same_file(old, new):
        raise OutputError(f"{old} and {new} are the same file; give two drafts")
    refuse_input(output, (old, new))
