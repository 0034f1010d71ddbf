"""Every fixed word of a rendered summary, one table per language (kept by each language
module: rtdraft/languages/en.py, fr.py).

An outline may replace any entry with its `labels:` mapping. Entries with
{placeholders} are filled in by the renderers.
"""

from __future__ import annotations

from .. import languages

# The shipped languages' tables, by language code (the objects of languages/, not copies).
LABELS: dict[str, dict[str, str]] = {lang.code: lang.labels for lang in languages.shipped()}

# The placeholders each label may use; an override using others is an error.
PLACEHOLDERS: dict[str, set[str]] = {
    key: {part.split("}")[0] for part in value.split("{")[1:]}
    for key, value in LABELS["en"].items()
}


def labels_for(language: str, overrides: dict | None = None) -> dict[str, str]:
    table = dict(languages.get(language).labels)
    table.update(overrides or {})
    return table


def appendix_letter(index: int) -> str:
    """The letter of the index-th appendix (from 0): A ... Z, then AA, AB ... as Word does."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
