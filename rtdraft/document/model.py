"""The document model: what a summary says, in reading order, with every derived word.

Built once from a valid outline; every renderer walks the same Document, so
the layout rules of house-style.md (order, heading levels, labels, copyright
line, footnote numbers) live here and nowhere else. Nothing here imports a
renderer's library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from .. import languages
from ..languages import dates
from ..languages import labels as label_table
from ..languages.dates import meeting_days, parse_date
from ..languages.labels import appendix_letter, fill, labels_for
from . import inline
from .inline import Inline

KING_FROM = date(2022, 9, 8)    # the Crown's title changed on the accession of Charles III


@dataclass(frozen=True)
class Origin:
    """Where a text of the document comes from: its path in the outline, the text as the
    outline writes it, what it is, and its line and column in the file (0: not known).

    The builder meets the outline's texts in the order a reader of the summary does;
    Document.texts keeps them in that order, for lint.
    """

    path: tuple
    text: str
    role: str       # heading, prose, person, organization, field
    line: int = 0
    column: int = 0


# A block's origin is not part of what it is: equal blocks from two places are equal.

@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str             # bookmark name the table of contents links to
    origin: Origin | None = field(default=None, compare=False, repr=False)
    new_page: bool = False  # an appendix starts on a new page
    session: bool = False   # a session's heading (the DOCX's Session Heading style)


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    origin: Origin | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Note:
    """A line of derived text under a heading, e.g. 'Presenters: ...'."""

    text: str


@dataclass(frozen=True)
class Item:
    inlines: tuple[Inline, ...]
    sublist: ListBlock | None = None
    origin: Origin | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ListBlock:
    numbered: bool
    items: tuple[Item, ...]
    outcomes: bool = False  # the key outcomes (the DOCX's Outcome style)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | Note | ListBlock | Table


@dataclass(frozen=True)
class Cover:
    tagline: str | None
    department: str
    title: str
    subtitle: str
    when: str
    where: str | None
    hosted: str = ""            # 'Hosted by X with support from Y', when not the department


@dataclass(frozen=True)
class Footnote:
    id: str
    number: int
    inlines: tuple[Inline, ...]
    origin: Origin | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Document:
    language: str                       # the outline's language code: en, fr
    locale: str                         # its language tag: en-CA, fr-CA
    other_locale: str                   # the other official language's tag: fr-CA, en-CA
    title: str
    subtitle: str
    author: str
    keywords: tuple[str, ...]
    published: datetime                 # document timestamps: reproducible, never the clock
    date_text: str                      # the publication date as printed: a day, month or year
    draft: bool
    labels: dict = field(hash=False, compare=False)
    cover: Cover | None = None
    front: tuple[str, ...] = ()         # the copyright page, line by line
    other_notice: str = ""              # the line of `front` in the other language, if any
    toc: bool = False
    body: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    texts: tuple[Origin, ...] = field(default=(), compare=False, repr=False)
    # a department's own signature (publication.signature, from the outline's folder)
    signature_file: Path | None = None

    def footnote_number(self, note_id: str) -> int:
        return next(f.number for f in self.footnotes if f.id == note_id)

    @property
    def headings(self) -> list[Heading]:
        return [b for b in self.body if isinstance(b, Heading)]


def build(data: dict, today: date | None = None, places: Mapping | None = None,
          folder: Path | None = None) -> Document:
    """The Document for a valid outline's normalised data, as validate returns it: every
    default filled in once, there (`places`: Source.places, for the line and column of
    each text; `folder`: the outline's, where publication.signature is found, else the
    working directory)."""
    builder = _Builder(data, today or date.today(), places or {})
    document = builder.document()
    signature = data["publication"].get("signature")
    if signature:
        document = replace(document, signature_file=(folder or Path()) / signature)
    return _typeset(document, builder.lang.typography)


def _typeset(doc: Document, ts) -> Document:
    """The language's typography on every word the document prints (the copyright page has
    it already: its other-language notice is in the other language)."""
    def nodes(inlines: tuple) -> tuple:
        return inline.typeset(inlines, ts)

    def items(block: ListBlock) -> ListBlock:
        return replace(block, items=tuple(
            replace(i, inlines=nodes(i.inlines), sublist=items(i.sublist) if i.sublist else None)
            for i in block.items))

    def block(b: Block) -> Block:
        if isinstance(b, Heading):
            return replace(b, text=ts(b.text))
        if isinstance(b, Paragraph):
            return replace(b, inlines=nodes(b.inlines))
        if isinstance(b, Note):
            return replace(b, text=ts(b.text))
        if isinstance(b, ListBlock):
            return items(b)
        return Table(tuple(map(ts, b.header)), tuple(tuple(map(ts, r)) for r in b.rows))

    cover = doc.cover
    return replace(
        doc, title=ts(doc.title), subtitle=ts(doc.subtitle),
        cover=replace(cover, **{k: ts(v) for k in ("tagline", "title", "subtitle", "when",
                                                   "where", "department", "hosted")
                                if (v := getattr(cover, k))}),
        body=tuple(map(block, doc.body)),
        footnotes=tuple(replace(f, inlines=nodes(f.inlines)) for f in doc.footnotes))


def session_label(kind: str, group: dict, labels: dict) -> str:
    """The label of a kind's sessions, {n} still in it: 'Plenary Session {n}' (lint names
    the term a group's sessions are labelled with)."""
    return label_table.session_label(labels, kind, "{n}", (group or {}).get("label"))


