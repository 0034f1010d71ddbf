"""DOCX writer: the Document model onto a reference document's styles, with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.shared import Cm

from ..document import inline
from ..document.model import Document, Heading, ListBlock, Note, Paragraph, Table
from ..errors import TemplateError
from ..ooxml import elements as ooxml
from ..ooxml import picture
from ..ooxml.archive import zip_package
from ..outline.schema import MAX_LIST_DEPTH
from ..resources import default_path
from . import reference, symbols

# Every style the writer uses: a reference document must define each of them. Word's
# built-in styles go by Word's names (toc 1, footnote text), matched without case.
STYLES = (
    "Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3",
    "Cover Tagline", "Cover Department", "Cover Details", "Cover Signature", "Cover Wordmark",
    "Copyright", "Presenters", "Table Heading", "Table Text", "Table Grid",
    "List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2",
    "List Number 3", "footnote text", "footnote reference", "Hyperlink", "TOC Heading",
    "toc 1", "toc 2", "Header", "Footer", "Draft Mark", "Page Number",
)
# Styles named for what an editor picks in Word's style gallery, and the style each
# stands in for: a reference document made before them (a house's own) still renders,
# with the style in its place.
GALLERY = {"Session Heading": "Heading 2", "Outcome": "List Bullet"}


# The symbols' printed heights (docs/federal-identity.md): the signature at the top of the
# cover, the Canada wordmark at its foot, the page's text kept one signature high away.
SIGNATURE_HEIGHT = Cm(0.95)
WORDMARK_HEIGHT = Cm(1.27)
SYMBOL_MAX_WIDTH = Cm(12)     # a department's signature wider than this is made smaller


def open_reference(path: Path | None):
    """The reference document, checked: a DOCX with every style the writer uses."""
    path = Path(path) if path else default_path("reference.docx")
    doc = reference.load(path)   # only the parts the house style needs, each bounded
    names = {style.name.lower() for style in doc.styles}
    missing = [name for name in STYLES if name.lower() not in names]
    if missing:
        raise TemplateError(f"{path}: the reference document lacks the style"
                            f"{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))}; "
                            "add it in Word (Styles pane) or start from templates/reference.docx")
    if doc.element.body.sectPr is None:   # legal OOXML, but the page setup we copy is missing
        raise TemplateError(f"{path}: the reference document's body has no page setup "
                            "(w:sectPr in word/document.xml); open it in Word and save it "
                            "again, or start from templates/reference.docx")
    return doc


def render(document: Document, reference: Path | None = None,
           pages: dict[str, str] | None = None, *, page_numbers: bool = True) -> bytes:
    """The summary as DOCX bytes, identical for identical input; `pages` (bookmark -> page
    number, from the PDF's layout) fills in the table of contents' cached page numbers.
    Without `page_numbers` the contents are links to the headings and no field (the
    redline's: its pages are not the summary's)."""
    doc = open_reference(reference)
    body = doc.element.body
    for child in list(body):
        if child.tag != docx.oxml.ns.qn("w:sectPr"):
            body.remove(child)
    _Writer(doc, document, pages or {}, page_numbers).write()
    return zip_package(doc.part.package, document.published)


def _leads_in(block, after) -> bool:
    """Is `block` kept on the page of the block after it: a lead-in ('These include:')
    before its list or table, and a Presenters line before the session's text."""
    if isinstance(block, Paragraph):
        return isinstance(after, (ListBlock, Table))
    return isinstance(block, Note) and after is not None


def _fit(text: str, limit: int = 255) -> str:
    """Core properties hold at most 255 characters."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


class _Writer:
    def __init__(self, doc, document: Document, pages: dict[str, str],
                 page_numbers: bool = True):
        self.doc, self.model, self.toc_pages = doc, document, pages
        self.page_numbers = page_numbers
        self.body_end = doc.element.body.sectPr
        # python-docx finds a style named by its name in a linear search: look once.
        names = {style.name.lower(): style for style in doc.styles}
        self.styles = {name: names[name.lower()] for name in STYLES}
        for name, instead in GALLERY.items():
            self.styles[name] = names.get(name.lower(), self.styles[instead])
        self.bookmarks = 0

    def write(self) -> None:
        self.cover()
        self.front()
        front_section, body_section = self.section_break()
        if self.model.toc:
            self.contents()
        body = self.model.body
        for index, block in enumerate(body):
            after = body[index + 1] if index + 1 < len(body) else None
            self.block(block, page_break=index == 0 and self.model.toc,
                       keep_next=_leads_in(block, after))
        self.notes()
        self.pages(front_section, body_section)
        self.properties()

    # -- cover and copyright page ---------------------------------------------------

    def para(self, text: str | None, style: str, *, page_break: bool = False,
             numbering: tuple[int, int] | None = None, tight: bool = False,
             keep_next: bool = False):
        """A w:p with its style (and text) before the body's final section properties.

        Built as XML: python-docx's add_paragraph looks the style up by scanning every
        style and walks the body to place the paragraph, for each paragraph."""
        p = ooxml.paragraph(self.styles[style].style_id, page_break=page_break,
                            numbering=numbering, tight=tight, keep_next=keep_next)
        if text:
            p.append(ooxml.run(text))
        self.body_end.addprevious(p)
        return p

    def cover(self) -> None:
        """The signature at the top of the cover, the Canada wordmark at its foot: the
        Federal Identity Program's art (render/symbols.py), each with its alternative."""
        cover = self.model.cover
        signature, wordmark = symbols.load(self.model)
        self.para(None, "Cover Signature").append(self.symbol(signature, SIGNATURE_HEIGHT))
        # The wordmark's frame sits at the page's foot wherever its paragraph is; it comes
        # second, as LibreOffice anchors a frame to the paragraph after it, which must be
        # on the cover (the copyright page starts after the cover's last paragraph).
        foot = self.para(None, "Cover Wordmark")
        foot.append(self.symbol(wordmark, WORDMARK_HEIGHT))
        picture.at_foot(foot, SIGNATURE_HEIGHT.twips)
        if cover.tagline:
            self.para(cover.tagline, "Cover Tagline")
        self.para(cover.department, "Cover Department")
        self.para(cover.title, "Title")
        self.para(cover.subtitle, "Subtitle")
        self.para(cover.when, "Cover Details")
        if cover.where:
            self.para(cover.where, "Cover Details")
        if cover.hosted:
            self.para(cover.hosted, "Cover Details")
        picture.declare_on_root(self.doc.element)   # while the body is the cover alone

    def symbol(self, symbol: symbols.Symbol, height: int):
        """A run holding the symbol `height` EMU high (narrower than SYMBOL_MAX_WIDTH), its
        PNG and SVG in parts named after it."""
        width = round(height * symbol.aspect)
        if width > SYMBOL_MAX_WIDTH:
            width, height = SYMBOL_MAX_WIDTH, round(SYMBOL_MAX_WIDTH / symbol.aspect)
        part = self.doc.part
        png = picture.embed(part, f"{symbol.kind}.png", symbol.png, "image/png")
        svg = None if symbol.svg is None else \
            picture.embed(part, f"{symbol.kind}.svg", symbol.svg, "image/svg+xml")
        return picture.inline(part.next_id, symbol.kind, symbol.alt, png, svg, width, height)

    def front(self) -> None:
        for index, line in enumerate(self.model.front):
            p = self.para(None, "Copyright", page_break=index == 0)
            lang = self.model.other_locale if line == self.model.other_notice else None
            p.append(ooxml.run(line, lang=lang))

    def section_break(self):
        """End the cover and copyright pages' section in their last paragraph.

        python-docx's add_section would add an empty paragraph for it; the house
        style has none.
        """
        body = self.doc.element.body
        last = body.xpath("./w:p")[-1]
        sect_pr = ooxml.clone(body.sectPr)
        last.get_or_add_pPr().append(sect_pr)
        body.sectPr.start_type = WD_SECTION.NEW_PAGE
        return self.doc.sections[0], self.doc.sections[1]

    def contents(self) -> None:
        """A TOC field whose entries are already filled in and linked to the headings."""
        self.para(self.model.labels["contents"], "TOC Heading")
        entries = [h for h in self.model.headings if h.level <= 2]
        for index, heading in enumerate(entries):
            p = self.para(None, f"toc {heading.level}")
            if not self.page_numbers:
                ooxml.toc_link(p, heading.text, heading.anchor)
                continue
            if index == 0:
                ooxml.toc_field_start(p)
            ooxml.toc_entry(p, heading.text, heading.anchor,
                            self.toc_pages.get(heading.anchor, ""))
            if index == len(entries) - 1:
                ooxml.toc_field_end(p)

    # -- body ---------------------------------------------------------------------------

    def block(self, block, page_break: bool = False, keep_next: bool = False) -> None:
        if isinstance(block, Heading):   # its style keeps it with the next paragraph
            style = "Session Heading" if block.session and block.level == 2 else \
                f"Heading {block.level}"
            p = self.para(block.text, style, page_break=page_break or block.new_page)
            self.bookmarks += 1
            ooxml.bookmark(p, block.anchor, self.bookmarks)
        elif isinstance(block, Paragraph):
            self.inlines(self.para(None, "Normal", keep_next=keep_next), block.inlines,
                         self.doc.part)
        elif isinstance(block, Note):
            self.para(block.text, "Presenters", keep_next=keep_next)
        elif isinstance(block, ListBlock):
            self.list(block, 1)
        elif isinstance(block, Table):
            self.table(block)

    def list(self, block: ListBlock, depth: int, parent: tuple | None = None,
             continues: bool = False) -> None:
        """A list and its sub-lists of the same kind as one numbering instance, a
        sub-item a level (w:ilvl) of its parent's list; a numbered list starts at 1.
        `parent`: (numbered, numId) of the list this one is nested in; `continues`: an item
        of a shallower level follows this list.

        Items of one level sit together through their style's contextual spacing, which
        Word and LibreOffice apply between paragraphs of one style only: an item followed
        by an item of another level gets no space after, so that the list's space comes
        after its last item only."""
        depth = min(depth, MAX_LIST_DEPTH)
        name = ("List Number" if block.numbered else "List Bullet") + \
            ("" if depth == 1 else f" {depth}")
        if block.outcomes and depth == 1:
            name = "Outcome"
        if parent and parent[0] == block.numbered and parent[1] is not None:
            num_id, level = parent[1], depth - 1
        else:   # a list of its own, at the level its style gives
            style = self.styles[name]
            num_id = ooxml.new_numbering(self.doc, style, block.numbered)
            level = ooxml.style_level(style)
        last = len(block.items) - 1
        for index, item in enumerate(block.items):
            followed = continues or index < last   # by an item of this level or shallower
            p = self.para(None, name, numbering=None if num_id is None else (num_id, level),
                          tight=bool(item.sublist) or (index == last and continues))
            self.inlines(p, item.inlines, self.doc.part)
            if item.sublist:
                self.list(item.sublist, depth + 1, (block.numbered, num_id), followed)

    def table(self, block: Table) -> None:
        if ooxml.is_table(self.body_end.getprevious()):
            # two tables in a row are one table to Word and LibreOffice: an agenda's undated
            # items, after a day's, showed the header again in the middle of one table
            self.para(None, "Normal")
        table = self.doc.add_table(rows=1 + len(block.rows), cols=len(block.header))
        table.style = self.styles["Table Grid"]
        widths = (Cm(3.2), Cm(7.8), Cm(5.5))
        for column, width in zip(table.columns, widths):
            column.width = width    # the grid (w:gridCol) agrees with the cells' w:tcW
        rows = list(table.rows)   # table.rows[r] makes the list of every row anew: quadratic
        for r, (row, values) in enumerate(zip(rows, (block.header,) + block.rows)):
            ooxml.keep_row_together(row)
            for c, value in enumerate(values):
                cell = row.cells[c]
                cell.width = widths[c]
                cell.paragraphs[0].text = value
                cell.paragraphs[0].style = self.styles["Table Heading" if r == 0
                                                           else "Table Text"]
        ooxml.repeat_as_header(rows[0])

    def inlines(self, parent, nodes, part, bold=False, italic=False, style=None) -> None:
        """Runs for inline nodes; relationships (links) go in `part`, the paragraph's part."""
        for node in nodes:
            if isinstance(node, inline.Text):
                parent.append(ooxml.run(node.text, style=style, bold=bold, italic=italic))
            elif isinstance(node, inline.Strong):
                self.inlines(parent, node.children, part, True, italic, style)
            elif isinstance(node, inline.Emph):
                self.inlines(parent, node.children, part, bold, True, style)
            elif isinstance(node, inline.Link):
                link = ooxml.hyperlink(part, node.url)
                parent.append(link)
                self.inlines(link, node.children, part, bold, italic, self.style_id("Hyperlink"))
            elif isinstance(node, inline.FootnoteRef):
                parent.append(ooxml.footnote_reference(self.model.footnote_number(node.id),
                                                       self.style_id("footnote reference")))

    def notes(self) -> None:
        if not self.model.footnotes:
            return
        part = ooxml.footnotes_part(self.doc.part)
        for note in self.model.footnotes:
            self.bookmarks += 1
            p = ooxml.footnote(part, note.number, text_style=self.style_id("footnote text"),
                               mark_style=self.style_id("footnote reference"),
                               bookmark_name=ooxml.note_bookmark_name(note.id),
                               bookmark_id=self.bookmarks)
            self.inlines(p, note.inlines, part)

    def style_id(self, name: str) -> str:
        return self.styles[name].style_id

    # -- pages and properties ---------------------------------------------------------------

    def pages(self, front_section, body_section) -> None:
        """DRAFT in every header of a draft; page numbers from 1 on the body's pages."""
        if self.model.draft:
            header = front_section.header
            header.is_linked_to_previous = False
            header.paragraphs[0].text = self.model.labels["draft"]
            header.paragraphs[0].style = self.styles["Draft Mark"]
        body_section.header.is_linked_to_previous = True
        footer = body_section.footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = self.styles["Page Number"]
        ooxml.field(p._p, "PAGE", "1")
        ooxml.restart_page_numbers(body_section, 1)
        front_footer = front_section.footer
        front_footer.is_linked_to_previous = False

    def properties(self) -> None:
        model, core = self.model, self.doc.core_properties
        core.title = _fit(model.title)
        core.subject = _fit(model.subtitle)
        core.author = _fit(model.author)
        core.last_modified_by = _fit(model.author)
        core.language = model.locale
        keywords = []
        for word in model.keywords:   # whole keywords, within the 255 characters Word allows
            if len("; ".join(keywords + [word])) <= 255:
                keywords.append(word)
        core.keywords = "; ".join(keywords)
        core.comments = _fit(model.cover.hosted if model.cover else "")
        core.category = ""
        core.revision = 1
        core.created = core.modified = core.last_printed = model.published.replace(tzinfo=None)
        ooxml.set_language(self.doc.styles.element, model.locale)
