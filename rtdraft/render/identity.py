"""The Federal Identity Program's symbols on the web page: the Government of Canada
signature for the header and the Canada wordmark for the footer, as inline SVG (the
page stays one file that fetches nothing), each named in the page's language.

The art and its names are the ones every writer uses (render/symbols.py, the labels
signature_alt and wordmark_alt). Canada.ca's global header carries the Government of
Canada signature whatever the department, so the page always shows the default
signature, never a department's own.
"""

from __future__ import annotations

from functools import lru_cache
from xml.etree import ElementTree

from markupsafe import Markup

from ..document.model import Document
from ..languages.labels import labels_for
from . import symbols as fip

SVG = "http://www.w3.org/2000/svg"
# The page's ids for the symbols' titles (html.FIXED_IDS keeps headings clear of them).
IDS = {"signature": "gc-signature-title", "wordmark": "gc-wordmark-title"}
HOME = {"en": "https://www.canada.ca/en.html", "fr": "https://www.canada.ca/fr.html"}


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


def symbols(document: Document) -> dict:
    """What the templates need: the two symbols as markup, the link's address (Canada.ca
    has English and French homes: English for another language), and the signature's
    name in the page's other language (Canada.ca reads both)."""
    code, labels = document.language, document.labels
    other = document.other_locale.split("-")[0]
    return {
        kind: inline(fip.default(kind, code)[0], IDS[kind], labels[f"{kind}_alt"])
        for kind in fip.KINDS
    } | {"home": HOME.get(code, HOME["en"]),
         "signature_other": labels_for(other)["signature_alt"]}
