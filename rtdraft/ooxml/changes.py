"""Tracked changes (ECMA-376 Part 1, 17.13.5): dating and stamping them, numbering them,
and marking a replaced footnote or table as one deletion and one insertion (redline)."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from .elements import run

# Tracked changes (17.13.5): of content, and of properties (formatting).
PROPERTY_CHANGE_TAGS = ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
                        "tblGridChange", "trPrChange", "tcPrChange", "tblPrExChange",
                        "numberingChange")
CHANGE_TAGS = ("ins", "del", "moveFrom", "moveTo", *PROPERTY_CHANGE_TAGS)


def dated_core(core: bytes, when: str) -> bytes:
    """docProps/core.xml with its created and modified dates set to `when` (W3CDTF), so
    that a package another program saved (LibreOffice dates it by the clock) is the same
    for the same input."""
    root = etree.fromstring(core)
    for name in ("created", "modified"):
        for element in root.iter(f"{{http://purl.org/dc/terms/}}{name}"):
            element.text = when
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def stamp_changes(root, author: str, date: str) -> int:
    """Give every tracked change (17.13.5) under `root` this author and date; their count."""
    count = 0
    for tag in CHANGE_TAGS:
        for change in root.iter(qn(f"w:{tag}")):
            change.set(qn("w:author"), author)
            change.set(qn("w:date"), date)
            count += 1
    return count


def next_change_id(*roots) -> int:
    ids = [int(e.get(qn("w:id"))) for root in roots for tag in CHANGE_TAGS
           for e in root.iter(qn(f"w:{tag}")) if (e.get(qn("w:id")) or "").isdigit()]
    return max(ids, default=0) + 1


def redline_footnote(footnotes, position: int, pieces, author: str, date: str,
                     first_id: int) -> int:
    """Replace the text of the `position`-th footnote (separators not counted) with
    `pieces`, (kind, text) pairs of a word diff, deletions as w:del, insertions as w:ins
    (17.13.5.14, 17.13.5.18). The footnote mark stays. Returns the next free change id."""
    notes = [n for n in footnotes.iter(qn("w:footnote")) if n.get(qn("w:type")) is None]
    p = notes[position].find(qn("w:p"))
    keep = True
    for child in list(p):
        if child.tag == qn("w:pPr"):
            continue
        if keep and child.find(qn("w:footnoteRef")) is not None:
            keep = False
            continue
        if not keep:
            p.remove(child)
    p.append(run(" "))
    return _append_pieces(p, pieces, author, date, first_id)


def _cell_texts(tbl, text_tag: str) -> list[list[str]]:
    return [["".join(t.text or "" for t in tc.iter(qn(text_tag))) for tc in tr.findall(qn("w:tc"))]
            for tr in tbl.findall(qn("w:tr"))]


def merge_replaced_tables(root, diff, author: str, date: str, first_id: int) -> int:
    """merge_replaced_table for every table under `root`; the next free change id."""
    number = first_id
    for tbl in list(root.iter(qn("w:tbl"))):
        if tbl.getparent() is not None:   # not an old table a merge has just removed
            number = merge_replaced_table(tbl, diff, author, date, number) or number
    return number


def merge_replaced_table(tbl, diff, author: str, date: str, first_id: int) -> int | None:
    """LibreOffice's comparison shows a changed table as the new one inserted and the old
    one, right after it, deleted. When both have the same rows and columns, keep the new
    table and write each changed cell as a word diff (`diff(old, new)` gives its pieces);
    the old table goes. Returns the next free change id, or None if nothing was merged."""
    old = tbl.getnext()
    if old is None or old.tag != qn("w:tbl") or tbl.find(f".//{qn('w:del')}") is not None:
        return None
    rows = old.findall(qn("w:tr"))
    if not rows or any(tr.find(f"{qn('w:trPr')}/{qn('w:del')}") is None for tr in rows):
        return None
    before, after = _cell_texts(old, "w:delText"), _cell_texts(tbl, "w:t")
    if [len(r) for r in before] != [len(r) for r in after] or \
            any(len(tc.findall(qn("w:p"))) != 1 for tc in tbl.iter(qn("w:tc"))):
        return None
    old.getparent().remove(old)
    number = first_id
    for tr, old_row, new_row in zip(tbl.findall(qn("w:tr")), before, after):
        for tc, a, b in zip(tr.findall(qn("w:tc")), old_row, new_row):
            p = tc.find(qn("w:p"))
            for mark in p.findall(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}"):
                mark.getparent().remove(mark)
            for ins in p.findall(qn("w:ins")):   # the new text, no longer an insertion
                for child in list(ins):
                    ins.addprevious(child)
                p.remove(ins)
            if a != b:
                for child in list(p):
                    if child.tag != qn("w:pPr"):
                        p.remove(child)
                number = _append_pieces(p, diff(a, b), author, date, number)
    return number


def _append_pieces(p, pieces, author: str, date: str, number: int) -> int:
    for kind, text in pieces:
        if kind == "equal":
            p.append(run(text))
            continue
        wrapper = OxmlElement("w:ins" if kind == "insert" else "w:del")
        wrapper.set(qn("w:id"), str(number))
        wrapper.set(qn("w:author"), author)
        wrapper.set(qn("w:date"), date)
        number += 1
        r = run(text)
        if kind == "delete":
            r.find(qn("w:t")).tag = qn("w:delText")
        wrapper.append(r)
        p.append(wrapper)
    return number
