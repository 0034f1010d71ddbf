"""`rtdraft import`: a reviewed DOCX back into an outline (issue 16).

    open (package) -> tracked changes decided (ooxml_read) -> blocks (read)
    -> outline data (outline) -> YAML (dump) -> comments placed in that YAML
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import languages
from ..errors import ImportFailure, UndecidedChanges
from ..outline.source import Source, parse_text
from ..problems import Problem
from . import ooxml_read as ox
from . import plain_draft
from .dump import dump
from .outline import Builder
from .package import open_docx
from .read import MARK_BASE, MARKS, Comment, Head, Reader


@dataclass
class Imported:
    text: str                                   # the outline, YAML
    data: dict
    comments: list[dict] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    def notes(self, name: str) -> list[Problem]:
        """Each comment as a problem at its place in the outline."""
        return [Problem(name, c["line"], c["column"], "note", (),
                        f"comment by {c['author']}: {c['text']}", "comment")
                for c in self.comments]


def import_docx(path: Path, changes: str | None = None, name: str = "outline.yaml") -> Imported:
    """The outline a DOCX stands for; `changes`: None, "accept" or "reject"."""
    return guarded(path, lambda: _import(open_docx(path), path, changes, name))


def guarded(path: Path, work):
    """work()'s result; an error rtdraft did not expect is the bug-report refusal."""
    try:
        return work()
    except (ImportFailure, UndecidedChanges):
        raise
    except Exception as exc:   # noqa: BLE001 - a bug, said as one
        raise ImportFailure(bug_report(path, exc)) from None


def bug_report(path: Path, exc: BaseException) -> str:
    """The line for an error rtdraft did not expect: a bug of rtdraft's, not the user's,
    with what a report needs (the version, where it happened), and no Python message."""
    import traceback

    from .. import __version__
    package = str(Path(__file__).resolve().parent.parent)   # rtdraft's own files
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if str(Path(f.filename).resolve()).startswith(package)] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return (f"{path}: rtdraft {__version__} failed on this document, a bug in rtdraft "
            f"({type(exc).__name__} at {where}); nothing written. Please report it with "
            "the file attached (or a copy with its words replaced)")


def _import(document, path: Path, changes: str | None, name: str) -> Imported:
    parsed, builder, data = read_outline(document, path, changes)
    marks: dict[int, tuple[tuple, str, int]] = {}
    data = _take_marks(data, (), marks)
    text, source = _checked(data, name, path, builder.unplaced)
    placed = []
    for comment in parsed.comments:
        found = marks.get(comment.index)
        if found:
            where, value, offset = found
            line, column = source.locate_at(where, value, offset) if value else \
                source.position(where)
        else:
            line, column = _heading_place(source, comment.heading)
        placed.append({"author": comment.author, "date": comment.date, "text": comment.text,
                       "quoted": MARKS.sub("", comment.quoted), "line": line,
                       "column": column, "heading": comment.heading})
    return Imported(text, source.data, placed, builder.unplaced)


def read_outline(document, path: Path, changes: str | None, reader=Reader):
    """(the blocks read, the builder, the outline's data with comment marks still in it)
    of an opened DOCX; `reader`: the Reader class (check.py's counts paragraphs)."""
    body = document.element.body
    notes_part, footnotes = ox.related(document.part, ox.FOOTNOTES_REL)
    end_part, endnotes = ox.related(document.part, ox.ENDNOTES_REL)
    roots = [body] + [notes for notes in (footnotes, endnotes) if notes is not None]
    if any(ox.has_changes(root) for root in roots):
        if changes is None:
            raise UndecidedChanges(_undecided(path, document, roots))
        for root in roots:
            ox.decide(root, changes == "accept")
    comments = _comments(document)
    numbering = ox.part_xml(document.part, ox.NUMBERING_REL)
    language = _language(document)
    make = reader
    reader = make(document, comments, numbering, languages.get(language).typography)
    parsed = reader.read()
    titled = _draft_language(parsed)
    if titled and titled != language:   # read again, its typography undone as its own
        language = titled   # and its comments anew: reading places (marks) each one once
        reader = make(document, _comments(document), numbering,
                      languages.get(language).typography)
        parsed = reader.read()
    # an endnote becomes a footnote (an outline has only those): its number is kept apart
    for part, notes, tag, prefix in ((notes_part, footnotes, ox.FOOTNOTE, ""),
                                     (end_part, endnotes, ox.ENDNOTE, ox.ENDNOTE_PREFIX)):
        if notes is None:
            continue
        reader.part = part     # a note's links are relationships of its own part
        for note in notes.findall(tag):
            if ox.attr(note, "type") in (None, "normal"):
                number = prefix + (ox.attr(note, "id") or "")
                text = " ".join(reader.inlines(p) for p in note.iter(ox.P))
                parsed.footnotes[number] = " ".join(text.split())
                kept = ox.note_id(note)
                if kept:
                    parsed.note_ids[number] = kept
    builder = Builder(parsed, language, document.core_properties)
    return parsed, builder, builder.build()


