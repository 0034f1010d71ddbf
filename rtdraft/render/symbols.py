"""The Federal Identity Program's symbols a summary carries: the signature (the flag symbol
with the Government's or a department's name) and the Canada wordmark, each as its SVG, a
PNG fallback, its intrinsic size and its text alternative in the document's language.

The default art is templates/fip/ (built by templates/build_fip.py from the GC Design
System, PNGs included): nothing is drawn or fetched at render time. Every writer takes its
symbols from here: the DOCX cover, the web page's header and footer.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..document.model import Document
from ..errors import TemplateError
from ..resources import default_path
from . import artwork

KINDS = ("signature", "wordmark")


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


@cache
def default(kind: str, code: str) -> tuple[bytes, bytes, float, float, str]:
    """The packaged art of one symbol in one language (English for a language that has
    none of its own): SVG, PNG, view box width and height, file name."""
    name = f"{kind}-{code}.svg"
    if not default_path(f"fip/{name}").exists():
        name = f"{kind}-en.svg"
    svg = default_path(f"fip/{name}").read_bytes()
    png = default_path(f"fip/{name}").with_suffix(".png").read_bytes()
    return (svg, png, *artwork.check_svg(svg), name)


def default_symbol(kind: str, code: str, alt: str) -> Symbol:
    svg, png, width, height, name = default(kind, code)
    return Symbol(kind, svg, png, width, height, alt, name)


def load(document: Document) -> tuple[Symbol, Symbol]:
    """The signature and the wordmark of a summary, in its language, alternatives from its
    labels (signature_alt, wordmark_alt: an outline may reword them). A department's own
    signature (document.signature_file) replaces the Government of Canada's; its
    alternative is the department's name. TemplateError (exit 4) for a file refused."""
    labels = document.labels
    if document.signature_file is not None:
        signature = department_signature(document.signature_file, document.cover.department)
    else:
        signature = default_symbol("signature", document.language, labels["signature_alt"])
    return signature, default_symbol("wordmark", document.language, labels["wordmark_alt"])


# A department's signature beside the reference document, found when the outline names none.
BESIDE_REFERENCE = ("signature.svg", "signature.png")


def beside_reference(document: Document, reference: Path | None) -> Document:
    """The document with the signature beside its reference document (signature.svg, else
    signature.png), when the outline's publication.signature names none: that one wins."""
    if document.signature_file is not None or reference is None:
        return document
    for name in BESIDE_REFERENCE:
        if (Path(reference).parent / name).exists():
            return dataclasses.replace(document, signature_file=Path(reference).parent / name)
    return document


def _read(path: Path, limit: int) -> bytes:
    """The file's bytes, at most `limit`; a regular file only (not a FIFO or a device)."""
    try:
        if not path.exists():
            raise TemplateError(f"{path}: no such file (the department's signature)")
        if not path.is_file():
            raise TemplateError(f"{path}: not a regular file")
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise TemplateError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise TemplateError(f"{path}: larger than {limit:,} bytes")
    return data


def _checked(path: Path, check, data: bytes):
    try:
        return check(data)
    except artwork.ArtworkError as exc:
        where = f"{path}:{exc.line}" if exc.line else f"{path}"
        raise TemplateError(f"{where}: {exc.message}") from None


def department_signature(path: Path, alt: str) -> Symbol:
    """A department's own signature: an SVG with its PNG fallback beside it (same name,
    .png), or a PNG alone; each checked as untrusted input (render/artwork.py)."""
    suffix = path.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise TemplateError(f"{path}: a signature is an .svg or a .png file")
    if suffix == ".png":
        png = _read(path, artwork.MAX_PNG)
        width, height = _checked(path, artwork.check_png, png)
        return Symbol("signature", None, png, width, height, alt, path.name)
    svg = _read(path, artwork.MAX_SVG)
    width, height = _checked(path, artwork.check_svg, svg)
    fallback = path.with_suffix(".png")
    if not fallback.exists():
        raise TemplateError(f"{path}: a signature in SVG needs its PNG beside it "
                            f"({fallback.name}), the picture Word before 2016 and other "
                            "readers show; export one from the same art at 300 dpi")
    png = _read(fallback, artwork.MAX_PNG)
    pixels = _checked(fallback, artwork.check_png, png)
    if abs(pixels[0] / pixels[1] - width / height) > 0.02 * width / height:
        raise TemplateError(f"{fallback}: its shape ({pixels[0]} x {pixels[1]} pixels) is "
                            f"not the SVG's ({width:g} x {height:g}); export the PNG from "
                            "the same art")
    return Symbol("signature", svg, png, width, height, alt, path.name)
