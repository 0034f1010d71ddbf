"""A redline between two drafts: NEW rendered, every difference from OLD a tracked change.

The DOCX comes from LibreOffice's own document comparison (Compare Document), driven
headless; it compares the body, lists and headings word by word but leaves footnotes
out and shows a changed table replaced whole, so footnotes are diffed here and tables
merged back, row by row. Markdown is a diff of the two renderings, in CriticMarkup.
Both use one diff (commands/diff.py). docs/import-and-redline.md says why.
"""

from __future__ import annotations

import io
import json
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
from .diff import WORDS, align, pieces

BLOCK_MARKER = re.compile(r"\s*(?:(?:[-*+]|\d+\.|#+|>|\[\^[^\]\s]+\]:)\s+)?")
ATTRIBUTES = re.compile(r"\s*\{[#.][^{}]*\}\s*$")   # a heading's {#id}: pandoc's, not words'


def _split(line: str) -> tuple[str, str]:
    """A line without its heading attributes, and those attributes."""
    found = ATTRIBUTES.search(line) if line.startswith("#") else None
    return (line[:found.start()], found.group()) if found else (line, "")


def stamp(document: Document, author: str | None, when: date | None) -> tuple[str, str]:
    """The author and date of every change: given, or NEW's department and date."""
    day = when or document.published.date()
    return author or document.author, f"{day.isoformat()}T00:00:00Z"


def docx(old: Document, new: Document, office, author: str, when: str) -> tuple[bytes, int]:
    """The redline DOCX and its number of tracked changes."""
    with tempfile.TemporaryDirectory(prefix="rtdraft-redline-") as folder:
        paths = {name: Path(folder, f"{name}.docx") for name in ("old", "new", "out")}
        # No page numbers in the contents: the redline's pages, with its deletions
        # shown, are not NEW's, and a page field left without its number shows blank.
        paths["old"].write_bytes(render_docx(old, page_numbers=False))
        paths["new"].write_bytes(render_docx(new, page_numbers=False))
        office.run("compare_docs.py", paths["new"], paths["old"], paths["out"])
        data = finish(paths["out"].read_bytes(), old, new, author, when, new.published)
        # Counted as the file reads back: LibreOffice splits some changes on loading.
        paths["out"].write_bytes(data)
        count = int(office.run("count_changes.py", paths["out"]))
    return data, count


def finish(data: bytes, old: Document, new: Document, author: str, when: str,
           published) -> bytes:
    """The compared package with its tables merged, the footnotes' changes added, and
    every change stamped, numbered and in the schema's order (docs/import-and-redline.md)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: etree.fromstring(source.read(name))
             for name in ("word/document.xml", "word/footnotes.xml") if name in source.namelist()}
    changes.merge_replaced_tables(parts["word/document.xml"], rows, pieces, author, when, 1)
    notes = parts.get("word/footnotes.xml")
    if notes is not None:
        for position, (a, b) in enumerate(zip(old.footnotes, new.footnotes)):
            before, after = inline.plain(a.inlines), inline.plain(b.inlines)
            if before != after:
                changes.redline_footnote(notes, position, pieces(before, after), author, when, 1)
    for root in parts.values():
        changes.drop_fields(root, "PAGEREF")
        changes.stamp_changes(root, author, when)
        changes.schema_order(root)
    changes.number_changes(parts.values())
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


def rows(before: list[list[str]], after: list[list[str]]):
    """A table's rows (lists of cell texts) paired as diff.align pairs lines."""
    return align(before, after, tuple, list)


def markdown(old: Document, new: Document) -> tuple[bytes, int]:
    """NEW's Markdown with each difference from OLD's in CriticMarkup: {--old--}{++new++}.

    Lines (paragraphs, list items, table rows) are matched first and words within changed
    ones, so that no mark spans a line break, as CriticMarkup requires."""
    before = render_markdown(old).decode("utf-8").splitlines()
    after = render_markdown(new).decode("utf-8").splitlines()
    top = _header(after)
    out, count = _metadata(before[:_header(before)], after[:top])
    before, after = before[_header(before):], after[top:]
    for kind, i, j in align(before, after, str, _parts):
        if kind == "equal":
            out.append(after[j])
        elif kind == "change":
            (a, _), (b, attributes) = _split(before[i]), _split(after[j])
            line, marks = _marked(a, b)
            out.append(line + attributes)
            count += marks
        else:
            line, marks = _whole(before[i] if kind == "delete" else after[j], MARKS[kind])
            out.append(line)
            count += marks
    return ("\n".join(out) + "\n").encode("utf-8"), count


def _marked(old: str, new: str) -> tuple[str, int]:
    """NEW's text with the word diff from OLD marked, and its number of marks."""
    line, count = [], 0
    for kind, text in pieces(old, new):
        if kind == "equal":
            line.append(text)
        else:
            line.append(MARKS[kind] % text)
            count += 1
    return "".join(line), count


def _header(lines: list[str]) -> int:
    """How many lines the metadata block (--- to ---) at the top takes."""
    if lines and lines[0] == "---" and "---" in lines[1:]:
        return lines.index("---", 1) + 1
    return 0


def _metadata(before: list[str], after: list[str]) -> tuple[list[str], int]:
    """NEW's metadata block, each changed value marked inside its quoted string, so that
    the block still reads as YAML whatever the title holds; and the number of marks."""
    old = dict(line.split(": ", 1) for line in before if ": " in line)
    out, count = [], 0
    for line in after:
        key, _, value = line.partition(": ")
        try:
            a, b = json.loads(old[key]), json.loads(value)
        except (KeyError, ValueError):
            out.append(line)
            continue
        if not (isinstance(a, str) and isinstance(b, str)) or a == b:
            out.append(line)
            continue
        text, marks = _marked(a, b)
        out.append(f"{key}: {json.dumps(text, ensure_ascii=False)}")
        count += marks
    return out, count


MARKS = {"delete": "{--%s--}", "insert": "{++%s++}"}
TABLE_ROW = re.compile(r"\|.*\|")


def _parts(line: str) -> list[str]:
    """What two versions of a line must half share to be one edited line: a table row's
    cells, another line's words."""
    if TABLE_ROW.fullmatch(line):
        return line.split("|")[1:-1]
    return [w for w in WORDS.findall(line) if not w.isspace()]


def _whole(line: str, mark: str) -> tuple[str, int]:
    """A whole line deleted or inserted, and its number of marks. A list item's or
    heading's marker stays outside, so that it stays one; so do a table row's bars, each
    cell marked (a change a cell, as LibreOffice counts a row's)."""
    if TABLE_ROW.fullmatch(line):
        cells = line.split("|")
        marked = [_whole(cell, mark) for cell in cells[1:-1]]
        return ("|".join([cells[0], *(c for c, _ in marked), cells[-1]]),
                sum(n for _, n in marked))
    line, attributes = _split(line)
    start = BLOCK_MARKER.match(line).end()
    text = line[start:].rstrip()
    if not text.strip():
        return line + attributes, 0
    return line[:start] + mark % text + line[start + len(text):] + attributes, 1


def check_paths(old: Path, new: Path, output: Path) -> None:
    """Same file twice, or an output that would overwrite an input: exit 5, nothing written."""
    if same_file(old, new):
        raise OutputError(f"{old} and {new} are the same file; give two drafts")
    refuse_input(output, (old, new))
