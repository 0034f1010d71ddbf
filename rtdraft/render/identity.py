"""The Federal Identity Program's symbols on the web page: the Government of Canada
signature for the header and the Canada wordmark for the footer, as inline SVG (the
page stays one file that fetches nothing), each named in the page's language.

Canada.ca's global header carries the Government of Canada signature whatever the
department, so the page always shows it, never a department's own signature.
"""

from __future__ import annotations

from functools import lru_cache
from xml.etree import ElementTree

from markupsafe import Markup

from ..resources import default_path

SVG = "http://www.w3.org/2000/svg"
# Names as Canada.ca gives them (the signature's image, the wordmark's image).
NAMES = {
    "signature": {"en": "Government of Canada", "fr": "Gouvernement du Canada"},
    "wordmark": {"en": "Symbol of the Government of Canada",
                 "fr": "Symbole du gouvernement du Canada"},
}
# The page's ids for the symbols' titles (html.FIXED_IDS keeps headings clear of them).
IDS = {"signature": "gc-signature-title", "wordmark": "gc-wordmark-title"}
HOME = {"en": "https://www.canada.ca/en.html", "fr": "https://www.canada.ca/fr.html"}


def art(kind: str, language: str) -> bytes:
    """The symbol's SVG as the package carries it (templates/fip/)."""
    return default_path(f"fip/{kind}-{language}.svg").read_bytes()


@lru_cache(maxsize=8)
def inline(svg: bytes, id: str, name: str) -> Markup:
    """The SVG ready to sit in an HTML page: the art's own ids and title dropped (two
    symbols, or a heading, could repeat them), its size left to the stylesheet, and one
    title, `name`, naming the image for assistive technology."""
    ElementTree.register_namespace("", SVG)
    root = ElementTree.fromstring(svg)
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in (f"{{{SVG}}}title", f"{{{SVG}}}desc"):
                parent.remove(child)
    for element in root.iter():
        element.attrib.pop("id", None)
    for attribute in ("width", "height", "aria-labelledby", "aria-label"):
        root.attrib.pop(attribute, None)
    root.set("role", "img")
    root.set("aria-labelledby", id)
    title = ElementTree.Element(f"{{{SVG}}}title", id=id)
    title.text = name
    root.insert(0, title)
    return Markup(ElementTree.tostring(root, encoding="unicode"))    # text escaped by it


def symbols(language: str) -> dict:
    """What the templates need: the two symbols as markup, the link's address, and the
    signature's name in the other official language (Canada.ca reads both)."""
    other = "fr" if language == "en" else "en"
    return {
        "signature": inline(art("signature", language), IDS["signature"],
                            NAMES["signature"][language]),
        "wordmark": inline(art("wordmark", language), IDS["wordmark"],
                           NAMES["wordmark"][language]),
        "home": HOME[language],
        "signature_other": NAMES["signature"][other],
    }
