"""`rtdraft import --check`: what a DOCX would import as, and every problem of the outline
import would write, placed in the DOCX's terms (a paragraph's number and the heading above
it), for an editor who fixes the Word file and never sees the YAML.

Paragraphs are numbered as ooxml_read.numbered_paragraphs counts them: the paragraphs that
hold text, from the top, table cells among them. Where an outline value came from is found
after the import (`Provenance`): the outline's texts are the document's words, in the
document's order, so each is looked for among the paragraphs from the last one found on.
"""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..document import inline
from . import ooxml_read as ox
from .outline import TODO
from .read import MARKS, Head, Reader


@dataclass(frozen=True)
class Place:
    paragraph: int | None = None     # None: the document as a whole
    heading: str | None = None       # the heading above it; None: before the first one
    footnote: int | None = None      # a footnote, by the number Word shows


@dataclass(frozen=True)
class Finding:
    level: str                       # error (validate's), warning
    place: Place
    message: str


@dataclass
class Checked:
    summary: list[tuple[str, str]]   # (what, as the summary shows it)
    findings: list[Finding] = field(default_factory=list)
    valid: bool = True


class Placing(Reader):
    """The reader, also noting the paragraph each of its own report lines came from, and
    each heading's paragraph."""

    def read(self):
        self.numbers = ox.numbered_paragraphs(self.doc.element.body)
        self.at: int | None = None
        self.report_at: dict[int, int | None] = {}     # index in unplaced -> paragraph
        self.heads: list[tuple[int, str]] = []         # (paragraph, heading text)
        return super().read()

    def paragraph(self, p) -> None:
        self.at = self.numbers.get(p, self.at)     # an empty one: the place before
        count = len(self.out.blocks)
        super().paragraph(p)
        if len(self.out.blocks) > count and isinstance(self.out.blocks[-1], Head) and \
                self.at is not None:
            self.heads.append((self.at, " ".join(MARKS.sub("", self.out.blocks[-1].text)
                                                 .split())))

    def table(self, tbl) -> None:
        first = next((self.numbers[p] for p in tbl.iter(ox.P) if p in self.numbers), None)
        self.at = first or self.at
        super().table(tbl)

    def report(self, what: str) -> None:
        self.report_at[len(self.out.unplaced)] = self.at
        super().report(what)


def check_docx(path: Path, changes: str | None = None, name: str = "outline.yaml") -> Checked:
    """What `rtdraft import` would make of a DOCX, without writing anything. Refusals
    (not a DOCX, tracked changes undecided, too large) are raised as import raises them."""
    from . import guarded
    from .package import open_docx
    return guarded(path, lambda: _check(open_docx(path), path, changes, name))


def _check(document, path: Path, changes: str | None, name: str) -> Checked:
    from . import _take_marks, read_outline, validated
    made: list[Placing] = []
    parsed, builder, data = read_outline(
        document, path, changes, lambda *args: made.append(Placing(*args)) or made[-1])
    reader = made[0]
    reader_lines = len(parsed.unplaced)
    data = _take_marks(data, (), {})
    unplaced = builder.unplaced
    _, source, problems = validated(data, name, path, unplaced)
    cited = ox.footnote_citations(reader.numbers)
    notes = {note_id: cited.get(number) for number, note_id in builder.footnote_ids.items()}
    provenance = Provenance(source.data, reader.numbers, reader.heads,
                            {k: v for k, v in notes.items() if v})
    findings = []
    for problem in problems:
        findings.append(Finding(problem.level, provenance.place(problem.path),
                                in_words(problem.message)))
    for index, line in enumerate(unplaced):
        if index < reader_lines:
            at = reader.report_at.get(index)
            findings.append(Finding("warning", provenance.at(at) if at else Place(),
                                    _without_place(line)))
        else:
            findings.append(_report_item(line, provenance, notes, source.data))
    valid = not any(p.level == "error" for p in problems)
    document_model = None
    said = [(p.path, p.message) for p in problems]
    if valid:
        document_model, lint_problems = _linted(source)
        for problem in lint_problems:
            if problem.rule == "placeholder" and _value(source.data, problem.path) == TODO:
                continue   # import's own TODO: its line above says what is missing
            if problem.level == "note":
                continue   # advice (reading level, long sentences): `rtdraft lint` gives it
            said.append((problem.path, problem.message))
            findings.append(Finding("warning", provenance.place(problem.path),
                                    in_words(problem.message)))
    findings += _placeholders(source.data, provenance, said)
    # from the top of the document down, as an editor goes through it
    findings.sort(key=lambda f: f.place.paragraph or 0)
    return Checked(summary(source.data, document_model), findings, valid)


