"""Plain language: long sentences and paragraphs far above the Canada.ca reading level."""

from __future__ import annotations

from collections.abc import Iterator

from .. import languages
from . import Finding, Outline, rule
from .readability import WORD, measure, sentences

SENTENCE_LENGTH = 35    # words; lint: sentence_length
READING_GRADE = 16      # lint: reading_grade; Canada.ca aims for grade 8
MIN_WORDS = 30          # a paragraph shorter than this has no reliable reading level


@rule("plain-language", level="note")
def plain_language(outline: Outline) -> Iterator[Finding]:
    """A sentence longer than 35 words, or a paragraph far above the Canada.ca reading level.

    The Canada.ca Content Style Guide aims for grade 8 and short sentences. A
    sentence over `lint: sentence_length` words (35 unless set) is a note at its
    first words; a paragraph of 30 words or more whose reading level is above
    `lint: reading_grade` (16 unless set: twice the target) is a note at its
    start, with the grade. English is measured with the Flesch-Kincaid grade
    level (the grade Word reports), syllables counted by the readability
    package's rules; French with the Kandel-Moles reading ease (Flesch's
    formula refitted to French), syllables counted by Pyphen's French
    hyphenation dictionary, read as a grade on Flesch's table. Both are
    estimates: take a grade as a hint of where to rewrite. `rtdraft lint
    --reading-level` prints each part's grade; the preview shows them too.

    Bad:  Given the multi-jurisdictional nature of organized crime, participants
          emphasized the importance of ensuring that intelligence-led,
          evidence-based enforcement strategies are coordinated across federal,
          provincial, territorial and municipal partners, including through
          information-sharing agreements.
    Good: Organized crime crosses borders. Participants said that federal,
          provincial, territorial and municipal partners must plan their
          enforcement together and share what they know.
    """
    language = languages.get(outline.language)
    if not language.vocabulary.get("reading_level"):
        return
    settings = outline.data.get("lint") or {}
    longest = settings.get("sentence_length") or SENTENCE_LENGTH
    highest = settings.get("reading_grade") or READING_GRADE
    for piece in outline.prose():
        text = piece.text
        for start, end in sentences(text):
            count = len(WORD.findall(text, start, end))
            if count > longest:
                first = " ".join(text[start:end].split()[:3])
                yield Finding(piece.path, f"sentence of {count} words, from '{first} ...'; "
                              f"plain language keeps sentences to {longest} words or fewer "
                              "(lint: sentence_length)", text[start:end].split()[0], start)
        found = measure(text, language)
        if found and found.words >= MIN_WORDS and found.grade > highest:
            start = len(text) - len(text.lstrip())
            yield Finding(piece.path, f"reading level grade {found.grade:.1f} "
                          f"({found.formula}, {found.words} words in {found.sentences} "
                          f"sentence{'s' if found.sentences > 1 else ''}); Canada.ca aims "
                          f"for grade 8, this outline's limit is {highest:g} "
                          "(lint: reading_grade)", text.split()[0], start)
