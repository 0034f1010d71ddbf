"""Text that YAML reads otherwise than the editor wrote it, without any error."""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import Finding, Outline, rule

_COMMENT = re.compile(r"[ \t]+#([^\n]*)")
_ITEM_LINE = re.compile(r"\n([ \t]*)- ")


def _plain_texts(outline: Outline) -> Iterator[tuple[tuple, str, object]]:
    """(path, value, place) of every text written as a plain (unquoted) YAML scalar."""
    source = outline.source
    if source is None or outline.document is None:
        return
    for piece in outline.document.texts:   # as written: not masked
        place = source.places.get(piece.path)
        if place is not None and place.style == "" and isinstance(piece.text, str):
            yield piece.path, piece.text, place


@rule("comment-in-text")
def comment_in_text(outline: Outline) -> Iterator[Finding]:
    """Words after ` #` in unquoted text, which YAML drops as a comment.

    In YAML, a `#` after a space starts a comment, even in the middle of a
    sentence: the words after it are not part of the text and are not printed.
    Put the whole text in quotes to keep them. A comment meant as one is never
    flagged on a line of its own; after a text on the same line, accept it with
    `lint: ignore: [{rule: comment-in-text, path: ...}]`.

    Bad:  - The meeting ended. #1 priority is data.
    Good: - "The meeting ended. #1 priority is data."
    """
    source = outline.source
    for path, value, place in _plain_texts(outline):
        m = _COMMENT.match(source.text, place.end)
        if not m:
            continue
        from ..outline.explain import quoted  # not at the top: render runs this rule too
        lost = "#" + m.group(1).rstrip()
        line, column = source.line_column(m.start() + m.group(0).index("#"))
        whole = (value + m.group(0)).rstrip()
        fix = f": {quoted(whole)}" if len(whole) <= 60 else ", at its start and at its end"
        yield Finding(path, f"'{lost}' is a YAML comment, dropped from the text; to keep it, "
                      f"put the whole text in quotes{fix} (a comment meant as one goes on a "
                      "line of its own)", at=(line, column))


@rule("item-in-text")
def item_in_text(outline: Outline) -> Iterator[Finding]:
    """A line starting with `- ` that YAML joined to the text above it.

    A list item indented further than the items above it continues the text
    before it instead of starting a new item; line its dash up with theirs.

    Bad:  - Trends were discussed.
           - Data gaps were named.
    Good: - Trends were discussed.
          - Data gaps were named.
    """
    source = outline.source
    for path, _value, place in _plain_texts(outline):
        before = source.text[:place.start].rstrip(" \t")
        dash = source.line_column(len(before) - 1)[1] if before.endswith("-") else None
        for m in _ITEM_LINE.finditer(source.text, place.start, place.end):
            line, column = source.line_column(m.end(1))
            above = f", the dash above in column {dash}" if dash else ""
            yield Finding(path, "this line was joined to the text above it, not read as a "
                          f"new list item: its dash is in column {column}{above}; line the "
                          "dashes up", at=(line, column))