def _placeholders(data: dict, provenance: Provenance, said: list) -> list[Finding]:
    """[[...]] left in the words (the starter's instructions): typed in Word they are
    words, which the outline keeps escaped, so validate and lint do not see them."""
    from ..outline.schema import PLACEHOLDER
    out = []
    for path, value in _walk(data):
        if not isinstance(value, str) or "[[" not in inline.unescape(value):
            continue
        for m in re.finditer(PLACEHOLDER, _plain(value)):
            if any(p == path and m.group(0) in message for p, message in said):
                continue
            out.append(Finding("warning", provenance.place(path),
                               f"'{m.group(0)}' is a placeholder; replace it with the final "
                               "text"))   # lint's words
    return out


def _linted(source):
    from ..lint import lint
    from ..pipeline import build, check
    outline = check(source)
    document = build(outline)
    return document, lint(outline.source, document=document)


def _value(data, path: tuple):
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


# -- where a value of the outline came from ----------------------------------------------------

# Parts of an outline whose words are not in the body's order (the cover, the headings of
# session groups, written before their sessions; the footnotes, in a part of their own)
_FLOATING = {"meeting", "publication", "session_groups", "footnotes"}
# Values no paragraph holds as such: looked for nowhere.
_NOT_TEXT = {"rtdraft", "kind", "language", "status", "toc", "virtual",
             "label", "session_heading"}
_WINDOW = 64   # paragraphs looked through for a value inside a longer one (a session title)


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", MARKS.sub("", text))


def _plain(value: str) -> str:
    try:
        return inline.plain(inline.parse(value))
    except inline.MarkupError:
        return inline.unescape(value)


