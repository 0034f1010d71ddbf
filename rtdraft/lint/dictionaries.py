"""Spelling dictionaries: Hunspell's, through Enchant (pyenchant), each loaded once per
process, and the field's words rtdraft ships (words/field.txt).

A dictionary is asked for by its Enchant tag (en_CA, fr_CA). The preview keeps its
process, so its re-renders after a save find the dictionaries already loaded.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# What to install when a dictionary is missing, by Enchant tag (Debian's packages).
PACKAGES = {"en_CA": "hunspell-en-ca", "fr_CA": "hunspell-fr"}


class Missing(Exception):
    """No Enchant library, or no dictionary for a language: the message says what to
    install."""


@cache
def dictionary(tag: str):
    """The Enchant dictionary for `tag`, loaded once; Missing when it cannot be had."""
    package = PACKAGES.get(tag, f"a Hunspell dictionary for {tag}")
    try:
        import enchant
    except ImportError as error:   # pyenchant finds no libenchant-2 on the machine
        raise Missing(f"the Enchant library is not installed (libenchant-2-2 and "
                      f"{package}): {error}") from None
    try:
        return enchant.Dict(tag)
    except enchant.errors.DictNotFoundError:
        raise Missing(f"no {tag} spelling dictionary is installed ({package})") from None


@cache
def field_words() -> frozenset[str]:
    """The words of the field that dictionaries lack (drugs, organizations, places,
    nations, names from the published summaries), one a line; # starts a comment."""
    text = resources.files(__package__).joinpath("words", "field.txt").read_text("utf-8")
    return frozenset(_lines(text))


def _lines(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def read_words_file(text: str) -> list[str]:
    """An outline's words file: one word a line, # comments, as the shipped list."""
    return _lines(text)
