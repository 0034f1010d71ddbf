"""`rtdraft compare`: are an English and a French outline twins of one summary?

Twins have the same sessions (kinds, in order), footnotes, appendices (kinds
and number of entries) and dates; catalogue numbers that differ only in their
E/F letter; different ISBNs; and each one's other-language title is the
other's title. Problems are reported in the file where the difference shows.
"""

from __future__ import annotations

import re

from .. import languages
from ..languages.dates import written_dates
from ..languages.labels import appendix_letter
from ..outline.source import Source
from ..problems import Problem


def _letter() -> re.Pattern:
    """A catalogue number's language letter (E, F: one per language)."""
    letters = languages.catalogue_letters()
    return re.compile(rf"(?<=\d)([{letters}])(?=(?:-[A-Z]+)?$)")


def compare(first: Source, second: Source) -> list[Problem]:
    """Twin problems of two validated outlines (validate normalised their data)."""
    out: list[Problem] = []
    a, b = first.data, second.data

    def report(source: Source, path: tuple, message: str, rule: str, key: bool = False):
        line, column = source.position(path, key=key)
        out.append(Problem(source.file, line, column, "error", path, message, rule))

    lang_a, lang_b = _language(a), _language(b)
    if lang_a == lang_b:
        report(second, ("publication", "language"), f"both editions are in '{lang_a}'; twins "
               "are one English and one French", "twin-language")
    _sessions(first, second, report)
    _footnotes(first, second, report)
    _appendices(first, second, report)
    _dates(first, second, report)
    _catalogue(first, second, report)
    _isbn(first, second, report)
    for this, other in ((first, second), (second, first)):
        title = this.data["publication"].get("other_language_title")
        if title and title != other.data["meeting"]["title"]:
            report(this, ("publication", "other_language_title"), f"other_language_title "
                   f"'{title}' is not the title of {other.file}: "
                   f"'{other.data['meeting']['title']}'", "twin-title")
    return sorted(out)


def _language(data: dict) -> str:
    return data["publication"]["language"]


def _kinds(data: dict) -> list[str]:
    return [s["kind"] for s in data["sessions"]]


def _sessions(first: Source, second: Source, report) -> None:
    kinds_a, kinds_b = _kinds(first.data), _kinds(second.data)
    for index in range(max(len(kinds_a), len(kinds_b))):
        kind_a = kinds_a[index] if index < len(kinds_a) else None
        kind_b = kinds_b[index] if index < len(kinds_b) else None
        if kind_a == kind_b:
            continue
        if kind_b is None:
            report(second, ("sessions", len(kinds_b) - 1), f"{first.file} has {len(kinds_a)} "
                   f"sessions, this edition {len(kinds_b)}: session {index + 1} "
                   f"({kind_a}, '{first.data['sessions'][index]['title']}') is missing here",
                   "twin-sessions")
        elif kind_a is None:
            report(second, ("sessions", index), f"{first.file} has {len(kinds_a)} sessions, "
                   f"this edition {len(kinds_b)}: session {index + 1} is not in "
                   f"{first.file}", "twin-sessions")
        else:
            report(second, ("sessions", index, "kind"), f"session {index + 1} is of kind "
                   f"'{kind_b}' here but '{kind_a}' in {first.file}", "twin-sessions")
        return   # after the first difference, the rest are out of step


def _footnotes(first: Source, second: Source, report) -> None:
    count_a = len(first.data.get("footnotes") or {})
    count_b = len(second.data.get("footnotes") or {})
    if count_a != count_b:
        report(second, ("footnotes",), f"{count_b} footnotes here, {count_a} in {first.file}",
               "twin-footnotes", key=True)


def _content(appendix: dict) -> tuple[str, int]:
    for kind in ("agenda", "organizations", "body"):
        if appendix.get(kind):
            return kind, len(appendix[kind])
    return "body", 0


def _appendices(first: Source, second: Source, report) -> None:
    list_a = first.data.get("appendices") or []
    list_b = second.data.get("appendices") or []
    if len(list_a) != len(list_b):
        report(second, ("appendices",), f"{len(list_b)} appendices here, {len(list_a)} in "
               f"{first.file}", "twin-appendices", key=True)
    for index, (app_a, app_b) in enumerate(zip(list_a, list_b)):
        (kind_a, size_a), (kind_b, size_b) = _content(app_a), _content(app_b)
        letter = appendix_letter(index)
        if kind_a != kind_b:
            report(second, ("appendices", index), f"appendix {letter} is {kind_b} here but "
                   f"{kind_a} in {first.file}", "twin-appendices")
        elif size_a != size_b:
            report(second, ("appendices", index, kind_b), f"appendix {letter} has {size_b} "
                   f"entries here, {size_a} in {first.file}", "twin-appendices", key=True)


def _dates(first: Source, second: Source, report) -> None:
    dates_a, dates_b = written_dates(first.data), written_dates(second.data)
    if dates_a != dates_b:
        report(second, ("meeting", "dates"), f"meeting dates {', '.join(dates_b)} differ from "
               f"{first.file}'s {', '.join(dates_a)}", "twin-dates")
    for index, (s_a, s_b) in enumerate(zip(first.data["sessions"], second.data["sessions"])):
        if s_a.get("date") != s_b.get("date"):
            report(second, ("sessions", index, "date"), f"session {index + 1} is dated "
                   f"{s_b.get('date') or '(none)'} here, {s_a.get('date') or '(none)'} in "
                   f"{first.file}", "twin-dates")


def _catalogue(first: Source, second: Source, report) -> None:
    cat_a = first.data["publication"].get("catalogue_number")
    cat_b = second.data["publication"].get("catalogue_number")
    if bool(cat_a) != bool(cat_b):
        missing, other = (second, first) if cat_a else (first, second)
        report(missing, ("publication",), f"no catalogue_number here, but {other.file} has "
               "one", "twin-catalogue")
    elif cat_a and _letter().sub("?", str(cat_a)) != _letter().sub("?", str(cat_b)):
        report(second, ("publication", "catalogue_number"), f"catalogue number {cat_b} should "
               f"differ from {first.file}'s {cat_a} only in its E/F letter", "twin-catalogue")


def _isbn(first: Source, second: Source, report) -> None:
    isbn_a = first.data["publication"].get("isbn")
    isbn_b = second.data["publication"].get("isbn")
    digits = [re.sub(r"\D", "", str(i)) if i else None for i in (isbn_a, isbn_b)]
    if digits[0] and digits[0] == digits[1]:
        report(second, ("publication", "isbn"), f"ISBN {isbn_b} is also {first.file}'s; each "
               "edition has its own", "twin-isbn")
