"""The blocks of a read DOCX put back into an outline's data: the cover and copyright page
into meeting and publication, headings into sections and sessions (the label split from
the title by the language's own label patterns), lists, tables and footnotes.

Whatever cannot be placed is said in `unplaced`, and what an outline requires but the
document does not say gets a value that validates and a line in `unplaced`.
"""

from __future__ import annotations

import re
from datetime import date

from .. import languages
from ..document import inline
from ..languages import dates_back
from ..languages.labels import ELISION, SESSION_KINDS, appendix_letter, labels_for, session_label
from ..languages.typography import folded
from ..outline.schema import FOOTNOTE_ID, MAX_LIST_DEPTH, PLACEHOLDER, SLUG
from . import plain_draft
from .read import MARKS, Head, ListPara, Para, Parsed, Tab, quoted, untypeset

TODO = "TODO"


class Builder:
    def __init__(self, parsed: Parsed, language: str, core, overrides: dict | None = None):
        self.parsed = parsed
        self.language = language
        self.lang = languages.get(language)
        self.labels = labels_for(language, overrides)
        # Words are read back untypeset (read.py); labels are matched against the words
        # typeset again, as the document printed them, and what they capture untypeset.
        self.ts = self.lang.typography
        self.core = core
        self.unplaced = list(parsed.unplaced)
        self.data: dict = {"rtdraft": 1}
        self.footnote_ids: dict[str, str] = {}

    # -- patterns from labels -----------------------------------------------------------

    def pattern(self, key: str, **groups: str) -> re.Pattern:
        """A regex for a label as printed (typography applied), {name} as a named group."""
        # typography may take the space after a label's colon into the title's own
        # (French ": :" prints ":\u00a0:"): a label's spaces may be missing
        return _pattern(self.ts(self.labels[key]), groups, loose=self.ts(" : ") != " : ")

    def canon(self, text: str) -> str:
        """A text as the document printed it (comment marks left out)."""
        return self.ts(MARKS.sub("", text))

    def back(self, text: str) -> str:
        """A part of a printed text as an editor writes it."""
        return untypeset(text, self.ts)

    def fullmatch(self, key: str, text: str, **groups: str):
        return self.pattern(key, **groups).fullmatch(self.canon(text))

    # -- the whole outline --------------------------------------------------------------

    def build(self) -> dict:
        if not self.parsed.ours:
            self.parsed.blocks = plain_draft.typed_structure(
                self.parsed.blocks, self.session_heading, self.unplaced.append)
            self.foreign_cover()
        meeting, publication = self.front_matter()
        self.data["meeting"] = meeting
        self.data["publication"] = publication
        self.body(self.parsed.blocks)
        return self.data

    def front_matter(self) -> tuple[dict, dict]:
        cover: dict[str, list[str]] = {}
        for style, text in self.parsed.cover:
            cover.setdefault(style, []).append(text)
        core = self.core
        title = _first(cover.get("title")) or (core.title or "").strip() or TODO
        if title == TODO:
            self.unplaced.append("no title found: meeting.title is TODO")
        # the file's author is rtdraft's department; in a draft, whoever typed it
        author = (core.author or "").strip() if self.parsed.ours else ""
        department = _first(cover.get("cover department")) or author
        if not department:
            department = TODO
            self.unplaced.append("no department found: publication.department is TODO" + (
                "" if self.parsed.ours else " (a draft names it on the line before its dates)"))
        meeting: dict = {"title": title, "host": department}
        details = cover.get("cover details") or []
        found = dates_back.meeting(MARKS.sub("", details[0]), self.language, self.labels) \
            if details else None
        if found is None and details and re.fullmatch(PLACEHOLDER, self.back(details[0])):
            found = [self.back(details[0])]    # a draft's dates to come, as `new` wrote them
        if found is None:
            day = (core.created.date() if core.created else date.today()).isoformat()
            found = [day]
            shown = f" in {quoted(details[0])}" if details else ""
            self.unplaced.append(f"meeting dates not found{shown}: meeting.dates is {day}")
        meeting["dates"] = found[0] if len(found) == 1 else found
        details = details[:1] + [d for d in details[1:] if not self.hosted(d, meeting,
                                                                            department)]
        if len(details) > 1:
            if self.canon(details[1]) == self.ts(self.labels["virtual"]):
                meeting["virtual"] = True
            else:
                meeting["location"] = details[1]
        publication: dict = {"department": department}
        signature = _first(cover.get("cover signature")) or ""
        prefix = department + " | "
        if signature.startswith(prefix) and signature[len(prefix):].strip():
            publication["department_other"] = signature[len(prefix):]
        publication["language"] = self.language
        subtitle = _first(cover.get("subtitle"))
        if subtitle and self.canon(subtitle) != self.ts(self.labels["subtitle"]):
            publication["subtitle"] = subtitle
        tagline = _first(cover.get("cover tagline"))
        if tagline:
            publication["tagline"] = tagline
        self.copyright(publication)
        publication["status"] = "draft" if self.parsed.draft else "final"
        if self.parsed.toc:
            publication["toc"] = True
        return meeting, _ordered(publication, PUBLICATION_ORDER)

    def hosted(self, text: str, meeting: dict, department: str) -> bool:
        """Read 'Hosted by X with support from Y' (or either half) into meeting.host and
        supported_by; False when the text is not that line."""
        for key in ("hosted_with_support", "hosted_by", "with_support"):
            m = self.fullmatch(key, text, host=r".+?", supporter=r".+")
            if m:
                found = {k: self.back(v) for k, v in m.groupdict().items()}
                meeting["host"] = found.get("host", department)
                if "supporter" in found:
                    meeting["supported_by"] = found["supporter"]
                return True
        return False

    def foreign_cover(self) -> None:
        """A report not made by rtdraft: its title, dates, place and copyright lines found
        in the paragraphs before its first section (pandoc and LibreOffice write the title
        block as a Title or a first heading)."""
        blocks, cover = self.parsed.blocks, self.parsed.cover
        title = _first([t for s, t in cover if s == "title"]) or (self.core.title or "").strip()
        if blocks and isinstance(blocks[0], Head) and title and \
                MARKS.sub("", blocks[0].text) == title and \
                any(isinstance(b, Head) for b in blocks[1:]):
            blocks.pop(0)
            if not cover:
                cover.append(("title", title))
        if not any(s == "title" for s, _ in cover) and self.heading_title(blocks):
            cover.append(("title", blocks.pop(0).text.strip()))
        lead = []
        while blocks and isinstance(blocks[0], Para):
            lead.append(blocks.pop(0))
        keep, previous = [], None
        patterns = [self.pattern(k, minister=r".+", year=r"\d{1,4}", value=r".+")
                    for k in ("copyright_king", "copyright_queen", "copyright_king_plain",
                              "copyright_queen_plain", "catalogue_number", "isbn")]
        patterns.append(_pattern(self.labels["other_language"], {"title": r".+"}))
        titled = any(s == "title" for s, _ in cover)   # else a first line before the dates
        for block in lead:
            words = MARKS.sub("", block.plain)
            if any(p.fullmatch(self.canon(words)) for p in patterns):
                self.parsed.front.append(block.plain)
            elif self.canon(words) == self.ts(self.labels["subtitle"]):
                cover.append(("subtitle", block.plain))
            elif not any(s == "cover details" for s, _ in cover) and self._dates_line(words):
                titled = titled or self.first_line_title(lead, keep)
                # the line before, if an ordinary one (not the subtitle), is the host's
                if any(b is previous for b in keep) and len(previous.plain) < 80 and \
                        not previous.plain.endswith("."):
                    cover.append(("cover department", previous.plain))
                    keep.remove(previous)
            elif block.style == "date" or re.fullmatch(r"\d{4}", words):
                pass   # the publication's year: the copyright line has it too
            elif previous is not None and self.place_after_dates(previous, words):
                pass
            elif block.style == "subtitle":   # after the dates and place: a draft's may be
                cover.append(("subtitle", block.plain))
            else:
                keep.append(block)
            previous = block
        for block in keep:
            self.unplaced.append(f"{quoted(block.plain[:60])}, before the first heading, put "
                                 "in the introduction")
        blocks[:0] = keep

    def heading_title(self, blocks: list) -> bool:
        """A draft whose title is its first heading ('# Title' in Markdown): a first
        heading that names no part, with a dates line under it before the next heading."""
        if not blocks or not isinstance(blocks[0], Head) or plain_draft.part_of(blocks[0].text) \
                or self.session_heading(blocks[0].text):
            return False
        for block in blocks[1:4]:
            if not isinstance(block, Para):
                return False
            words = MARKS.sub("", block.plain)
            cuts = [m.start() for m in re.finditer(", ", words)] + [len(words)]
            if any(dates_back.meeting(part, self.language, self.labels)
                   for cut in cuts for part in (words[:cut], words[cut + 2:]) if part):
                return True
        return False

    def first_line_title(self, lead: list, keep: list) -> bool:
        """A draft without a Title: its first line, before the dates line, is the title."""
        if not keep or keep[0] is not lead[0] or len(keep[0].plain) > 300:
            return False
        self.parsed.cover.insert(0, ("title", keep.pop(0).plain.strip()))
        return True

    def place_after_dates(self, previous, words: str) -> bool:
        """A place on the line after the dates line ('Winnipeg, Manitoba', or 'Virtual
        meeting'): the cover's place, if the dates line had none."""
        details = [t for s, t in self.parsed.cover if s == "cover details"]
        if len(details) != 1 or MARKS.sub("", previous.plain).strip() != \
                MARKS.sub("", details[0]).strip() or not plain_draft.place_line(words):
            return False
        self.parsed.cover.append(("cover details", words.strip()))
        return True

    def _dates_line(self, words: str) -> bool:
        """'March 29, 2019, Halifax, Nova Scotia': the cover's dates and place, if so."""
        cuts = [m.start() for m in re.finditer(", ", words)] + [len(words)]
        for cut in cuts:
            if dates_back.meeting(words[:cut], self.language, self.labels):
                self.parsed.cover.append(("cover details", words[:cut]))
                if words[cut + 2:].strip():
                    self.parsed.cover.append(("cover details", words[cut + 2:].strip()))
                return True
        for cut in cuts[:-1]:   # 'Winnipeg, Manitoba, November 5-6, 2019': place first
            place = words[:cut].strip()
            if plain_draft.place_line(place) and \
                    dates_back.meeting(words[cut + 2:], self.language, self.labels):
                self.parsed.cover += [("cover details", words[cut + 2:]),
                                      ("cover details", place)]
                return True
        return False

    def copyright(self, publication: dict) -> None:
        created = self.core.created
        year = None
        lines = list(self.parsed.front)
        for line in lines:
            plain = self.canon(line)
            for key in ("copyright_king", "copyright_queen"):
                m = self.pattern(key, minister=r".+", year=r"\d{1,4}").fullmatch(plain)
                if m:
                    publication["minister"] = self.back(m["minister"])
                    year = int(m["year"])
            for key in ("copyright_king_plain", "copyright_queen_plain"):
                m = self.pattern(key, year=r"\d{1,4}").fullmatch(plain)
                if m:
                    year = int(m["year"])
            m = self.pattern("catalogue_number", value=r".+").fullmatch(plain)
            if m:
                publication["catalogue_number"] = m["value"]
            m = self.pattern("isbn", value=r".+").fullmatch(plain)
            if m:
                publication["isbn"] = m["value"]
            # the notice is in the other language, printed without this one's typography
            m = _pattern(self.labels["other_language"], {"title": r".+"}).fullmatch(
                MARKS.sub("", line))
            if m:
                publication["other_language_title"] = m["title"]
        if created and (year is None or created.year == year):
            if (created.month, created.day) == (1, 1) and year is not None:
                publication["date"] = year
            else:
                publication["date"] = created.date().isoformat()
        elif year is not None:
            publication["date"] = year

    # -- the body -------------------------------------------------------------------------

    def body(self, blocks: list) -> None:
        sections = _split(blocks)      # [(heading or None, blocks)] at level 1
        lead = sections.pop(0)[1] if sections and sections[0][0] is None else []
        appendices = []
        while sections and self.appendix_heading(sections[-1][0]):
            appendices.insert(0, sections.pop())
        letters_ok = not self.parsed.ours or all(self.appendix_heading(h, appendix_letter(i))
                                                 for i, (h, _) in enumerate(appendices))
        if not letters_ok:
            sections += appendices
            appendices = []
        if lead and self.parsed.ours:
            self.unplaced.append(f"{_count(lead)} before the first heading put in the "
                                 "introduction")
        if not sections:
            sections = [(Head(1, self.ts(self.labels["introduction"])), [])]
        if self.parsed.ours:
            intro = sections.pop(0)
            conclusion = sections.pop() if sections else None
            outcomes = sections.pop() if sections else None
        else:
            intro, outcomes, conclusion = self.parts_by_title(sections)
        intro = (intro[0], lead + intro[1])
        if outcomes is not None and self.session_heading(outcomes[0].text):
            sections.append(outcomes)
            outcomes = None
        self.data["introduction"] = self.titled(intro, "introduction")
        self.middle(sections)
        self.data["outcomes"] = self.outcomes(outcomes)
        self.data["conclusion"] = self.titled(conclusion, "conclusion") if conclusion else \
            {"body": [TODO]}
        if conclusion is None:
            self.unplaced.append("no conclusion found: conclusion.body is TODO")
        if appendices:
            self.data["appendices"] = [self.appendix(h, b, i)
                                       for i, (h, b) in enumerate(appendices)]
        self.notes()

    def appendix_heading(self, head: Head | None, letter: str = r"[A-Z]+"):
        if head is None:
            return None
        found = self.fullmatch("appendix", head.text, letter=letter, title=r".+")
        if found is None and not self.parsed.ours:   # 'Appendix: ...', 'Annex B - ...'
            return plain_draft.appendix(head.text)
        return found

    # -- a draft's parts by their titles (not rtdraft's own DOCX) -------------------------

    def parts_by_title(self, sections: list) -> tuple:
        """The introduction, key outcomes and conclusion of a draft, by their usual titles
        ('Key Outcomes', 'Principaux résultats', 'Conclusion and Next Steps'); where no
        title says so, by their order (the first part, the last two), said by --report.
        They are taken out of `sections`; parts after the conclusion become subheadings
        of it."""
        named = {}
        for at, (head, _) in enumerate(sections):
            found = plain_draft.part_of(head.text)
            if found and found[0] in ("introduction", "outcomes", "conclusion"):
                named.setdefault(found[0], at)
        others = {at for at, (head, _) in enumerate(sections)
                  if plain_draft.part_of(head.text) or self.session_heading(head.text)}
        if "introduction" not in named and 0 not in others:
            named["introduction"] = 0
            self.by_order(sections[0][0], "introduction")
        last = len(sections) - 1
        if "conclusion" not in named and last not in others and \
                last not in named.values() and last > 0:
            named["conclusion"] = last
            self.by_order(sections[last][0], "conclusion")
        end = named.get("conclusion", len(sections))
        before = end - 1
        if "outcomes" not in named and before not in others and \
                before not in named.values() and before > 0:
            named["outcomes"] = before
            self.by_order(sections[before][0], "key outcomes")
        tail = set()
        if "conclusion" in named:   # parts after the conclusion: its subheadings
            at = named["conclusion"]
            tail = {i for i in range(at + 1, len(sections)) if i not in named.values()}
            for i in sorted(tail):
                head, blocks = sections[i]
                self.unplaced.append(f"{quoted(head.text)} after the conclusion made a "
                                     "subheading of it")
                sections[at][1].extend([Head(2, head.text)] + blocks)
        parts = {part: sections[at] for part, at in named.items()}
        sections[:] = [s for i, s in enumerate(sections)
                       if i not in named.values() and i not in tail]
        intro = parts.get("introduction") or (Head(1, self.ts(self.labels["introduction"])), [])
        return intro, parts.get("outcomes"), parts.get("conclusion")

    def by_order(self, head: Head, part: str) -> None:
        self.unplaced.append(f"{quoted(head.text)} read as the {part} by its place (its "
                             "title is not one of that part's usual titles)")

    def titled(self, section, label: str) -> dict:
        head, blocks = section
        out: dict = {}
        if self.canon(head.text).strip() != self.ts(self.labels[label]):
            out["title"] = head.text
        out["body"] = self.blocks(blocks, 1) or [TODO]
        if out["body"] == [TODO]:
            self.unplaced.append(f"{quoted(head.text)} has no text: its body is TODO")
        return out

    def outcomes(self, section) -> dict:
        if section is None:
            self.unplaced.append("no key outcomes found: outcomes.items is TODO")
            return {"items": [TODO]}
        head, blocks = section
        out: dict = {}
        if self.canon(head.text).strip() != self.ts(self.labels["outcomes"]):
            out["title"] = head.text
        body = self.blocks(blocks, 1)
        items: list = []
        intro: list[str] = []
        for block in body:
            if isinstance(block, str) and not items:
                intro.append(block)
            elif isinstance(block, dict) and ("bullets" in block or "numbered" in block):
                items += block.get("bullets") or block.get("numbered")
            elif isinstance(block, dict):
                items.append(inline.escape(block["subheading"]))
                self.unplaced.append(f"a subheading in {quoted(head.text)} made a list item")
            else:
                items.append(block)
                self.unplaced.append(f"a paragraph after the list in {quoted(head.text)} made a "
                                     "list item")
        if not items and not self.parsed.ours and len(intro) > 1:
            # a draft's outcomes typed as paragraphs: its items, after an intro ending ':'
            lead = 1 if MARKS.sub("", intro[0]).rstrip().endswith(":") else 0
            intro, items = intro[:lead], intro[lead:]
            self.unplaced.append(f"{quoted(head.text)} has no list: its paragraphs made its "
                                 "items")
        if intro:
            out["intro"] = " ".join(intro)
            if len(intro) > 1:
                self.unplaced.append(f"{len(intro)} paragraphs before the list in "
                                     f"{quoted(head.text)} joined into its intro")
        out["items"] = items or [TODO]
        if not items:
            self.unplaced.append(f"{quoted(head.text)} has no list: outcomes.items is TODO")
        return out

    # -- opening remarks, session groups and sessions ----------------------------------------

    def session_templates(self) -> list[tuple[str, re.Pattern]]:
        """(kind, label pattern) of every kind of session the labels name."""
        out = []
        for key in self.labels:
            if key[len("session_"):] in SESSION_KINDS:
                out.append((key[len("session_"):], self.pattern(key, n=r"\d+")))
        out.append(("", self.pattern("session_other", kind=r".+?", n=r"\d+")))
        return out

    def session_heading(self, text: str):
        """(kind, number, title, label) of a session's heading, or None."""
        heading = self.pattern("session_heading", label=r".+?", title=r".+")
        m = heading.fullmatch(self.canon(text))
        if not m:
            dashed = text if self.parsed.ours else self.dashed_label(text)
            if dashed == text:
                return None
            # only a kind's own label or a numbered one ('Breakout #2'): 'COVID-19 -
            # Impacts' is no session's
            found = self.session_heading(dashed)
            return found if found and (found[3] is None or "#" in found[3]) else None
        label, title = m["label"], _marks_of(text) + self.back(m["title"])
        for kind, pattern in self.session_templates():
            found = pattern.fullmatch(label)
            if found:
                kind = kind or _slug(found["kind"])
                if self.printed_label(kind, int(found["n"])) == label:
                    return kind, int(found["n"]), title, None
        number = re.search(r"\d+", label)
        if number:   # a label of a session group's own: Breakout #{n}
            template = self.back(label[:number.start()] + "{n}" + label[number.end():])
            kind = _slug(re.sub(r"[^\w\s-]", " ", template.replace("{n}", ""))) or "session"
            return kind, int(number.group()), title, template
        return None

    def dashed_label(self, text: str) -> str:
        """A draft's 'Plenary Session 1 – Title' (a dash or a stop after the label's
        number) written as the labels write it, 'Plenary Session 1: Title'."""
        m = plain_draft.DASHED_LABEL.fullmatch(text)
        if not m:
            return text
        return self.labels["session_heading"].replace("{label}", m["label"]).replace(
            "{title}", m["title"])

    def printed_label(self, kind: str, number: int) -> str:
        """A session's label as the renderer prints it."""
        return self.ts(session_label(self.labels, kind, number))

    def middle(self, sections: list) -> None:
        sessions: list[dict] = []
        groups: dict[str, dict] = {}
        counts: dict[str, int] = {}
        remarks = None
        # a report whose session headings carry no label at all (most older reports):
        # its sessions keep their headings as they are, by labels.session_heading
        bare = bool(sections) and not any(self.session_heading(h.text) or any(
            self.session_heading(sub.text) for sub, _ in _split(b, 2) if sub)
            for h, b in sections)
        for index, (head, blocks) in enumerate(sections):
            found = self.session_heading(head.text)
            inner = _split(blocks, 2)
            sub_sessions = [self.session_heading(h.text) if h else None for h, _ in inner]
            # a heading with a kind's own label is a session, whatever its subheadings
            # look like; one with a label of its own is a group's when sessions follow
            if found and (found[3] is None or not any(sub_sessions[1:])):
                self.session(found, blocks, 1, sessions, groups, counts)
            elif any(s for s in sub_sessions):
                # a group heading: its intro, then its sessions at level 2
                lead = inner.pop(0)[1] if inner and inner[0][0] is None else []
                kind = None
                for sub_head, sub_blocks in inner:
                    found = self.session_heading(sub_head.text)
                    if found is None and sub_head.style == "session heading":
                        # typed in Session Heading without a label: a session of the
                        # group's kind, numbered in turn
                        typed = kind or next((s[0] for s in sub_sessions if s), "plenary")
                        found = (typed, counts.get(typed, 0) + 1, sub_head.text, None)
                    if found is None:
                        self.unplaced.append(f"{quoted(sub_head.text)} under "
                                             f"{quoted(head.text)} read as a subheading of "
                                             "the session before it")
                        if sessions:
                            sessions[-1]["body"] += [{"subheading": sub_head.text}] + \
                                self.blocks(sub_blocks, 2)
                        continue
                    kind = self.session(found, sub_blocks, 2, sessions, groups, counts)
                if kind:
                    self.group(groups, kind, head, lead)
            elif not self.parsed.ours and remarks is None and \
                    (plain_draft.part_of(head.text) or ("",))[0] == "opening_remarks":
                remarks = self.remarks(head, blocks)
            elif not self.parsed.ours and plain_draft.group_kind(head.text) and \
                    any(h for h, _ in inner):
                self.unlabelled_group(head, inner, sessions, groups, counts)
            elif index == 0 and remarks is None and (
                    not bare or self.canon(head.text).strip() ==
                    self.ts(self.labels["opening_remarks"])):
                remarks = self.remarks(head, blocks)
            elif bare:
                found = ("plenary", counts.get("plenary", 0) + 1, head.text, None)
                self.session(found, blocks, 1, sessions, groups, counts)
            else:
                self.unplaced.append(f"{quoted(head.text)} is no session heading; read as a "
                                     "session of kind 'other'")
                found = ("other", counts.get("other", 0) + 1, head.text, None)
                self.session(found, blocks, 1, sessions, groups, counts)
        if bare and sessions:
            self.data["labels"] = {"session_heading": "{title}"}
            self.unplaced.append("no session heading has a label (Plenary Session 1: ...): "
                                 "they are printed as they are, by labels.session_heading")
        if remarks:
            self.data["opening_remarks"] = remarks
        groups = {k: v for k, v in groups.items() if v}
        if groups:
            self.data["session_groups"] = groups
        if not sessions:
            self.unplaced.append("no session found: one session with TODO written")
            sessions = [{"kind": "plenary", "title": TODO, "body": [TODO]}]
        self.data["sessions"] = sessions

    def unlabelled_group(self, head: Head, inner: list, sessions: list, groups: dict,
                         counts: dict) -> None:
        """A draft's part of sessions by its title ('Highlights from Plenary Sessions'),
        its Heading 2s the sessions' titles without a label: sessions of the kind its
        title names."""
        kind = plain_draft.group_kind(head.text)
        lead = inner.pop(0)[1] if inner and inner[0][0] is None else []
        for sub_head, sub_blocks in inner:
            found = self.session_heading(sub_head.text)
            if found is None or found[0] != kind:
                found = (kind, counts.get(kind, 0) + 1, sub_head.text, None)
            self.session(found, sub_blocks, 2, sessions, groups, counts)
        self.group(groups, kind, head, lead)

    def group(self, groups: dict, kind: str, head, lead: list) -> None:
        """The group of sessions of `kind`: its heading, and the text before its first
        session as its intro."""
        group = groups.setdefault(kind, {})
        group["heading"] = head.text
        intro = self.blocks(lead, 1)
        if intro:
            group["intro"] = intro
        groups[kind] = _ordered(group, ("heading", "intro", "label"))

    def session(self, found, blocks: list, level: int, sessions: list, groups: dict,
                counts: dict) -> str:
        kind, number, title, template = found
        taken = groups.get(kind, {}).get("label")
        n = 1
        while template is not None and taken not in (None, template):
            # two labels of one slug ('Группа #1', 'Секция #1' are both 'other')
            n += 1
            kind = f"{found[0]}-{n}"
            taken = groups.get(kind, {}).get("label")
        if template is not None:
            default = self.labels.get(f"session_{kind}") if kind in SESSION_KINDS else None
            if template != default:
                groups.setdefault(kind, {})["label"] = template
        counts[kind] = counts.get(kind, 0) + 1
        if number != counts[kind]:
            self.unplaced.append(f"session {quoted(title)} is numbered {number}; it is the "
                                 f"{_ordinal(counts[kind])} of its kind and will be numbered so")
        session: dict = {"kind": kind, "title": title}
        people, blocks = self.people(blocks, "presenters")
        if people:
            session["presenters"] = people
        session["body"] = self.blocks(blocks, level) or [TODO]
        if session["body"] == [TODO]:
            self.unplaced.append(f"session {quoted(title)} has no text: its body is TODO")
        sessions.append(session)
        return kind

    def remarks(self, head: Head, blocks: list) -> dict:
        out: dict = {}
        if self.canon(head.text).strip() != self.ts(self.labels["opening_remarks"]):
            out["title"] = head.text
        people, blocks = self.people(blocks, "speakers")
        if people:
            out["speakers"] = people
        out["body"] = self.blocks(blocks, 1) or [TODO]
        return out

    def people(self, blocks: list, label: str) -> tuple[list, list]:
        """The 'Presenters: ...' line at the top of a section, read back as people: names
        and organizations for presenters, persons (name, title, on behalf of) for speakers.
        Kept whole when read back any other way it would not print the same line, or a
        part of it would be empty (a name holding "; ; ")."""
        if not blocks or not isinstance(blocks[0], Para):
            return [], blocks
        pattern = self.pattern(label, names=r".+")
        m = pattern.fullmatch(self.canon(blocks[0].plain))
        if not m:
            return [], blocks
        printed, names = m["names"], self.back(m["names"])
        and_word = f" {self.labels['and']} "
        if "; " in names:
            entries = names.split("; ")
        else:
            head, _, last = names.rpartition(and_word)
            entries = (head.split(", ") + [last]) if head else [names]
        people = [self.person(e) if label == "speakers" else e for e in entries]
        body_text = " ".join(MARKS.sub("", b.plain if isinstance(b, Para) else
                                       inline.unescape(b.text))
                             for b in blocks[1:] if isinstance(b, (Para, ListPara)))
        if self.ts(self.described(people)) != printed or \
                not all(_name(p).strip() for p in people) or \
                all(_name(p) in body_text for p in people):
            whole = {"name": names} if label == "speakers" else names
            people = [whole]
        return people, blocks[1:]

    def person(self, text: str):
        """'Name, Title, on behalf of Name, Title' as a person."""
        behalf = _pattern(self.labels["on_behalf_of"], {"person": r".+"})
        found = re.search(r", (" + behalf.pattern + r")$", text)
        person: dict = {}
        if found:
            text, other = text[:found.start()], found["person"]
        name, _, title = text.partition(", ")
        person["name"] = name
        if title:
            person["title"] = title
        if found:
            person["on_behalf_of"] = self.person(other)
        return person

    def described(self, people: list) -> str:
        from ..document.model import describe
        from ..languages import join_words
        texts = [describe(p, self.labels) for p in people]
        return "; ".join(texts) if any("," in t for t in texts) else \
            join_words(texts, self.labels["and"])

    # -- appendices -----------------------------------------------------------------------

    def appendix(self, head: Head, blocks: list, index: int) -> dict:
        m = self.fullmatch("appendix", head.text, letter=appendix_letter(index), title=r".+")
        if m is None and not self.parsed.ours:
            m = plain_draft.appendix(head.text)
        title = _marks_of(head.text) + self.back(m["title"]) if m else head.text
        out: dict = {"title": title}
        if blocks and all(isinstance(b, ListPara) and b.depth == 1 and not b.numbered
                          and b.plain for b in blocks) and \
                len(_lists(blocks)) == 1:
            out["organizations"] = [b.words for b in blocks]
            return out
        if not self.parsed.ours:
            found = self.draft_appendix(blocks)
            if found:
                out.update(found)
                return out
        agenda = self.agenda(blocks)
        if agenda is not None:
            out["agenda"] = agenda
            return out
        out["body"] = self.blocks(blocks, 1) or [TODO]
        return out

    def draft_appendix(self, blocks: list) -> dict | None:
        """A draft's appendix of one name per line (organizations), or of tables with a
        time and an item column (the agenda), each under its day's heading or line."""
        names = plain_draft.name_lines(blocks)
        if names:
            return {"organizations": names}
        rows: list = []
        day = None
        for block in blocks:
            words = MARKS.sub("", block.plain if isinstance(block, Para) else
                              block.text if isinstance(block, Head) else "").strip()
            if isinstance(block, (Head, Para)):
                day = dates_back.one(words, self.language, self.labels)
                if day is None:
                    return None
            elif isinstance(block, Tab) and block.rows:
                columns = plain_draft.agenda_columns(block.rows[0])
                if columns is None:
                    return None
                for cells in block.rows[1:]:
                    time, title, speakers = (cells[columns[k]].strip()
                                             if k in columns and columns[k] < len(cells)
                                             else "" for k in ("time", "title", "speakers"))
                    if time or title or speakers:
                        rows.append(self.agenda_row(day, time, title, speakers))
                day = None
            else:
                return None
        return {"agenda": rows} if rows else None

    def agenda(self, blocks: list) -> list | None:
        """The rows of an agenda: tables headed Time, Item, Speakers, each under its
        day's heading or under none (the items without a date). A header row inside a
        table begins the undated items: Word and LibreOffice join two tables in a row
        when the paragraph between them is deleted."""
        header = [self.ts(self.labels[k]) for k in ("agenda_time", "agenda_item",
                                                    "agenda_speakers")]
        rows: list = []
        day = None
        if not any(isinstance(b, Tab) for b in blocks):
            return None
        for block in blocks:
            if isinstance(block, Head) and block.level == 2:
                day = dates_back.one(MARKS.sub("", block.text), self.language, self.labels)
                if day is None:
                    return None
            elif isinstance(block, Tab):
                if not block.rows or [self.canon(c) for c in block.rows[0]] != header or \
                        any(len(r) != 3 for r in block.rows):
                    return None
                for cells in block.rows[1:]:
                    if [self.canon(c) for c in cells] == header:
                        day = None
                        continue
                    rows.append(self.agenda_row(day, *cells))
                day = None   # a table with no day's heading above it is undated
            else:
                return None
        return rows or None

    def agenda_row(self, day: str | None, time: str, title: str, speakers: str) -> dict:
        row: dict = {}
        if day:
            row["date"] = day
        if time:
            row["time"] = time
        row["title"] = title or TODO
        if speakers:
            row["speakers"] = speakers.split("; ")
        return row

    # -- blocks ---------------------------------------------------------------------------

    def blocks(self, blocks: list, level: int) -> list:
        out: list = []
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if isinstance(block, Head):
                out.append({"subheading": block.text})
                if block.level != level + 1:
                    self.unplaced.append(f"heading {quoted(block.text)} (level {block.level}) "
                                         "made a subheading")
            elif isinstance(block, Para):
                out.append(block.text)
            elif isinstance(block, ListPara):
                j = i
                while j < len(blocks) and isinstance(blocks[j], ListPara):
                    j += 1
                items = blocks[i:j]
                deepest = max(b.depth for b in items) - min(b.depth for b in items) + 1
                if deepest > MAX_LIST_DEPTH:
                    self.unplaced.append(f"a list {deepest} levels deep: its items below level "
                                         f"{MAX_LIST_DEPTH} written at level {MAX_LIST_DEPTH}, "
                                         "the deepest an outline's list goes")
                out += _lists(items)
                i = j
                continue
            elif isinstance(block, Tab):
                rows = f"{len(block.rows)} row{'' if len(block.rows) == 1 else 's'}"
                self.unplaced.append(f"a table of {rows} (not an agenda) written as "
                                     "paragraphs, a row each")
                cells = block.marked or [[inline.escape(c) for c in r] for r in block.rows]
                out += [" | ".join(r) for r in cells if any(r)]
            i += 1
        return out

    def notes(self) -> None:
        """[^n] (footnote numbers as read) become ids made from the notes' words."""
        numbers: list[str] = []
        walk_strings(self.data, lambda s: numbers.extend(_NOTE.findall(s)) or s)
        ids: dict[str, str] = {}
        for number in dict.fromkeys(numbers):
            text = self.parsed.footnotes.get(number)
            if text is None:
                continue
            kept = self.parsed.note_ids.get(number)
            if kept and not re.fullmatch(FOOTNOTE_ID, kept):   # a bookmark's name, unchecked
                kept = None
            small = self.lang.vocabulary.get("small_words", set())
            ids[number] = _unique(kept or _note_id(text, small), set(ids.values()))
        self.footnote_ids = ids   # the document's note number -> its id (import --check)
        self.data = walk_strings(self.data, lambda s: _NOTE.sub(
            lambda m: f"[^{ids[m[1]]}]" if m[1] in ids else "", s))
        for number, name in ids.items():
            if not self.parsed.footnotes[number]:
                # LibreOffice saves a second citation of one footnote as a new, empty one
                self.unplaced.append(f"footnote {name} has no text: its text is TODO "
                                     "(a footnote cited twice, saved by LibreOffice?)")
        if ids:
            self.data["footnotes"] = {ids[n]: self._note_text(ids[n], self.parsed.footnotes[n])
                                      for n in ids}

    def _note_text(self, name: str, text: str) -> str:
        """A footnote's text without the marks of footnotes it cites: an outline's footnote
        cannot cite another (the mark's \\x00 was written into the outline before)."""
        cited = _NOTE.findall(text)
        if cited:
            self.unplaced.append(f"footnote [^{name}] cites another footnote; a footnote "
                                 "cannot cite another: the mark left out")
            text = " ".join(_NOTE.sub("", text).split())
        return text or TODO


