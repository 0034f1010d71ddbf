"""Every text of an outline not yet known to be valid, with its path and role.

Validation walks the data through here: it must not trust the data's shape. Its
order is the file's (problems are sorted by line anyway). Once an outline is
valid, lint reads the texts from the model (Document.texts), in the order the
summary prints them; nothing else walks the raw data.
Roles: heading, prose (inline markup allowed), person, organization, field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    path: tuple
    text: str
    role: str       # heading, prose, person, organization, field


def reading_order(data: dict) -> Iterator[Piece]:
    """Every text of the outline with its path and role."""
    def get(mapping, key):
        value = mapping.get(key) if isinstance(mapping, dict) else None
        return value

    meeting, publication = data.get("meeting") or {}, data.get("publication") or {}
    yield from _fields(("publication",), publication, {"tagline": "field"})
    yield from _fields(("meeting",), meeting, {"title": "heading", "host": "organization",
                                               "supported_by": "organization",
                                               "location": "field"})
    yield from _fields(("publication",), publication, {
        "department": "organization", "subtitle": "heading", "minister": "field",
        "other_language_title": "field"})
    for key in ("introduction", "opening_remarks"):
        section = get(data, key) or {}
        yield from _fields((key,), section, {"title": "heading"})
        for i, person in enumerate(get(section, "speakers") or []):
            yield from _person((key, "speakers", i), person)
        yield from _blocks((key, "body"), get(section, "body"))
    groups = get(data, "session_groups")
    for kind, group in (groups.items() if isinstance(groups, dict) else ()):
        yield from _fields(("session_groups", kind), group, {"heading": "heading"})
        if isinstance(group, dict):
            yield from _blocks(("session_groups", kind, "intro"), group.get("intro"))
    for i, session in enumerate(get(data, "sessions") or []):
        yield from _fields(("sessions", i), session, {"title": "heading"})
        for j, person in enumerate(get(session, "presenters") or []):
            yield from _person(("sessions", i, "presenters", j), person)
        yield from _blocks(("sessions", i, "body"), get(session, "body"))
    outcomes = get(data, "outcomes") or {}
    yield from _fields(("outcomes",), outcomes, {"title": "heading", "intro": "prose"})
    yield from _items(("outcomes", "items"), get(outcomes, "items"))
    conclusion = get(data, "conclusion") or {}
    yield from _fields(("conclusion",), conclusion, {"title": "heading"})
    yield from _blocks(("conclusion", "body"), get(conclusion, "body"))
    for i, appendix in enumerate(get(data, "appendices") or []):
        yield from _fields(("appendices", i), appendix, {"title": "heading"})
        for j, name in enumerate(get(appendix, "organizations") or []):
            if isinstance(name, str):
                yield Piece(("appendices", i, "organizations", j), name, "organization")
        for j, item in enumerate(get(appendix, "agenda") or []):
            yield from _fields(("appendices", i, "agenda", j), item, {"title": "field"})
            for k, person in enumerate(get(item, "speakers") or []):
                yield from _person(("appendices", i, "agenda", j, "speakers", k), person)
        yield from _blocks(("appendices", i, "body"), get(appendix, "body"))
    for key, note in (get(data, "footnotes") or {}).items():
        if isinstance(note, str):
            yield Piece(("footnotes", key), note, "prose")


def _fields(path: tuple, mapping, roles: dict) -> Iterator[Piece]:
    if not isinstance(mapping, dict):
        return
    for key, role in roles.items():
        value = mapping.get(key)
        if isinstance(value, str):
            yield Piece(path + (key,), value, role)


def _person(path: tuple, person) -> Iterator[Piece]:
    if isinstance(person, str):
        yield Piece(path, person, "organization")
    elif isinstance(person, dict):
        yield from _fields(path, person, {"name": "person", "title": "field",
                                          "organization": "organization"})
        if isinstance(person.get("on_behalf_of"), dict):
            yield from _person(path + ("on_behalf_of",), person["on_behalf_of"])


def _blocks(path: tuple, body) -> Iterator[Piece]:
    for i, block in enumerate(body if isinstance(body, list) else []):
        if isinstance(block, str):
            yield Piece(path + (i,), block, "prose")
        elif isinstance(block, dict):
            if isinstance(block.get("subheading"), str):
                yield Piece(path + (i, "subheading"), block["subheading"], "heading")
            for kind in ("bullets", "numbered"):
                yield from _items(path + (i, kind), block.get(kind))


def _items(path: tuple, items) -> Iterator[Piece]:
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, str):
            yield Piece(path + (i,), item, "prose")
        elif isinstance(item, dict):
            if isinstance(item.get("text"), str):
                yield Piece(path + (i, "text"), item["text"], "prose")
            for kind in ("bullets", "numbered"):
                yield from _items(path + (i, kind), item.get(kind))
