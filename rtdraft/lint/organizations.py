"""The organizations appendix: each organization once, in alphabetical order."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..languages.typography import folded
from . import Finding, Outline, rule


def sort_key(name: str) -> str:
    """Alphabetical order ignoring case, accents and a leading 'The'."""
    plain = re.sub(r"^the\s+", "", folded(name).strip())
    return re.sub(r"[^a-z0-9 ]+", " ", plain).strip()


def _lists(outline: Outline) -> Iterator[tuple[int, list]]:
    for index, appendix in enumerate(outline.data.get("appendices") or []):
        names = appendix.get("organizations")
        if names:
            yield index, names


@rule("duplicate-organization")
def duplicate(outline: Outline) -> Iterator[Finding]:
    """An organization listed twice in one appendix (case, accents and 'The' aside).

    Bad:  [Canada Post Corporation, Canadian Centre on Substance Use and
          Addiction, Canada Post Corporation]
    Good: [Canada Post Corporation, Canadian Centre on Substance Use and Addiction]
    """
    for index, names in _lists(outline):
        seen: dict[str, int] = {}
        for position, name in enumerate(names):
            key = sort_key(name)
            if key in seen:
                yield Finding(("appendices", index, "organizations", position),
                              f"'{name}' is already listed (item {seen[key] + 1}); remove one",
                              name)
            else:
                seen[key] = position


@rule("unsorted-organizations")
def unsorted(outline: Outline) -> Iterator[Finding]:
    """Organizations out of alphabetical order (ignoring case, accents and a leading 'The').

    The renderer prints the list in the order given; readers look names up
    alphabetically.

    Bad:  [Canadian Police Association, Calgary Police Service]
    Good: [Calgary Police Service, Canadian Police Association]
    """
    for index, names in _lists(outline):
        for position in range(1, len(names)):
            before, name = names[position - 1], names[position]
            if sort_key(name) < sort_key(before):
                yield Finding(("appendices", index, "organizations", position),
                              f"'{name}' should come before '{before}' (alphabetical order)",
                              name)
