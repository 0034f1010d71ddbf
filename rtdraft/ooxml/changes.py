"""Tracked changes (ECMA-376 Part 1, 17.13.5): dating and stamping them, numbering them,
marking a replaced footnote as a word diff and merging a table LibreOffice's comparison
replaced whole back into one, row by row; and putting what LibreOffice saved in the
schema's order (redline)."""

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


def _only_in(tbl, wrapper: str) -> bool:
    """Every run of the table that holds text is inside a `wrapper` (w:ins or w:del), and
    every cell holds one paragraph: a table LibreOffice's comparison wrote as inserted or
    deleted whole."""
    return all(r.getparent().tag == qn(wrapper) or not "".join(r.itertext())
               for r in tbl.iter(qn("w:r"))) and \
        all(len(tc.findall(qn("w:p"))) == 1 for tc in tbl.iter(qn("w:tc")))


def merge_replaced_tables(root, align, diff, author: str, date: str, first_id: int) -> int:
    """merge_replaced_table for every table under `root`; the next free change id."""
    number = first_id
    for tbl in list(root.iter(qn("w:tbl"))):
        if tbl.getparent() is not None:   # not an old table a merge has just removed
            number = merge_replaced_table(tbl, align, diff, author, date, number) or number
    return number


def merge_replaced_table(tbl, align, diff, author: str, date: str, first_id: int) -> int | None:
    """LibreOffice's comparison shows a changed table as the new one inserted and the old
    one, right after it, deleted. Make them one table again: `align(old rows, new rows)`
    (lists of cell texts) pairs the rows; a row in both stays, an edited one has each
    changed cell written as a word diff (`diff(old, new)` gives its pieces), a row only
    in the new table is an inserted row and one only in the old table a deleted row
    (w:trPr/w:ins, w:del: 17.13.5.17, 17.13.5.13), their text inserted or deleted.
    Returns the next free change id, or None if the tables were left as they were."""
    old = tbl.getnext()
    if old is None or old.tag != qn("w:tbl") or not _only_in(tbl, "w:ins") or \
            not _only_in(old, "w:del"):
        return None
    grid = f"{qn('w:tblGrid')}/{qn('w:gridCol')}"
    if len(tbl.findall(grid)) != len(old.findall(grid)):
        return None
    before, after = _cell_texts(old, "w:delText"), _cell_texts(tbl, "w:t")
    old_rows, new_rows = old.findall(qn("w:tr")), tbl.findall(qn("w:tr"))
    number = first_id
    place = tbl.find(qn("w:tblGrid"))
    for kind, i, j in align(before, after):
        if kind == "delete":
            place.addnext(old_rows[i])
            place = old_rows[i]
            _row_mark(place, "w:del")
            continue
        place = new_rows[j]
        if kind == "insert":
            _row_mark(place, "w:ins")
            continue
        for tc, a, b in zip(place.findall(qn("w:tc")), before[i], after[j]):
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
    old.getparent().remove(old)
    return number


def _row_mark(tr, tag: str) -> None:
    """Mark a table row inserted or deleted (w:trPr/w:ins or w:del, after the row's other
    properties: 17.4.82); stamped and numbered with the others."""
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        tr.insert(1 if tr.find(qn("w:tblPrEx")) is not None else 0, trpr)
    if trpr.find(qn(tag)) is None:
        trpr.append(OxmlElement(tag))


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


