"""Spelling: every text checked in its language with Hunspell's Canadian dictionaries."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .. import languages
from . import Finding, Outline, rule
from .dictionaries import Missing, dictionary, field_words, read_words_file

# The texts an outline writes in the other official language: the other edition's
# title, and the department's name in the signature (not a text of the model's).
OTHER_LANGUAGE = ("other_language_title", "department_other", "department_fr")
WORDS_FILE = "rtdraft-words.txt"    # beside the outline: a project's own words
MAX_WORDS_FILE = 1_000_000          # bytes; a bigger one is said, not read
MAX_SUGGESTED = 50   # distinct words given suggestions (5 to 60 ms each); the rest none

# A word: letters, with ' ’ or - between letters (l'ordre, two-day, aujourd’hui).
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# What is not prose to a spell checker: placeholders, addresses, web and e-mail
# addresses, file names and domains (words joined by dots), words with digits.
# Each alternative starts where a word or a token starts: tried inside one, a long
# word was read again from each of its letters.
_NOT_WORDS = re.compile(r"\[\[[^\[\]]*\]\]|(?<!\S)[^\s@]+@\S+|(?:https?://|www\.)\S+"
                        r"|(?<!\w)\w+(?:\.\w+)+|(?<!\w)\w*\d\w*")


def _blank(text: str) -> str:
    """The text with what is not to be spell-checked blanked out, same length."""
    return _NOT_WORDS.sub(lambda m: " " * len(m.group(0)), text)


def _candidates(text: str) -> Iterator[tuple[str, int]]:
    """The words to check with their offsets: not abbreviations in capitals or names
    with a capital inside (RCMP, GRC, McDonald), not single letters."""
    for m in _WORD.finditer(_blank(text)):
        word = m.group(0)
        if len(word) < 2 or word[1:] != word[1:].lower():
            continue
        if word[-2:] in ("'s", "’s"):
            word = word[:-2]
        yield word, m.start()


def outline_words(outline: Outline) -> tuple[set[str], list[Finding]]:
    """The words the outline makes its own: its organizations' and people's names,
    lint.words, and the words file beside it; and findings about that file."""
    own: set[str] = set()
    for piece in outline.pieces:
        if piece.role in ("organization", "person"):
            own.update(w for w, _ in _candidates(piece.text))
    settings = outline.data.get("lint") or {}
    for entry in settings.get("words") or []:
        own.update(entry.split())
    found: list[Finding] = []
    source = outline.source
    if source is not None and source.file not in ("-", "<stdin>"):
        path = Path(source.file).parent / WORDS_FILE
        try:
            if path.is_file():
                if path.stat().st_size > MAX_WORDS_FILE:
                    raise ValueError(f"it is over {MAX_WORDS_FILE:,} bytes")
                own.update(read_words_file(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as error:
            found.append(Finding(("publication",), f"{path} was not read: {error}",
                                 at=(1, 1)))
    return own, found


def _accepted(word: str, known: set[str] | frozenset[str]) -> bool:
    """In the field's or the outline's words: as listed, or a listed lowercase word
    with a capital (at a sentence's start, in a title)."""
    for form in (word, word.replace("’", "'")):
        if form in known or (form[:1].isupper() and form[:1].lower() + form[1:] in known):
            return True
    return False


def _correct(word: str, known: set[str] | frozenset[str], checker) -> bool:
    if _accepted(word, known) or _checks(checker, word):
        return True
    parts = word.split("-")   # carfentanil-related: each part known or in the dictionary
    return len(parts) > 1 and all(_accepted(p, known) or _checks(checker, p) for p in parts)


@lru_cache(maxsize=20_000)
def _not_in_dictionary(text: str, tag: str, checker) -> tuple[tuple[str, int], ...]:
    """The words of a text the dictionary lacks, with their offsets, kept: the preview
    checks the same texts again at every save."""
    return tuple((word, offset) for word, offset in _candidates(text)
                 if not _checks(checker, word))


@lru_cache(maxsize=200_000)
def _checks(checker, word: str) -> bool:
    """The dictionary's verdict, kept: the preview asks again at every save. Enchant
    refuses an empty word (a ValueError), which an edit of 'A-aj' makes."""
    return bool(word) and checker.check(word.replace("’", "'"))


@rule("spelling")
def spelling(outline: Outline) -> Iterator[Finding]:
    """A word that is not in the dictionary of its language, with up to three suggestions.

    Texts are checked in Canadian English (Hunspell's en_CA: centre, neighbourhood,
    program, licence and license) or Canadian French (Debian's fr_CA, the
    Grammalecte dictionary that hunspell-fr installs, traditional and 1990
    spellings); `publication.other_language_title` and `department_other`
    (the texts an outline writes in the other language) in the other one. Not
    checked: abbreviations in capitals, names with a capital inside (McDonald),
    words with digits, web and e-mail addresses, link targets, footnote marks,
    [[placeholders]]. The words of the field (drugs, precursors, police and
    federal organizations, Canadian places, Indigenous nations, the names in
    the published summaries) are accepted, and so are the outline's own
    organizations and people, the words under `lint: words:` and those in a
    file `rtdraft-words.txt` beside the outline (one a line, # for comments).
    A word is reported once per outline, with how many more times it is used.
    The first 50 words reported are given suggestions, the rest none: each
    suggestion is looked for in the dictionary, and a draft full of names
    not yet under `lint: words:` would make lint slow.

    Bad:  The commitee met in Winnipeg.
    Good: The committee met in Winnipeg.
    """
    language = languages.get(outline.language)
    tags = {outline.language: language.vocabulary.get("spelling")}
    other = next((lang for lang in languages.shipped() if lang.locale == language.other_locale),
                 None)
    if other is not None:
        tags[other.code] = other.vocabulary.get("spelling")
    if not tags[outline.language]:
        return   # a language without a dictionary named: nothing to check against
    own, found = outline_words(outline)
    yield from found
    known = field_words() | own
    seen: dict[tuple[str, str], list] = {}   # (tag, word) -> [first place, count]
    verdicts: dict[tuple[str, str], bool] = {}
    missing: set[str] = set()
    publication = outline.data.get("publication") or {}
    texts = [(p.path, p.text) for p in outline.pieces
             if p.role not in ("organization", "person")]
    texts += [(("publication", key), publication[key]) for key in OTHER_LANGUAGE[1:]
              if isinstance(publication.get(key), str)]
    for path, text in texts:
        code = other.code if other and path[:1] == ("publication",) \
            and path[1] in OTHER_LANGUAGE else outline.language
        tag = tags.get(code)
        if not tag:
            continue
        if tag in missing:
            continue
        try:
            checker = dictionary(tag)
        except Missing as error:
            missing.add(tag)
            yield Finding(("publication", "language"), f"spelling not checked: {error}")
            continue
        for word, offset in _not_in_dictionary(text, tag, checker):
            key = (tag, word)
            if key not in verdicts:
                verdicts[key] = _correct(word, known, checker)
            if verdicts[key]:
                continue
            if key in seen:
                seen[key][1] += 1
            else:
                seen[key] = [(path, offset), 0]
    for number, ((tag, word), ((path, offset), more)) in enumerate(seen.items()):
        hint = ""
        if number < MAX_SUGGESTED:
            suggestions = _suggestions(word, tag)
            if suggestions:
                hint = f"; did you mean {_either(suggestions)}?"
        again = f" (and {more} more time{'s' if more > 1 else ''})" if more else ""
        yield Finding(path, f"'{word}' is not in the {tag.replace('_', '-')} dictionary"
                      f"{hint}{again}", word, offset)


@lru_cache(maxsize=10_000)
def _suggestions(word: str, tag: str) -> list[str]:
    """suggest() against the dictionary and the field's words, kept for the next save."""
    return suggest(word, dictionary(tag), field_words())


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ACCENTED = {"a": "àâæ", "c": "ç", "e": "éèêë", "i": "îï", "o": "ôœ", "u": "ùûü", "y": "ÿ"}


def suggest(word: str, checker, known=frozenset(), most: int = 3) -> list[str]:
    """Up to `most` words one edit away that the dictionary or the field's words hold:
    first a letter doubled or undoubled and an accent added or changed, then two
    letters swapped or a letter removed, then a letter replaced or added; those that
    keep the first letter first. Only when none is a word, the word split with a
    hyphen (well-being) or a space.
    Hunspell's own suggest() takes 60 to 200 ms a word (an n-gram search of the whole
    dictionary); these edits take a few ms."""
    if len(word) > 30:
        return []
    ranked: dict[str, tuple] = {}

    def offer(candidate: str, kind: int) -> None:
        if candidate == word or (candidate in ranked and ranked[candidate][1] <= kind):
            return
        if kind >= 3:   # a split: each part a word of three letters or more
            parts = candidate.replace("-", " ").split()
            ok = all(len(p) > 2 and checker.check(p) for p in parts)
        else:
            ok = _correct(candidate, known, checker)
        if ok:
            ranked[candidate] = (candidate[:1].lower() != word[:1].lower(), kind)

    def cased(letter: str, like: str) -> str:
        return letter.upper() if like.isupper() else letter

    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            doubled = i > 0 and word[i - 1] == tail[0]
            offer(head + tail[1:], 0 if doubled else 1)                   # a letter removed
            base = _base(tail[0].lower())
            for letter in _LETTERS + _ACCENTED.get(base, ""):
                if letter != tail[0].lower():
                    same = _base(letter) == base
                    offer(head + cased(letter, tail[0]) + tail[1:], 0 if same else 2)
        if len(tail) > 1:
            offer(head + tail[1] + tail[0] + tail[2:], 1)                 # two swapped
        if i > 0 and tail:
            offer(head + "-" + tail, 3)                                   # split in two
            offer(head + " " + tail, 4)
        for letter in _LETTERS:                                           # one added
            near = (i > 0 and letter == word[i - 1].lower()) or \
                (bool(tail) and letter == tail[0].lower())
            offer(head + (cased(letter, tail[0]) if i == 0 and tail else letter) + tail,
                  0 if near else 2)
    if any(kind < 3 for _, kind in ranked.values()):   # a split only when nothing else
        ranked = {c: rank for c, rank in ranked.items() if rank[1] < 3}
    return sorted(ranked, key=lambda c: (ranked[c], c))[:most]


def _base(letter: str) -> str:
    """The letter without its accent: é -> e."""
    return unicodedata.normalize("NFD", letter)[0]


def _either(words: list[str]) -> str:
    quoted = [f"'{w}'" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
