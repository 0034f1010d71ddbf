"""Reading level: sentences, words and syllables of a text, and the grade they make.

English: the Flesch-Kincaid grade level, the formula behind the Canada.ca target
(grade 8) and the grade Word reports, with the formula and the English syllable
counter of the `readability` package (Greg Fast's Lingua::EN::Syllable rules: no
data to load; on the test's sentences 46 syllables where the CMU pronouncing
dictionary has 43, grade 11.0 against 9.6). French: the Kandel-Moles
reading ease (1958), Flesch's formula refitted to French, the one textstat uses
for French, read as a school grade on Flesch's own table; syllables counted with
Pyphen's French hyphenation dictionary (LibreOffice's), as textstat does.
textstat itself is not used: its English counts load the CMU dictionary (1.7 s)
or download it from the network at first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
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


@lru_cache(maxsize=20_000)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
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
    return tuple(out)


@cache
def _hyphenator(language: str):
    import pyphen
    return pyphen.Pyphen(lang=language)


@lru_cache(maxsize=100_000)
def _syllables(word: str, language: str | None) -> int:
    """Syllables of a word: English by readability's counter, French by the hyphenation
    points plus one; a number, one a digit group."""
    if word.isdigit():
        return 1
    if language is None:
        from readability.langdata import LANGDATA
        return max(1, LANGDATA["en"]["syllables"](word.lower()))
    return len(_hyphenator(language).positions(word.lower())) + 1


def _kincaid(words: int, sentences: int, syllables: int) -> float:
    from readability import KincaidGradeLevel
    return KincaidGradeLevel(syllables, words, sentences)


def measure(texts: str | list[str], language) -> Measure | None:
    """The reading level of a text, or of several (each its own sentences: a list item
    ends a sentence without a period), in `language` (a Language); None when the
    language has no formula."""
    setting = language.vocabulary.get("reading_level")
    if not setting:
        return None
    formula, hyphenation = setting
    texts = [texts] if isinstance(texts, str) else texts
    words = count = syllables = 0
    for text in texts:
        w, c, y = _counts(text, hyphenation)
        words, count, syllables = words + w, count + c, syllables + y
    if not words:
        return Measure(0, 0, 0, 0.0, formula)
    grade = max(0.0, FORMULAS[formula](words, count, syllables))   # a few short words: < 0
    return Measure(words, count, syllables, round(grade, 1), formula)


@lru_cache(maxsize=20_000)
def _counts(text: str, hyphenation: str | None) -> tuple[int, int, int]:
    """Words, sentences and syllables of one text, kept: the preview measures the same
    texts again at every save."""
    found = [WORD.findall(text, start, end) for start, end in sentences(text)]
    found = [words for words in found if words]
    return (sum(len(w) for w in found), len(found),
            sum(_syllables(w, hyphenation) for sentence in found for w in sentence))


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


FORMULAS = {
    "Flesch-Kincaid": _kincaid,
    "Kandel-Moles": lambda w, s, y: ease_as_grade(kandel_moles_ease(w, s, y)),
}


def _part_name(path: tuple, data: dict) -> str:
    """introduction, opening_remarks, sessions[2] (its title), footnotes ..."""
    top = path[0]
    if top in ("sessions", "appendices") and len(path) > 1 and isinstance(path[1], int):
        item = data.get(top, [])[path[1]]
        title = item.get("title") if isinstance(item, dict) else None
        return f"{top}[{path[1]}]" + (f" {title}" if title else "")
    if top == "session_groups" and len(path) > 1:
        return f"session_groups.{path[1]}"
    return top


def parts(document, data: dict, language) -> list[tuple[str, Measure]]:
    """The reading level of each part of the summary, in the order it prints them, and
    of the whole (named 'the whole summary'); [] when the language has no formula."""
    if not language.vocabulary.get("reading_level"):
        return []
    texts: dict[str, list[str]] = {}
    for piece in document.texts:
        if piece.role == "prose":
            texts.setdefault(_part_name(piece.path, data), []).append(piece.text)
    out = [(name, measure(found, language)) for name, found in texts.items()]
    whole = [t for found in texts.values() for t in found]
    return out + [("the whole summary", measure(whole, language))] if out else []


def table(levels: list[tuple[str, Measure]]) -> str:
    """The reading levels as lines of text, one part a line."""
    width = max(len(name) for name, _ in levels)
    lines = []
    for name, found in levels:
        lines.append(f"  {name:<{width}}  grade {found.grade:5.1f}  {found.words:6,} words  "
                     f"{found.words_per_sentence:5.1f} words a sentence")
    return "\n".join(lines)
