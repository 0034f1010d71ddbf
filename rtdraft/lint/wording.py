"""Words: one spelling per word, non-stigmatizing language, nothing left unfinished."""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import Finding, Outline, rule

# (Canadian federal spelling, other spelling) word stems; suffixes are shared.
SPELLINGS = [
    ("behaviour", "behavior"), ("colour", "color"), ("favour", "favor"), ("honour", "honor"),
    ("labour", "labor"), ("neighbour", "neighbor"), ("endeavour", "endeavor"),
    ("harbour", "harbor"), ("rumour", "rumor"), ("centre", "center"),
    ("organiz", "organis"), ("recogniz", "recognis"), ("prioritiz", "prioritis"),
    ("analyz", "analys"), ("defence", "defense"), ("offence", "offense"),
    ("catalogue", "catalog"), ("program", "programme"), ("travell", "travel"),
    ("counsell", "counsel"), ("modell", "model"), ("fuell", "fuel"), ("fulfil", "fulfill"),
]
_SUFFIX = r"(?:s|ed|ing|al|ally|ation|ations|e|es|er|ers|ism|able|ably)?"
_FRENCH_SKIP = ("fr",)


_STEMS = sorted({stem for pair in SPELLINGS for stem in pair}, key=len, reverse=True)
_ANY_STEM = re.compile(r"\b((?:" + "|".join(_STEMS) + r")" + _SUFFIX + r")\b", re.IGNORECASE)


def _occurrences(outline: Outline) -> dict[str, list[tuple]]:
    """stem -> (piece, match) for every lowercase or sentence-initial use: not proper names.

    One pass over the text finds every stem; a word counts for each stem it starts with
    (travelled starts with travell and travel).
    """
    found: dict[str, list[tuple]] = {}
    for piece in outline.pieces:
        if piece.role not in ("prose", "heading"):
            continue
        for m in _ANY_STEM.finditer(piece.text):
            word = m.group(1)
            before = piece.text[:m.start()].rstrip()
            if word[0].isupper() and before and before[-1] not in ".:;!?":
                continue   # Center for ..., a proper name keeps its spelling
            lower = word.lower()
            for stem in _STEMS:
                if lower.startswith(stem) and re.fullmatch(stem + _SUFFIX, lower):
                    found.setdefault(stem, []).append((piece, m))
    return found


def _language(outline: Outline) -> str:
    return outline.language


@rule("spelling-mix")
def spelling_mix(outline: Outline) -> Iterator[Finding]:
    """Two spellings of one word in one outline (behaviour/behavior, centre/center, ...).

    Points at the spelling that is not the Canadian federal one. Names keep
    their own spelling (a capitalized word inside a sentence is taken for one).
    English outlines only.

    Bad:  impulsive behavior ... stigmatizing behaviour
    Good: impulsive behaviour ... stigmatizing behaviour
    """
    if _language(outline) in _FRENCH_SKIP:
        return
    found = _occurrences(outline)
    for canadian, other in SPELLINGS:
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


# Terms the Canadian Centre on Substance Use and Addiction advises against when
# speaking of people who use substances, with what it suggests instead.
STIGMA = [
    (r"\b(?:drug|substance|alcohol|opioid)\s+abusers?\b", "people who use drugs (or substances)"),
    (r"\babusers?\s+of\s+(?:drugs|substances|alcohol)\b", "people who use drugs (or substances)"),
    (r"\b(?:substance|drug|alcohol|opioid|solvent)\s+abuse\b",
     "substance use (or problematic substance use, substance use disorder)"),
    (r"\b(?:former|recovering|ex-)\s*addicts?\b", "person in recovery"),
    (r"\baddicts?\b", "person who uses drugs (or person with a substance use disorder)"),
    (r"\bjunk(?:ie|y|ies)\b", "person who uses drugs"),
    (r"\b(?:drug|substance|meth|opioid|heroin|cocaine|crack|IV|injection)\s+users?\b",
     "people who use drugs (or substances)"),
    (r"\balcoholics?\b", "person with an alcohol use disorder"),
    (r"\b(?:clean|dirty)\s+(?:urine|tests?|screens?|samples?|results?)\b",
     "negative (or positive) test result"),
    (r"\b(?:got|get|getting|stay|stays|stayed|staying|been|being|is|was|are|were)\s+clean\b",
     "in recovery (or not currently using substances)"),
    (r"\bdrug\s+habit\b", "substance use disorder"),
]


STIGMA_FR = [
    (r"\btoxicomanes?\b", ("personne qui consomme des drogues (ou personne ayant un trouble lié "
     "à l'usage de substances)")),
    (r"\bdrogués?\b|\bjunkies?\b", "personne qui consomme des drogues"),
    (r"\babus\s+(?:de\s+|d['’])(?:drogues?|substances?|alcool|opioïdes)\b",
     "usage (ou usage problématique) de substances"),
    (r"\btoxicomanie\b", "trouble lié à l'usage de substances (ou usage de substances)"),
    (r"\busagers?\s+de\s+(?:drogues?|substances?)\b",
     "personnes qui consomment des drogues (ou des substances)"),
    (r"\b(?:tests?|échantillons?|résultats?)\s+(?:propres?|sales?)\b",
     "résultat négatif (ou positif)"),
]


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
    french = _language(outline) in _FRENCH_SKIP
    terms = STIGMA_FR if french else STIGMA
    centre = "le Centre canadien sur les dépendances et l'usage de substances suggère" \
        if french else "the Canadian Centre on Substance Use and Addiction suggests"
    can = "peut stigmatiser" if french else "can stigmatize"
    hints = ("abus", "addict", "junk", "user", "alcoholic", "clean", "dirty", "habit",
             "toxicoman", "drogu", "usager", "propre", "sale")
    for piece in outline.prose():
        lower = piece.text.lower()
        if not any(hint in lower for hint in hints):
            continue
        taken: list[tuple[int, int]] = []
        for pattern, better in terms:
            for m in re.finditer(pattern, piece.text, re.IGNORECASE):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                yield Finding(piece.path, f"'{m.group(0)}' {can}; {centre}: {better}",
                              m.group(0), m.start())


PLACEHOLDER = re.compile(r"\b(?:TODO|TBD|TBC|FIXME|XXX+)\b|\blorem ipsum\b|\[\[[^\]]*\]\]",
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
