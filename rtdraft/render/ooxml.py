"""The WordprocessingML python-docx does not write: footnotes, hyperlinks, bookmarks,
fields (page numbers, the table of contents), numbering restarts, languages,
repeating table header rows; and the parts of the reference document built from
nothing by templates/build_reference.py. Element-level helpers, as python-docx keeps
its oxml layer apart from its proxy objects. References are to ECMA-376 Part 1.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree


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
              numbering: tuple[int, int] | None = None, tight: bool = False) -> OxmlElement:
    """A w:p (17.3.1.22) in a paragraph style, optionally starting a new page, or an item
    of list `numbering` (numId, level); `tight`: no space after it. Its w:pPr children in
    the schema's order."""
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    pstyle = OxmlElement("w:pStyle")
    pstyle.set(qn("w:val"), style_id)
    ppr.append(pstyle)
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


# -- a reference document's package (OPC parts and relationships), read as untrusted -----------

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# No entities, no DTD, no network: the XML of a reference document is not trusted.
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                        huge_tree=False, remove_blank_text=False)


def parse_part(data: bytes):
    """A part's XML, or lxml's XMLSyntaxError; a DOCTYPE (where entity bombs live) is
    refused as a syntax error too: no part of a DOCX has one."""
    root = etree.fromstring(data, _SAFE)
    if root.getroottree().docinfo.doctype:
        raise etree.XMLSyntaxError("a DOCTYPE declaration (not allowed in a DOCX part)",
                                   None, 1, 1)
    return root


def relationships(root) -> list[tuple[str, str, str, bool]]:
    """(Id, Type, Target, external) of each relationship in a .rels part."""
    return [(rel.get("Id", ""), rel.get("Type", ""), rel.get("Target", ""),
             rel.get("TargetMode") == "External")
            for rel in root if rel.tag == f"{{{_RELS_NS}}}Relationship"]


def keep_relationships(root, ids: set[str]) -> bytes:
    """The .rels part with only the relationships whose Id is in ids."""
    for rel in list(root):
        if rel.get("Id") not in ids:
            root.remove(rel)
    return serialize(root)


def drop_references(root, ids: set[str]) -> None:
    """Remove every element that refers (r:id, r:embed, r:link, ...) to a dropped
    relationship: a reference left dangling makes Word call the file damaged."""
    for element in list(root.iter()):
        if any(name.startswith(f"{{{_R_NS}}}") and value in ids
               for name, value in element.attrib.items()):
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)


def content_types(root) -> tuple[dict[str, str], dict[str, str]]:
    """The [Content_Types].xml part's defaults (extension -> type, lower case) and
    overrides (part name without its leading / -> type)."""
    defaults, overrides = {}, {}
    for item in root:
        if item.tag == f"{{{_TYPES_NS}}}Default":
            defaults[item.get("Extension", "").lower()] = item.get("ContentType", "")
        elif item.tag == f"{{{_TYPES_NS}}}Override":
            overrides[item.get("PartName", "").lstrip("/")] = item.get("ContentType", "")
    return defaults, overrides


def write_content_types(defaults: dict[str, str], overrides: dict[str, str]) -> bytes:
    root = etree.Element(f"{{{_TYPES_NS}}}Types", nsmap={None: _TYPES_NS})
    for extension, kind in sorted(defaults.items()):
        etree.SubElement(root, f"{{{_TYPES_NS}}}Default", Extension=extension,
                         ContentType=kind)
    for name, kind in sorted(overrides.items()):
        etree.SubElement(root, f"{{{_TYPES_NS}}}Override", PartName=f"/{name}",
                         ContentType=kind)
    return serialize(root)


