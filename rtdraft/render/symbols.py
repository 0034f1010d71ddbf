"""The Federal Identity Program's symbols a summary carries: the signature (the flag symbol
with the Government's or a department's name) and the Canada wordmark, each as its SVG, a
PNG fallback, its intrinsic size and its text alternative in the document's language.

The default art is templates/fip/ (built by templates/build_fip.py from the GC Design
System, PNGs included): nothing is drawn or fetched at render time. Every writer takes its
symbols from here: the DOCX cover, the web page's header and footer.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cache

from lxml import etree

from ..document.model import Document
from ..resources import default_path

KINDS = ("signature", "wordmark")
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Symbol:
    kind: str                   # signature or wordmark
    svg: bytes | None           # the vector art; None for a signature given as PNG only
    png: bytes                  # the fallback a DOCX carries for readers without SVG
    width: float                # intrinsic size: the SVG's view box (or the PNG's pixels),
    height: float               # which the writers scale to the size they print
    alt: str                    # the text alternative, in the document's language
    name: str                   # where it came from, for messages: signature-en.svg

    @property
    def aspect(self) -> float:
        return self.width / self.height


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's header (IHDR, its first chunk)."""
    if data[:8] != _PNG_MAGIC or data[12:16] != b"IHDR" or len(data) < 24:
        raise ValueError("not a PNG file")
    return struct.unpack(">II", data[16:24])


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False)


def view_box(svg: bytes) -> tuple[float, float]:
    """The SVG's view box width and height."""
    box = etree.fromstring(svg, _PARSER).get("viewBox", "")
    parts = box.replace(",", " ").split()
    return float(parts[2]), float(parts[3])


@cache
def default(kind: str, code: str) -> tuple[bytes, bytes, float, float, str]:
    """The packaged art of one symbol in one language (English for a language that has
    none of its own): SVG, PNG, view box width and height, file name."""
    name = f"{kind}-{code}.svg"
    if not default_path(f"fip/{name}").exists():
        name = f"{kind}-en.svg"
    svg = default_path(f"fip/{name}").read_bytes()
    png = default_path(f"fip/{name}").with_suffix(".png").read_bytes()
    return (svg, png, *view_box(svg), name)


def default_symbol(kind: str, code: str, alt: str) -> Symbol:
    svg, png, width, height, name = default(kind, code)
    return Symbol(kind, svg, png, width, height, alt, name)


def load(document: Document) -> tuple[Symbol, Symbol]:
    """The signature and the wordmark of a summary, in its language, alternatives from its
    labels (signature_alt, wordmark_alt: an outline may reword them)."""
    labels = document.labels
    return (default_symbol("signature", document.language, labels["signature_alt"]),
            default_symbol("wordmark", document.language, labels["wordmark_alt"]))
