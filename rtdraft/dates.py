"""Meeting dates as a reader expects them, in English and French.

    2019-03-29                 March 29, 2019            le 29 mars 2019
    2019-10-08, 2019-10-09     October 8 and 9, 2019     les 8 et 9 octobre 2019
    2019-10-08 .. 2019-10-10   October 8 to 10, 2019     du 8 au 10 octobre 2019
    2021-09, 2021-10           September and October 2021  septembre et octobre 2021
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def months(labels: dict) -> list[str]:
    return labels["months"].split()


def _day(d: date, language: str) -> str:
    return "1er" if language == "fr" and d.day == 1 else str(d.day)


def join_words(parts: list[str], word: str) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {word} {parts[-1]}"


def one_date(d: date, language: str, labels: dict) -> str:
    month = months(labels)[d.month - 1]
    if language == "fr":
        return f"{_day(d, language)} {month} {d.year}"
    return f"{month} {d.day}, {d.year}"


def meeting_dates(days: list[date], month_only: bool, language: str, labels: dict) -> str:
    """The dates line: every day of the meeting, or its months when only those are known."""
    names, word = months(labels), labels["and"]
    if month_only:
        by_year: dict[int, list[str]] = {}
        for d in days:
            by_year.setdefault(d.year, []).append(names[d.month - 1])
        return join_words([f"{join_words(m, word)} {y}" for y, m in by_year.items()], word)
    if len(days) == 1:
        prefix = "le " if language == "fr" else ""
        return prefix + one_date(days[0], language, labels)
    consecutive = all(b - a == timedelta(days=1) for a, b in pairwise(days))
    first, last = days[0], days[-1]
    same_month = all((d.year, d.month) == (first.year, first.month) for d in days)
    if language == "fr":
        if consecutive and len(days) > 2:
            start = _day(first, language) if same_month else one_date(first, language, labels)
            return f"du {start} au {one_date(last, language, labels)}"
        if same_month:
            days_text = join_words([_day(d, language) for d in days], word)
            return f"les {days_text} {names[first.month - 1]} {first.year}"
        return "les " + join_words([one_date(d, language, labels) for d in days], word)
    if consecutive and len(days) > 2:
        if same_month:
            return f"{names[first.month - 1]} {first.day} to {last.day}, {last.year}"
        return f"{one_date(first, language, labels)} to {one_date(last, language, labels)}"
    if same_month:
        day_list = join_words([str(d.day) for d in days], word)
        return f"{names[first.month - 1]} {day_list}, {first.year}"
    if first.year == last.year:
        parts = [f"{names[d.month - 1]} {d.day}" for d in days]
        return f"{join_words(parts, word)}, {first.year}"
    return join_words([one_date(d, language, labels) for d in days], word)


def parse_date(value: Any) -> date | None:
    """A YYYY-MM-DD or YYYY-MM string as a date (the first of the month), else None."""
    m = _ISO.match(value) if isinstance(value, str) else None
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3] or 1))
    except ValueError:
        return None


def written_dates(data: dict) -> list:
    """meeting.dates as written, always a list: the outline gives one date or a list."""
    meeting = data.get("meeting") if isinstance(data.get("meeting"), dict) else {}
    raw = meeting.get("dates")
    return raw if isinstance(raw, list) else [raw]


def meeting_days(data: dict) -> list[date]:
    """The meeting's dates in an outline's data, as dates (the unreadable ones left out)."""
    return [d for d in map(parse_date, written_dates(data)) if d]