class Provenance:
    """Outline path -> the paragraph its words came from, and the heading above it."""

    def __init__(self, data: dict, numbers: dict, heads: list[tuple[int, str]],
                 notes: dict | None = None):
        self.notes = notes or {}   # footnote id -> (number Word shows, paragraph citing it)
        self.heads = sorted(heads)
        self.head_at = [n for n, _ in self.heads]
        texts = sorted((n, _squashed("".join(t.text or "" for t in p.iter(ox.T))))
                       for p, n in numbers.items())
        self.texts = [t for _, t in texts]
        self.numbers = [n for n, _ in texts]
        exact: dict[str, list[int]] = {}
        for i, t in enumerate(self.texts):
            exact.setdefault(t, []).append(i)
        self.exact = exact
        self.by_heading: dict[str, int] | None = None
        self.budget = _WINDOW
        self.keys: list[int] | None = None
        self.paths: list[tuple] = []
        self.order: dict[tuple, int] = {}      # every path, in the outline's order
        self.found: list[tuple[int, int]] = []  # (order, paragraph) of each value found
        cursor = 0
        for path, value in _walk(data):
            self.order[path] = len(self.order)
            if not isinstance(value, str) or (path and path[-1] in _NOT_TEXT) or \
                    (len(path) > 1 and path[0] == "labels"):
                continue
            wanted = _squashed(_plain(value))
            if not wanted or wanted == TODO:
                continue
            if path[0] in _FLOATING:   # out of the body's order: looked for from the top
                at = self._find(wanted, exact, 0)
            else:
                at = self._find(wanted, exact, cursor)
                cursor = max(cursor, at) if at is not None else cursor
            if at is not None:
                self.found.append((self.order[path], self.numbers[at]))

    def _find(self, wanted: str, exact: dict, cursor: int) -> int | None:
        same = exact.get(wanted, [])
        after = bisect.bisect_left(same, cursor)
        if after < len(same):
            return same[after]
        if len(wanted) >= 4:
            for i in range(cursor, min(cursor + _WINDOW, len(self.texts))):
                if wanted in self.texts[i]:
                    return i
        return same[0] if same else None

    def place(self, path: tuple) -> Place:
        """The place of a path's value, of the first value under it found, or of the
        value before it; a path the outline lacks, by its longest part it has."""
        if len(path) > 1 and path[0] == "footnotes" and path[1] in self.notes:
            number, paragraph = self.notes[path[1]]
            return Place(paragraph, self.at(paragraph).heading, number)
        while path and path not in self.order:
            path = path[:-1]
        if not path or not self.found:
            return Place()
        if self.keys is None:
            self.keys, self.paths = [o for o, _ in self.found], list(self.order)
        keys, paths = self.keys, self.paths
        for cut in range(len(path), 0, -1):   # the value, else its row, its part ...
            prefix = path[:cut]
            i = bisect.bisect_left(keys, self.order[prefix])
            if i < len(keys) and paths[keys[i]][:cut] == prefix:
                return self.at(self.found[i][1])
        i = bisect.bisect_left(keys, self.order[path])
        return self.at(self.found[i - 1][1]) if i else Place()

    def at(self, paragraph: int) -> Place:
        i = bisect.bisect_right(self.head_at, paragraph)
        return Place(paragraph, self.heads[i - 1][1] if i else None)

    def cover(self, number: int) -> Place | None:
        """The place of the cover's line `number` (1 the title, 2 the line under it), or
        of the last line above the first heading when there are fewer."""
        if not self.numbers:
            return None
        first_heading = self.head_at[0] if self.head_at else self.numbers[-1] + 1
        return self.at(max(1, min(number, first_heading - 1, self.numbers[-1])))

    def heading(self, text: str) -> Place | None:
        """The place of a heading holding these words (as a whole, or after a label's
        colon: a session's title), else of a paragraph of these words."""
        if self.by_heading is None:
            self.by_heading = {}
            for n, head in reversed(self.heads):   # the first of a name wins
                parts = head.split(":")
                for cut in range(len(parts)):
                    self.by_heading[_squashed(":".join(parts[cut:]))] = n
        wanted = _squashed(text)
        if wanted in self.by_heading:
            return self.at(self.by_heading[wanted])
        if wanted in self.exact:
            return self.at(self.numbers[self.exact[wanted][0]])
        if self.budget > 0 and wanted:   # words inside a heading: looked for a few times
            self.budget -= 1
            for n, head in self.heads:
                if wanted in _squashed(head):
                    return self.at(n)
        return None


def _walk(value, path: tuple = ()):
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, path + (i,))


# -- import's own --report lines, in the document's words ---------------------------------------

_Q = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""


def _unquote(text: str) -> str:
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text.strip("'\"")


def _q(text: str) -> str:
    return f'"{text}"'