def serialize(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- a reference document from nothing (templates/build_reference.py) -------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _ppr(o: dict) -> str:
    """A style's w:pPr (17.3.1.26), its children in the schema's order."""
    out = []
    if o.get("keep"):
        out.append("<w:keepNext/>")
    if "numbering" in o:
        num, level = o["numbering"]
        out.append(f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')
    if "toc" in o:
        out.append('<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9350"/></w:tabs>')
    spacing = "".join(f' w:{k}="{round(o[v] * 20)}"' for k, v in (("before", "before"),
                                                                   ("after", "after"))
                      if v in o)
    if "line" in o:
        spacing += f' w:line="{o["line"]}" w:lineRule="auto"'
    if spacing:
        out.append(f"<w:spacing{spacing}/>")
    if o.get("toc"):
        out.append(f'<w:ind w:left="{425 * o["toc"]}"/>')
    if "numbering" in o:
        out.append("<w:contextualSpacing/>")
    if "align" in o:
        out.append(f'<w:jc w:val="{o["align"]}"/>')
    if "outline" in o:
        out.append(f'<w:outlineLvl w:val="{o["outline"]}"/>')
    return f"<w:pPr>{''.join(out)}</w:pPr>" if out else ""


def _rpr(o: dict) -> str:
    """A style's w:rPr (17.3.2.28), its children in the schema's order."""
    out = []
    if "bold" in o:
        out.append("<w:b/>" if o["bold"] else '<w:b w:val="0"/>')
    if o.get("italic"):
        out.append("<w:i/>")
    if o.get("caps"):
        out.append("<w:caps/>")
    if "color" in o:
        out.append(f'<w:color w:val="{o["color"]}"/>')
    if "size" in o:
        out.append(f'<w:sz w:val="{round(o["size"] * 2)}"/>'
                   f'<w:szCs w:val="{round(o["size"] * 2)}"/>')
    if o.get("underline"):
        out.append('<w:u w:val="single"/>')
    if o.get("superscript"):
        out.append('<w:vertAlign w:val="superscript"/>')
    return f"<w:rPr>{''.join(out)}</w:rPr>" if out else ""


# Word's built-in paragraph styles the house uses, by style id, with Word's own
# gallery settings (uiPriority, shown when used, in the quick gallery): not custom.
_QUICK, _ON_USE = "<w:qFormat/>", '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
_HEADING, _TOC = '<w:uiPriority w:val="9"/>', '<w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
_WORD_BUILTIN = {
    "Normal": _QUICK, "Title": '<w:uiPriority w:val="10"/>' + _QUICK,
    "Subtitle": '<w:uiPriority w:val="11"/>' + _QUICK, "Heading1": _HEADING + _QUICK,
    "Heading2": _HEADING + "<w:unhideWhenUsed/>" + _QUICK,
    "Heading3": _HEADING + "<w:unhideWhenUsed/>" + _QUICK,
    "TOCHeading": _TOC + _QUICK, "TOC1": _TOC, "TOC2": _TOC,
    "FootnoteText": '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>',
    "Header": _ON_USE, "Footer": _ON_USE,
    **{f"{kind}{level}": _ON_USE for kind in ("ListBullet", "ListNumber")
       for level in ("", "2", "3")},
}


def _styles(h) -> str:
    fonts = "<w:rFonts" + "".join(f' w:{k}="{h.font}"' for k in ("ascii", "hAnsi", "eastAsia",
                                                                  "cs")) + "/>"
    out = [(f'<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>{fonts}'
           f'<w:color w:val="{h.ink}"/><w:sz w:val="22"/><w:szCs w:val="22"/>'
           '<w:lang w:val="en-CA"/></w:rPr></w:rPrDefault>'
           '<w:pPrDefault/></w:docDefaults>')]
    for style_id, name, base, o in h.paragraphs:
        default = ' w:default="1"' if style_id == "Normal" else ""
        builtin = _WORD_BUILTIN.get(style_id)
        custom = "" if builtin is not None else ' w:customStyle="1"'
        based = f'<w:basedOn w:val="{base}"/>' if base else ""
        following = '<w:next w:val="Normal"/>' if style_id.startswith(("Heading", "Title")) \
            else ""
        ui = "<w:qFormat/>" if builtin is None else builtin
        out.append(f'<w:style w:type="paragraph"{default}{custom} w:styleId="{style_id}">'
                   f'<w:name w:val={quoteattr(name)}/>{based}{following}{ui}'
                   f"{_ppr(o)}{_rpr(o)}</w:style>")
    out.append('<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
               '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/>'
               '<w:semiHidden/><w:unhideWhenUsed/></w:style>')
    for style_id, name, o in h.characters:
        out.append(f'<w:style w:type="character" w:styleId="{style_id}">'
                   f'<w:name w:val="{name}"/><w:basedOn w:val="DefaultParagraphFont"/>'
                   f"<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>{_rpr(o)}"
                   "</w:style>")
    out.append('<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
               '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
               '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
               '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
               '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
               '</w:tblCellMar></w:tblPr></w:style>')
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out.append('<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
               '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>'
               '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
               f'<w:tblPr><w:tblBorders>{borders}</w:tblBorders></w:tblPr></w:style>')
    out.append('<w:style w:type="numbering" w:default="1" w:styleId="NoList">'
               '<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/>'
               '<w:unhideWhenUsed/></w:style>')
    out.append("</w:styles>")
    return "".join(out)


def _numbering(h) -> str:
    def level(i, fmt, text, style, font=None):
        rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>' \
            if font else ""
        return (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:pStyle w:val="{style}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{360 * (i + 1) + 360 * i}" w:hanging="360"/></w:pPr>'
                f"{rpr}</w:lvl>")
    suffix = ("", "2", "3")
    bullets = "".join(level(i, "bullet", h.bullets[i], f"ListBullet{suffix[i]}", h.font)
                      for i in range(3))
    numbers = "".join(level(i, fmt, text, f"ListNumber{suffix[i]}")
                      for i, (fmt, text) in enumerate(h.numbers))
    return (f'<w:numbering xmlns:w="{_W}">'
            f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
            f"{bullets}</w:abstractNum>"
            f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>'
            f"{numbers}</w:abstractNum>"
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')


def _document() -> str:
    # US Letter, as the Government of Canada prints; 2.54 cm margins.
    return (f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body><w:sectPr>'
            '<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" '
            'w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>'
            '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr></w:body>'
            "</w:document>")


def _settings() -> str:
    return (f'<w:settings xmlns:w="{_W}"><w:defaultTabStop w:val="720"/>'
            '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
            '<w:compatSetting w:name="compatibilityMode" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            "</w:settings>")


def _font_table(h) -> str:
    return (f'<w:fonts xmlns:w="{_W}"><w:font w:name="{h.font}"><w:panose1 '
            'w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/>'
            '<w:pitch w:val="variable"/></w:font></w:fonts>')


def _theme(h) -> str:
    """The smallest theme the schema allows (20.1.6.8), its fonts the house h.font: Word
    and checkers expect a theme part, and theme fonts then agree with the styles."""
    def colour(name, value):
        return f"<a:{name}><a:srgbClr val=\"{value}\"/></a:{name}>"
    colours = "".join(colour(n, v) for n, v in (
        ("dk1", "000000"), ("lt1", "FFFFFF"), ("dk2", h.navy), ("lt2", "E7E6E6"),
        ("accent1", h.navy), ("accent2", h.link), ("accent3", "A5A5A5"), ("accent4", "FFC000"),
        ("accent5", "5B9BD5"), ("accent6", "70AD47"), ("hlink", h.link), ("folHlink", "954F72")))
    fonts = f'<a:latin typeface="{h.font}"/><a:ea typeface=""/><a:cs typeface=""/>'
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350">{fill}</a:ln>'
    return ('<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            f'name="rtdraft"><a:themeElements><a:clrScheme name="rtdraft">{colours}'
            f'</a:clrScheme><a:fontScheme name="rtdraft"><a:majorFont>{fonts}</a:majorFont>'
            f'<a:minorFont>{fonts}</a:minorFont></a:fontScheme><a:fmtScheme name="rtdraft">'
            f"<a:fillStyleLst>{fill * 3}</a:fillStyleLst><a:lnStyleLst>{line * 3}"
            "</a:lnStyleLst><a:effectStyleLst>"
            + "<a:effectStyle><a:effectLst/></a:effectStyle>" * 3 +
            f"</a:effectStyleLst><a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst>"
            "</a:fmtScheme></a:themeElements></a:theme>")


def reference_parts(h) -> dict[str, str]:
    """A reference document's parts (name: XML text) from nothing but the house style
    `h` (font, ink, navy, link colours; paragraph and character styles; list glyphs):
    Word's built-in styles under Word's ids and names, lists as one definition per kind
    with a level per style, compatibility mode 15 and no leftovers of another template."""
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    types = {"/word/document.xml": f"{word}.document.main+xml",
             "/word/styles.xml": f"{word}.styles+xml",
             "/word/settings.xml": f"{word}.settings+xml",
             "/word/numbering.xml": f"{word}.numbering+xml",
             "/word/fontTable.xml": f"{word}.fontTable+xml",
             "/word/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
             "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
             "/docProps/app.xml":
                 "application/vnd.openxmlformats-officedocument.extended-properties+xml"}
    content_types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in types.items())
        + "</Types>")

    def rels(items):
        return (f'<Relationships xmlns="{_REL}">' + "".join(
            f'<Relationship Id="rId{i}" Type="{t}" Target="{target}"/>'
            for i, (t, target) in enumerate(items, 1)) + "</Relationships>")
    package_rels = rels([(f"{_OFFICE_REL}/officeDocument", "word/document.xml"),
                         (("http://schemas.openxmlformats.org/package/2006/relationships/"
                          "metadata/core-properties"), "docProps/core.xml"),
                         (f"{_OFFICE_REL}/extended-properties", "docProps/app.xml")])
    document_rels = rels([(f"{_OFFICE_REL}/styles", "styles.xml"),
                          (f"{_OFFICE_REL}/settings", "settings.xml"),
                          (f"{_OFFICE_REL}/numbering", "numbering.xml"),
                          (f"{_OFFICE_REL}/fontTable", "fontTable.xml"),
                          (f"{_OFFICE_REL}/theme", "theme/theme1.xml")])
    core = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            "<dc:title>rtdraft reference document</dc:title><cp:revision>1</cp:revision>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>'
            "</cp:coreProperties>")
    app = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           'extended-properties"><Application>rtdraft</Application></Properties>')
    return {"[Content_Types].xml": content_types, "_rels/.rels": package_rels,
            "docProps/core.xml": core, "docProps/app.xml": app,
            "word/document.xml": _document(), "word/_rels/document.xml.rels": document_rels,
            "word/styles.xml": _styles(h), "word/settings.xml": _settings(),
            "word/numbering.xml": _numbering(h), "word/fontTable.xml": _font_table(h),
            "word/theme/theme1.xml": _theme(h)}


