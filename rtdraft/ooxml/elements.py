"""The WordprocessingML python-docx does not write: footnotes, hyperlinks, bookmarks,
fields (page numbers, the table of contents), numbering restarts, languages,
repeating table header rows; and the parts of the reference document built from
nothing by templates/build_reference.py. Element-level helpers, as python-docx keeps
its oxml layer apart from its proxy objects. References are to ECMA-376 Part 1.
"""

from __future__ import annotations

import copy
import re

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn


def quoteattr(value: str) -> str:
    """`value` as a double-quoted XML attribute value. (xml.sax.saxutils has one, but
    importing it imports urllib.request and ssl: 23 ms of a 140 ms render.)"""
    return '"' + value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;") + '"'


def run(text: str, *, style: str | None = None, bold: bool = False,
        italic: bool = False, lang: str | None = None) -> OxmlElement:
    """A w:r holding text (17.3.2.25), with an optional character style and a language
    of its own (17.3.2.20) for text in the other official language."""
    r = OxmlElement("w:r")
    if style or bold or italic or lang:
        rpr = OxmlElement("w:rPr")
        if style:
            rstyle = OxmlElement("w:rStyle")
            rstyle.set(qn("w:val"), style)
            rpr.append(rstyle)
        if bold:
            rpr.append(OxmlElement("w:b"))
        if italic:
            rpr.append(OxmlElement("w:i"))
        if lang:
            language = OxmlElement("w:lang")
            language.set(qn("w:val"), lang)
            rpr.append(language)
        r.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    return r


def paragraph(style_id: str, *, page_break: bool = False,
              numbering: tuple[int, int] | None = None, tight: bool = False,
              keep_next: bool = False) -> OxmlElement:
    """A w:p (17.3.1.22) in a paragraph style, optionally starting a new page, or an item
    of list `numbering` (numId, level); `tight`: no space after it; `keep_next`: on the
    page of the paragraph after it (17.3.1.15). Its w:pPr children in the schema's
    order."""
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    pstyle = OxmlElement("w:pStyle")
    pstyle.set(qn("w:val"), style_id)
    ppr.append(pstyle)
    if keep_next:
        ppr.append(OxmlElement("w:keepNext"))
    if page_break:
        ppr.append(OxmlElement("w:pageBreakBefore"))
    if numbering:
        numpr = OxmlElement("w:numPr")
        for name, value in zip(("w:ilvl", "w:numId"), (numbering[1], numbering[0])):
            child = OxmlElement(name)
            child.set(qn("w:val"), str(value))
            numpr.append(child)
        ppr.append(numpr)
    if tight:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:after"), "0")
        ppr.append(spacing)
    p.append(ppr)
    return p


def hyperlink(part, url: str) -> OxmlElement:
    """An external w:hyperlink (17.16.22); the relationship lives in `part`."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))
    link.set(qn("w:history"), "1")
    return link


def internal_link(anchor: str) -> OxmlElement:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    return link


def bookmark(p, name: str, number: int) -> None:
    """Wrap a paragraph's content in a bookmark (17.13.6.2) the TOC can link to."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    ppr = p.find(qn("w:pPr"))
    p.insert(0 if ppr is None else 1, start)
    p.append(end)


def field_start(parent, instruction: str, *, dirty: bool = False) -> None:
    """Open a complex field (17.16.18): begin, instruction, separate; its result follows."""
    begin = _fld_char("begin")
    if dirty:
        begin[0].set(qn("w:dirty"), "true")
    r = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    r.append(instr)
    parent.extend([begin, r, _fld_char("separate")])


def field_end(parent) -> None:
    parent.append(_fld_char("end"))


def field(parent, instruction: str, cached: str, *, style: str | None = None) -> None:
    """A whole field with its cached result, e.g. PAGE."""
    field_start(parent, instruction)
    parent.append(run(cached, style=style))
    field_end(parent)


