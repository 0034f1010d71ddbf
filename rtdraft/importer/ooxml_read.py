"""The WordprocessingML an import reads below python-docx's proxies: tracked changes
(17.13.5), comment anchors (17.13.4), footnotes (17.11), numbering formats (17.9) and
run formatting. Every raw element name the importer knows is here. References are to
ECMA-376 Part 1.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from ..ooxml import package as opc
from ..ooxml.changes import PROPERTY_CHANGE_TAGS
from ..ooxml.package import parse_part

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Names used by the reader, as Clark names, written once.
P, R, T, TAB, BR, CR = (qn(f"w:{n}") for n in ("p", "r", "t", "tab", "br", "cr"))
TBL, TR, TC, SDT, SDT_CONTENT = (qn(f"w:{n}") for n in ("tbl", "tr", "tc", "sdt", "sdtContent"))
HYPERLINK, FOOTNOTE_REF, FOOTNOTE_MARK = qn("w:hyperlink"), qn("w:footnoteReference"), \
    qn("w:footnoteRef")
ENDNOTE_REF = qn("w:endnoteReference")
COMMENT_START, COMMENT_END, COMMENT_REF = qn("w:commentRangeStart"), qn("w:commentRangeEnd"), \
    qn("w:commentReference")
PPR, RPR, PSTYLE, RSTYLE, NUMPR, ILVL, NUMID = (qn(f"w:{n}") for n in (
    "pPr", "rPr", "pStyle", "rStyle", "numPr", "ilvl", "numId"))
PAGE_BREAK_BEFORE, SECTPR = qn("w:pageBreakBefore"), qn("w:sectPr")
NO_BREAK_HYPHEN, INSTR_TEXT, FLD_CHAR = qn("w:noBreakHyphen"), qn("w:instrText"), qn("w:fldChar")
FLD_SIMPLE = qn("w:fldSimple")
ALIASES, OUTLINE_LVL = qn("w:aliases"), qn("w:outlineLvl")   # a style's other names, level
SYM = qn("w:sym")   # a character of a symbol font (17.3.3.30): w:char in hexadecimal


def symbol(sym) -> str:
    """The character a w:sym stands for ('' if its code is no character)."""
    try:
        code = int(attr(sym, "char") or "", 16)
        return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else ""
    except ValueError:
        return ""
# Content that has no place in an outline: pictures, text boxes, embedded objects.
PICTURES = {qn("w:drawing"): "an image", qn("w:pict"): "an image or text box",
            qn("w:object"): "an embedded object"}
TEXTBOX_CONTENT = qn("w:txbxContent")
DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def has_drawing(p) -> bool:
    return next(p.iter(qn("w:drawing")), None) is not None


def alt_text(drawing) -> str:
    """A picture's description (its alternative text, wp:docPr/@descr), one line."""
    found = next(drawing.iter(DOC_PR), None)
    return " ".join((found.get("descr") or "").split()) if found is not None else ""

# Word writes a text box or a shape as alternatives: DrawingML for itself, VML for others.
ALTERNATE_CONTENT = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
# Containers whose children are read as if they stood in their parent.
TRANSPARENT = {qn("w:smartTag"), qn("w:customXml"), qn("w:fldSimple"), qn("w:ins"),
               qn("w:moveTo"), SDT_CONTENT, qn("w:dir"), qn("w:bdo")}
_ON = {None, "1", "true", "on"}
# Office Math (ECMA-376 Part 1, 22.1): an equation and what its linear text is made of.
M_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MATH = {M_NS + "oMath", M_NS + "oMathPara"}
M_T = M_NS + "t"


