"""Build templates/reference.docx, the default look of a rendered summary.

Run it after changing a style: `python templates/build_reference.py`. Like
pandoc's --reference-doc, the file carries styles only (fonts, sizes, colours,
spacing, margins, list numbering); the renderer checks that every style it uses
is there. The package is written part by part from nothing but what the house
style (design/house-style.md) needs: Word's built-in styles under Word's own
style ids and names (Heading1 "heading 1", TOC1 "toc 1", FootnoteText
"footnote text" ...), so Word's Styles pane shows no duplicates, and no
leftovers of another template (app properties, thumbnail, stylesWithEffects,
customXml, a fixed w14:docId, proofState).
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rtdraft.render.docx import STYLES   # noqa: E402

FONT = "Arial"      # the Government of Canada's usual typeface for reports
INK = "1F1F1F"
NAVY = "26374A"     # Canada.ca's heading colour
LINK = "284E9D"
RED = "A61C1C"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Paragraph styles: (style id, name, based on, options). Built-in ones keep Word's
# ids and names (ECMA-376 Part 1, 17.7.4.9 and Word's own lists).
PARAGRAPHS = (
    ("Normal", "Normal", None, dict(size=11, after=8, line=276)),
    ("Title", "Title", "Normal", dict(size=26, bold=True, color=NAVY, before=12, after=12)),
    ("Subtitle", "Subtitle", "Normal", dict(size=18, color=NAVY, after=36)),
    ("Heading1", "heading 1", "Normal", dict(size=16, bold=True, color=NAVY, before=18,
                                             after=6, keep=True, outline=0)),
    ("Heading2", "heading 2", "Normal", dict(size=13, bold=True, color=NAVY, before=14,
                                             after=6, keep=True, outline=1)),
    ("Heading3", "heading 3", "Normal", dict(size=11.5, bold=True, color=NAVY, before=12,
                                             after=6, keep=True, outline=2)),
    ("CoverTagline", "Cover Tagline", "Normal", dict(size=12, bold=True, color=NAVY,
                                                     after=96, caps=True)),
    ("CoverDepartment", "Cover Department", "Normal", dict(size=14, after=48)),
    ("CoverDetails", "Cover Details", "Normal", dict(size=13, after=4)),
    ("CoverSignature", "Cover Signature", "Normal", dict(size=11, before=180, after=0)),
    ("CoverWordmark", "Cover Wordmark", "Normal", dict(size=20, bold=True, before=6,
                                                       align="right")),
    ("Copyright", "Copyright", "Normal", dict(size=10, after=10)),
    ("Presenters", "Presenters", "Normal", dict(italic=True, after=8)),
    ("TableHeading", "Table Heading", "Normal", dict(bold=True, after=0)),
    ("TableText", "Table Text", "Normal", dict(after=0)),
    ("FootnoteText", "footnote text", "Normal", dict(size=9, after=2, line=240)),
    ("DraftMark", "Draft Mark", "Normal", dict(size=10, bold=True, color=RED, after=0,
                                               align="right")),
    ("PageNumber", "Page Number", "Normal", dict(size=9, after=0, align="center")),
    ("Header", "header", "Normal", dict(after=0, line=240)),
    ("Footer", "footer", "Normal", dict(after=0, line=240)),
    ("TOCHeading", "TOC Heading", "Heading1", dict(outline=9)),
    ("TOC1", "toc 1", "Normal", dict(after=4, toc=0)),
    ("TOC2", "toc 2", "Normal", dict(after=4, toc=1)),
    # Lists: one definition per kind in numbering.xml, a level per style; the space
    # after a list comes from the style (contextual spacing drops it between items).
    ("ListBullet", "List Bullet", "Normal", dict(after=8, numbering=(1, 0))),
    ("ListBullet2", "List Bullet 2", "Normal", dict(after=8, numbering=(1, 1))),
    ("ListBullet3", "List Bullet 3", "Normal", dict(after=8, numbering=(1, 2))),
    ("ListNumber", "List Number", "Normal", dict(after=8, numbering=(2, 0))),
    ("ListNumber2", "List Number 2", "Normal", dict(after=8, numbering=(2, 1))),
    ("ListNumber3", "List Number 3", "Normal", dict(after=8, numbering=(2, 2))),
)
CHARACTERS = (
    ("Hyperlink", "Hyperlink", f'<w:color w:val="{LINK}"/><w:u w:val="single"/>'),
    ("FootnoteReference", "footnote reference", '<w:vertAlign w:val="superscript"/>'),
)
BULLETS = ("\u2022", "\u25e6", "\u25aa")          # •, ◦, ▪ by level
NUMBERS = (("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3."))


def _ppr(o: dict) -> str:
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
    if "toc" in o and o["toc"]:
        out.append(f'<w:ind w:left="{425 * o["toc"]}"/>')
    if "numbering" in o:
        out.append("<w:contextualSpacing/>")
    if "align" in o:
        out.append(f'<w:jc w:val="{o["align"]}"/>')
    if "outline" in o:
        out.append(f'<w:outlineLvl w:val="{o["outline"]}"/>')
    return f"<w:pPr>{''.join(out)}</w:pPr>" if out else ""


def _rpr(o: dict) -> str:
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
    return f"<w:rPr>{''.join(out)}</w:rPr>" if out else ""


def styles_xml() -> str:
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    out = [f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>{fonts}'
           f'<w:color w:val="{INK}"/><w:sz w:val="22"/><w:szCs w:val="22"/>'
           '<w:lang w:val="en-CA"/></w:rPr></w:rPrDefault>'
           '<w:pPrDefault/></w:docDefaults>']
    for style_id, name, base, o in PARAGRAPHS:
        default = ' w:default="1"' if style_id == "Normal" else ""
        custom = "" if o.get("toc") is not None or name[0].islower() or style_id in (
            "Normal", "Title", "Subtitle", "TOCHeading") or style_id.startswith("List") \
            else ' w:customStyle="1"'
        based = f'<w:basedOn w:val="{base}"/>' if base else ""
        following = '<w:next w:val="Normal"/>' if style_id.startswith(("Heading", "Title")) \
            else ""
        out.append(f'<w:style w:type="paragraph"{default}{custom} w:styleId="{style_id}">'
                   f'<w:name w:val={quoteattr(name)}/>{based}{following}<w:qFormat/>'
                   f"{_ppr(o)}{_rpr(o)}</w:style>")
    out.append('<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
               '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/>'
               '<w:semiHidden/><w:unhideWhenUsed/></w:style>')
    for style_id, name, rpr in CHARACTERS:
        out.append(f'<w:style w:type="character" w:styleId="{style_id}">'
                   f'<w:name w:val="{name}"/><w:basedOn w:val="DefaultParagraphFont"/>'
                   f"<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:rPr>{rpr}</w:rPr>"
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


def numbering_xml() -> str:
    def level(i, fmt, text, style, font=None):
        rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>' \
            if font else ""
        return (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:pStyle w:val="{style}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{360 * (i + 1) + 360 * i}" w:hanging="360"/></w:pPr>'
                f"{rpr}</w:lvl>")
    suffix = ("", "2", "3")
    bullets = "".join(level(i, "bullet", BULLETS[i], f"ListBullet{suffix[i]}", FONT)
                      for i in range(3))
    numbers = "".join(level(i, fmt, text, f"ListNumber{suffix[i]}")
                      for i, (fmt, text) in enumerate(NUMBERS))
    return (f'<w:numbering xmlns:w="{W}">'
            f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
            f"{bullets}</w:abstractNum>"
            f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>'
            f"{numbers}</w:abstractNum>"
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')


def document_xml() -> str:
    # US Letter, as the Government of Canada prints; 2.54 cm margins.
    return (f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body><w:sectPr>'
            '<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" '
            'w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>'
            '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr></w:body>'
            "</w:document>")


def settings_xml() -> str:
    return (f'<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="720"/>'
            '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
            '<w:compatSetting w:name="compatibilityMode" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            "</w:settings>")


def font_table_xml() -> str:
    return (f'<w:fonts xmlns:w="{W}"><w:font w:name="{FONT}"><w:panose1 '
            'w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/>'
            '<w:pitch w:val="variable"/></w:font></w:fonts>')


def theme_xml() -> str:
    """The smallest theme the schema allows (20.1.6.8), its fonts the house FONT: Word
    and checkers expect a theme part, and theme fonts then agree with the styles."""
    def colour(name, value):
        return f"<a:{name}><a:srgbClr val=\"{value}\"/></a:{name}>"
    colours = "".join(colour(n, v) for n, v in (
        ("dk1", "000000"), ("lt1", "FFFFFF"), ("dk2", NAVY), ("lt2", "E7E6E6"),
        ("accent1", NAVY), ("accent2", LINK), ("accent3", "A5A5A5"), ("accent4", "FFC000"),
        ("accent5", "5B9BD5"), ("accent6", "70AD47"), ("hlink", LINK), ("folHlink", "954F72")))
    fonts = f'<a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface=""/>'
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


def parts() -> dict[str, str]:
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
        return (f'<Relationships xmlns="{REL}">' + "".join(
            f'<Relationship Id="rId{i}" Type="{t}" Target="{target}"/>'
            for i, (t, target) in enumerate(items, 1)) + "</Relationships>")
    package_rels = rels([(f"{OFFICE_REL}/officeDocument", "word/document.xml"),
                         ("http://schemas.openxmlformats.org/package/2006/relationships/"
                          "metadata/core-properties", "docProps/core.xml"),
                         (f"{OFFICE_REL}/extended-properties", "docProps/app.xml")])
    document_rels = rels([(f"{OFFICE_REL}/styles", "styles.xml"),
                          (f"{OFFICE_REL}/settings", "settings.xml"),
                          (f"{OFFICE_REL}/numbering", "numbering.xml"),
                          (f"{OFFICE_REL}/fontTable", "fontTable.xml"),
                          (f"{OFFICE_REL}/theme", "theme/theme1.xml")])
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
            "word/document.xml": document_xml(), "word/_rels/document.xml.rels": document_rels,
            "word/styles.xml": styles_xml(), "word/settings.xml": settings_xml(),
            "word/numbering.xml": numbering_xml(), "word/fontTable.xml": font_table_xml(),
            "word/theme/theme1.xml": theme_xml()}


def build(path: Path) -> None:
    names = {name.lower() for _, name, _, _ in PARAGRAPHS} | \
        {name.lower() for _, name, _ in CHARACTERS} | {"table grid"}
    missing = [name for name in STYLES if name.lower() not in names]
    assert not missing, missing
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts().items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, HEAD + text)


if __name__ == "__main__":
    build(HERE / "reference.docx")
    print(f"wrote {HERE / 'reference.docx'}")