# (pattern of a report line, what it says in the document's terms, the group whose words
# place it); {1} etc. are the pattern's groups, quoted ones unquoted and quoted again in
# double quotes. The first pattern matching wins.
REPORT_LINES: list[tuple[str, str, int | None]] = [
    (r"no title found: meeting\.title is TODO",
     ("the draft has no title: type the meeting's title as its first line, in the style "
      "Title"), None),
    (r"no department found: publication\.department is TODO(?: \(a draft names it .*\))?",
     "no department found: type the department's name on the line above the dates", None),
    (rf"meeting dates not found in {_Q}: meeting\.dates is (\S+)",
     ("the dates {1} cannot be read: write them as March 29, 2019 or March 28 to 29, 2019 "
      "(29 mars 2019 in French); the outline would have {2}"), 1),
    (r"meeting dates not found: meeting\.dates is (\S+)",
     ("no meeting dates found: type them under the title, as March 29, 2019; the outline "
      "would have {1}"), None),
    (rf"{_Q}, before the first heading, put in the introduction",
     "{1} is above the first heading: it would go into the introduction", 1),
    (r"(\d+ paragraphs?) before the first heading put in the introduction",
     "{1} above the first heading would go into the introduction", None),
    (rf"session {_Q} has no text: its body is TODO",
     "the session {1} has no text under its heading", 1),
    (rf"{_Q} has no text: its body is TODO", "{1} has no text under it", 1),
    (rf"{_Q} under {_Q} read as a subheading of the session before it",
     ("{1} is no session heading (Plenary Session 1: Title): it would be a subheading of "
      "the session before it"), 1),
    (rf"{_Q} is no session heading; read as a session of kind 'other'",
     ("{1} is not a part of a summary (Introduction, Opening Remarks, Highlights from "
      "Plenary Sessions, Key Outcomes, Conclusion, Appendix A: ...) nor a session heading: "
      "it would be read as a session"), 1),
    (rf"{_Q} after the conclusion made a subheading of it",
     ("{1} comes after the Conclusion and is no appendix (Appendix A: Title): it would be a "
      "subheading of the conclusion"), 1),
    ((rf"{_Q} read as the (.+) by its place \(its title is not one of that part's usual "
     r"titles\)"),
     ("{1} would be the {2} by its place: its title is not one of that part's usual titles"),
     1),
    (rf"{_Q} has no list: its paragraphs made its items",
     "{1} has no bulleted list: its paragraphs would be its items", 1),
    (rf"a bold line {_Q} read as a heading \(level (\d+)\)",
     ("the bold line {1} would be a heading (Heading {2}); give it a heading style to be "
      "sure"), 1),
    (r"(\d+ paragraphs?) beginning with a typed bullet or number .* read as list items",
     ("{1} beginning with a typed bullet or number would be list items; the styles List "
      "Bullet and List Number make them so"), None),
    (r"no session heading has a label .*",
     ("no session heading has a label (Plenary Session 1: ...): the headings would be "
      "printed as they are"), None),
    (r"no session found: one session with TODO written",
     "no session found: give each session a heading, Plenary Session 1: Title", None),
    (rf"session {_Q} is numbered (\d+); it is the (\w+) of its kind and will be numbered so",
     "the session {1} is numbered {2}; it is the {3} of its kind and would be numbered so",
     1),
    (rf"heading {_Q} \(level (\d+)\) made a subheading",
     "the heading {1} (Heading {2}) would be a subheading", 1),
    (rf"a subheading in {_Q} made a list item",
     "a subheading under {1} would be a list item", 1),
    (rf"a paragraph after the list in {_Q} made a list item",
     "a paragraph after the list under {1} would be a list item", 1),
    (rf"(\d+) paragraphs before the list in {_Q} joined into its intro",
     "{1} paragraphs before the list under {2} would be joined into one", 2),
    (rf"{_Q} has no list: outcomes\.items is TODO",
     "{1} has no list: type the outcomes as a bulleted list", 1),
    (r"no key outcomes found: outcomes\.items is TODO",
     "no Key Outcomes found: the part before the Conclusion, a bulleted list", None),
    (r"no conclusion found: conclusion\.body is TODO",
     "no Conclusion found: the last part before the appendices", None),
    (rf"publication\.isbn {_Q} left out: (.*)", "the ISBN {1} would be left out: {2}", 1),
    (rf"publication\.catalogue_number {_Q} left out: (.*)",
     "the catalogue number {1} would be left out: {2}", 1),
]
_COMPILED = [(re.compile(p), said, by) for p, said, by in REPORT_LINES]
# where what is missing goes: the title first, the dates on the line under it
_WHERE = {REPORT_LINES[0][1]: 1, REPORT_LINES[1][1]: 2, REPORT_LINES[3][1]: 2}
_EMPTY_NOTE = re.compile(r"footnote (\S+) has no text: its text is TODO")
_CITING_NOTE = re.compile(r"footnote \[\^(\S+)\] cites another footnote")