# -- tracked changes (redline) -------------------------------------------------------------

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


# -- the package --------------------------------------------------------------------

def zip_package(package, when) -> bytes:
    """A python-docx package as DOCX bytes, zipped once (python-docx's save dates its entries
    by the clock). Each part's content type is an Override, which OPC allows for any part."""
    parts = list(package.iter_parts())
    types = "".join(f"<Override PartName={quoteattr(str(part.partname))} "
                    f"ContentType={quoteattr(part.content_type)}/>" for part in parts)
    entries = [("[Content_Types].xml", (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns='
        f'"http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension='
        f'"rels" ContentType="{CT.OPC_RELATIONSHIPS}"/><Default Extension="xml" '
        f'ContentType="{CT.XML}"/>{types}</Types>').encode()),
        ("_rels/.rels", package.rels.xml)]
    for part in parts:
        entries.append((part.partname.membername, part.blob))
        if len(part.rels):
            entries.append((part.partname.rels_uri.membername, part.rels.xml))
    return zip_entries(entries, when)


def zip_entries(entries, when) -> bytes:
    """(name, bytes) entries as a zip, every entry dated `when` (a date) so that the same
    input gives the same bytes. A ZIP time says 1980 to 2107 only: a date outside is dated
    at the nearest end."""
    stamp = min(max((when.year, when.month, when.day), (1980, 1, 1)), (2107, 12, 31))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(*stamp, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    return buffer.getvalue()