# Values copied as printed that validate may refuse: left out of the outline, and kept in a
# YAML comment under `publication:` and a --report line, so that the outline validates.
FLAGGED = {("publication", "isbn"), ("publication", "catalogue_number")}


def _checked(data: dict, name: str, path: Path, unplaced: list[str]):
    """The outline's YAML and its source, validated: a wrong ISBN or catalogue number is
    flagged and left out; any other error, or a size beyond an outline's limits, refuses
    the import (exit 7): what import writes always validates."""
    from ..problems import one_line

    text, source, problems = validated(data, name, path, unplaced)
    problems = [p for p in problems if p.level == "error"]
    if problems:
        first = problems[0]
        raise ImportFailure(one_line(
            f"{path}: the outline read from it would not validate ({first.where}: "
            f"{first.message}); nothing written"))
    return text, source


def validated(data: dict, name: str, path: Path, unplaced: list[str]):
    """(YAML, source, the problems validate finds) of the outline import would write: a
    wrong ISBN or catalogue number left out and said in `unplaced`; a size beyond an
    outline's limits refused (exit 7)."""
    from ..outline.source import MAX_BYTES
    from ..outline.validate import validate
    from ..problems import one_line

    _within_limits(data, path)
    text, source = dump(data, name)
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ImportFailure(f"{path}: the outline would be more than {MAX_BYTES:,} bytes, an "
                            "outline's limit (nothing written)")
    problems = validate(source)
    flagged = [p for p in problems if p.path in FLAGGED and p.level == "error"]
    if flagged:
        comments = []
        for problem in flagged:
            key, value = problem.path[1], data["publication"].pop(problem.path[1])
            unplaced.append(f"publication.{key} {value!r} left out: {problem.message}")
            comments.append(one_line(f"  # {key}: {value}  (left out by import: "
                                     f"{problem.message})"))
        text, source = dump(data, name)
        lines = text.split("\n")
        at = lines.index("publication:") + 1
        text = "\n".join(lines[:at] + comments + lines[at:])
        source = parse_text(text, Source(name))
        problems = validate(source)
    return text, source, problems


def _within_limits(data, path: Path, where: tuple = ()) -> int:
    """Refuse, before the outline is written out and validated, a list longer than an
    outline's lists may be or more text than an outline may hold; the characters seen."""
    from ..outline.schema import MAX_ITEMS
    from ..outline.source import MAX_BYTES
    from ..problems import format_path

    size = 0
    if isinstance(data, str):
        return len(data)
    items = data.items() if isinstance(data, dict) else enumerate(data) \
        if isinstance(data, list) else ()
    if isinstance(data, list) and len(data) > MAX_ITEMS:
        raise ImportFailure(f"{path}: {format_path(where)} would have {len(data):,} items; "
                            f"an outline's list holds at most {MAX_ITEMS:,} (nothing written)")
    for key, value in items:
        size += _within_limits(value, path, where + (key,))
        if size > MAX_BYTES:
            raise ImportFailure(f"{path}: the outline would be more than {MAX_BYTES:,} "
                                "bytes, an outline's limit (nothing written)")
    return size


FIRST, FOOTNOTES = "before the first heading", "in the footnotes"


