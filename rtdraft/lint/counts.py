"""What the text says of the outline itself: how many sessions, which appendix."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..languages.dates import written_dates
from . import Finding, Outline, rule


@lru_cache(maxsize=8)
def _patterns(number_words: tuple) -> tuple[dict, re.Pattern, re.Pattern]:
    numbers = {w: n for n, w in enumerate(number_words)}
    number = r"(\d+|" + "|".join(numbers) + r")"
    # \b: a number starts a word (a run of digits was read from each of its digits)
    sessions = re.compile(r"\b" + number + r"\s+(?:([a-z-]+)\s+)?sessions\b", re.IGNORECASE)
    days = re.compile(r"\b" + number + r"[- ]day\b|\bover\s+(?:the\s+course\s+of\s+)?" + number
                      + r"\s+days\b", re.IGNORECASE)
    return numbers, sessions, days


APPENDIX = re.compile(r"\b(?:Appendix|[Aa]nnexe)\s+([A-Z])\b(?:\s+(?:for\s+(?:a|the)|pour\s+"
                      r"(?:la|une|l['’]))\s*(list\s+of\s+organizations|agenda|liste\s+des\s+"
                      r"organisations|ordre\s+du\s+jour))?")


def _value(word: str, numbers: dict) -> int:
    return int(word) if word.isdigit() else numbers[word.lower()]


@rule("count-mismatch")
def count_mismatch(outline: Outline) -> Iterator[Finding]:
    """Text that counts the sessions or days while the outline has another number.

    Reads "seven plenary sessions", "four breakout sessions", "a two-day event",
    "over the course of two days" and compares them with the outline's sessions
    of that kind and its meeting dates. English outlines only.

    Bad:  The agenda consisted of seven plenary sessions. (six are in the outline)
    Good: The agenda consisted of six plenary sessions.
    """
    number_words = outline.words("number_words")
    if not number_words:
        return
    numbers, sessions_pattern, days_pattern = _patterns(tuple(number_words))
    sessions = outline.data.get("sessions") or []
    kinds: dict[str, int] = {}
    for session in sessions:
        kind = session["kind"]
        kinds[kind] = kinds.get(kind, 0) + 1
    dates = written_dates(outline.data)
    days = len(dates)
    for piece in outline.prose():
        lower = piece.text.lower()   # the patterns read any case: so must this shortcut
        if "session" not in lower and "day" not in lower:
            continue
        for m in sessions_pattern.finditer(piece.text):
            said, kind = _value(m.group(1), numbers), (m.group(2) or "").lower()
            actual = kinds.get(kind, 0) if kind else len(sessions)
            if kind and kind not in kinds and kind not in ("plenary", "breakout"):
                continue   # "two parallel sessions": not a kind the outline has
            if said != actual:
                yield Finding(piece.path, f"the text says {m.group(0)} but the outline has "
                              f"{actual} {kind + ' ' if kind else ''}session"
                              f"{'' if actual == 1 else 's'}", m.group(0), m.start())
        for m in days_pattern.finditer(piece.text):
            said = _value(m.group(1) or m.group(2), numbers)
            if said != days and all(len(d) == 10 for d in dates):
                yield Finding(piece.path, f"the text says '{m.group(0)}' but the meeting has "
                              f"{days} date{'' if days == 1 else 's'}", m.group(0), m.start())


@rule("appendix-reference")
def appendix_reference(outline: Outline) -> Iterator[Finding]:
    """'Appendix X' named in the text but absent, or of another kind than the text implies.

    Appendices are lettered A, B, C ... in the order of `appendices`. "See
    Appendix A for a list of organizations" needs appendix A to be an
    organizations list; "Appendix B for the agenda" an agenda. French outlines
    say "annexe A pour la liste des organisations", "... pour l'ordre du jour".

    Bad:  (see Appendix B for a list of organizations)   with one appendix
    Good: (see Appendix A for a list of organizations)
    """
    appendices = outline.data.get("appendices") or []
    for piece in outline.prose():
        for m in APPENDIX.finditer(piece.text):
            index = ord(m.group(1)) - ord("A")
            if index >= len(appendices):
                have = f"A to {chr(ord('A') + len(appendices) - 1)}" if len(appendices) > 1 \
                    else ("only A" if appendices else "none")
                yield Finding(piece.path, f"'{m.group(0)}' does not exist; the outline has "
                              f"appendices {have}" if appendices else
                              f"'{m.group(0)}' does not exist; the outline has no appendices",
                              m.group(0), m.start())
                continue
            implied = m.group(2)
            if not implied:
                continue
            organizations = implied.lower().startswith("list")   # list of / liste des
            wanted = "organizations" if organizations else "agenda"
            if wanted not in appendices[index]:
                title = appendices[index].get("title")
                kind = "an organizations list" if organizations else "an agenda"
                yield Finding(piece.path, f"'{m.group(0)}' points at '{title}', which is not "
                              f"{kind}", m.group(0), m.start())