PUBLICATION_ORDER = ("department", "department_other", "language", "subtitle", "tagline",
                     "date", "minister", "catalogue_number", "isbn", "other_language_title",
                     "status", "toc")
_NOTE = re.compile(r"\[\^\x00([^\]]*)\]")


def walk_strings(value, change):
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [walk_strings(v, change) for v in value]
    if isinstance(value, dict):
        return {k: walk_strings(v, change) for k, v in value.items()}
    return value


def _lists(items: list[ListPara]) -> list[dict]:
    """Consecutive list paragraphs as lists with nested items. A new list begins where
    the kind changes, or where a new numbering instance (numId) of the same list
    definition begins, as rtdraft and Word write one list after another, or where a new
    instance counts from the start again (LibreOffice gives every paragraph a numbering
    instance of its own, and marks a numbered list's first item by its restart; bullet
    lists one after another are read as one)."""
    out: list[dict] = []
    top = min(i.depth for i in items)
    current: list | None = None
    current_id = current_abstract = None
    stack: list = []     # (depth, list of items, kind)
    for item in items:
        depth = min(max(item.depth - top + 1, 1), MAX_LIST_DEPTH)
        if depth == 1 or current is None:
            if current is None or (("numbered" in out[-1]) != item.numbered) or \
                    (item.num_id != current_id and (item.restart or (
                        item.abstract is not None and item.abstract == current_abstract))):
                kind = "numbered" if item.numbered else "bullets"
                current = []
                out.append({kind: current})
                current_id, current_abstract = item.num_id, item.abstract
            current.append(item.text)
            stack = [(1, current)]
            continue
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if not stack:
            stack = [(1, current)]
        parent_items = stack[-1][1]
        parent = parent_items[-1]
        kind = "numbered" if item.numbered else "bullets"
        if isinstance(parent, str):
            parent = {"text": parent, kind: []}
            parent_items[-1] = parent
        sub = parent.get("bullets") if "bullets" in parent else parent.get("numbered")
        sub.append(item.text)
        stack.append((stack[-1][0] + 1, sub))
    return out


