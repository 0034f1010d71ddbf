"""The parts of a reference document built from nothing by templates/build_reference.py:
styles, numbering, settings, fonts and theme. References are to ECMA-376 Part 1."""

from __future__ import annotations

from .elements import quoteattr
from .package import types_xml

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


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
    "FootnoteText": '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>' + _QUICK,
    "Header": _ON_USE, "Footer": _ON_USE,
    **{f"{kind}{level}": _ON_USE for kind in ("ListBullet", "ListNumber")
       for level in ("2", "3")},
    # in the gallery too: what an editor types a list or a footnote in
    "ListBullet": _ON_USE + _QUICK, "ListNumber": _ON_USE + _QUICK,
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
        if o.get("next"):
            following = f'<w:next w:val="{o["next"]}"/>'
        ui = builtin if builtin is not None else \
            "<w:qFormat/>" if o.get("gallery", True) else '<w:uiPriority w:val="99"/>'
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
    content_types = types_xml(
        [("rels", "application/vnd.openxmlformats-package.relationships+xml"),
         ("xml", "application/xml")], types.items())

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
