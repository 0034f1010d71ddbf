"""Names spelled one way: persons and organizations across the whole outline."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from . import Finding, Outline, rule
from .text import words

# The last word of an organization's name that says what kind it is; the same
# name with another such word is the same organization named two ways.
KIND_WORDS = {"Service", "Services", "Department", "Force", "Agency", "Association",
              "Board", "Commission", "Bureau", "Office", "Unit", "Team"}


def squeeze(text: str) -> str:
    """A name with case, accents, spaces, hyphens, apostrophes and '&'/'and' folded away."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\s*&\s*", " and ", text)
    return re.sub(r"[\s\-’'.]+", "", text)


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
    exact = {form for form in forms.values()}
    reported = set()
    for piece in outline.pieces:
        tokens = words(piece.text)
        for size in range(1, 11):
            for i in range(len(tokens) - size + 1):
                _, start = tokens[i]
                last, last_start = tokens[i + size - 1]
                literal = piece.text[start:last_start + len(last)]
                if not literal[0].isupper() or literal in exact:
                    continue
                key = squeeze(literal)
                given = forms.get(key) or (plural.get(squeeze(_plural_folded(literal)))
                                           if size > 1 else None)
                if not given or (given, literal) in reported or \
                        re.sub(r"[\W_]+$", "", given) == literal:   # closing » or ) aside
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
    for name in organizations:
        parts = name.split()
        if len(parts) < 3 or parts[-1] not in KIND_WORDS:
            continue
        stem = " ".join(parts[:-1])
        pattern = re.compile(re.escape(stem) + r" (" + "|".join(KIND_WORDS) + r")\b")
        for piece in outline.pieces:
            for m in pattern.finditer(piece.text):
                other = m.group(0)
                if other != name and other not in organizations and \
                        _plural_folded(other) != _plural_folded(name):
                    yield Finding(piece.path, f"'{other}' is named '{name}' elsewhere in the "
                                  "outline", other, m.start())
