"""Straight and curly quotes mixed in one outline."""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import Finding, Outline, rule

# Each family: (name, straight characters, curly characters).
FAMILIES = (
    ("apostrophes and single quotes", "'", "\u2018\u2019"),
    ("double quotes", '"', "\u201c\u201d"),
)


@rule("mixed-quotes")
def mixed_quotes(outline: Outline) -> Iterator[Finding]:
    """Straight and curly apostrophes (or quotes) mixed in one outline.

    A summary uses one kind throughout: straight (' and ") or curly (’ ‘ “ ”).
    The kind the outline uses less often is flagged, each time it occurs.

    Bad:  Canada's partners ... the RCMP’s role
    Good: Canada's partners ... the RCMP's role
    """
    for name, straight, curly in FAMILIES:
        kinds = {"straight": re.compile(f"[{re.escape(straight)}]"),
                 "curly": re.compile(f"[{curly}]")}
        found: dict[str, list] = {"straight": [], "curly": []}
        for piece in outline.pieces:
            for kind, pattern in kinds.items():
                found[kind] += [(piece, m.start()) for m in pattern.finditer(piece.text)]
        if not found["straight"] or not found["curly"]:
            continue
        # the rarer kind is the slip; on a tie, the kind met second in reading order
        first = min(found, key=lambda k: _order(outline, found[k][0]))
        rare = min(found, key=lambda k: (len(found[k]), k == first))
        usual = "curly" if rare == "straight" else "straight"
        for piece, offset in found[rare]:
            start, word = _word(piece.text, offset)
            yield Finding(piece.path, f"{rare} {piece.text[offset]} in '{word}', while the "
                          f"outline's other {name} are {usual} ({len(found[usual])}); use one "
                          "kind throughout", word, start)


def _order(outline: Outline, found: tuple) -> int:
    return next(i for i, p in enumerate(outline.pieces) if p is found[0])


def _word(text: str, offset: int) -> tuple[int, str]:
    """Where the word around offset starts (words end at spaces), and the word."""
    start = offset
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = offset + 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, text[start:end]
