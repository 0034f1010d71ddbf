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


# The session kinds that have a label of their own (session_plenary ...). session_other is
# the pattern for every other kind and session_heading is not a kind: a session of kind
# 'other' or 'heading' is labelled by session_other like any kind without a label.
SESSION_KINDS: tuple[str, ...] = tuple(
    key[len("session_"):] for key in LABELS["en"]
    if key.startswith("session_") and key not in ("session_other", "session_heading"))


def kind_name(kind: str) -> str:
    """A kind as session_other prints it: 'round-table' is 'Round table'."""
    return kind.replace("-", " ").replace("_", " ").capitalize()


def session_label(labels: dict[str, str], kind: str, number: int,
                  group_label: str | None = None) -> str:
    """'Plenary Session 2', 'Round table 1', 'Breakout #3' ...: the group's own label,
    the kind's, or session_other. Every template is filled with both {kind} and {n}
    (validation allows each only those), so none is left without its value."""
    if group_label:
        template = group_label
    elif kind in SESSION_KINDS:
        template = labels[f"session_{kind}"]
    else:
        template = labels["session_other"]
    return template.format(kind=kind_name(kind), n=number)


def appendix_letter(index: int) -> str:
    """The letter of the index-th appendix (from 0): A ... Z, then AA, AB ... as Word does."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