def _report_item(line: str, provenance: Provenance, notes: dict, data: dict) -> Finding:
    for pattern, said, by in _COMPILED:
        m = pattern.fullmatch(line)
        if m:
            groups = [_unquote(g) if g and g[:1] in "'\"" else g for g in m.groups()]
            shown = [_q(g) if m.group(i + 1)[:1] in "'\"" else g for i, g in enumerate(groups)]
            place = (provenance.heading(groups[by - 1]) if by else
                     provenance.cover(_WHERE[said]) if said in _WHERE else None) or Place()
            if said.startswith("{1} is no session heading") and \
                    groups[0].rstrip().endswith(":"):
                said = "the session has no title: type it after the colon"
            return Finding("warning", place, said.format(None, *shown))
    citing = ("footnote {n} cites another footnote, which a footnote cannot: the citation "
              "would be left out")
    for pattern, said in ((_EMPTY_NOTE, "footnote {n} is empty"), (_CITING_NOTE, citing)):
        m = pattern.match(line)
        if m:
            name = m.group(1)
            found = notes.get(name)
            if found is None:
                return Finding("warning", Place(), said.format(n=name))
            place = provenance.at(found[1])
            return Finding("warning", Place(place.paragraph, place.heading, found[0]),
                           said.format(n=found[0]))
    # a line of import's this table does not know yet: placed by the first words it quotes
    quoted = re.search(_Q, line)
    place = provenance.heading(_unquote(quoted.group(0))) if quoted else None
    return Finding("warning", place or Place(), in_words(line))


_UNDER = re.compile(r" \((?:under '(?:[^'\\]|\\.)*'|under \"(?:[^\"\\]|\\.)*\"|before the first "
                    r"heading)\)$")


def _without_place(line: str) -> str:
    """A reader's report line without the heading it names: the place says it."""
    return _UNDER.sub("", line)


# Outline words in validate's and lint's messages, as an editor of the DOCX says them.
_WORDS = [
    (r"set publication\.status to draft",
     ("mark the document a draft (DRAFT in the page header, in the style Draft Mark, as the "
     "starter has it)")),
    (r"publication\.status", "the document's status"),
    (r"\(YYYY-MM-DD\)", "(as March 29, 2019)"),
    (r"meeting\.title", "the title"), (r"meeting\.dates", "the dates"),
    (r"the outline has", "the draft has"),
    # import's "...: sessions[2].body is TODO": the part is left to fill
    (r": [a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)* is TODO\b", ": left to fill (TODO)"),
]


def in_words(message: str) -> str:
    for pattern, words in _WORDS:
        message = re.sub(pattern, words, message)
    return message


# -- the summary --------------------------------------------------------------------------------

def summary(data: dict, document) -> list[tuple[str, str]]:
    from .. import languages
    meeting = data.get("meeting") or {}
    title = str(meeting.get("title", ""))
    out = [("Title", "none found (see below)" if title == TODO else title)]
    if document is not None and document.cover is not None:
        out.append(("Dates", document.cover.when))
        out.append(("Place", document.cover.where or "not given"))
    else:
        dates = meeting.get("dates")
        out.append(("Dates", ", ".join(map(str, dates)) if isinstance(dates, list)
                    else str(dates)))
        out.append(("Place", "online" if meeting.get("virtual") else
                    str(meeting.get("location") or "not given")))
    code = (data.get("publication") or {}).get("language", "en")
    try:
        language = languages.get(code).name
    except (KeyError, ValueError):
        language = str(code)
    out.append(("Language", language))
    out.append(("Status", str((data.get("publication") or {}).get("status", "final"))))
    if document is not None:
        for block in document.body:
            level, text = getattr(block, "level", None), getattr(block, "text", None)
            origin = getattr(block, "origin", None)
            if level == 1:
                out.append(("Part", text))
            elif level == 2 and origin is not None and origin.path[:1] == ("sessions",):
                out.append(("Session", text))
    else:
        out += _raw_parts(data, code)
    out.append(("Counts", counts(data)))
    return out


