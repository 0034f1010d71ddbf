"""A picture in a run, as Word writes an SVG: the a:blip embeds a PNG (what every reader
shows) and its a:extLst carries the SVG (asvg:svgBlip, which Word 2016 and later and
LibreOffice show instead). wp:docPr holds the text alternative (descr) and no title:
LibreOffice's tagged PDF writes "title - descr" as the figure's /Alt when both are given.
References are to ECMA-376 Part 1, 20.4 (DrawingML, WordprocessingML drawing) and to
[MS-ODRAWXML] 2.3.8 (svgBlip).

Part names are the picture's own (word/media/signature.png, .svg), never numbered in
the order of writing, so the same document gives the same bytes."""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from lxml import etree

from .elements import quoteattr

SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
EMU_PER_CM = 360000

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_PREFIXES = {
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
_SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


def declare_on_root(root) -> None:
    """Declare the drawing namespaces on the document's root, as Word does: pandoc finds
    wp:docPr (and so the alternative text) by the prefixes the root declares. Every prefix
    the root declared stays (mc:Ignorable names some only in an attribute's value)."""
    etree.cleanup_namespaces(root, top_nsmap=_PREFIXES, keep_ns_prefixes=list(root.nsmap))


def embed(document_part, name: str, data: bytes, content_type: str) -> str:
    """Add word/media/NAME to the package and relate it to the document; its rId."""
    part = Part(PackURI(f"/word/media/{name}"), content_type, data, document_part.package)
    return document_part.relate_to(part, RT.IMAGE)


def _graphic(number: int, name: str, alt: str, png_id: str, svg_id: str | None,
             cx: int, cy: int) -> str:
    svg = ("" if svg_id is None else
           f'<a:extLst><a:ext uri="{SVG_EXTENSION}"><asvg:svgBlip xmlns:asvg="{_SVG_NS}" '
           f'r:embed="{svg_id}"/></a:ext></a:extLst>')
    return (f'<wp:docPr id="{number}" name={quoteattr(name)} descr={quoteattr(alt)}/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/>'
            '</wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData '
            'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="{number}" name={quoteattr(name)} '
            f'descr={quoteattr(alt)}/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{png_id}">{svg}</a:blip>'
            '<a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
            '</pic:pic></a:graphicData></a:graphic>')


def inline(number: int, name: str, alt: str, png_id: str, svg_id: str | None,
           cx: int, cy: int):
    """A w:r holding the picture in the line of text (wp:inline, 20.4.2.8), cx by cy EMU;
    `number` is its drawing id, unique in the document."""
    return parse_xml(
        f'<w:r {_NS}><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'{_graphic(number, name, alt, png_id, svg_id, cx, cy)}'
        '</wp:inline></w:drawing></w:r>')


def at_foot(p, clear_twips: int) -> None:
    """Set paragraph p in a frame (w:framePr, 17.3.1.11) at the bottom right of the page's
    margins, whatever the length of the text above it, text kept `clear_twips` away. A
    frame, not an anchored drawing: pandoc 2.17 reads the alternative text of an inline
    picture only."""
    frame = parse_xml(
        f'<w:framePr {_NS} w:wrap="notBeside" w:vAnchor="margin" w:hAnchor="margin" '
        f'w:xAlign="right" w:yAlign="bottom" w:vSpace="{clear_twips}"/>')
    p.pPr.insert(1, frame)   # after w:pStyle, in the schema's order