def math_text(element) -> str:
    """An equation in linear form (a fraction as (a)/(b), powers as a^(2), roots as
    √(x)), as Word's linear format writes it, near enough to read and edit."""
    tag = element.tag
    if tag == M_T:
        return element.text or ""
    parts = {child.tag: child for child in element}

    def inner(name: str) -> str:
        found = parts.get(M_NS + name)
        return math_text(found) if found is not None else ""

    def arg(name: str) -> str:
        text = inner(name)
        return text if len(text) <= 1 else f"({text})"
    if tag == M_NS + "f":
        return f"{arg('num')}/{arg('den')}"
    if tag in (M_NS + "sSup", M_NS + "sSub", M_NS + "sSubSup"):
        return arg("e") + (f"_{arg('sub')}" if M_NS + "sub" in parts else "") + \
            (f"^{arg('sup')}" if M_NS + "sup" in parts else "")
    if tag == M_NS + "rad":
        return ("" if M_NS + "deg" not in parts or not math_text(parts[M_NS + "deg"])
                else f"{arg('deg')}") + f"√{arg('e')}"
    if tag == M_NS + "d":
        pr = parts.get(M_NS + "dPr")
        chars = {c.tag: c.get(M_NS + "val") for c in pr} if pr is not None else {}
        inner = "|".join(math_text(e) for e in element.findall(M_NS + "e"))
        return (chars.get(M_NS + "begChr") or "(") + inner + (chars.get(M_NS + "endChr") or ")")
    if tag == M_NS + "func":   # cos x, not cosx
        return " ".join(t for t in (inner("fName"), inner("e")) if t)
    if tag == M_NS + "nary":   # ∑_(n=1)^∞ a_n
        pr = parts.get(M_NS + "naryPr")
        sign = pr.find(M_NS + "chr") if pr is not None else None
        sign = (sign.get(M_NS + "val") if sign is not None else None) or "∫"
        return sign + (f"_{arg('sub')}" if inner("sub") else "") + \
            (f"^{arg('sup')}" if inner("sup") else "") + f" {inner('e')}"
    if tag == M_NS + "m":   # a matrix, row by row: ■(1&0@0&1)
        rows = ["&".join(math_text(e) for e in row.findall(M_NS + "e"))
                for row in element.findall(M_NS + "mr")]
        return f"■({'@'.join(rows)})"
    if tag.endswith("Pr"):   # properties (m:fPr, m:rPr, w:rPr...): no text
        return ""
    joiner = " " if tag == M_NS + "oMathPara" else ""
    return joiner.join(t for t in (math_text(c) for c in element if isinstance(c.tag, str)) if t)


# -- tracked changes ------------------------------------------------------------------

INS, DEL, MOVE_FROM, MOVE_TO = qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")
DEL_TEXT, DEL_INSTR = qn("w:delText"), qn("w:delInstrText")
PROPERTY_CHANGES = tuple(qn(f"w:{n}") for n in PROPERTY_CHANGE_TAGS)
RANGE_MARKS = tuple(qn(f"w:{n}") for n in (
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
    "customXmlDelRangeEnd"))


def count_changes(root) -> tuple[int, int, int]:
    """(insertions, deletions, formatting changes) under root."""
    ins = sum(1 for _ in root.iter(INS, MOVE_TO))
    dels = sum(1 for _ in root.iter(DEL, MOVE_FROM))
    formats = sum(1 for _ in root.iter(*PROPERTY_CHANGES))
    return ins, dels, formats


def has_changes(root) -> bool:
    return any(count_changes(root))


