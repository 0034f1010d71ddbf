"""The outline's text as the editorial rules read it.

Markup that is not prose (link targets, footnote marks) is blanked out with
spaces, so an offset into a piece is an offset into the value as written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..document.model import Document, Origin

_NOT_PROSE = re.compile(r"\[\^[^\]\s]+\]|\]\([^()\s]+\)|<(?:https?://|mailto:)[^<>\s]+>")


def mask(text: str) -> str:
    return _NOT_PROSE.sub(lambda m: " " * len(m.group(0)), text)


def pieces(document: Document) -> list[Origin]:
    """The document's outline texts in the order the summary prints them, prose masked."""
    return [replace(p, text=mask(p.text)) if p.role == "prose" else p
            for p in document.texts]


WORD = re.compile(r"[^\W\d_](?:[\w’'&.-]*\w)?")


def words(text: str) -> list[tuple[str, int]]:
    """Words with their offsets; hyphenated words stay one word, a possessive 's goes."""
    out = []
    for m in WORD.finditer(text):
        word = m.group(0)
        if word[-2:] in ("'s", "’s"):
            word = word[:-2]
        out.append((word, m.start()))
    return out
