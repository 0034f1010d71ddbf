"""Names spelled one way: persons and organizations across the whole outline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..languages.typography import folded
from . import Finding, Outline, rule
from .text import words

# The last word of an organization's name that says what kind it is; the same
# name with another such word is the same organization named two ways.
KIND_WORDS = {"Service", "Services", "Department", "Force", "Agency", "Association",
              "Board", "Commission", "Bureau", "Office", "Unit", "Team"}


_KIND = re.compile(r"(?:" + "|".join(sorted(KIND_WORDS, key=len, reverse=True)) + r")\b")
_AMPERSAND = re.compile(r"\s*&\s*")
_SEPARATORS = re.compile(r"[\s\-’'.]+")
_TRAILING = re.compile(r"[\W_]+$")


@lru_cache(maxsize=65536)   # the same words come back all through a summary
def squeeze(text: str) -> str:
    """A name with case, accents, spaces, hyphens, apostrophes and '&'/'and' folded away."""
    text = folded(text)
    return _SEPARATORS.sub("", _AMPERSAND.sub(" and ", text))


@lru_cache(maxsize=65536)
def _plural_folded(text: str) -> str:
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in text.split())


def _known(outline: Outline) -> list[tuple[str, str, tuple]]:
    """(name, role, path) of every person and organization given as such."""
    return [(p.text, p.role, p.path) for p in outline.pieces
            if p.role in ("person", "organization")]


@rule("name-variant")
def variants(outline: Outline) -> Iterator[Finding]:
    """One person or organization spelled two ways.

    Compares the names given as names (speakers, presenters, appendix entries)
    with every other mention: spacing, hyphen, case, accent, '&'/'and' and
    plural variants of a name, and an organization named with another kind
    word (Service/Department) in the text than in the lists.

    Bad:  speakers: [{name: Trevor Bhupsingh}] ... remarks from Trevor Bhup Singh
    Good: speakers: [{name: Trevor Bhupsingh}] ... remarks from Trevor Bhupsingh
    """
    known = _known(outline)
    forms: dict[str, str] = {}     # squeezed -> the form given in a list
    for name, role, _path in known:
        forms.setdefault(squeeze(name), name)
        for part in _parts(name):
            forms.setdefault(squeeze(part), part)
    plural: dict[str, str] = {squeeze(_plural_folded(f)): f for f in forms.values()
                              if len(f.split()) > 1}
    exact = set(forms.values())
    # Cheap tests first: a mention starts with a capital and as some name starts.
    keys = list(forms) + list(plural)
    starts = {key[:n] for key in keys for n in range(1, 5)}
    longest = max((len(f.split()) for f in forms.values()), default=0) + 2
    reported = set()
    for piece in outline.pieces:
        tokens = words(piece.text)
        for i, (first, start) in enumerate(tokens):
            if not first[0].isupper() or squeeze(first)[:4] not in starts:
                continue
            for last, last_start in tokens[i:i + longest]:
                literal = piece.text[start:last_start + len(last)]
                size = literal.count(" ") + 1
                if literal in exact:
                    continue
                key = squeeze(literal)
                given = forms.get(key)
                if not given and size > 1 and plural:
                    given = plural.get(squeeze(_plural_folded(literal)))
                if not given or (given, literal) in reported or \
                        _TRAILING.sub("", given) == literal:   # a closing » or ) aside
                    continue
                if squeeze(given) == key and given.lower() == literal.lower() and \
                        piece.role != "person" and len(given.split()) < 2:
                    continue   # a one-word case difference is ordinary capitalization
                reported.add((given, literal))
                yield Finding(piece.path, f"'{literal}' is spelled '{given}' elsewhere in "
                              "the outline", literal, start)
    yield from _kind_words(outline, known)


def _parts(name: str) -> list[str]:
    """Hyphenated or multi-word parts of a name that may be written apart: Saginaw-Chippewa."""
    return [w for w, _ in words(name) if "-" in w and w[0].isupper()]


def _kind_words(outline: Outline, known) -> Iterator[Finding]:
    organizations = {name for name, role, _ in known if role == "organization"}
    stems: dict[str, list[str]] = {}   # 'Winnipeg Police' -> ['Winnipeg Police Service']
    for name in organizations:
        parts = name.split()
        if len(parts) >= 3 and parts[-1] in KIND_WORDS:
            stems.setdefault(" ".join(parts[:-1]), []).append(name)
    if not stems:
        return
    lengths = sorted({len(stem) for stem in stems})
    # Each kind word once, and the stems that end just before it (a pattern for each
    # organization, run over every text, made many organizations quadratic).
    for piece in outline.pieces:
        text = piece.text
        for m in _KIND.finditer(text):
            if m.start() == 0 or text[m.start() - 1] != " ":
                continue
            for size in lengths:
                start = m.start() - 1 - size
                stem = text[start:m.start() - 1] if start >= 0 else None
                for name in stems.get(stem, ()):
                    other = text[start:m.end()]
                    if other != name and other not in organizations and \
                            _plural_folded(other) != _plural_folded(name):
                        yield Finding(piece.path, f"'{other}' is named '{name}' elsewhere in "
                                      "the outline", other, start)
