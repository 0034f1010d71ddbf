"""Mechanical points of the Canada.ca Content Style Guide."""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import Finding, Outline, rule
from .counts import NUMBERS

LATIN = re.compile(r"\b(e\.g\.|i\.e\.|etc\.|viz\.|cf\.)", re.IGNORECASE)
_PLAIN = {"e.g.": "for example (or such as)", "i.e.": "that is", "etc.": "and so on (or a "
          "complete list)", "viz.": "namely", "cf.": "compare"}
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
ORDINAL_DATE = re.compile(rf"\b(?:{MONTHS})\s+\d{{1,2}}(st|nd|rd|th)\b")
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_NUMBER = (r"(?:(?:" + "|".join(list(NUMBERS) + _TENS + ["hundred", "thousand"]) +
                r")(?:[\s-]+(?:and\s+|to\s+)?)?)+")
DOUBLED = re.compile(rf"\b{_WORD_NUMBER}(?:percent|per cent)?\s*\((\d[\d,.:]*\s*%?)\)",
                     re.IGNORECASE)
REPEATED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)


def _english(outline: Outline) -> bool:
    return outline.language == "en"


@rule("latin-abbreviation")
def latin(outline: Outline) -> Iterator[Finding]:
    """Latin abbreviations (e.g., i.e., etc.), which the Canada.ca Content Style Guide avoids.

    Bad:  other forms of crime (e.g. human trafficking)
    Good: other forms of crime (for example, human trafficking)
    """
    if not _english(outline):
        return
    for piece in outline.prose():
        for m in LATIN.finditer(piece.text):
            yield Finding(piece.path, f"'{m.group(1)}': write '{_PLAIN[m.group(1).lower()]}' "
                          "(Canada.ca Content Style Guide)", m.group(1), m.start())


@rule("ordinal-date")
def ordinal_date(outline: Outline) -> Iterator[Finding]:
    """Dates written with ordinal suffixes (October 8th); Canada.ca writes October 8.

    Bad:  held on October 8th, 2019
    Good: held on October 8, 2019
    """
    if not _english(outline):
        return
    for piece in outline.pieces:
        for m in ORDINAL_DATE.finditer(piece.text):
            plain = m.group(0)[:-len(m.group(1))]
            yield Finding(piece.path, f"'{m.group(0)}': write '{plain}' (no ordinal suffix in "
                          "dates)", m.group(0), m.start())


@rule("number-doubling")
def doubled(outline: Outline) -> Iterator[Finding]:
    """A number written both in words and in numerals: 'eight percent (8%)'.

    The Canada.ca Content Style Guide writes numbers as numerals, once.

    Bad:  a twenty-nine percent (29%) increase in property crime
    Good: a 29% increase in property crime
    """
    if not _english(outline):
        return
    for piece in outline.prose():
        for m in DOUBLED.finditer(piece.text):
            text = m.group(0)
            yield Finding(piece.path, f"'{text}' gives the number twice; write it once, in "
                          f"numerals: {m.group(1)}", text.split()[0], m.start())


@rule("repeated-word")
def repeated(outline: Outline) -> Iterator[Finding]:
    """The same word twice in a row: 'the the'.

    Bad:  participants heard from the the Winnipeg Police Service
    Good: participants heard from the Winnipeg Police Service
    """
    for piece in outline.pieces:
        for m in REPEATED.finditer(piece.text):
            if m.group(1).isdigit() or m.group(1).lower() in ("nous", "vous"):
                continue   # "vous vous souvenez": French pronominal verbs
            yield Finding(piece.path, f"'{m.group(1)}' is repeated", m.group(0), m.start())


SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on",
         "or", "the", "to", "with", "between", "over", "via", "vs", "per",
         "de", "du", "des", "la", "le", "les", "et", "à", "au", "aux", "en", "sur", "pour",
         "par", "dans", "d", "l", "ou"}


def _case(title: str) -> str | None:
    """'title' when every significant word is capitalized, 'sentence' when most after the
    first are not, None when it cannot tell (too few words)."""
    significant = [w for w in re.findall(r"[A-Za-z][\w'’-]*", title)[1:]
                   if w.lower() not in SMALL]
    if len(significant) < 3:   # two capitalized words may be a proper name: Premières Nations
        return None
    lower = sum(1 for w in significant if w[0].islower())
    if lower == 0:
        return "title"
    return "sentence" if lower >= len(significant) / 2 else None


@rule("heading-case")
def heading_case(outline: Outline) -> Iterator[Finding]:
    """Headings capitalized two ways: most in title case, some in sentence case.

    The headings of one summary share one style; the odd ones out are flagged
    (whichever style is the less common).

    Bad:  Breakout #2: Indigenous Perspectives / Breakout #3: Leveraging existing data
    Good: Breakout #2: Indigenous Perspectives / Breakout #3: Leveraging Existing Data
    """
    headings = [p for p in outline.pieces if p.role == "heading"]
    styles = [(p, _case(p.text)) for p in headings]
    counts = {s: sum(1 for _, c in styles if c == s) for s in ("title", "sentence")}
    if not all(counts.values()):
        return
    usual = max(counts, key=lambda s: counts[s])
    for piece, style in styles:
        if style and style != usual:
            yield Finding(piece.path, f"'{piece.text}' is in {style} case; the other headings "
                          f"are in {usual} case", piece.text)
