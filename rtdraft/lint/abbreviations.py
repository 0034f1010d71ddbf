"""Abbreviations: defined before use, and defined one way."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from .. import languages
from . import Finding, Outline, rule

# Abbreviations a Canadian federal reader needs no definition for. An outline adds
# its own under lint.abbreviations (company names written in capitals, say).
KNOWN = frozenset({
    "U.S.", "US", "UK", "UN", "EU", "NATO", "DNA", "HIV", "AIDS", "COVID", "PDF", "ISBN",
    "URL", "ID", "P.O.", "TV", "a.m.", "p.m.", "OK",
})
PLACEHOLDERS = frozenset({"TODO", "TBD", "TBC", "XXX", "FIXME"})  # the placeholder rule's
# Words an abbreviation's letters skip (Canadian Centre on Substance Use and Addiction:
# CCSA), in every language: an English text may define a French name, and the reverse.
SMALL_WORDS = frozenset().union(*(lang.vocabulary.get("initials_skip", ())
                                  for lang in languages.shipped()))

# An abbreviation: capitals (and digits, hyphens, periods) with at least two capitals,
# an optional plural s: OCGs, CI2, J-CODE, U.S.
# Capitals, digits and single - or . between them; each character can be read one way
# only (a repeat inside a repeat took time exponential in a word's length: 30 capitals
# and a small letter hung lint). Checked equal to the nested forms on 200,000 texts.
ABBREVIATION = re.compile(r"(?<![\w.-])([A-Z](?:[A-Z0-9]|[-.](?=[A-Z]))*(?:[-.](?=[0-9]))?"
                          r"[A-Z0-9]\.?)(s?)(?![\w-])")
_ABBR = r"([A-Z](?:[A-Za-z0-9]|[-.](?=[A-Z]))*[-.]?)"
_SPACE = "[ \u00a0\u202f]*"
# (CBSA); in French also (« ASFC »)
DEFINITION = re.compile(rf"\((?:«{_SPACE})?{_ABBR}(?:{_SPACE}»)?\)")
# An abbreviation of the name in another language, said so: "Service d'inspection postale
# des États-Unis (sigle anglais : USPIS)", "(en anglais, USPIS)", "(in French, ASFC)"
FOREIGN = re.compile(rf"\((?:(?:sigle|acronyme|abréviation)\s+)?(?:en\s+|in\s+)?"
                     rf"(?:anglais|français|English|French){_SPACE}[:,]?\s*{_ABBR}\)")
_WORD = re.compile(r"[\w’'&-]+")
# A French article or preposition elided before a name: L'Agence, d'Emploi, qu'
_ELIDED = re.compile(r"^(?:[LlDdJjMmNnSsTtCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’](?=\w)")


def letters(abbreviation: str) -> str:
    return re.sub(r"[^A-Za-z]", "", abbreviation).upper()


def singular(abbreviation: str) -> str:
    """OCGs -> OCG; an abbreviation is one concept whatever its number."""
    if abbreviation.endswith("s") and abbreviation[:-1].upper() == abbreviation[:-1]:
        return abbreviation[:-1]
    return abbreviation


def expansion(text: str, end: int, abbreviation: str) -> str | None:
    """The words before '(ABBR)' at `end` that ABBR abbreviates, or None.

    The abbreviation's letters must be the initials of the words, in order, where
    small words (of, and, the, ...) and trailing generic words may be skipped:
    'Canadian Centre on Substance Use and Addiction (CCSA)'.
    """
    wanted = letters(singular(abbreviation))
    words = _last_words(text, end, len(wanted) + 6)
    for start in range(len(words) - 1, -1, -1):
        candidate = words[start:]
        name = _ELIDED.sub("", candidate[0])   # L'Agence des services ... (ASFC)
        if name != candidate[0] and name:
            candidate = [name, *candidate[1:]]
        if candidate[0].lower() in SMALL_WORDS or candidate[0][0].upper() != wanted[0]:
            continue
        if _initials_match(candidate, wanted):
            return " ".join(candidate)
    return None


def _last_words(text: str, end: int, count: int) -> list[str]:
    """The last `count` words of text[:end], read back only as far as they reach (all the
    words before every definition made a paragraph of definitions quadratic)."""
    size = 64 * count
    while True:
        start = max(0, end - size)
        words = _WORD.findall(text, start, end)
        if start == 0 or len(words) > count:   # the first may be cut at start: one spare
            return words[-count:]
        size *= 4


def _initials_match(words: list[str], wanted: str) -> bool:
    """Do the words' initials (and those after a hyphen: 'J-CODE') spell `wanted` in order?

    Words whose initial is not the next letter are skipped: 'Canadian Centre on
    Substance Use and Addiction' spells CCSA.
    """
    index = 0
    for word in words:
        for part in re.split(r"[-’']", word):   # Joint-Criminal, l'usage
            if part and index < len(wanted) and part[0].upper() == wanted[index]:
                index += 1
    return index == len(wanted)


def definitions(outline: Outline) -> Iterator[tuple[int, object, str, str, int]]:
    """(piece index, piece, abbreviation, expansion, offset of '(') for every
    'Full Name (ABBR)'."""
    for index, piece in enumerate(outline.pieces):
        found = []
        for m in DEFINITION.finditer(piece.text):
            abbreviation = m.group(1)
            if len(letters(abbreviation)) < 2:
                continue
            full = expansion(piece.text, m.start(), abbreviation)
            if full:
                found.append((m.start(), abbreviation, full))
        for m in FOREIGN.finditer(piece.text):   # its letters are another language's words
            words = _last_words(piece.text, m.start(), 8)
            if len(letters(m.group(1))) >= 2 and words:
                found.append((m.start(), m.group(1), " ".join(words)))
        for offset, abbreviation, full in sorted(found):
            yield index, piece, abbreviation, full, offset


def _skip(piece_text: str, start: int, end: int) -> bool:
    """Text in capitals (a tagline, a shouted heading) is not abbreviations."""
    around = piece_text[max(0, start - 30):end + 30]
    caps = sum(1 for c in around if c.isupper())
    lows = sum(1 for c in around if c.islower())
    return caps > 2 * lows


@rule("acronym-undefined")
def undefined(outline: Outline) -> Iterator[Finding]:
    """An abbreviation used before it is defined, or never defined.

    An abbreviation is defined by writing the full name followed by the
    abbreviation in parentheses at its first use, in reading order (cover,
    introduction, opening remarks, sessions, outcomes, conclusion, appendices,
    footnotes). In French, the name may follow an elided article ("L'Agence des
    services frontaliers du Canada (ASFC)"), the abbreviation may be in « »
    ("(« GRC »)"), and an abbreviation of the name in the other language is
    defined when the parentheses say so ("(sigle anglais : USPIS)", "(en
    anglais, USPIS)"; in English "(in French, ASFC)"). A few abbreviations
    need no definition (U.S., UK, UN, DNA, HIV, COVID, PDF, ISBN, URL, ID,
    P.O., ...); add an outline's own under `lint: {abbreviations: [...]}`.

    Bad:  The CBSA processes hundreds of thousands of packages.
    Good: The Canada Border Services Agency (CBSA) processes hundreds of
          thousands of packages.
    """
    defined: dict[str, tuple] = {}
    for index, _piece, abbreviation, _full, offset in definitions(outline):
        key = letters(singular(abbreviation))
        defined.setdefault(key, (index, offset))
    known = {letters(a) for a in KNOWN | outline.abbreviations}
    reported = set()
    keys, hints = list(defined), 100   # a hint compares with every definition: 100 of them
    for index, piece in enumerate(outline.pieces):
        if piece.role in ("person",):
            continue
        for m in ABBREVIATION.finditer(piece.text):
            word = m.group(0)
            if word.endswith(".") and word.count(".") == 1:
                word = word[:-1]   # the sentence's full stop, not the abbreviation's
            key = letters(singular(word))
            if len(key) < 2 or key in known or word in PLACEHOLDERS or key in reported:
                continue
            if _skip(piece.text, m.start(), m.end()) or _in_definition(piece.text, m):
                continue
            where = defined.get(key)
            if where is None:
                reported.add(key)
                close = difflib.get_close_matches(key, keys, n=1, cutoff=0.8) if hints else []
                hints -= 1
                hint = f"; did you mean {close[0]}, defined earlier?" if close else \
                    f"; write the full name followed by ({singular(word)}) where it is " \
                    "first used"
                yield Finding(piece.path, f"'{word}' is never defined{hint}", word, m.start())
            elif (index, m.start()) < where:
                reported.add(key)
                yield Finding(piece.path, f"'{word}' is used before it is defined; move the "
                              "definition here, to its first use", word, m.start())


def _in_definition(text: str, match: re.Match) -> bool:
    before = text[max(0, match.start() - 3):match.start()].rstrip(" \u00a0\u202f")
    after = text[match.end():match.end() + 3].lstrip(" \u00a0\u202f")
    return before.endswith(("(", "(«")) and after.startswith((")", "»)"))


@rule("acronym-conflict")
def conflict(outline: Outline) -> Iterator[Finding]:
    """One abbreviation defined with two expansions, or one expansion with two abbreviations.

    Bad:  Organized Crime Groups (OCGs) ... Outlaw Crime Gangs (OCGs)
    Good: Organized Crime Groups (OCGs) ... outlaw motorcycle gangs (OMGs)
    """
    by_abbreviation: dict[str, str] = {}
    by_expansion: dict[str, str] = {}
    for _index, piece, abbreviation, full, offset in definitions(outline):
        key = letters(singular(abbreviation))
        name = _normal(full)
        first = by_abbreviation.setdefault(key, full)
        if _normal(first) != name:
            yield Finding(piece.path, f"'{abbreviation}' stands for '{full}' here but for "
                          f"'{first}' earlier", f"({abbreviation})", offset)
        other = by_expansion.setdefault(name, abbreviation)
        if letters(singular(other)) != key:
            yield Finding(piece.path, f"'{full}' is abbreviated '{abbreviation}' here but "
                          f"'{other}' earlier", f"({abbreviation})", offset)


def _normal(name: str) -> str:
    words = [w.lower().rstrip("s") for w in _WORD.findall(name)]
    return " ".join(w for w in words if w not in SMALL_WORDS)


@rule("acronym-redefined")
def redefined(outline: Outline) -> Iterator[Finding]:
    """An abbreviation defined a second time; define it once, at its first use.

    Bad:  Organized Crime Groups (OCGs) ... (later) organized crime group (OCG)
    Good: Organized Crime Groups (OCGs) ... (later) OCG
    """
    first: dict[str, object] = {}
    for _index, piece, abbreviation, full, offset in definitions(outline):
        key = letters(singular(abbreviation))
        if key in first and _normal(full) == _normal(first[key]):
            yield Finding(piece.path, f"'{abbreviation}' is defined again; it was defined as "
                          f"'{first[key]}' earlier, so '{abbreviation}' alone will do",
                          f"({abbreviation})", offset)
        first.setdefault(key, full)
