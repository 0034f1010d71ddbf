"""Mechanical points of the Canada.ca Content Style Guide."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import languages
from . import Finding, Outline, rule


@lru_cache(maxsize=8)
def _latin(plain: tuple) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(re.escape(k) for k, _ in plain) + ")", re.IGNORECASE)


@lru_cache(maxsize=8)
def _ordinal_date(months: str, suffixes: tuple) -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(months.split())})\s+\d{{1,2}}({'|'.join(suffixes)})\b")


@lru_cache(maxsize=8)
def _doubled(number_words: tuple) -> re.Pattern:
    word_number = r"(?:(?:" + "|".join(number_words) + r")(?:[\s-]+(?:and\s+|to\s+)?)?)+"
    return re.compile(rf"\b{word_number}(?:percent|per cent)?\s*\((\d[\d,.:]*\s*%?)\)",
                      re.IGNORECASE)


_NUMERAL_IN_BRACKETS = re.compile(r"\(\d[\d,.:]*\s*%?\)")
WORDS_BEFORE = 200   # characters of number words looked at before a numeral in brackets


def _numbers_in_words(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """pattern's matches, as finditer gives them, found only in the WORDS_BEFORE characters
    before each numeral in brackets: from every word of a long run of number words, the
    pattern had read the whole run."""
    done = 0
    for bracket in _NUMERAL_IN_BRACKETS.finditer(text):
        if bracket.start() < done:
            continue
        m = pattern.search(text, max(done, bracket.start() - WORDS_BEFORE), bracket.end())
        if m:
            done = m.end()
            yield m
REPEATED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)




@rule("latin-abbreviation")
def latin(outline: Outline) -> Iterator[Finding]:
    """Latin abbreviations (e.g., i.e., etc.), which the Canada.ca Content Style Guide avoids.

    Bad:  other forms of crime (e.g. human trafficking)
    Good: other forms of crime (for example, human trafficking)
    """
    plain = outline.words("latin")
    if not plain:
        return
    for piece in outline.prose():
        for m in _latin(tuple(plain.items())).finditer(piece.text):
            yield Finding(piece.path, f"'{m.group(1)}': write '{plain[m.group(1).lower()]}' "
                          "(Canada.ca Content Style Guide)", m.group(1), m.start())


@rule("ordinal-date")
def ordinal_date(outline: Outline) -> Iterator[Finding]:
    """Dates written with ordinal suffixes (October 8th); Canada.ca writes October 8.

    Bad:  held on October 8th, 2019
    Good: held on October 8, 2019
    """
    suffixes = outline.words("ordinal_suffixes")
    if not suffixes:
        return
    pattern = _ordinal_date(languages.get(outline.language).labels["months"], tuple(suffixes))
    for piece in outline.pieces:
        for m in pattern.finditer(piece.text):
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
    number_words = outline.words("number_words")
    if not number_words:
        return
    pattern = _doubled(tuple(number_words) + tuple(outline.words("tens", ())))
    for piece in outline.prose():
        for m in _numbers_in_words(pattern, piece.text):
            text = m.group(0)
            yield Finding(piece.path, f"'{text}' gives the number twice; write it once, in "
                          f"numerals: {m.group(1)}", text.split()[0], m.start())


@rule("repeated-word")
def repeated(outline: Outline) -> Iterator[Finding]:
    """The same word twice in a row: 'the the'.

    Bad:  participants heard from the the Winnipeg Police Service
    Good: participants heard from the Winnipeg Police Service
    """
    repeatable = outline.words("repeatable", set())   # "vous vous souvenez"
    for piece in outline.pieces:
        for m in REPEATED.finditer(piece.text):
            if m.group(1).isdigit() or m.group(1).lower() in repeatable:
                continue
            yield Finding(piece.path, f"'{m.group(1)}' is repeated", m.group(0), m.start())


def small_words() -> set[str]:
    """Words a title leaves in lower case, in every language (a heading may quote a name
    in the other one)."""
    return set().union(*(lang.vocabulary.get("small_words", ()) for lang in languages.shipped()))


def _case(title: str, small: set[str]) -> str | None:
    """'title' when every significant word is capitalized, 'sentence' when most after the
    first are not, None when it cannot tell (too few words)."""
    significant = [w for w in re.findall(r"[A-Za-z][\w'’-]*", title)[1:]
                   if w.lower() not in small]
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
    small = small_words()
    styles = [(p, _case(p.text, small)) for p in headings]
    counts = {s: sum(1 for _, c in styles if c == s) for s in ("title", "sentence")}
    if not all(counts.values()):
        return
    usual = max(counts, key=lambda s: counts[s])
    for piece, style in styles:
        if style and style != usual:
            yield Finding(piece.path, f"'{piece.text}' is in {style} case; the other headings "
                          f"are in {usual} case", piece.text)
