"""A department's own signature, read as untrusted input: an SVG (with its PNG beside it)
or a PNG, bounded in bytes and pixels. An SVG is parsed without DTD, entities or network
and must hold only the elements and attributes of plain vector art: no script, no event
attribute, no reference outside the file (href, url(), @import, <image>,
<foreignObject>), no processing instruction. Each refusal is one ArtworkError with the
line, when there is one; the caller adds the file."""

from __future__ import annotations

import re
import struct

from lxml import etree

MAX_SVG = 1_048_576           # bytes: a signature's SVG is a few kilobytes
MAX_PNG = 8_388_608           # bytes
MAX_PIXELS = 40_000_000       # a 300 dpi PNG of a 10 cm signature has about 1.5 million
MAX_ELEMENTS = 20_000

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "use", "symbol", "linearGradient", "radialGradient", "stop",
    "clipPath", "mask", "style", "text", "tspan"})
ATTRIBUTES = frozenset({
    "id", "class", "style", "version", "baseProfile", "viewBox", "preserveAspectRatio",
    "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx",
    "fy", "d", "points", "transform", "fill", "fill-rule", "fill-opacity", "stroke",
    "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
    "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "clip-path",
    "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits", "offset",
    "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
    "href", "display", "visibility", "color", "font-family", "font-size", "font-weight",
    "font-style", "text-anchor", "letter-spacing", "word-spacing", "dx", "dy", "role",
    "aria-label", "aria-labelledby", "aria-hidden", "focusable", "lang", "type",
    "enable-background", "data-name", "isolation", "mix-blend-mode",
    f"{{{XLINK}}}href", f"{{{XLINK}}}title", f"{{{XML}}}space", f"{{{XML}}}lang"})

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_comments=True)
_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
_NUMBER = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px)?\s*")


class ArtworkError(ValueError):
    """What is wrong, and the line of the SVG where it is (None: the whole file)."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line, self.message = line, message


def _name(tag: str) -> str:
    if tag.startswith(f"{{{SVG}}}"):
        return tag[len(SVG) + 2:]
    if tag.startswith(f"{{{XLINK}}}"):
        return "xlink:" + tag[len(XLINK) + 2:]
    return tag.split("}")[-1] if tag.startswith("{") else tag


def _outside(value: str, line: int, what: str) -> None:
    """Refuse a url() in `value` to anything but an element of the file (#id)."""
    for target in _URL.findall(value):
        if not target.startswith("#"):
            raise ArtworkError(line, f"{what} refers outside the file "
                               f"(url({target[:60]})); only url(#id) is allowed")
    if "\\" in value:   # a CSS escape can spell url( or @import past the checks
        raise ArtworkError(line, f"{what} has a backslash (a CSS escape); write "
                           "it plainly")
    if "@import" in value.lower():
        raise ArtworkError(line, f"{what} has an @import; a signature's styles "
                           "are its own")


def check_svg(data: bytes) -> tuple[float, float]:
    """The width and height of a safe SVG's view box (or of its width and height), or
    ArtworkError saying what is not allowed, and where."""
    if len(data) > MAX_SVG:
        raise ArtworkError(None, f"larger than {MAX_SVG:,} bytes; a signature's SVG is a few "
                           "kilobytes")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        reason = re.sub(r", line \d+, column \d+$", "",
                        (exc.msg or "not XML").splitlines()[0])
        raise ArtworkError(line, f"not well-formed XML ({reason})") from None
    tree = root.getroottree()
    if tree.docinfo.doctype:
        raise ArtworkError(None, "has a DOCTYPE (a DTD, where entities live); save the SVG "
                           "without one")
    for sibling in [*root.itersiblings(preceding=True), *root.itersiblings()]:
        if isinstance(sibling, etree._ProcessingInstruction):
            raise ArtworkError(sibling.sourceline, f"a processing instruction "
                               f"(<?{sibling.target}?>) is not allowed")
    if root.tag != f"{{{SVG}}}svg":
        raise ArtworkError(None, f"not an SVG file (its root is <{_name(str(root.tag))}>, not "
                           "<svg> of the SVG namespace)")
    for count, element in enumerate(root.iter(), 1):
        if count > MAX_ELEMENTS:
            raise ArtworkError(None, f"more than {MAX_ELEMENTS:,} elements")
        line = element.sourceline or 1
        if isinstance(element, etree._ProcessingInstruction):
            raise ArtworkError(line, f"a processing instruction "
                               f"(<?{element.target}?>) is not allowed")
        if not isinstance(element.tag, str):
            continue
        name = _name(element.tag)
        if not element.tag.startswith(f"{{{SVG}}}") or name not in ELEMENTS:
            raise ArtworkError(line, f"element <{name}> is not allowed in a "
                               "signature")
        for attribute, value in element.attrib.items():
            shown = _name(attribute)
            if attribute not in ATTRIBUTES:
                raise ArtworkError(line, f"attribute {shown} of <{name}> is not "
                                   "allowed in a signature")
            if attribute in ("href", f"{{{XLINK}}}href") and not value.startswith("#"):
                raise ArtworkError(line, f"<{name}> refers outside the file "
                                   f"({shown}=\"{value[:60]}\"); only #id is allowed")
            _outside(value, line, f"attribute {shown} of <{name}>")
        if name == "style":
            _outside(element.text or "", line, "<style>")
    return _size(root)


def _size(root) -> tuple[float, float]:
    box = root.get("viewBox")
    if box is not None:
        parts = box.replace(",", " ").split()
        try:
            width, height = float(parts[2]), float(parts[3])
        except (IndexError, ValueError):
            raise ArtworkError(root.sourceline, f"viewBox \"{box[:60]}\" is not four "
                               "numbers") from None
    else:
        sizes = [_NUMBER.fullmatch(root.get(k, "")) for k in ("width", "height")]
        if not all(sizes):
            raise ArtworkError(root.sourceline, "<svg> has no size: give it a "
                               "viewBox (or a width and a height in pixels)")
        width, height = (float(m.group(1)) for m in sizes)
    if not (0 < width < 1e9 and 0 < height < 1e9):
        raise ArtworkError(root.sourceline, f"<svg> has no area ({width:g} x "
                           f"{height:g})")
    return width, height


def check_png(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, from its header, within the bounds; or ArtworkError."""
    if len(data) > MAX_PNG:
        raise ArtworkError(None, f"larger than {MAX_PNG:,} bytes")
    if data[:8] != PNG_MAGIC or data[12:16] != b"IHDR" or len(data) < 33:
        raise ArtworkError(None, "not a PNG file (it does not begin as a PNG does)")
    width, height = struct.unpack(">II", data[16:24])
    if not width or not height or width * height > MAX_PIXELS:
        raise ArtworkError(None, f"{width:,} x {height:,} pixels; a signature's PNG may have "
                           f"from 1 to {MAX_PIXELS:,} pixels")
    return width, height
