"""Every fixed word of a rendered summary, one table per language (kept by each language
module: rtdraft/languages/en.py, fr.py).

An outline may replace any entry with its `labels:` mapping. Entries with
{placeholders} are filled in by the renderers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import languages

# The shipped languages' tables, by language code (the objects of languages/, not copies).
LABELS: dict[str, dict[str, str]] = {lang.code: lang.labels for lang in languages.shipped()}

# The placeholders each label may use; an override using others is an error.
PLACEHOLDERS: dict[str, set[str]] = {
    key: {part.split("}")[0] for part in value.split("{")[1:]}
    for key, value in LABELS["en"].items()
}


class LabelError(ValueError):
    """A label the formatter cannot fill; `offset` is where in the label the fault is."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


_NAME = re.compile(r"[A-Za-z_]\w*")


def _pieces(template: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, text, is_field) for each piece of a label: {{ and }} are braces, {name} a
    field. Only a bare name is a field: str.format's format specs and conversions
    ({n:>{title}}, {n!r}, {n.attr}) would let an outline choose its own output size or reach
    into objects, so every other braced text is refused (LabelError), as are lone braces."""
    at, literal = 0, []
    start = 0
    while at < len(template):
        char = template[at]
        if char in "{}" and template[at + 1:at + 2] == char:
            literal.append(char)
            at += 2
        elif char == "}":
            raise LabelError("unbalanced", at)
        elif char == "{":
            depth, end = 1, at + 1
            while end < len(template) and depth:   # the whole field, nested braces and all
                depth += {"{": 1, "}": -1}.get(template[end], 0)
                end += 1
            if depth:
                raise LabelError("unbalanced", at)
            if literal:
                yield start, "".join(literal), False
                literal = []
            yield at, template[at + 1:end - 1], True
            at = start = end
        else:
            literal.append(char)
            at += 1
    if literal:
        yield start, "".join(literal), False


def problem(template: str, allowed: set[str]) -> LabelError | None:
    """Why `fill` would refuse the label with these placeholders, or None. An unbalanced
    brace says "unbalanced"; a field that is not one of the names says the field, braced."""
    try:
        for offset, text, is_field in _pieces(template):
            if is_field and (text not in allowed or not _NAME.fullmatch(text)):
                return LabelError("{" + text + "}", offset)
    except LabelError as exc:
        return exc
    return None


# French elision in a label: "de {person}" before a vowel is "d'{person}" (au nom d'Ellen
# Burack). An h is left as "de": whether it is mute depends on the word (de Harper,
# d'Hélène), which the outline does not say; the editor may write a label of their own.
ELISION = re.compile(r"(?:^|(?<=\s))([Dd])e $")
_VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöùûüÿæœ]", re.IGNORECASE)


def fill(template: str, **values: object) -> str:
    """The label with its {placeholders} filled: the one formatter for every label (validate
    refuses, by `problem`, what this would refuse; the output is the label's text plus the
    values, so its size is linear)."""
    out = []
    for offset, text, is_field in _pieces(template):
        if not is_field:
            out.append(text)
        elif text in values and _NAME.fullmatch(text):
            value = str(values[text])
            if out and _VOWEL.match(value) and (de := ELISION.search(out[-1])):
                out[-1] = out[-1][:de.start()] + de[1] + "'"
            out.append(value)
        else:
            raise LabelError("{" + text + "}", offset)
    return "".join(out)


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


def session_template(kind: str, labels: dict[str, str], group_label: str | None = None) -> str:
    """The label of a kind's sessions, {kind} and {n} still in it: the group's own label,
    the kind's ('Plenary Session {n}'), or session_other ('{kind} {n}')."""
    if group_label:
        return group_label
    if kind in SESSION_KINDS:
        return labels[f"session_{kind}"]
    return labels["session_other"]


def session_label(labels: dict[str, str], kind: str, number: int | str,
                  group_label: str | None = None) -> str:
    """'Plenary Session 2', 'Round table 1', 'Breakout #3' ...: every template is filled
    with both {kind} and {n} (validation allows each only those), so none is left
    without its value."""
    return fill(session_template(kind, labels, group_label), kind=kind_name(kind), n=number)


def appendix_letter(index: int) -> str:
    """The letter of the index-th appendix (from 0): A ... Z, then AA, AB ... as Word does."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