def decide(root, accept: bool) -> None:
    """Accept or reject every tracked change under root, in place."""
    keep, drop = ((INS, MOVE_TO), (DEL, MOVE_FROM)) if accept else \
        ((DEL, MOVE_FROM), (INS, MOVE_TO))
    # a paragraph mark whose paragraph goes (17.13.5.15): the paragraph joins the next one
    for p in list(root.iter(P)):
        mark = p.find(f"{PPR}/{RPR}")
        if mark is None:
            continue
        gone = [mark.find(tag) for tag in drop]
        stays = [mark.find(tag) for tag in keep]
        for element in gone + stays:
            if element is not None:
                mark.remove(element)
        if any(e is not None for e in gone):
            _join_with_next(p)
    for tr in list(root.iter(TR)):   # rows inserted or deleted whole (17.13.5.x trPr)
        trpr = tr.find(qn("w:trPr"))
        if trpr is None:
            continue
        if any(trpr.find(tag) is not None for tag in drop):
            tr.getparent().remove(tr)
            continue
        for tag in keep:
            for element in trpr.findall(tag):
                trpr.remove(element)
    for element in list(root.iter(*drop)):
        if element.getparent() is not None:
            element.getparent().remove(element)
    for element in list(root.iter(*keep)):
        _unwrap(element)
    for tag, new in ((DEL_TEXT, T), (DEL_INSTR, INSTR_TEXT)):
        for element in root.iter(tag):
            element.tag = new
    for change in list(root.iter(*PROPERTY_CHANGES)):
        owner = change.getparent()
        if not accept:   # the properties as they were before the change
            old = change[0] if len(change) else None
            for child in list(owner):
                if child is not change and not _kept_in_properties(child):
                    owner.remove(child)
            if old is not None:
                for child in list(old):
                    owner.append(child)
        owner.remove(change)
    for element in list(root.iter(*RANGE_MARKS)):
        element.getparent().remove(element)


def _kept_in_properties(child) -> bool:
    """Parts of a pPr that a pPrChange does not record (17.13.5.29)."""
    return child.tag in (RPR, SECTPR)


