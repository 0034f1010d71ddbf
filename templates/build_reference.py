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
import types
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rtdraft.ooxml import package, reference_parts   # noqa: E402
from rtdraft.render.docx import GALLERY, STYLES   # noqa: E402

FONT = "Arial"      # the Government of Canada's usual typeface for reports
INK = "1F1F1F"
NAVY = "26374A"     # Canada.ca's heading colour
LINK = "284E9D"
RED = "A61C1C"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)

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
    # The symbols' paragraphs (docs/federal-identity.md): the signature at the top, the
    # cover's text one signature high below it; the wordmark is anchored at the page's foot.
    ("CoverSignature", "Cover Signature", "Normal", dict(size=11, after=48, line=240)),
    ("CoverWordmark", "Cover Wordmark", "Normal", dict(size=11, after=0, line=240,
                                                       align="right")),
    ("Copyright", "Copyright", "Normal", dict(size=10, after=10)),
    ("Presenters", "Presenters", "Normal", dict(italic=True, after=8)),
    # Named for what an editor picks in Word's style gallery: a session's heading (under
    # its group's heading; Enter goes on to its Presenters line), a key outcome.
    ("SessionHeading", "Session Heading", "Heading2", dict(size=13, bold=True, color=NAVY,
                                                           before=14, after=6, keep=True,
                                                           outline=1, next="Presenters")),
    ("TableHeading", "Table Heading", "Normal", dict(bold=True, after=0)),
    ("TableText", "Table Text", "Normal", dict(after=0)),
    ("FootnoteText", "footnote text", "Normal", dict(size=9, after=2, line=240)),
    # in the header and footer only: not in the style gallery
    ("DraftMark", "Draft Mark", "Normal", dict(size=10, bold=True, color=RED, after=0,
                                               align="right", gallery=False)),
    ("PageNumber", "Page Number", "Normal", dict(size=9, after=0, align="center",
                                                 gallery=False)),
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
    ("Outcome", "Outcome", "ListBullet", dict(after=8, numbering=(1, 0))),
)
CHARACTERS = (
    ("Hyperlink", "Hyperlink", dict(color=LINK, underline=True)),
    ("FootnoteReference", "footnote reference", dict(superscript=True)),
)
BULLETS = ("\u2022", "\u25e6", "\u25aa")          # •, ◦, ▪ by level
NUMBERS = (("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3."))


def build(path: Path) -> None:
    names = {name.lower() for _, name, _, _ in PARAGRAPHS} | \
        {name.lower() for _, name, _ in CHARACTERS} | {"table grid"}
    missing = [name for name in (*STYLES, *GALLERY) if name.lower() not in names]
    assert not missing, missing
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        house = types.SimpleNamespace(font=FONT, ink=INK, navy=NAVY, link=LINK,
                                      paragraphs=PARAGRAPHS, characters=CHARACTERS,
                                      bullets=BULLETS, numbers=NUMBERS)
        for name, text in reference_parts.reference_parts(house).items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, package.XML_HEAD + text)


if __name__ == "__main__":
    build(HERE / "reference.docx")
    print(f"wrote {HERE / 'reference.docx'}")
