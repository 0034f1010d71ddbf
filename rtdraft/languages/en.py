"""English (Canada): the words, dates and lint vocabularies of an English summary."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from . import Language, join_words

LABELS = {
    "subtitle": "Meeting Summary",
    "introduction": "Introduction",
    "opening_remarks": "Opening Remarks",
    "outcomes": "Key Outcomes",
    "conclusion": "Conclusion",
    "contents": "Table of Contents",
    "appendix": "Appendix {letter}: {title}",
    "session_plenary": "Plenary Session {n}",
    "session_breakout": "Breakout Session {n}",
    "session_panel": "Panel {n}",
    "session_workshop": "Workshop {n}",
    "session_other": "{kind} {n}",
    "session_heading": "{label}: {title}",
    "presenters": "Presenters: {names}",
    "speakers": "Speakers: {names}",
    "on_behalf_of": "on behalf of {person}",
    "virtual": "Virtual meeting",
    "hosted_by": "Hosted by {host}",
    "hosted_with_support": "Hosted by {host} with support from {supporter}",
    "with_support": "With support from {supporter}",
    "draft": "DRAFT",
    "catalogue_number": "Cat. No.: {value}",
    "isbn": "ISBN: {value}",
    "copyright_king": "© His Majesty the King in Right of Canada, as represented by "
                      "{minister}, {year}",
    "copyright_queen": "© Her Majesty the Queen in Right of Canada, as represented by "
                       "{minister}, {year}",
    "copyright_king_plain": "© His Majesty the King in Right of Canada, {year}",
    "copyright_queen_plain": "© Her Majesty the Queen in Right of Canada, {year}",
    "other_language": "Aussi disponible en français sous le titre : {title}",
    "wordmark": "Canada",
    # the text alternatives of the cover's symbols (render/symbols.py)
    "signature_alt": "Government of Canada",
    "wordmark_alt": "Symbol of the Government of Canada",
    "agenda_time": "Time",
    "agenda_item": "Item",
    "agenda_speakers": "Speakers",
    "and": "and",
    "page": "Page {n}",
    "months": "January February March April May June July August September October "
              "November December",
    "web_skip": "Skip to main content",
    "web_footnotes": "Footnotes",
    "web_footnote": "Footnote",
    "web_return": "Return to footnote",
    "web_referrer": "referrer",
    "web_date_modified": "Date modified:",
    "web_about": "About this publication",
}


def one_date(d: date, months: list[str]) -> str:
    """March 29, 2019."""
    return f"{months[d.month - 1]} {d.day}, {d.year}"


def days(dates: list[date], months: list[str], word: str) -> str:
    """March 29, 2019; October 8 and 9, 2019; October 8 to 10, 2019; ..."""
    if len(dates) == 1:
        return one_date(dates[0], months)
    first, last = dates[0], dates[-1]
    consecutive = all(b - a == timedelta(days=1) for a, b in pairwise(dates))
    same_month = all((d.year, d.month) == (first.year, first.month) for d in dates)
    if consecutive and len(dates) > 2:
        if same_month:
            return f"{months[first.month - 1]} {first.day} to {last.day}, {last.year}"
        return f"{one_date(first, months)} to {one_date(last, months)}"
    if same_month:
        return f"{months[first.month - 1]} {join_words([str(d.day) for d in dates], word)}, " \
            f"{first.year}"
    if first.year == last.year:
        parts = [f"{months[d.month - 1]} {d.day}" for d in dates]
        return f"{join_words(parts, word)}, {first.year}"
    return join_words([one_date(d, months) for d in dates], word)


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

NUMBER_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"]

LANGUAGE = Language(
    code="en", name="English", locale="en-CA", other_locale="fr-CA", labels=LABELS,
    catalogue_letter="E",
    one_date=one_date, days=days,
    vocabulary={
        "spelling": "en_CA",   # the Enchant (Hunspell) dictionary: lint's spelling rule
        "reading_level": ("Flesch-Kincaid", None),   # the formula: lint/readability.py
        "spellings": SPELLINGS,
        "stigma": STIGMA,
        "stigma_words": ("can stigmatize",
                         "the Canadian Centre on Substance Use and Addiction suggests"),
        "number_words": NUMBER_WORDS,
        "tens": ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                 "ninety", "hundred", "thousand"],
        "latin": {"e.g.": "for example (or such as)", "i.e.": "that is",
                  "etc.": "and so on (or a complete list)", "viz.": "namely",
                  "cf.": "compare"},
        "ordinal_suffixes": ("st", "nd", "rd", "th"),
        "initials_skip": {"of", "and", "the", "on", "for", "in", "to", "a", "an", "&"},
        "small_words": {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in",
                        "into", "of", "on", "or", "the", "to", "with", "between", "over",
                        "via", "vs", "per"},
    },
)
