"""Meeting dates as a reader expects them, in each language's grammar (languages/).

    2019-03-29                 March 29, 2019            29 mars 2019
    2019-10-08, 2019-10-09     October 8 and 9, 2019     8 et 9 octobre 2019
    2019-10-08 .. 2019-10-10   October 8 to 10, 2019     du 8 au 10 octobre 2019
    2021-09-22, 2021-10-13     September 22 and October 13, 2021
                                                         22 septembre et 13 octobre 2021
    2021-09, 2021-10           September and October 2021  septembre et octobre 2021

These are date lines (the cover's), so French takes no article; a sentence's "le 8
octobre 2019" is the editor's to write.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .. import languages
from . import join_words

_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def months(labels: dict) -> list[str]:
    return labels["months"].split()


def one_date(d: date, language: str, labels: dict) -> str:
    """One day, in the language's grammar (the outline's labels may rename the months)."""
    return languages.get(language).one_date(d, months(labels))


def meeting_dates(days: list[date], month_only: bool, language: str, labels: dict) -> str:
    """The dates line: every day of the meeting, or its months when only those are known."""
    names, word = months(labels), labels["and"]
    if month_only:
        by_year: dict[int, list[str]] = {}
        for d in days:
            by_year.setdefault(d.year, []).append(names[d.month - 1])
        return join_words([f"{join_words(m, word)} {y}" for y, m in by_year.items()], word)
    return languages.get(language).days(days, names, word)


def parse_date(value: Any) -> date | None:
    """A YYYY-MM-DD or YYYY-MM string as a date (the first of the month), else None."""
    m = _ISO.fullmatch(value) if isinstance(value, str) else None
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
