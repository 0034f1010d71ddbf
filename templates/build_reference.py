"""Build templates/reference.docx, the default look of a rendered summary.

Run it after changing a style: `python templates/build_reference.py`. Like
pandoc's --reference-doc, the file carries styles only (fonts, sizes, colours,
spacing, margins); the renderer checks that every style it uses is there.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rtdraft.render.docx import STYLES, normalize_package

FONT = "Arial"          # the Government of Canada's usual typeface for reports
INK = RGBColor(0x1F, 0x1F, 0x1F)
NAVY = RGBColor(0x26, 0x37, 0x4A)   # Canada.ca's heading colour


def paragraph_style(doc, name, *, base="Normal", size=None, bold=None, italic=None,
                    color=None, before=None, after=None, align=None, caps=False, keep=False):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else \
        styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base and style.name != "Normal":
        style.base_style = styles[base]
    font = style.font
    font.name = FONT
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    font.color.rgb = color or INK
    font.all_caps = caps or None
    fmt = style.paragraph_format
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if align is not None:
        fmt.alignment = align
    if keep:
        fmt.keep_with_next = True
    return style


def character_style(doc, name, *, color=None, underline=None, superscript=None):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER) \
        if name not in [s.name for s in doc.styles] else doc.styles[name]
    if color:
        style.font.color.rgb = color
    if underline is not None:
        style.font.underline = underline
    if superscript is not None:
        style.font.superscript = superscript
    return style


def drop_theme_fonts(doc) -> None:
    """Theme fonts (asciiTheme ...) win over named ones: keep the named FONT everywhere."""
    root = doc.styles.element
    for rfonts in root.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            rfonts.set(qn(attr), FONT)


def build(path: Path) -> None:
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)   # US Letter, as GC prints
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.54))

    normal = paragraph_style(doc, "Normal", size=11, after=8)
    normal.paragraph_format.line_spacing = 1.15
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)

    paragraph_style(doc, "Title", size=26, bold=True, color=NAVY, before=12, after=12)
    subtitle = paragraph_style(doc, "Subtitle", size=18, italic=False, color=NAVY, after=36)
    numpr = subtitle.element.pPr.find(qn("w:numPr")) if subtitle.element.pPr is not None else None
    if numpr is not None:   # Word's template numbers the subtitle; we do not
        subtitle.element.pPr.remove(numpr)
    for level, size, before in ((1, 16, 18), (2, 13, 14), (3, 11.5, 12)):
        heading = paragraph_style(doc, f"Heading {level}", size=size, bold=True, color=NAVY,
                                  before=before, after=6, keep=True)
        heading.font.italic = False
    paragraph_style(doc, "Cover Tagline", size=12, bold=True, color=NAVY, after=96, caps=True)
    paragraph_style(doc, "Cover Department", size=14, after=48)
    paragraph_style(doc, "Cover Details", size=13, after=4)
    paragraph_style(doc, "Cover Signature", size=11, before=180, after=0)
    paragraph_style(doc, "Cover Wordmark", size=20, bold=True, before=6,
                    align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph_style(doc, "Copyright", size=10, after=10)
    paragraph_style(doc, "Presenters", italic=True, after=8)
    paragraph_style(doc, "Table Heading", bold=True, after=0)
    paragraph_style(doc, "Table Text", after=0)
    paragraph_style(doc, "Footnote Text", size=9, after=2)
    paragraph_style(doc, "Draft Mark", size=10, bold=True, color=RGBColor(0xA6, 0x1C, 0x1C),
                    after=0, align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph_style(doc, "Page Number", size=9, after=0, align=WD_ALIGN_PARAGRAPH.CENTER)
    toc_heading = paragraph_style(doc, "TOC Heading", base="Heading 1", size=16, bold=True,
                                  color=NAVY)
    toc_heading.font.italic = False
    for level in (1, 2):
        toc = paragraph_style(doc, f"TOC {level}", after=4)
        toc.paragraph_format.left_indent = Cm(0.75 * (level - 1))
        toc.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT,
                                                    WD_TAB_LEADER.DOTS)
    for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number",
                 "List Number 2", "List Number 3"):
        paragraph_style(doc, name, after=4)
    character_style(doc, "Hyperlink", color=RGBColor(0x28, 0x4E, 0x9D), underline=True)
    character_style(doc, "Footnote Reference", superscript=True)

    drop_theme_fonts(doc)
    missing = [name for name in STYLES if name not in [s.name for s in doc.styles]]
    assert not missing, missing
    core = doc.core_properties
    core.author = core.last_modified_by = ""
    core.title = "rtdraft reference document"
    core.revision = 1
    normalize_package(doc, fixed_time=(2024, 1, 1, 0, 0, 0), out=path)


if __name__ == "__main__":
    build(HERE / "reference.docx")
    print(f"wrote {HERE / 'reference.docx'}")
