"""French typography. Canadian (the Translation Bureau's, the default of `language: fr`):
a non-breaking space before ":" and inside « », none before ";", "?" and "!" (a space an
editor typed there is taken out). France's (`france`): a non-breaking space before all four.

Applied to every word a French edition prints (labels and the editor's text
alike), in the model, so every output format gets it. Times (13:00) and web
addresses (https://) keep their colons as they are.
"""

from __future__ import annotations

import re
import unicodedata

from . import inline

NBSP = "\u00a0"

_BEFORE = re.compile(r"(?:(?<=\S)|^)[ \u202f]?([:;!?])(?=\s|$|[»)\]])")
_COLON = re.compile(r"(?:(?<=\S)|^)[ \u202f]?(:)(?=\s|$|[»)\]])")
_TIGHT = re.compile(r"(?<=[^\s«])[ \u00a0\u202f]+([;!?])(?=\s|$|[»)\]])")
_OPEN = re.compile(r"«[ \u202f]?")
_CLOSE = re.compile(r"[ \u202f]?»")


def folded(text: str) -> str:
    """Lower case without accents (Québec -> quebec), for comparing and naming, never for
    printing: a letter with no ASCII form (œ) is dropped."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def french(text: str) -> str:
    """Canadian French: 'Séance 1\u00a0: Tendances; Quoi? «\u00a0citation\u00a0»'."""
    text = _TIGHT.sub(r"\1", text)
    text = _COLON.sub(lambda m: NBSP + m.group(1), text)
    return _quotes(text)


def france(text: str) -> str:
    """France's French: a non-breaking space before : ; ! ? as well."""
    return _quotes(_BEFORE.sub(lambda m: NBSP + m.group(1), text))


def _quotes(text: str) -> str:
    text = _OPEN.sub("«" + NBSP, text)
    return _CLOSE.sub(NBSP + "»", text)


def nodes(inlines: tuple, typeset=french) -> tuple:
    """The same inline nodes with `typeset` applied to their text (never to link targets)."""
    out = []
    for node in inlines:
        if isinstance(node, inline.Text):
            out.append(inline.Text(typeset(node.text)))
        elif isinstance(node, inline.Link):
            out.append(inline.Link(node.url, nodes(node.children, typeset)))
        elif isinstance(node, (inline.Strong, inline.Emph)):
            out.append(type(node)(nodes(node.children, typeset)))
        else:
            out.append(node)
    return tuple(out)


def french_nodes(inlines: tuple) -> tuple:
    """The same inline nodes with French spacing in their text (never in link targets)."""
    return nodes(inlines, french)
