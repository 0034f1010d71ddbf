"""Words: one spelling per word, non-stigmatizing language, nothing left unfinished."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..outline import schema
from . import Finding, Outline, rule

_SUFFIX = r"(?:s|ed|ing|al|ally|ation|ations|e|es|er|ers|ism|able|ably)?"


@lru_cache(maxsize=8)
def _stems(spellings: tuple) -> tuple[list[str], re.Pattern]:
    stems = sorted({stem for pair in spellings for stem in pair}, key=len, reverse=True)
    return stems, re.compile(r"\b((?:" + "|".join(stems) + r")" + _SUFFIX + r")\b",
                             re.IGNORECASE)


def _occurrences(outline: Outline, spellings: tuple) -> dict[str, list[tuple]]:
    """stem -> (piece, match) for every lowercase or sentence-initial use: not proper names.

    One pass over the text finds every stem; a word counts for each stem it starts with
    (travelled starts with travell and travel).
    """
    found: dict[str, list[tuple]] = {}
    stems, any_stem = _stems(spellings)
    for piece in outline.pieces:
        if piece.role not in ("prose", "heading"):
            continue
        lower = piece.text.lower()
        if not any(stem in lower for stem in stems):
            continue   # most texts: the pattern of every stem is not tried at every word
        for m in any_stem.finditer(piece.text):
            word = m.group(1)
            if word[0].isupper() and not _sentence_starts(piece.text, m.start()):
                continue   # Center for ..., a proper name keeps its spelling
            lower = word.lower()
            for stem in stems:
                if lower.startswith(stem) and re.fullmatch(stem + _SUFFIX, lower):
                    found.setdefault(stem, []).append((piece, m))
    return found


def _sentence_starts(text: str, at: int) -> bool:
    """Whether a sentence (or the text) starts at `at`: only spaces before it since the
    text's start or a . : ; ! or ?. (Only the spaces are read: linear in the text.)"""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at == 0 or text[at - 1] in ".:;!?"


@rule("spelling-mix")
def spelling_mix(outline: Outline) -> Iterator[Finding]:
    """Two spellings of one word in one outline (behaviour/behavior, centre/center, ...).

    Points at the spelling that is not the Canadian federal one. Names keep
    their own spelling (a capitalized word inside a sentence is taken for one).
    English outlines only.

    Bad:  impulsive behavior ... stigmatizing behaviour
    Good: impulsive behaviour ... stigmatizing behaviour
    """
    spellings = tuple(outline.words("spellings", ()))
    if not spellings:
        return
    found = _occurrences(outline, spellings)
    for canadian, other in spellings:
        ours = found.get(canadian, [])
        theirs = [(p, m) for p, m in found.get(other, [])
                  if not m.group(1).lower().startswith(canadian)]
        if ours and theirs:
            for piece, m in theirs:
                word = m.group(1)
                yield Finding(piece.path, f"'{word}' is spelled "
                              f"'{ours[0][1].group(1).lower()}' elsewhere; Canadian federal "
                              f"spelling: {canadian}{word.lower()[len(other):]}", word,
                              m.start())


@rule("stigmatizing-language")
def stigma(outline: Outline) -> Iterator[Finding]:
    """Terms the Canadian Centre on Substance Use and Addiction advises against.

    Words that label people by their substance use (addict, junkie, drug
    abuser, substance users), 'substance abuse', and 'clean'/'dirty' for test
    results, each with the person-first term suggested instead. Other senses of
    the words are left alone (elder abuse, domestic abuse, clean water).
    English outlines only.

    French outlines are read for the French terms of the Centre's guidance
    (toxicomane, abus de substances, usagers de drogues, ...).

    Bad:  The language we use can further stigmatize substance users.
    Good: The language we use can further stigmatize people who use substances.
    """
    terms = outline.words("stigma", ())
    can, centre = outline.words("stigma_words", ("", ""))
    hints = ("abus", "addict", "junk", "user", "alcoholic", "clean", "dirty", "habit",
             "toxicoman", "drogu", "usager", "propre", "sale")
    for piece in outline.prose():
        lower = piece.text.lower()
        if not any(hint in lower for hint in hints):
            continue
        taken = bytearray(len(piece.text))   # 1 where a term found first stands
        for pattern, better in terms:
            for m in re.finditer(pattern, piece.text, re.IGNORECASE):
                if taken[m.start()]:
                    continue
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                yield Finding(piece.path, f"'{m.group(0)}' {can}; {centre}: {better}",
                              m.group(0), m.start())


PLACEHOLDER = re.compile(rf"\b(?:TODO|TBD|TBC|FIXME|XXX+)\b|\blorem ipsum\b|{schema.PLACEHOLDER}",
                         re.IGNORECASE)


@rule("placeholder")
def placeholder(outline: Outline) -> Iterator[Finding]:
    """Text left unfinished: TODO, TBD, TBC, FIXME, XXX, lorem ipsum, and [[...]].

    `rtdraft new` writes its placeholders in double square brackets,
    [[like this]]; every one must be replaced before the summary goes out.

    Bad:  The next roundtable is scheduled for TBD.
    Good: The next roundtable is scheduled for fiscal year 2020-21.
    """
    for piece in outline.pieces:
        for m in PLACEHOLDER.finditer(piece.text):
            if m.group(0).isupper() or m.group(0).startswith("[[") or \
                    m.group(0).lower() == "lorem ipsum":
                yield Finding(piece.path, f"'{m.group(0)}' is a placeholder; replace it with "
                              "the final text", m.group(0), m.start())


@rule("department-fr", level="note")
def department_fr(outline: Outline) -> Iterator[Finding]:
    """publication.department_fr, format 1's name for department_other.

    It is still read; department_other says what it is in an edition of either
    language (in a French edition it holds the English name).

    Bad:  department_fr: Sécurité publique Canada
    Good: department_other: Sécurité publique Canada
    """
    publication = outline.data["publication"]
    if publication.get("department_fr"):
        yield Finding(("publication", "department_fr"), "department_fr is now called "
                      "department_other (the department's name in the other official "
                      "language); rename the key", key=True)