def _undecided(path: Path, document, roots) -> str:
    """How many changes there are, and under which headings."""
    ins, dels, formats = (sum(ox.count_changes(r)[i] for r in roots) for i in range(3))
    where: dict[str, list[int]] = {}
    heading = FIRST
    for p in document.element.body.iter(ox.P):
        style = ""
        ppr = p.find(ox.PPR)
        if ppr is not None and ppr.find(ox.PSTYLE) is not None:
            style = ppr.find(ox.PSTYLE).get(ox.qn("w:val")) or ""
        if style.lower().replace(" ", "").startswith("heading"):
            heading = "".join(t.text or "" for t in p.iter(ox.T, ox.DEL_TEXT)) or heading
        counts = ox.count_changes(p)
        if any(counts[:2]):
            slot = where.setdefault(heading, [0, 0])
            slot[0] += counts[0]
            slot[1] += counts[1]
    for root in roots[1:]:   # the footnotes and endnotes
        counts = ox.count_changes(root)
        if any(counts[:2]):
            slot = where.setdefault(FOOTNOTES, [0, 0])
            slot[0] += counts[0]
            slot[1] += counts[1]
    total = f"{_plural(ins, 'insertion')} and {_plural(dels, 'deletion')}" + (
        f" and {_plural(formats, 'formatting change')}" if formats else "")
    places = "; ".join(
        ("" if h in (FIRST, FOOTNOTES) else "under ") + f"{h} ("
        + ", ".join(_plural(n, w) for n, w in ((a, "insertion"), (b, "deletion")) if n) + ")"
        for h, (a, b) in where.items())
    return (f"{path}: the document has tracked changes ({total}"
            + (f"; {places}" if places else "") + "); import them with "
            "--changes accept or --changes reject (nothing written)")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _comments(document) -> dict[str, Comment]:
    part = ox.part_xml(document.part, ox.COMMENTS_REL)
    found: dict[str, Comment] = {}
    if part is None:
        return found
    for index, element in enumerate(part.findall(ox.COMMENT)):
        paragraphs = ["".join(t.text or "" for t in p.iter(ox.T)) for p in element.iter(ox.P)]
        found[ox.attr(element, "id") or str(index)] = Comment(
            index, ox.attr(element, "author") or "", ox.attr(element, "date") or "",
            "\n".join(p for p in paragraphs if p).strip())
    return found


def _language(document) -> str:
    shipped = {lang.code for lang in languages.shipped()}
    tag = (document.core_properties.language or "").split("-")[0].lower()
    if tag in shipped:
        return tag
    marked = _runs_language(document.element.body)
    if marked in shipped:
        return marked
    defaults = document.styles.element.find(ox.qn("w:docDefaults"))
    if defaults is not None:
        for lang in defaults.iter(ox.qn("w:lang")):
            code = (lang.get(ox.qn("w:val")) or "").split("-")[0].lower()
            if code in shipped:
                return code
    return "en"


def _runs_language(body, limit: int = 5000) -> str | None:
    """The language most of the text is marked in, run by run (Word marks each run with
    the keyboard's language: a French draft typed in an English template), when more
    than half of the first `limit` marks agree."""
    from collections import Counter
    from itertools import islice
    counts = Counter((ox.attr(lang, "val") or "").split("-")[0].lower()
                     for lang in islice(body.iter(ox.qn("w:lang")), limit))
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    return code if code and n * 2 > sum(counts.values()) else None


def _draft_language(parsed) -> str | None:
    """A draft's language as its parts' titles say it ('Mot d'ouverture', 'Principaux
    résultats'), when they do: a draft typed in a template of another language keeps
    that template's language (w:lang); rtdraft's own DOCX says its own."""
    if parsed.ours:
        return None
    shipped = {lang.code for lang in languages.shipped()}
    found = plain_draft.language_of([b.text for b in parsed.blocks
                                     if isinstance(b, Head) and b.level == 1])
    return found if found in shipped else None


def _take_marks(value, path: tuple, marks: dict):
    """The data without comment marks; each mark's (path, text, offset) into marks."""
    if isinstance(value, str):
        if not MARKS.search(value):
            return value
        clean, removed = "", 0
        for i, c in enumerate(value):
            if MARKS.match(c):
                marks[ord(c) - MARK_BASE] = (path, None, i - removed)
                removed += 1
            else:
                clean += c
        for key, (where, _, offset) in list(marks.items()):
            if where == path:
                marks[key] = (where, clean, min(offset, max(len(clean) - 1, 0)))
        return clean
    if isinstance(value, list):
        return [_take_marks(v, path + (i,), marks) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {k: _take_marks(v, path + (k,), marks) for k, v in value.items()}
    return value


def _heading_place(source, heading: str) -> tuple[int, int]:
    """Where a heading's text stands in the outline, for a comment whose words are gone."""
    found: list[tuple] = []

    def look(value, path=()):
        if isinstance(value, str) and heading and value in heading:
            found.append(path)
        elif isinstance(value, dict):
            for k, v in value.items():
                look(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                look(v, path + (i,))
    look(source.data)
    return source.position(found[0]) if found else (1, 1)


__all__ = ["Imported", "import_docx"]