# The order of the property elements' children (ECMA-376 Part 1: w:pPr 17.3.1.26,
# w:rPr 17.3.1.29 and 17.3.2.28, w:tblPr 17.4.60, w:tcPr 17.4.70, w:sectPr 17.6.17).
# LibreOffice writes some out of it (a paragraph's w:sectPr before its w:pStyle, a
# paragraph mark's w:ins last), which Word may take for a damaged file.
_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
           "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
           "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
           "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
           "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr "
           "sectPr pPrChange",
    "rPr": "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike "
           "dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden "
           "color spacing w kern position sz szCs highlight u effect bdr shd fitText "
           "vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize "
             "tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd tblLayout "
             "tblCellMar tblLook tblCaption tblDescription tblPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar "
            "textDirection tcFitText vAlign hideMark headers cellIns cellDel cellMerge "
            "tcPrChange",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight "
            "tblHeader tblCellSpacing jc hidden ins del trPrChange",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar "
              "paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote "
              "titlePg textDirection bidi rtlGutter docGrid printerSettings sectPrChange",
}
# Elements whose value is on or off only (Open XML SDK's OnOffOnlyValues), which
# LibreOffice writes "true" or "false".
_ON_OFF_ONLY = ("cantSplit", "tblHeader", "hidden")


def schema_order(root) -> None:
    """Put the property elements' children under `root` in the schema's order (an element
    the schema does not list there keeps its place among the unlisted, after them), and
    write on/off-only values as the schema spells them."""
    for name, order in _ORDER.items():
        rank = {qn(f"w:{tag}"): index for index, tag in enumerate(order.split())}
        if name == "sectPr":   # header and footer references are one choice
            rank[qn("w:footerReference")] = rank[qn("w:headerReference")]
        for element in root.iter(qn(f"w:{name}")):
            children = list(element)
            ordered = sorted(children, key=lambda child: rank.get(child.tag, len(rank)))
            if ordered != children:
                element[:] = ordered
    # LibreOffice writes a framed paragraph's borders as two empty w:pBdr (the cover's
    # wordmark): the second breaks the schema, and an empty one says nothing
    for element in list(root.iter(qn("w:pBdr"))):
        if len(element) == 0 and element.getparent().tag == qn("w:pPr"):
            element.getparent().remove(element)
    for name in _ON_OFF_ONLY:
        for element in root.iter(qn(f"w:{name}")):
            value = element.get(qn("w:val"))
            if value in ("true", "1", "on"):
                del element.attrib[qn("w:val")]
            elif value in ("false", "0"):
                element.set(qn("w:val"), "off")


def drop_fields(root, name: str) -> None:
    """Remove every complex field (17.16.18) whose instruction starts with `name`, keeping
    its result's runs. LibreOffice saves a link to a _Toc bookmark in a contents entry as
    a PAGEREF field around the entry's text, left without a page number."""
    instructions = (qn("w:instrText"), qn("w:delInstrText"))
    stack: list[tuple[list, list]] = []   # per open field: its code runs, its instruction
    for r in list(root.iter(qn("w:r"))):
        char = r.find(qn("w:fldChar"))
        kind = char.get(qn("w:fldCharType")) if char is not None else None
        if kind == "begin":
            stack.append(([r], []))
        elif not stack:
            continue
        elif kind in ("separate", "end"):
            code, instruction = stack[-1]
            code.append(r)
            if kind == "end":
                stack.pop()
                if "".join(instruction).strip().startswith(name):
                    for element in code:
                        _remove(element)
        elif r.find(qn("w:instrText")) is not None or r.find(qn("w:delInstrText")) is not None:
            code, instruction = stack[-1]
            code.append(r)
            instruction += [e.text or "" for e in r.iter(*instructions)]


def _remove(element) -> None:
    """Remove an element, and a w:ins or w:del it leaves empty."""
    parent = element.getparent()
    parent.remove(element)
    if parent.tag in (qn("w:ins"), qn("w:del")) and len(parent) == 0:
        parent.getparent().remove(parent)


def number_changes(roots, first: int = 1) -> int:
    """Number every tracked change under `roots` in document order, from `first`: their
    ids must differ (17.13.5), and LibreOffice's and the merges' overlap. The next id."""
    tags = {qn(f"w:{tag}") for tag in CHANGE_TAGS}
    number = first
    for root in roots:
        for element in root.iter(*tags):
            element.set(qn("w:id"), str(number))
            number += 1
    return number