def _unwrap(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if parent.tag == RPR:   # a run's mark of insertion or deletion
        parent.remove(element)
        return
    for child in list(element):
        element.addprevious(child)
    parent.remove(element)


def _join_with_next(p) -> None:
    """This paragraph's content moves to the start of the next paragraph."""
    following = p.getnext()
    while following is not None and following.tag != P:
        following = following.getnext()
    if following is None:
        return
    content = [c for c in p if c.tag != PPR]
    ppr = following.find(PPR)
    at = 1 if ppr is not None else 0
    for offset, child in enumerate(content):
        following.insert(at + offset, child)
    p.getparent().remove(p)


# -- run and paragraph properties ---------------------------------------------------------

def flag(rpr, name: str) -> bool:
    """A toggle property (w:b, w:i) set on a run."""
    if rpr is None:
        return False
    element = rpr.find(qn(f"w:{name}"))
    return element is not None and element.get(qn("w:val")) in _ON


def run_style(rpr) -> str | None:
    element = rpr.find(RSTYLE) if rpr is not None else None
    return element.get(qn("w:val")) if element is not None else None


def numbering(p, style_element) -> tuple[int, int] | None:
    """(numId, ilvl) of a list paragraph, its own or its style's; None if not in a list."""
    for holder in (p.find(PPR), style_element.find(PPR) if style_element is not None else None):
        numpr = holder.find(NUMPR) if holder is not None else None
        if numpr is not None and numpr.find(NUMID) is not None:
            num = int(numpr.find(NUMID).get(qn("w:val"), "0") or 0)
            ilvl = numpr.find(ILVL)
            level = int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
            return (num, level) if num else None
    return None


class Lists:
    """The numbering part, looked up by numId: what each list instance counts with. Built
    once (each list paragraph searched every w:num and w:abstractNum: a document of
    thousands of lists was quadratic)."""

    def __init__(self, numbering_element):
        self.abstracts: dict[str, list[str | None]] = {}   # numId -> abstractNumIds, in order
        self.formats: dict[tuple[str | None, str], str] = {}   # (abstractNumId, ilvl) -> fmt
        self.restarts: set[tuple[str | None, str | None]] = set()   # (numId, ilvl)
        if numbering_element is None:
            return
        for num in numbering_element.findall(qn("w:num")):
            abstract = num.find(qn("w:abstractNumId"))
            self.abstracts.setdefault(num.get(qn("w:numId")), []).append(
                abstract.get(qn("w:val")) if abstract is not None else None)
            for override in num.findall(qn("w:lvlOverride")):
                if override.find(qn("w:startOverride")) is not None:
                    self.restarts.add((num.get(qn("w:numId")), override.get(qn("w:ilvl"))))
        for definition in numbering_element.findall(qn("w:abstractNum")):
            for lvl in definition.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                self.formats.setdefault(
                    (definition.get(qn("w:abstractNumId")), lvl.get(qn("w:ilvl"))),
                    fmt.get(qn("w:val")) if fmt is not None else "decimal")

    def numbered(self, num_id: int, level: int) -> bool:
        """Whether list numId counts (decimal, letters...) rather than bullets, at level:
        the first of its definitions (in the part's order) that has the level says."""
        for abstract in self.abstracts.get(str(num_id), ()):
            fmt = self.formats.get((abstract, str(level)))
            if fmt is not None:
                return fmt not in ("bullet", "none")
        return False

    def restarts_at(self, num_id: int, level: int) -> bool:
        """Whether numbering instance numId starts its count again at level (17.9.27):
        how rtdraft, Word and LibreOffice begin a new numbered list of the same kind."""
        return (str(num_id), str(level)) in self.restarts

    def abstract_of(self, num_id: int) -> str | None:
        """The list definition (w:abstractNum) a w:num instance uses."""
        found = self.abstracts.get(str(num_id))
        return found[0] if found else None


def page_break_before(p) -> bool:
    ppr = p.find(PPR)
    return ppr is not None and ppr.find(PAGE_BREAK_BEFORE) is not None


def attr(element, name: str) -> str | None:
    return element.get(qn(f"w:{name}"))


def rel_id(element) -> str | None:
    return element.get(qn("r:id"))


# -- parts --------------------------------------------------------------------------

def part_xml(document_part, reltype: str):
    """A related part's XML (footnotes, comments, numbering), parsed safely; None if absent."""
    return related(document_part, reltype)[1]


def related(document_part, reltype: str):
    """(part, its XML) of a related part; (None, None) if absent."""
    for rel in document_part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            part = rel.target_part
            element = getattr(part, "element", None)
            return part, element if element is not None else parse_part(part.blob)
    return None, None


def application(package) -> str:
    """The program that last saved the package, from docProps/app.xml ('' if not said)."""
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            return opc.application(part.blob) or ""
    return ""


FOOTNOTES_REL, COMMENTS_REL, NUMBERING_REL = RT.FOOTNOTES, RT.COMMENTS, RT.NUMBERING
FOOTNOTE, COMMENT = qn("w:footnote"), qn("w:comment")
ENDNOTES_REL, ENDNOTE = RT.ENDNOTES, qn("w:endnote")
ENDNOTE_PREFIX = "e"   # an endnote's number among the footnotes' (e1, e2 ...)
BOOKMARK_START = qn("w:bookmarkStart")


def note_id(note) -> str | None:
    """The outline id rtdraft's writer kept in a footnote (ooxml/elements.py)."""
    from ..ooxml.elements import note_id_from_bookmark
    for mark in note.iter(BOOKMARK_START):
        found = note_id_from_bookmark(mark.get(qn("w:name")) or "")
        if found:
            return found
    return None


def numbered_paragraphs(body) -> dict:
    """Each body paragraph that holds text -> its number, 1 for the first, in reading order,
    paragraphs of table cells among them (import --check names a place so). Empty
    paragraphs are not counted, nor those of text boxes (inside a run)."""
    numbers: dict = {}
    for p in body.iter(P):
        if any(a.tag == R for a in p.iterancestors()):
            continue
        if "".join(t.text or "" for t in p.iter(T)).strip():
            numbers[p] = len(numbers) + 1
    return numbers


def footnote_citations(numbers: dict) -> dict[str, tuple[int, int]]:
    """A footnote's w:id -> (its number as Word shows it, the paragraph citing it first):
    footnotes are numbered in the order they are first cited."""
    out: dict[str, tuple[int, int]] = {}
    for p, number in numbers.items():
        for ref in p.iter(FOOTNOTE_REF):
            key = attr(ref, "id") or ""
            if key not in out:
                out[key] = (len(out) + 1, number)
    return out