def hosted_line(meeting: dict, department: str, labels: dict) -> str:
    """Who hosted the meeting and who supported it, when not the publishing department:
    'Hosted by X with support from Y', 'Hosted by X', 'With support from Y'; else ''."""
    host, supporter = meeting.get("host"), meeting.get("supported_by")
    if host and host != department:
        if supporter and supporter != host:
            return fill(labels["hosted_with_support"], host=host, supporter=supporter)
        return fill(labels["hosted_by"], host=host)
    if supporter and supporter != department:
        return fill(labels["with_support"], supporter=supporter)
    return ""


class _Builder:
    def __init__(self, data: dict, today: date, places: Mapping):
        self.data = data
        self.publication = data["publication"]
        self.language = self.publication["language"]
        self.lang = languages.get(self.language)
        self.labels = labels_for(self.language, data.get("labels"))
        self.today = today
        self.places = places
        self.texts: list[Origin] = []
        self.body: list[Block] = []
        self.anchors = 0

    def met(self, path: tuple, text: Any, role: str) -> Origin | None:
        """Note a text of the outline, as the reader meets it; None for absent ones."""
        if not isinstance(text, str):
            return None
        place = self.places.get(path)
        origin = Origin(path, text, role, *((place.line, place.column) if place else ()))
        self.texts.append(origin)
        return origin

    def fields(self, path: tuple, mapping: dict, roles: dict) -> None:
        for key, role in roles.items():
            self.met(path + (key,), mapping.get(key), role)

    # -- the whole document --------------------------------------------------------

    def document(self) -> Document:
        meeting, pub, labels = self.data["meeting"], self.publication, self.labels
        published = self.published()
        subtitle = pub.get("subtitle") or labels["subtitle"]
        self.fields(("publication",), pub, {"tagline": "field"})
        self.fields(("meeting",), meeting, {"title": "heading", "host": "organization",
                                            "supported_by": "organization",
                                            "location": "field"})
        self.fields(("publication",), pub, {
            "department": "organization", "subtitle": "heading", "minister": "field",
            "other_language_title": "field"})
        self.sections()
        return Document(
            language=self.language,
            locale=self.lang.locale,
            other_locale=self.lang.other_locale,
            title=meeting["title"],
            subtitle=subtitle,
            author=pub["department"],
            keywords=tuple(s["title"] for s in self.data["sessions"]),
            published=datetime(published.year, published.month, published.day,
                               tzinfo=UTC),
            date_text=self.date_text(published),
            draft=pub["status"] == "draft",
            labels=labels,
            cover=self.cover(subtitle),
            front=self.front(published),
            other_notice=self.other_notice(),
            toc=bool(pub.get("toc")),
            body=tuple(self.body),
            footnotes=self.footnotes(),
            texts=tuple(self.texts),
        )

    def published(self) -> date:
        raw = self.publication.get("date")
        if raw is None:
            return self.today
        if isinstance(raw, int) or len(str(raw)) == 4:
            return date(int(raw), 1, 1)
        return parse_date(raw)

    def date_text(self, published: date) -> str:
        raw = str(self.publication.get("date") or published.isoformat())
        if len(raw) == 4:
            return raw
        if len(raw) == 7:
            return dates.meeting_dates([published], True, self.language, self.labels)
        return dates.one_date(published, self.language, self.labels)

    def cover(self, subtitle: str) -> Cover:
        meeting, pub, labels = self.data["meeting"], self.publication, self.labels
        raw = dates.written_dates(self.data)
        if meeting_days(self.data):
            when = dates.meeting_dates(meeting_days(self.data), all(len(d) == 7 for d in raw),
                                       self.language, labels)
        else:   # a draft's [[YYYY-MM-DD]], shown as written until it is replaced
            when = ", ".join(map(str, raw))
        where = labels["virtual"] if meeting.get("virtual") else meeting.get("location")
        return Cover(pub.get("tagline"), pub["department"], meeting["title"], subtitle, when,
                     where, hosted_line(meeting, pub["department"], labels))

    def front(self, published: date) -> tuple[str, ...]:
        pub, labels = self.publication, self.labels
        crown = "copyright_king" if published >= KING_FROM else "copyright_queen"
        minister = pub.get("minister")
        lines = [fill(labels[crown if minister else crown + "_plain"],
                      minister=minister, year=published.year)]
        if pub.get("catalogue_number"):
            lines.append(fill(labels["catalogue_number"], value=pub["catalogue_number"]))
        if pub.get("isbn"):
            lines.append(fill(labels["isbn"], value=pub["isbn"]))
        # the notice is in the other language: left as is
        lines = [self.lang.typography(line) for line in lines]
        return tuple(lines + [self.other_notice()] if self.other_notice() else lines)

    def other_notice(self) -> str:
        """'Aussi disponible en français sous le titre : ...', when there is a title."""
        title = self.publication.get("other_language_title")
        return fill(self.labels["other_language"], title=title) if title else ""

    # -- the body, in reading order --------------------------------------------------

    def heading(self, level: int, text: str, origin: Origin | None = None,
                new_page: bool = False, session: bool = False) -> None:
        self.anchors += 1
        self.body.append(Heading(level, text, f"_Toc{self.anchors:06d}", origin, new_page,
                                 session))

    def titled(self, path: tuple, section: dict, label: str, level: int = 1) -> None:
        """A section's heading: its own title, or the language's word for it."""
        origin = self.met(path + ("title",), section.get("title"), "heading")
        self.heading(level, section.get("title") or self.labels[label], origin)

    def sections(self) -> None:
        data = self.data
        intro = data["introduction"]
        self.titled(("introduction",), intro, "introduction")
        self.blocks(intro["body"], 1, ("introduction", "body"))
        remarks = data.get("opening_remarks")
        if remarks:
            self.titled(("opening_remarks",), remarks, "opening_remarks")
            self.people(remarks.get("speakers"), "speakers", ("opening_remarks", "speakers"))
            self.blocks(remarks["body"], 1, ("opening_remarks", "body"))
        self.sessions()
        outcomes = data["outcomes"]
        self.titled(("outcomes",), outcomes, "outcomes")
        if outcomes.get("intro"):
            origin = self.met(("outcomes", "intro"), outcomes["intro"], "prose")
            self.body.append(Paragraph(prose(outcomes["intro"]), origin))
        items = list_block(outcomes["items"], False, ("outcomes", "items"), self.met)
        self.body.append(replace(items, outcomes=True))
        conclusion = data["conclusion"]
        self.titled(("conclusion",), conclusion, "conclusion")
        self.blocks(conclusion["body"], 1, ("conclusion", "body"))
        for index, appendix in enumerate(data.get("appendices") or []):
            self.appendix(appendix_letter(index), appendix, ("appendices", index))

    def person(self, path: tuple, person: Any) -> None:
        if isinstance(person, str):
            self.met(path, person, "organization")
            return
        self.fields(path, person, {"name": "person", "title": "field",
                                   "organization": "organization"})
        if person.get("on_behalf_of"):
            self.person(path + ("on_behalf_of",), person["on_behalf_of"])

    def people(self, people: list | None, label: str, path: tuple) -> None:
        """A 'Presenters: ...' (or 'Speakers: ...') line whenever the outline gives them:
        one rule an editor can predict, and what an import reads back (docs/outline.md)."""
        for index, person in enumerate(people or []):
            self.person(path + (index,), person)
        if not people:
            return
        described = [describe(p, self.labels) for p in people]
        if any("," in d for d in described):   # commas inside entries: semicolons between them
            joined = "; ".join(described)
        else:
            joined = dates.join_words(described, self.labels["and"])
        self.body.append(Note(fill(self.labels[label], names=joined)))

    def blocks(self, body: list, level: int, path: tuple) -> None:
        for index, block in enumerate(body or []):
            where = path + (index,)
            if isinstance(block, str):
                self.body.append(Paragraph(prose(block), self.met(where, block, "prose")))
            elif "subheading" in block:
                origin = self.met(where + ("subheading",), block["subheading"], "heading")
                self.heading(level + 1, block["subheading"], origin)
            else:
                kind = "numbered" if "numbered" in block else "bullets"
                self.body.append(list_block(block[kind], kind == "numbered", where + (kind,),
                                            self.met))

    def sessions(self) -> None:
        groups = self.data.get("session_groups") or {}
        sessions = self.data["sessions"]
        kinds = list(dict.fromkeys(s["kind"] for s in sessions))
        for kind in kinds:   # the summary groups sessions by kind, in order of first use
            group = groups.get(kind) or {}
            level = 1
            if group.get("heading"):
                origin = self.met(("session_groups", kind, "heading"), group["heading"],
                                  "heading")
                self.heading(1, group["heading"], origin)
                self.blocks(group.get("intro"), 1, ("session_groups", kind, "intro"))
                level = 2
            members = [(i, s) for i, s in enumerate(sessions) if s["kind"] == kind]
            for number, (index, session) in enumerate(members, start=1):
                path = ("sessions", index)
                label = label_table.session_label(self.labels, kind, number, group.get("label"))
                heading = fill(self.labels["session_heading"], label=label,
                               title=session["title"])
                self.heading(level, heading, self.met(path + ("title",), session["title"],
                                                      "heading"), session=True)
                self.people(session.get("presenters"), "presenters", path + ("presenters",))
                self.blocks(session["body"], level, path + ("body",))

    def appendix(self, letter: str, appendix: dict, path: tuple) -> None:
        origin = self.met(path + ("title",), appendix["title"], "heading")
        self.heading(1, fill(self.labels["appendix"], letter=letter, title=appendix["title"]),
                     origin, new_page=True)
        if appendix.get("organizations"):
            names = appendix["organizations"]
            items = tuple(Item((inline.Text(name),), None,
                               self.met(path + ("organizations", i), name, "organization"))
                          for i, name in enumerate(names))
            self.body.append(ListBlock(False, items))
        elif appendix.get("agenda"):
            self.agenda(appendix["agenda"], path + ("agenda",))
        else:
            self.blocks(appendix.get("body"), 1, path + ("body",))

    def agenda(self, items: list, path: tuple) -> None:
        labels = self.labels
        header = (labels["agenda_time"], labels["agenda_item"], labels["agenda_speakers"])
        by_date: dict[str | None, list] = {}
        for index, item in enumerate(items):
            self.met(path + (index, "title"), item["title"], "field")
            for j, person in enumerate(item.get("speakers") or []):
                self.person(path + (index, "speakers", j), person)
            by_date.setdefault(item.get("date"), []).append(item)
        for day, rows in by_date.items():
            if day:
                self.heading(2, dates.one_date(parse_date(day), self.language, labels))
            self.body.append(Table(header, tuple(
                (row.get("time") or "", row["title"],
                 "; ".join(describe(p, labels) for p in row.get("speakers") or []))
                for row in rows)))

    def footnotes(self) -> tuple[Footnote, ...]:
        notes = self.data.get("footnotes") or {}
        order: list[str] = []
        for block in self.body:
            for node in _inlines_of(block):
                if isinstance(node, inline.FootnoteRef) and node.id not in order:
                    order.append(node.id)
        return tuple(Footnote(note_id, number, prose(notes[note_id]),
                              self.met(("footnotes", note_id), notes[note_id], "prose"))
                     for number, note_id in enumerate(order, start=1))


