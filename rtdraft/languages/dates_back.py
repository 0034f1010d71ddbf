"""Printed dates read back: the candidates a text can stand for, each rendered again with
the renderer's own date grammar, and the one that prints the same words kept."""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import dates

_TOKEN = re.compile(r"\d+(?:er)?|[^\W\d_]+", re.UNICODE)


def _tokens(text: str, labels: dict):
    names = [m.lower() for m in dates.months(labels)]
    for word in _TOKEN.findall(text):
        low = word.lower()
        if low in names:
            yield "month", names.index(low) + 1
        elif low.rstrip("er").isdigit():
            number = int(low.rstrip("er"))
            yield ("year", number) if len(low.rstrip("er")) == 4 else ("day", number)


def meeting(text: str, language: str, labels: dict) -> list[str] | None:
    """The meeting's dates (YYYY-MM-DD or YYYY-MM) the cover's dates line stands for."""
    for candidate in _candidates(text, labels):
        days = [dates.parse_date(d) for d in candidate]
        if None in days:
            continue
        month_only = all(len(d) == 7 for d in candidate)
        try:
            shown = dates.meeting_dates(days, month_only, language, labels)
        except (IndexError, ValueError):
            continue
        if _same(shown, text):
            return candidate
    return None


def one(text: str, language: str, labels: dict) -> str | None:
    """The YYYY-MM-DD a date printed alone (an agenda's day heading) stands for."""
    for candidate in _candidates(text, labels):
        if len(candidate) == 1 and len(candidate[0]) == 10:
            day = dates.parse_date(candidate[0])
            if day and _same(dates.one_date(day, language, labels), text):
                return candidate[0]
    return None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _candidates(text: str, labels: dict):
    tokens = list(_tokens(text, labels))
    # days with their month (before or after them) and year (after them)
    found: list[list[int]] = []     # [year, month, day]
    pending: list[list[int]] = []
    month = 0
    months_only: list[list[int]] = []
    for kind, value in tokens:
        if kind == "month":
            month = value
            for item in pending:
                if not item[1]:
                    item[1] = value
            if not any(k == "day" for k, _ in tokens):
                months_only.append([0, value])
        elif kind == "day":
            entry = [0, 0, value]
            found.append(entry)
            pending.append(entry)
            if month and not _day_first(tokens):
                entry[1] = month
        else:
            for item in found + months_only:
                if not item[0]:
                    item[0] = value
            pending = []
    listed = [_iso(*f) for f in found if all(f) and _valid(*f)]
    if months_only and all(m[0] for m in months_only):
        yield [f"{y:04d}-{m:02d}" for y, m in months_only]
    if listed and len(listed) == len(found):
        yield listed
        first, last = dates.parse_date(listed[0]), dates.parse_date(listed[-1])
        if first and last and first < last and (last - first).days < 400:
            span = [(first + timedelta(days=n)).isoformat()
                    for n in range((last - first).days + 1)]
            yield span


def _day_first(tokens: list) -> bool:
    kinds = [k for k, _ in tokens]
    return "day" in kinds and "month" in kinds and kinds.index("day") < kinds.index("month")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"