def _raw_parts(data: dict, code: str) -> list[tuple[str, str]]:
    """The parts and sessions of an outline that would not validate (none can be built),
    headed as the renderer heads them where the labels allow."""
    from .. import languages
    from ..languages.labels import appendix_letter, fill, labels_for, session_label
    try:
        labels = labels_for(code)
    except (KeyError, ValueError):
        labels = labels_for("en")
    try:
        typeset = languages.get(code).typography   # as every word the summary prints
    except (KeyError, ValueError):
        typeset = str

    def titled(key: str, label: str) -> str:
        part = data.get(key)
        return str(part.get("title") or labels[label]) if isinstance(part, dict) else labels[label]

    out = [("Part", titled("introduction", "introduction"))]
    if "opening_remarks" in data:
        out.append(("Part", titled("opening_remarks", "opening_remarks")))
    groups = data.get("session_groups") if isinstance(data.get("session_groups"), dict) else {}
    numbers: dict[str, int] = {}
    shown: set = set()
    for session in data.get("sessions") or []:
        if not isinstance(session, dict):
            continue
        kind = str(session.get("kind", "plenary"))
        group = groups.get(kind)
        if kind not in shown and isinstance(group, dict) and group.get("heading"):
            out.append(("Part", str(group["heading"])))
        shown.add(kind)
        numbers[kind] = numbers.get(kind, 0) + 1
        title = session.get("title", "")
        try:
            heading = fill(labels["session_heading"], title=title,
                           label=session_label(labels, kind, numbers[kind]))
        except (KeyError, ValueError):
            heading = f"{kind} {numbers[kind]}: {title}"
        out.append(("Session", heading))
    out.append(("Part", titled("outcomes", "outcomes")))
    out.append(("Part", titled("conclusion", "conclusion")))
    for index, appendix in enumerate(data.get("appendices") or []):
        title = appendix.get("title", "") if isinstance(appendix, dict) else ""
        try:
            out.append(("Part", fill(labels["appendix"], letter=appendix_letter(index),
                                     title=title)))
        except (KeyError, ValueError):
            out.append(("Part", str(title)))
    return [(what, typeset(shown)) for what, shown in out]


def counts(data: dict) -> str:
    paragraphs = items = organizations = rows = 0

    def items_of(entries) -> int:
        n = 0
        for entry in entries or []:
            n += 1
            if isinstance(entry, dict):
                n += items_of(entry.get("bullets") or entry.get("numbered"))
        return n

    for path, value in _walk(data):
        if len(path) >= 2 and path[-2] in ("body", "intro") and isinstance(value, str):
            paragraphs += 1
        elif len(path) >= 2 and path[-2] == "body" and isinstance(value, dict):
            items += items_of(value.get("bullets") or value.get("numbered"))
        if path and path[-1] == "organizations" and isinstance(value, list):
            organizations += len(value)
        if path and path[-1] == "agenda" and isinstance(value, list):
            rows += len(value)
    items += len((data.get("outcomes") or {}).get("items") or [])
    notes = len(data.get("footnotes") or {})

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"
    return ", ".join((n(paragraphs, "paragraph"), n(items, "list item"), n(notes, "footnote"),
                      n(organizations, "organization"), n(rows, "agenda row")))


def lines(checked: Checked, name: str) -> list[str]:
    """The report as printed: the summary, then each problem on a line of its own."""
    out = [f"{name} would import as:"]
    fields = [(w, s) for w, s in checked.summary if w not in ("Part", "Session")]
    width = max(len(what) for what, _ in fields)
    out += [f"  {what + ':':<{width + 1}} {shown}" for what, shown in fields[:-1]]
    out.append("  Parts, in order:")
    out += [("      " if what == "Session" else "    ") + shown
            for what, shown in checked.summary if what in ("Part", "Session")]
    out += [f"  {what + ':':<{width + 1}} {shown}" for what, shown in fields[-1:]]
    if checked.findings:
        out.append("")
    out += [problem_line(name, f) for f in checked.findings]
    return out


def problem_line(name: str, finding: Finding) -> str:
    from ..problems import one_line
    place = finding.place
    where = name
    if place.footnote is not None:
        where += f", footnote {place.footnote}"
        if place.paragraph is not None:
            where += f" (cited in paragraph {place.paragraph})"
    elif place.paragraph is not None:
        where += f", paragraph {place.paragraph}"
    if place.paragraph is not None:
        where += f", under {_plain_quote(place.heading)}" if place.heading is not None else \
            ", before the first heading"
    return one_line(f"{where}: {finding.level}: {finding.message}")


def _plain_quote(text: str) -> str:
    return f'"{text}"'


__all__ = ["Checked", "Finding", "Place", "check_docx", "lines"]