def _fld_char(kind: str) -> OxmlElement:
    r = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    r.append(char)
    return r


def toc_field_start(p, levels: str = "1-2") -> None:
    """Open a TOC field (17.16.5.68) in p: \\o levels, \\h hyperlinks, \\z \\u as Word does.

    The field is marked dirty so that Word fills in the page numbers when it
    opens the file; the cached entries carry the titles and links meanwhile.
    """
    field_start(p, f'TOC \\o "{levels}" \\h \\z \\u', dirty=True)


def toc_entry(p, text: str, anchor: str, page: str) -> None:
    """A cached TOC entry: the heading text and its page, both linked to the bookmark."""
    link = internal_link(anchor)
    link.append(run(text))
    tab = OxmlElement("w:r")
    tab.append(OxmlElement("w:tab"))
    link.append(tab)
    field(link, f"PAGEREF {anchor} \\h", page)
    p.append(link)


def toc_link(p, text: str, anchor: str) -> None:
    """A contents entry without a page number: the heading text linked to its bookmark."""
    link = internal_link(anchor)
    link.append(run(text))
    p.append(link)


def toc_field_end(p) -> None:
    field_end(p)


# -- footnotes (17.11) -------------------------------------------------------------

_FOOTNOTES = (
    f'<w:footnotes {nsdecls("w", "r")}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
    'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
    '</w:r></w:p></w:footnote></w:footnotes>'
)


def footnotes_part(document_part) -> XmlPart:
    """The document's footnotes part, created (with its separators) when it has none."""
    for rel in document_part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            part = rel.target_part
            if not isinstance(part, XmlPart):  # python-docx loads it as an opaque part
                element = parse_xml(part.blob)
                for note in element.findall(qn("w:footnote")):
                    if note.get(qn("w:type")) is None:
                        element.remove(note)
                new = XmlPart(part.partname, CT.WML_FOOTNOTES, element, part.package)
                document_part.drop_rel(rel.rId)   # the body cites footnotes by id, not rId
                document_part.relate_to(new, RT.FOOTNOTES)
                part = new
            return part
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_FOOTNOTES),
                   document_part.package)
    document_part.relate_to(part, RT.FOOTNOTES)
    return part


def footnote(part, number: int, *, text_style: str, mark_style: str,
             bookmark_name: str | None = None, bookmark_id: int = 0) -> OxmlElement:
    """Add footnote `number` to the footnotes part; returns its paragraph to fill. A
    bookmark_name is put, empty, after the footnote mark."""
    note = OxmlElement("w:footnote")
    note.set(qn("w:id"), str(number))
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    pstyle = OxmlElement("w:pStyle")
    pstyle.set(qn("w:val"), text_style)
    ppr.append(pstyle)
    p.append(ppr)
    p.append(_mark(OxmlElement("w:footnoteRef"), mark_style))
    if bookmark_name:
        for tag in ("w:bookmarkStart", "w:bookmarkEnd"):
            mark = OxmlElement(tag)
            mark.set(qn("w:id"), str(bookmark_id))
            if tag == "w:bookmarkStart":
                mark.set(qn("w:name"), bookmark_name)
            p.append(mark)
    p.append(run(" "))
    note.append(p)
    part.element.append(note)
    return p


# A footnote's outline id, kept in a hidden bookmark (a name starting with _ that Word does
# not list) in its text, so that `rtdraft import` gives the id back. Bookmark names are
# letters, digits and _ only, 40 at most: - and . are spelled _h and _d, _ as __.
NOTE_BOOKMARK = "_Fn_"


def note_bookmark_name(note_id: str) -> str | None:
    spelled = note_id.replace("_", "__").replace("-", "_h").replace(".", "_d")
    name = NOTE_BOOKMARK + spelled
    return name if len(name) <= 40 and name.replace("_", "").isalnum() and name.isascii() \
        else None


