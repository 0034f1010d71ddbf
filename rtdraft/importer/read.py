"""A DOCX read into a flat list of blocks (headings, paragraphs, list items, tables) whose
text is already outline markup (**bold**, *italic*, [links](...), [^n]).

Comments are marked in that text by one character each (comment_mark), so that they
travel with their words into the outline and their place can be found there. The marks
are lone surrogates, which no XML text can hold (a private-use character can: it is
text, and survives); they are taken out before anything is written or shown (quoted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import inline
from . import ooxml_read as ox
from . import styles

MARK_BASE = 0xD800       # a comment's place in the text: chr(MARK_BASE + its index)
MARK_COUNT = 0x800       # the surrogates; comments after these are placed by their heading
MARKS = re.compile("[\ud800-\udfff]")


def comment_mark(index: int) -> str:
    return chr(MARK_BASE + index) if index < MARK_COUNT else ""


def quoted(text: str) -> str:
    """A text of the document, quoted in a message: without comment marks."""
    return repr(MARKS.sub("", text))


@dataclass
class Head:
    level: int
    text: str
    page_break: bool = False
    style: str = ""


@dataclass
class Para:
    text: str           # markup
    style: str = ""
    plain: str = ""     # the same words without markup


@dataclass
class ListPara:
    numbered: bool
    depth: int          # 1, 2, 3 ...
    text: str
    num_id: int = 0
    plain: bool = True  # no markup at all: could be an organization's name
    abstract: str | None = None   # the list definition its numbering instance uses
    words: str = ""     # the text as it stands, spaces and all (an organization's name)
    restart: bool = False   # its numbering instance counts from the start again here


@dataclass
class Tab:
    rows: list[list[str]]
    marked: list[list[str]] = field(default_factory=list)   # the cells as markup


@dataclass
class Comment:
    index: int
    author: str
    date: str
    text: str
    quoted: str = ""
    heading: str = ""


@dataclass
class Parsed:
    cover: list[tuple[str, str]] = field(default_factory=list)     # (style, text)
    front: list[str] = field(default_factory=list)
    blocks: list = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)        # number -> markup
    note_ids: dict[str, str] = field(default_factory=dict)         # number -> outline id
    comments: list[Comment] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    draft: bool = False
    toc: bool = False
    ours: bool = False   # written by rtdraft: its cover and styles are there


_HEADING = re.compile(r"^heading ([1-9])$")   # names as styles.names gives them
COVER_STYLES = {"cover tagline", "cover department", "title", "subtitle", "cover details",
                "cover signature", "cover wordmark"}
COVER_ART = {"cover signature", "cover wordmark"}
LIST_STYLE = re.compile(r"^list (bullet|number)(?: (\d))?$", re.IGNORECASE)


class Reader:
    """Walks the body once, in reading order."""

    def __init__(self, document, comments: dict[str, Comment], numbering, typeset=None):
        self.doc = document
        self.part = document.part
        self.comments = comments        # by w:id
        self.lists = ox.Lists(numbering)
        self.typeset = typeset          # the language's typography, undone on reading
        self.libreoffice = "libreoffice" in ox.application(document.part.package).lower()
        self.styles = {s.style_id: s for s in document.styles}
        self.names = styles.names(document)   # styleId -> what it stands for
        self.out = Parsed(comments=list(comments.values()))
        self.open: set[str] = set()     # comments whose range we are in
        self.heading = ""
        self.just_placed: list[Comment] = []   # comments placed in this paragraph
        self.pending = ""               # marks of comments on empty paragraphs

    # -- the body ---------------------------------------------------------------------

    def read(self) -> Parsed:
        body = self.doc.element.body
        names = set(self.names.values())
        self.out.ours = {"cover department", "cover signature", "copyright"} <= names
        self.out.draft = self._draft()
        for child in self._children(body):
            if child.tag == ox.P:
                self.paragraph(child)
            elif child.tag == ox.TBL:
                self.table(child)
        last = self.out.blocks[-1] if self.out.blocks else None
        if self.pending and isinstance(last, (Head, Para, ListPara)):
            last.text += self.pending   # else the comment is placed by its heading
        return self.out

    def _children(self, parent):
        yield from _through(parent, (ox.P, ox.TBL))

    def _draft(self) -> bool:
        for section in self.doc.sections:
            for p in section.header.paragraphs:
                if p.style is not None and self.names.get(p.style.style_id) == "draft mark" \
                        and p.text.strip():
                    return True
        return False

    def style_name(self, p) -> tuple[str, str, object]:
        """(its name as the document has it, what it stands for, its w:style element)."""
        ppr = p.find(ox.PPR)
        pstyle = ppr.find(ox.PSTYLE) if ppr is not None else None
        style = self.styles.get(pstyle.get(ox.qn("w:val"))) if pstyle is not None else None
        if style is None:
            return "Normal", "normal", None
        return style.name or style.style_id, self.names[style.style_id], style.element

    def paragraph(self, p) -> None:
        name, low, style_element = self.style_name(p)
        if low.startswith("toc"):   # the table of contents: made again from the headings
            self.out.toc = True
            return
        self.just_placed = []
        if low in COVER_ART and self.out.ours and not self.out.blocks and ox.has_drawing(p):
            return   # rtdraft's own Federal Identity Program art, drawn again on render
        pieces = self.pieces(p)
        words, text = _emit(pieces, False), _emit(pieces, True)
        # a paragraph holding only a footnote mark has no words, but is one
        plain = MARKS.sub("", words).strip() or ("[^\x00" in text and text)
        if not plain and MARKS.search(words):
            # a comment on an empty paragraph: its mark goes with the next words
            self.pending += "".join(MARKS.findall(words))
            return
        if self.pending:
            words, text, self.pending = self.pending + words, self.pending + text, ""
        if low in COVER_STYLES and self.out.ours and not self.out.blocks:
            if plain or low == "title":
                self.out.cover.append((low, words))
            return
        if low == "copyright" and not self.out.blocks:
            if plain:
                self.out.front.append(words.strip())
            return
        level = _heading_level(low, style_element, self.styles, self.names)
        if level:
            self.heading = plain
            for comment in self.just_placed:   # a comment on a heading is under it
                comment.heading = plain
            if plain:
                # as it stands: a title may end in spaces the renderer printed
                self.out.blocks.append(Head(level, words, ox.page_break_before(p) or
                                            self._leading_break, low))
            return
        if low == "title" and not self.out.ours:
            if plain:
                self.out.cover.append(("title", words.strip()))
            return
        listed = LIST_STYLE.match(low)
        number = ox.numbering(p, style_element)
        if listed or number:
            if not plain:
                return
            if number:
                kind = self.lists.numbered(number[0], number[1])
                depth = number[1] + 1
                if listed:
                    kind = listed.group(1).lower() == "number"
                    depth = max(depth, int(listed.group(2) or 1))
            else:
                kind, depth = listed.group(1).lower() == "number", int(listed.group(2) or 1)
            num_id = number[0] if number else 0
            # LibreOffice saves every list paragraph with a numbering of its own: no list
            # boundary can be told from it, and one list is read
            abstract = None if self.libreoffice else self.lists.abstract_of(num_id)
            restart = bool(number) and self.lists.restarts_at(num_id, number[1])
            self.out.blocks.append(ListPara(kind, depth, text.strip(), num_id, self._plain,
                                            abstract, words, restart))
            return
        if not plain:
            return
        if low not in ("normal", "presenters", "body text", "first paragraph", "compact",
                       "text body", "default", "block text", "list paragraph",
                       "default paragraph style", "subtitle", "date", "author",
                       "abstract") and not self.out.ours:
            self.report(f"a paragraph in the style {quoted(name)} read as an ordinary paragraph")
        self.out.blocks.append(Para(text.strip(), low, words))

    def table(self, tbl) -> None:
        """Its rows and cells, also those wrapped in content controls (w:sdt); a cell's
        text as plain words (an agenda's) and as markup with its footnotes (any other)."""
        rows, marked = [], []
        for tr in _through(tbl, (ox.TR,)):
            cells, marks = [], []
            for tc in _through(tr, (ox.TC,)):
                pieces = [self.pieces(p) for p in tc.iter(ox.P)]
                texts = [_emit(p, False).strip() for p in pieces]
                cells.append(" ".join(t for t in texts if t))
                texts = [_emit(p, True).strip() for p in pieces]
                marks.append(" ".join(t for t in texts if t))
            rows.append(cells)
            marked.append(marks)
        self.out.blocks.append(Tab(rows, marked))

    def report(self, what: str) -> None:
        where = f" (under {quoted(self.heading)})" if self.heading else \
            " (before the first heading)"
        self.out.unplaced.append(what + where)

    # -- runs ---------------------------------------------------------------------------

    def inlines(self, p, markup: bool = True) -> str:
        """The paragraph's text as outline markup (or as plain text)."""
        return _emit(self.pieces(p), markup)

    def pieces(self, p) -> list:
        self._plain = True
        pieces: list = []
        self._fields: list[list] = []   # complex fields open: [instruction, outer, result]
        self._walk(p, pieces, None)
        while self._fields:   # a field not ended in its paragraph: its result as text
            _, outer, result = self._fields.pop()
            outer.extend(result or ())
        pieces, self._leading_break = _pages(pieces)
        return self._untypeset(pieces)

    def _untypeset(self, pieces: list) -> list:
        """Runs of the same formatting joined, and their text untypeset as one: Word
        splits runs anywhere (at each editing session's rsid), also between a French
        non-breaking space and its colon."""
        out: list = []
        for piece in pieces:
            if piece[0] == "link":
                piece = ("link", piece[1], self._untypeset(piece[2]))
            if piece[0] == "text" and out and out[-1][0] == "text" and \
                    out[-1][2:] == piece[2:]:
                out[-1] = ("text", out[-1][1] + piece[1], *piece[2:])
            else:
                out.append(piece)
        if self.typeset is None:
            return out
        return [("text", untypeset(p[1], self.typeset), *p[2:]) if p[0] == "text" else p
                for p in out]

    def _walk(self, parent, pieces: list, link: str | None) -> None:
        for child in parent:
            tag = child.tag
            if tag == ox.R:
                self._run(child, pieces)
            elif tag == ox.HYPERLINK:
                target = self._target(child)
                inner: list = []
                self._walk(child, inner, target)
                inner = [SPACE if p == ("page",) else p for p in inner]
                if target:
                    self._plain = False
                    pieces.append(("link", target, inner))
                else:
                    pieces.extend(inner)
            elif tag == ox.FLD_SIMPLE and _hyperlink(ox.attr(child, "instr")):
                inner = []
                self._walk(child, inner, link)
                self._plain = False
                pieces.append(("link", _hyperlink(ox.attr(child, "instr")),
                               [SPACE if p == ("page",) else p for p in inner]))
            elif tag in ox.TRANSPARENT or tag == ox.SDT:
                inner = child.find(ox.SDT_CONTENT) if tag == ox.SDT else child
                if inner is not None:   # a content control may have no content
                    self._walk(inner, pieces, link)
            elif tag in ox.MATH:
                text = ox.math_text(child)
                if text:
                    self.report(f"an equation kept as its linear text: “{text[:60]}"
                                f"{'…' if len(text) > 60 else ''}”")
                    pieces.append(("text", text, False, False))
            elif tag == ox.COMMENT_START:
                self._comment(ox.attr(child, "id"), pieces)
            elif tag == ox.COMMENT_END:
                self.open.discard(ox.attr(child, "id"))

    def _comment(self, cid: str | None, pieces: list) -> None:
        comment = self.comments.get(cid or "")
        if comment is None or getattr(comment, "placed", False):
            return
        comment.placed = True
        comment.heading = self.heading
        self.just_placed.append(comment)
        self.open.add(cid)
        if comment_mark(comment.index):
            pieces.append(("mark", comment_mark(comment.index)))

    def _target(self, link) -> str | None:
        rid = ox.rel_id(link)
        if rid and rid in self.part.rels and self.part.rels[rid].is_external:
            return self.part.rels[rid].target_ref
        return None

    def _sink(self, pieces: list) -> list:
        """Where a run's text goes: the result of the innermost hyperlink field open."""
        for _, _, result in reversed(self._fields):
            if result is not None:
                return result
        return pieces

    def _field(self, child, pieces: list) -> list:
        """A complex field's begin, instruction, separator or end (17.16.18): Word may save
        a hyperlink as a HYPERLINK field, whose result is the link's text."""
        if child.tag == ox.INSTR_TEXT:
            if self._fields:
                self._fields[-1][0] += child.text or ""
            return pieces
        kind = ox.attr(child, "fldCharType")
        if kind == "begin":
            self._fields.append(["", pieces, None])
        elif kind == "separate" and self._fields and _hyperlink(self._fields[-1][0]):
            self._fields[-1][2] = []
        elif kind == "end" and self._fields:
            instruction, outer, result = self._fields.pop()
            if result is not None:
                self._plain = False
                outer.append(("link", _hyperlink(instruction),
                              [SPACE if p == ("page",) else p for p in result]))
        return self._sink(self._fields[-1][1] if self._fields else pieces)

    def _run(self, r, pieces: list) -> None:
        rpr = r.find(ox.RPR)
        style = (ox.run_style(rpr) or "").lower()
        bold = ox.flag(rpr, "b") or style in ("strong", "strongemphasis")
        italic = ox.flag(rpr, "i") or style in ("emphasis", "strongemphasis")
        pieces = self._sink(pieces)
        for child in r:
            tag = child.tag
            text = None
            if tag == ox.T:
                text = child.text or ""
            elif tag in (ox.FLD_CHAR, ox.INSTR_TEXT):
                pieces = self._field(child, pieces)
            elif tag == ox.BR and ox.attr(child, "type") in ("page", "column"):
                pieces.append(("page",))   # a space between words; see _pages
            elif tag in (ox.TAB, ox.BR, ox.CR):
                text = " "
            elif tag == ox.NO_BREAK_HYPHEN:
                text = "\u2011"
            elif tag == ox.SYM:
                text = ox.symbol(child)
                if text and "\ue000" <= text <= "\uf8ff":   # shown only in its font
                    self.report(f"a symbol of the font {quoted(ox.attr(child, 'font') or '')} "
                                f"kept as the private-use character U+{ord(text):04X}")
            elif tag == ox.FOOTNOTE_REF:
                self._plain = False
                pieces.append(("note", ox.attr(child, "id")))
            elif tag == ox.COMMENT_REF:
                self._comment(ox.attr(child, "id"), pieces)
            elif tag in ox.PICTURES or tag == ox.ALTERNATE_CONTENT:
                box = next(child.iter(ox.TEXTBOX_CONTENT), None)
                if box is not None:   # its words, so that the editor can place them by hand
                    words = " ".join("".join(t.text or "" for t in box.iter(ox.T)).split())
                    self.report("a text box left out" + (
                        f": “{words[:60]}{'…' if len(words) > 60 else ''}”" if words else ""))
                else:
                    alt = ox.alt_text(child)   # its description, to know which it was
                    self.report(f"{ox.PICTURES.get(tag, 'an image')} left out" + (
                        f": “{alt[:60]}{'…' if len(alt) > 60 else ''}”" if alt else ""))
            elif tag == ox.ENDNOTE_REF:
                self._plain = False
                pieces.append(("note", ox.ENDNOTE_PREFIX + (ox.attr(child, "id") or "")))
                self.report("an endnote made a footnote")
            if text:
                if bold or italic:
                    self._plain = False
                for cid in self.open:
                    comment = self.comments.get(cid)
                    if comment is not None:
                        comment.quoted += text
                pieces.append(("text", text, bold, italic))


def _heading_level(low: str, style_element, styles, names) -> int:
    m = _HEADING.match(low)
    if m:
        return int(m.group(1))
    # a style based on a heading style (a renamed copy) is a heading too
    seen = 0
    while style_element is not None and seen < 10:
        seen += 1
        based = style_element.find(ox.qn("w:basedOn"))
        if based is None:
            return 0
        parent = styles.get(based.get(ox.qn("w:val")))
        if parent is None:
            return 0
        m = _HEADING.match(names.get(parent.style_id, ""))
        if m:
            return int(m.group(1))
        style_element = parent.element
    return 0


_BEFORE_MARK = re.compile("(^|(?<=\\S))\u00a0([:;!?])(?=\\s|$|[»)\\]])")


def untypeset(text: str, typeset) -> str:
    """Text as an editor types it, which `typeset` (the language's typography) prints as it
    was: the non-breaking space French typography puts before : ; ! ? becomes a space (none
    at the start), the ones inside « » spaces; else the text as it is."""
    if "\u00a0" not in text:
        return text
    for space in (" ", ""):
        undone = _BEFORE_MARK.sub(lambda m, s=space: (s if m.start() else "") + m.group(2), text)
        undone = undone.replace("«\u00a0", "«" + space).replace("\u00a0»", space + "»")
        if typeset(undone) == text:
            return undone
    return text


_HYPERLINK = re.compile(r'^\s*HYPERLINK\s+(?:\\[a-z]\s+"[^"]*"\s+)*"?([^"\s\\]+)"?', re.IGNORECASE)


def _hyperlink(instruction: str | None) -> str | None:
    """The address of a HYPERLINK field's instruction (17.16.5.25), None for another
    field or a link within the document (\\l)."""
    m = _HYPERLINK.match(instruction or "")
    return m.group(1) if m else None


def _pages(pieces: list) -> tuple[list, bool]:
    """Page breaks inside a paragraph are spaces between its words; before its first word
    or after its last they are no part of its text (LibreOffice saves a heading's page
    break before, as rtdraft's appendices have, as a break at the end of the paragraph
    before it or at the start of the heading's own). Also whether one came first."""
    if not any(p == ("page",) for p in pieces):
        return pieces, False
    texts = [i for i, p in enumerate(pieces) if p[0] in ("text", "link", "note")]
    first, last = (texts[0], texts[-1]) if texts else (len(pieces), -1)
    leading = any(p == ("page",) for p in pieces[:first])
    return [SPACE if p == ("page",) else p
            for i, p in enumerate(pieces) if p != ("page",) or first < i < last], leading


SPACE = ("text", " ", False, False)


# -- pieces to markup -----------------------------------------------------------------------

def _emit(pieces: list, markup: bool) -> str:
    if not markup:
        return "".join(p[1] if p[0] in ("text", "mark") else
                       _emit(p[2], False) if p[0] == "link" else "" for p in pieces)
    if not any(p[0] == "link" or (p[0] == "text" and (p[2] or p[3])) for p in pieces):
        # no formatting: the escaped words (most paragraphs; reading them back is the
        # most of an import's time)
        return _nest(pieces, BOLD, ITALIC, set())
    # Runs say bold and italic, not which was written around which: of the two nestings,
    # the one that reads back as the same formatting, with the fewer markers.
    wanted = _formatting_of(pieces)
    found = [text for text in (_nest(pieces, BOLD, ITALIC, set()),
                               _nest(pieces, ITALIC, BOLD, set()))
             if _reads_as(text, wanted)]
    if not found:
        return _nest(pieces, BOLD, ITALIC, set())
    return min(found, key=lambda text: text.count("*") - 2 * text.count("\\*"))


def _reads_as(text: str, wanted: list) -> bool:
    try:
        return _formatting(inline.parse(text)) == wanted
    except inline.MarkupError:
        return False


BOLD, ITALIC = 2, 3
_MARKER = {BOLD: "**", ITALIC: "*"}


def _flag(piece, which: int, cleared: set) -> bool | None:
    """Whether a piece is bold (or italic); None for marks that go with their neighbours."""
    if which in cleared:
        return False
    if piece[0] == "text":
        return piece[which]
    if piece[0] == "link":
        texts = [p for p in piece[2] if p[0] == "text"]
        return bool(texts) and all(p[which] for p in texts)
    return None


def _spans(pieces: list, which: int, cleared: set) -> list[tuple[bool, list]]:
    spans: list[tuple[bool, list]] = []
    for piece in pieces:
        on = _flag(piece, which, cleared)
        if on is None:
            if spans:
                spans[-1][1].append(piece)
            else:
                spans.append((False, [piece]))
        elif spans and spans[-1][0] == on:
            spans[-1][1].append(piece)
        else:
            spans.append((on, [piece]))
    return spans


def _nest(pieces: list, outer: int, inner: int, cleared: set) -> str:
    out = []
    for on, span in _spans(pieces, outer, cleared):
        now = cleared | {outer} if on else cleared | set()
        parts = []
        for inner_on, inner_span in _spans(span, inner, now):
            words = "".join(_atom(p, now | ({inner} if inner_on else set()))
                            for p in inner_span)
            parts.append(_wrap(words, _MARKER[inner]) if inner_on else words)
        words = "".join(parts)
        out.append(_wrap(words, _MARKER[outer]) if on else words)
    return "".join(out)


def _atom(piece, cleared: set) -> str:
    kind = piece[0]
    if kind == "text":
        return inline.escape(piece[1])
    if kind == "note":
        return f"[^\x00{piece[1]}]"   # numbers, replaced by ids once the footnotes are read
    if kind == "mark":
        return piece[1]
    url, inner = piece[1], piece[2]
    shown = "".join(p[1] for p in inner if p[0] == "text")
    plain = all(p[0] == "text" and not p[2] and not p[3] for p in inner)
    if shown == url and plain and not re.search(r"[<>\s]", url):
        return f"<{url}>"
    if re.fullmatch(r"(?:https?://|mailto:)[^()\s]+", url):
        text = _nest(inner, BOLD, ITALIC, cleared)
        return f"[{text}]({url})" if text.strip() else inline.escape(shown)
    return _nest(inner, BOLD, ITALIC, cleared)


def _formatting(nodes, bold=False, italic=False, url=None) -> list:
    """(character, bold, italic, link) of every visible character, spaces unformatted."""
    out = []
    for node in nodes:
        if isinstance(node, inline.Text):
            out += [(c, bold, italic, url) if not c.isspace() else (c, False, False, url)
                    for c in MARKS.sub("", node.text)]
        elif isinstance(node, inline.FootnoteRef):
            out.append((node.id, False, False, url))
        elif isinstance(node, inline.Link):
            out += _formatting(node.children, bold, italic, node.url)
        else:
            out += _formatting(node.children, bold or isinstance(node, inline.Strong),
                               italic or isinstance(node, inline.Emph), url)
    return out


def _formatting_of(pieces: list, url=None) -> list:
    out = []
    for piece in pieces:
        if piece[0] == "text":
            out += [(c, piece[2], piece[3], url) if not c.isspace() else (c, False, False, url)
                    for c in piece[1]]
        elif piece[0] == "note":
            out.append(("\x00" + str(piece[1]), False, False, url))
        elif piece[0] == "link":
            out += _formatting_of(piece[2], piece[1])
    return out


def _wrap(text: str, marker: str) -> str:
    """text between markers, with its outer spaces outside them (markers hug the text)."""
    stripped = text.strip(" ")
    if not MARKS.sub("", stripped):
        return text
    lead = text[:len(text) - len(text.lstrip(" "))]
    trail = text[len(text.rstrip(" ")):]
    return f"{lead}{marker}{stripped}{marker}{trail}"


def _through(parent, tags: tuple):
    """The children of `parent` with one of `tags`, also those inside content controls
    (w:sdt/w:sdtContent) and other wrappers (w:customXml...), in document order."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag == ox.SDT:
            content = child.find(ox.SDT_CONTENT)
            if content is not None:   # a content control may have no content
                yield from _through(content, tags)
        elif child.tag in ox.TRANSPARENT:
            yield from _through(child, tags)
