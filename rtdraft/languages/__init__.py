"""A language as one object: its words, date grammar, typography, catalogue letter and
the vocabularies lint reads.

Each shipped language is one module of this package (en.py, fr.py) holding
LANGUAGE; a third language, or a regional variant, is one more module. Nothing
outside this package asks "is it French?": it asks the language.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any


def _as_is(text: str) -> str:
    return text


@dataclass(frozen=True)
class Language:
    code: str                           # the outline's publication.language: en, fr
    name: str                           # in English, for messages: English, French
    locale: str                         # the documents' language tag: en-CA
    other_locale: str                   # the other-language notice's tag: fr-CA
    labels: Mapping[str, str]           # every fixed word of a summary (labels.py's keys)
    catalogue_letter: str               # the E or F of a catalogue number
    # Date grammar: one day, and the days of a meeting (given as days), with the
    # language's month names and word for 'and'.
    one_date: Callable[[date, list[str]], str]
    days: Callable[[list[date], list[str], str], str]
    typography: Callable[[str], str] = _as_is    # applied to every word the summary prints
    # What lint reads, by name (stigma, spellings, number_words, latin, small_words, ...);
    # a rule whose vocabulary a language lacks does not run on its outlines.
    vocabulary: Mapping[str, Any] = field(default_factory=dict)

    @property
    def months(self) -> list[str]:
        return self.labels["months"].split()


_REGISTERED: dict[str, Language] = {}


def register(language: Language) -> None:
    """Add a language that is not a module of this package (tests do)."""
    _REGISTERED[language.code] = language
    codes.cache_clear()


def unregister(code: str) -> None:
    _REGISTERED.pop(code, None)
    codes.cache_clear()


# Modules every language uses, not languages: the discovery below passes them over.
TOOLS = frozenset({"dates", "dates_back", "labels", "typography"})


@cache
def _shipped() -> dict[str, Language]:
    out = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name in TOOLS:
            continue
        language = importlib.import_module(f"{__name__}.{info.name}").LANGUAGE
        out[language.code] = language
    return out


@cache
def codes() -> tuple[str, ...]:
    """Every language an outline may be in: en, fr (shipped first), then registered ones."""
    return tuple(dict.fromkeys([*_shipped(), *_REGISTERED]))


def get(code: str) -> Language:
    return _REGISTERED.get(code) or _shipped()[code]


def shipped() -> list[Language]:
    return list(_shipped().values())


def catalogue_letters() -> str:
    """The letters a catalogue number may end its language with, one per language: EF."""
    return "".join(sorted({get(code).catalogue_letter for code in codes()}))


def join_words(parts: list[str], word: str) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {word} {parts[-1]}"
