"""Printed dates read back: the candidates a text can stand for, each rendered again with
the renderer's own date grammar, and the one that prints the same words kept. A text the
renderer would not have printed, as reviewers rewrite dates in the forms editors and
Canada.ca use (March 29–30, 2021; 29 March 2021; Mar. 29th, 2021; du 29 au 30 mars 2021;
le 1er avril 2021), is read by `loose`, which takes only such words and no others."""

from __future__ import annotations

import re
import unicodedata
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
    return _exact(text, language, labels) or loose(text, labels) or iso(text)


_ISO_LINE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:\s*(?:to|au|et|and|,|\u2013|\u2014|/|(?<=\s)-)\s*"
                       r"(\d{4}-\d{2}-\d{2}))?\s*")


def iso(text: str) -> list[str] | None:
    """Days an editor typed as ISO dates: '2019-11-05', '2019-11-05 to 2019-11-07' (every
    day between them), '2019-11-05, 2019-11-07' is not a range but two days."""
    m = _ISO_LINE.fullmatch(text)
    if not m:
        return None
    days = [dates.parse_date(d) for d in m.groups() if d]
    if None in days or (len(days) == 2 and not 0 < (days[1] - days[0]).days < 400):
        return None
    if len(days) == 2 and re.search(r",|\b(?:et|and)\b", text):
        return [d.isoformat() for d in days]
    return [(days[0] + timedelta(days=n)).isoformat()
            for n in range((days[-1] - days[0]).days + 1)]


def _exact(text: str, language: str, labels: dict) -> list[str] | None:
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
    found = loose(text, labels) or iso(text)
    return found[0] if found and len(found) == 1 else None


# Words a dates line may hold besides days, months and years: ranges, lists, articles,
# weekdays (English and French, accents taken off).
_RANGE = {"to", "through", "until", "au", "-", "\u2013", "\u2014", "\u2012"}
_LIST = {"and", "et", ",", "&"}
_FILLER = {"from", "du", "le", "les", "de",
           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
           "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
_WORD = re.compile(r"(\d+)(?:st|nd|rd|th|er|re|e)?(?![\w])|([^\W\d_]+)\.?|([,&\u2012-\u2014-])"
                   r"|(\s+)", re.UNICODE)
MAX_WORDS = 40   # a dates line; longer text is no dates line


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower())
                   if not unicodedata.combining(c))


def _month_names(labels: dict) -> list[list[str]]:
    """For each month, the names that stand for it: the outline's and every language's."""
    from . import codes, get  # the package this module is part of
    tables = [dates.months(labels)] + [get(c).labels["months"].split() for c in codes()]
    return [[_plain(t[i]) for t in tables if len(t) == 12] for i in range(12)]


def _month(word: str, names: list[list[str]]) -> int | None:
    """The month a name or an abbreviation of at least three letters (Mar, Sept, janv,
    févr) stands for, when it stands for one only."""
    if len(word) < 3:
        return None
    found = {i + 1 for i, known in enumerate(names) for name in known
             if name == word or name.startswith(word)}
    return found.pop() if len(found) == 1 else None


def loose(text: str, labels: dict) -> list[str] | None:
    """The days (YYYY-MM-DD) of a dates line in a common form, or None when any word of it
    is not a day, a month, a year or one of the small words of a dates line."""
    names, tokens, at = _month_names(labels), [], 0
    while at < len(text):
        m = _WORD.match(text, at)
        if not m or len(tokens) > MAX_WORDS:
            return None
        at = m.end()
        number, word, mark = m.group(1), m.group(2), m.group(3)
        if number:
            tokens.append(("year" if len(number) == 4 else "day", int(number))
                          if len(number) in (1, 2, 4) else ("bad", 0))
        elif word or mark:
            plain = _plain(word or mark)
            month = _month(plain, names) if word else None
            tokens.append(("month", month) if month else ("range", 0) if plain in _RANGE
                          else ("list", 0) if plain in _LIST
                          else ("skip", 0) if plain in _FILLER else ("bad", 0))
    return _days(tokens)


def _days(tokens: list[tuple[str, int]]) -> list[str] | None:
    kinds = [k for k, _ in tokens]
    if "bad" in kinds or "day" not in kinds or "month" not in kinds or "year" not in kinds:
        return None
    day_first = kinds.index("day") < kinds.index("month")
    entries: list[list[int]] = []   # [year, month, day, after a range word]
    month, ranged = 0, False
    for kind, value in tokens:
        if kind == "day":
            entries.append([0, 0 if day_first else month, value, ranged])
            ranged = False
        elif kind == "month":
            month = value
            for entry in entries:
                if day_first and not entry[1]:
                    entry[1] = value
        elif kind == "year":
            for entry in entries:
                entry[0] = entry[0] or value
        elif kind == "range":
            ranged = bool(entries)
    if not entries or not all(e[0] and e[1] for e in entries):
        return None
    try:
        days = [date(y, m, d) for y, m, d, _ in entries]
    except ValueError:
        return None
    out: list[date] = []
    for (*_, ranged), day in zip(entries, days, strict=True):
        if out and day <= out[-1]:
            return None
        if ranged and out:
            if (day - out[-1]).days > 400:
                return None
            out += [out[-1] + timedelta(days=n) for n in range(1, (day - out[-1]).days)]
        out.append(day)
    return [d.isoformat() for d in out]


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