def note_id_from_bookmark(name: str) -> str | None:
    """The id a note_bookmark_name spells; LibreOffice renames a footnote's bookmark with
    _Copy_1 on saving, which no id spells (_C is no escape)."""
    if not name.startswith(NOTE_BOOKMARK):
        return None
    out, rest = "", re.sub(r"_Copy_\d+$", "", name[len(NOTE_BOOKMARK):])
    i = 0
    while i < len(rest):
        if rest[i] == "_":
            if rest[i + 1:i + 2] not in ("_", "h", "d"):
                return None
            out += {"_": "_", "h": "-", "d": "."}[rest[i + 1]]
            i += 2
        else:
            out += rest[i]
            i += 1
    return out or None


def footnote_reference(number: int, mark_style: str) -> OxmlElement:
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(number))
    return _mark(ref, mark_style)


def _mark(content, style: str) -> OxmlElement:
    """A run in the footnote mark's style holding `content` instead of text."""
    r = run("", style=style)
    r.remove(r.find(qn("w:t")))
    r.append(content)
    return r


# -- numbering (17.9) ----------------------------------------------------------------

def new_numbering(document, style, restart: bool) -> int | None:
    """A new w:num (17.9.15) on the list definition the style's numbering uses: one per
    list, its sub-lists being its levels; `restart` starts every level again at 1.
    None when the style names no numbering the document defines (its list then
    numbers as the style does)."""
    num_id = style_numbering(style)
    if num_id is None:
        return None
    numbering = document.part.numbering_part.element
    try:
        abstract = numbering.num_having_numId(num_id).abstractNumId.val
    except KeyError:
        return None
    num = numbering.add_num(abstract)
    if restart:
        for level in range(3):
            num.add_lvlOverride(ilvl=level).add_startOverride(1)
    return num.numId


def style_numbering(style) -> int | None:
    """The numId a paragraph style's numbering uses, if it has one."""
    ppr = style.element.pPr
    numpr = ppr.numPr if ppr is not None else None
    return numpr.numId.val if numpr is not None and numpr.numId is not None else None


def style_level(style) -> int:
    """The list level (w:ilvl) a paragraph style's numbering puts its paragraphs at."""
    ppr = style.element.pPr
    numpr = ppr.numPr if ppr is not None else None
    return numpr.ilvl.val if numpr is not None and numpr.ilvl is not None else 0


# -- language, tables, sections ------------------------------------------------------

def set_language(styles_element, locale: str) -> None:
    """Set the proofing language on the document defaults and on every style (17.3.2.20)."""
    defaults = styles_element.find(qn("w:docDefaults"))
    targets = []
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
            targets.append(rpr_default.find(qn("w:rPr")))
    for style in styles_element.findall(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character"):
            rpr = style.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                style.append(rpr)
            targets.append(rpr)
    for rpr in targets:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), locale)


def is_table(element) -> bool:
    return element is not None and element.tag == qn("w:tbl")


def repeat_as_header(row) -> None:
    """Mark a table row as a header row repeated on every page (17.4.49)."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    trpr.append(header)


def keep_row_together(row) -> None:
    """A row that does not split across pages (17.4.6), before any w:tblHeader."""
    row._tr.get_or_add_trPr().insert(0, OxmlElement("w:cantSplit"))


_AFTER_PGNUMTYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                    "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
                    "w:printerSettings", "w:sectPrChange")


def restart_page_numbers(section, start: int = 1) -> None:
    """Number this section's pages from `start` (17.6.12), in the schema's element order."""
    sect_pr = section._sectPr
    pg = sect_pr.find(qn("w:pgNumType"))
    if pg is None:
        pg = OxmlElement("w:pgNumType")
        later = [sect_pr.find(qn(tag)) for tag in _AFTER_PGNUMTYPE]
        later = [e for e in later if e is not None]
        if later:
            later[0].addprevious(pg)
        else:
            sect_pr.append(pg)
    pg.set(qn("w:start"), str(start))


def clone(element):
    return copy.deepcopy(element)