def _split(blocks: list, level: int = 1) -> list[tuple]:
    """(heading, blocks under it) at a heading level; blocks before the first: (None, ...)."""
    out: list[tuple] = []
    for block in blocks:
        if isinstance(block, Head) and block.level <= level:
            out.append((block, []))
        elif out:
            out[-1][1].append(block)
        else:
            out.append((None, [block]))
    return out


def _pattern(label: str, groups: dict[str, str], loose: bool = False) -> re.Pattern:
    out = []
    parts = re.split(r"(\{\w+\})", label)
    for at, part in enumerate(parts):
        name = part[1:-1] if part.startswith("{") and part.endswith("}") else None
        if name in groups:
            out.append(f"(?P<{name}>{groups[name]})")
        else:
            literal = part.replace("{{", "{").replace("}}", "}")
            # "de {x}" is printed "d'x" before a vowel (labels.fill): read either
            de = ELISION.search(literal) if at + 1 < len(parts) else None
            elided = ""
            if de:
                literal, elided = literal[:de.start()], f"{de[1]}(?:e |['’])"
            out.append("".join("[ \u00a0\u202f]?" if loose and c in " \u00a0\u202f"
                               else re.escape(c) for c in literal) + elided)
    return re.compile("".join(out), re.DOTALL)


def _name(person) -> str:
    return person if isinstance(person, str) else person["name"]


