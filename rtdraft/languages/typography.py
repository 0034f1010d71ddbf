"""French typography. Canadian (the Translation Bureau's, the default of `language: fr`):
a non-breaking space before ":" and inside « », none before ";", "?" and "!" (a space an
editor typed there is taken out). France's (`france`): a non-breaking space before all four.

Applied to every word a French edition prints (labels and the editor's text
alike), in the model (through inline.typeset), so every output format gets it. Times (13:00) and web
addresses (https://) keep their colons as they are.
"""

from __future__ import annotations

import re
import unicodedata

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
