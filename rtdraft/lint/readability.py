"""Reading level: sentences, words and syllables of a text, and the grade they make.

English: the Flesch-Kincaid grade level, the formula behind the Canada.ca target
(grade 8) and the grade Word reports, computed by the `readability` package
(its English syllable counter needs no data loaded: it gives the same grade as
textstat with the CMU dictionary on our test sentences). French: the Kandel-Moles
reading ease (1958), Flesch's formula refitted to French, the one textstat uses
for French, read as a school grade on Flesch's own table; syllables counted with
Pyphen's French hyphenation dictionary (LibreOffice's), as textstat does.
textstat itself is not used: its English counts load the CMU dictionary (1.7 s)
or download it from the network at first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

WORD = re.compile(r"\w+(?:['’-]\w+)*")
# A sentence ends at . ! ? (and the quotes or brackets closing it) before a space and a
# capital, a digit or an opening quote, or at the end of the text.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-ZÀ-Ý0-9])|[.!?…]+[\"'”’)\]]*\s*$")
# Words a period follows without ending a sentence.
_NOT_ENDS = frozenset({"mr", "mrs", "ms", "dr", "st", "no", "nos", "inc", "ltd", "co",
                       "corp", "jr", "sr", "vs", "mme", "m", "art", "cf", "p", "ex"})


@dataclass(frozen=True)
class Measure:
    words: int
    sentences: int
    syllables: int
    grade: float            # a school grade (Flesch-Kincaid, or Kandel-Moles read as one)
    formula: str

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the text."""
    out, start = [], 0
    for m in _END.finditer(text):
        before = WORD.findall(text[start:m.start()])
        last = before[-1].lower() if before else ""
        if m.end() < len(text.rstrip()) and (len(last) == 1 or last in _NOT_ENDS):
            continue   # Dr. Smith, U.S. Customs, e.g. Winnipeg, p. ex. Montréal
        end = m.end()
        if text[start:end].strip():
            out.append((start + len(text[start:end]) - len(text[start:end].lstrip()), end))
        start = end
    if text[start:].strip():
        out.append((start + len(text[start:]) - len(text[start:].lstrip()), len(text.rstrip())))
    return out


@cache
def _hyphenator(language: str):
    import pyphen
    return pyphen.Pyphen(lang=language)


@cache
def _syllables(word: str, language: str) -> int:
    """Syllables of a word: its hyphenation points plus one; a number, one a digit group."""
    if word.isdigit():
        return 1
    return len(_hyphenator(language).positions(word.lower())) + 1


def measure(text: str, language) -> Measure | None:
    """The reading level of `text` in `language` (a Language), or None when the language
    has no formula."""
    setting = language.vocabulary.get("reading_level")
    if not setting:
        return None
    formula, hyphenation = setting
    found = [WORD.findall(text, start, end) for start, end in sentences(text)]
    found = [words for words in found if words]
    words = sum(len(w) for w in found)
    if not words:
        return Measure(0, 0, 0, 0.0, formula)
    if formula == "Flesch-Kincaid":
        import readability
        # one sentence a line, words parted by spaces: what getmeasures reads
        info = readability.getmeasures("\n".join(" ".join(w) for w in found), lang="en")
        grades, counts = info["readability grades"], info["sentence info"]
        return Measure(int(counts["words"]), len(found), int(counts["syllables"]),
                       round(grades["Kincaid"], 1), formula)
    syllables = sum(_syllables(w, hyphenation) for sentence in found for w in sentence)
    return Measure(words, len(found), syllables,
                   round(FORMULAS[formula](words, len(found), syllables), 1), formula)


def kandel_moles_ease(words: int, sentences: int, syllables: int) -> float:
    if not words:
        return 100.0
    return 207 - 1.015 * words / sentences - 73.6 * syllables / words


# Flesch's table, reading ease to school grade: 90-100 grade 5, 80-90 6, 70-80 7,
# 60-70 8 and 9, 50-60 10 to 12, 30-50 college, under 30 college graduate.
_EASE_TO_GRADE = [(100, 4.0), (90, 5.0), (80, 6.0), (70, 7.0), (60, 9.0), (50, 12.0),
                  (30, 16.0), (0, 18.0)]


def ease_as_grade(ease: float) -> float:
    if ease >= _EASE_TO_GRADE[0][0]:
        return _EASE_TO_GRADE[0][1]
    for (high, low_grade), (low, high_grade) in pairwise(_EASE_TO_GRADE):
        if ease >= low:
            return low_grade + (high - ease) / (high - low) * (high_grade - low_grade)
    return _EASE_TO_GRADE[-1][1]


FORMULAS = {   # English's Flesch-Kincaid is readability's
    "Kandel-Moles": lambda w, s, y: ease_as_grade(kandel_moles_ease(w, s, y)),
}