def _marks_of(text: str) -> str:
    """The comment marks in a text, to go with the part of it that is kept."""
    return "".join(MARKS.findall(text))


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _slug(text: str) -> str:
    """A session kind made of a label's words, as the schema takes one (schema.SLUG: ASCII,
    a letter first): 'Table ronde' is table-ronde; a label with no such word, 'other'."""
    words = re.findall(r"[a-z0-9]+", folded(text))
    slug = "-".join(words)
    return slug if re.fullmatch(SLUG, slug) else "other"


def _ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third"}.get(n, f"{n}th")


def _ordered(mapping: dict, order: tuple) -> dict:
    return {k: mapping[k] for k in order if k in mapping} | \
        {k: v for k, v in mapping.items() if k not in order}


def _count(blocks: list) -> str:
    return f"{len(blocks)} paragraph{'s' if len(blocks) != 1 else ''}"


def _note_id(text: str, small_words: set[str]) -> str:
    """The note's first three words that are not the language's small words."""
    words = re.findall(r"[a-z0-9]+", folded(MARKS.sub("", inline.unescape(text))))
    small = {folded(w) for w in small_words}
    return "-".join([w for w in words if w not in small][:3]) or "note"


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    n = 2
    while f"{name}-{n}" in taken:
        n += 1
    return f"{name}-{n}"