def prose(text: str) -> tuple[Inline, ...]:
    """A paragraph's inline nodes; the line breaks of a literal block (|) are spaces,
    as in any paragraph."""
    return inline.parse(" ".join(text.split()))


def list_block(items: list, numbered: bool, path: tuple = (), met=None) -> ListBlock:
    """A list's blocks; `met(path, text, role)`, if given, is told of each item's text."""
    def note(where: tuple, text: str) -> Origin | None:
        return met(where, text, "prose") if met else None

    out = []
    for index, item in enumerate(items):
        if isinstance(item, str):
            out.append(Item(prose(item), None, note(path + (index,), item)))
        else:
            kind = "numbered" if "numbered" in item else "bullets"
            origin = note(path + (index, "text"), item["text"])
            out.append(Item(prose(item["text"]),
                            list_block(item[kind], kind == "numbered", path + (index, kind), met),
                            origin))
    return ListBlock(numbered, tuple(out))


def describe(person: Any, labels: dict) -> str:
    """'Name, Title, Organization, on behalf of Name, Title'; an organization as is."""
    if isinstance(person, str):
        return person
    parts = [person[k] for k in ("name", "title", "organization") if person.get(k)]
    text = ", ".join(parts)
    if person.get("on_behalf_of"):
        text += ", " + fill(labels["on_behalf_of"],
                             person=describe(person["on_behalf_of"], labels))
    return text


def _items(block: ListBlock):
    for item in block.items:
        yield item
        if item.sublist:
            yield from _items(item.sublist)


def _walk(nodes):
    for node in nodes:
        yield node
        if hasattr(node, "children"):
            yield from _walk(node.children)


def _inlines_of(block: Block):
    """Every inline node of a block, in reading order."""
    if isinstance(block, Paragraph):
        yield from _walk(block.inlines)
    elif isinstance(block, ListBlock):
        for item in _items(block):
            yield from _walk(item.inlines)
