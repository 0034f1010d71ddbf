"""Load an outline: YAML text -> plain data plus the position of every value.

The YAML events are read once (libyaml's parser when present) and turned into
dicts, lists and scalars by hand, so that we can keep every position, report
duplicate keys, bound alias expansion and resolve scalars by YAML 1.2's core
schema: `no`, `on` and `13:00` stay strings, dates stay ISO strings.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..problems import MAX_ERRORS, Problem
from .plain import BOOL, INT, NULL, resolve_plain
from .sniff import opening

Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 10 * 1024 * 1024   # an outline is tens of kilobytes; 10 MB is far past any real one
MAX_ALIAS_VALUES = 10_000      # values that aliases may add by repeating anchored ones
# Characters of text the outline may hold once aliases are expanded: 50 times the file's
# own, and never less than a million (a real outline repeats a name or a date, not a
# chapter).
ALIAS_TEXT_FACTOR = 50
MIN_ALIAS_TEXT = 1_000_000
MAX_DEPTH = 64                 # nested deeper than this: a mistake or an attack
MAX_INT_DIGITS = 4300          # Python's own limit for turning a whole number into text

Path_ = tuple  # a path into the data: ('sessions', 2, 'title')

_STR_TAGS = {"tag:yaml.org,2002:str", "!"}


@dataclass(frozen=True)
class Located:
    """Where one value of the outline stands in its file (1-based)."""

    line: int
    column: int
    key_line: int | None = None     # the key's position, for mapping values
    key_column: int | None = None
    style: str | None = None        # scalar style: '' plain, | > ' "; None for collections
    start: int = 0                  # character offsets of the value in the text
    end: int = 0


@dataclass
class Source:
    """A loaded outline: the file's text, its data and where each value stands."""

    file: str
    text: str = ""
    data: Any = None
    places: dict[Path_, Located] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    more: bool = False   # errors beyond MAX_ERRORS, not kept
    _line_starts: list[int] | None = field(default=None, repr=False, compare=False)
    # Caches that keep lint linear when one long text has thousands of findings.
    _found: dict = field(default_factory=dict, repr=False, compare=False)
    _counts: dict = field(default_factory=dict, repr=False, compare=False)
    _aligned: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.data is not None

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at path, or of its nearest ancestor."""
        path = tuple(path)
        while path not in self.places and path:
            path = path[:-1]
        place = self.places.get(path)
        if place is None:
            return 1, 1
        if key and place.key_line is not None:
            return place.key_line, place.key_column
        return place.line, place.column

    def locate(self, path: Path_, needle: str, occurrence: int = 0) -> tuple[int, int]:
        """Line and column of the occurrence-th `needle` inside the scalar at path.

        Works where the source spells the text as the value does (plain, literal
        and folded scalars, quoted ones without escapes; a line break in the file
        may stand for a space of the value); otherwise the scalar's own position
        is the answer.
        """
        place = self.places.get(tuple(path))
        if place is None or place.style is None or not needle.strip():
            return self.position(path)
        key = (tuple(path), needle)
        found = self._found.get(key)
        if found is None:
            pattern = re.compile(r"\s+".join(re.escape(word) for word in needle.split()))
            found = [m.start() for m in pattern.finditer(self.text, place.start, place.end)]
            self._found[key] = found
        if occurrence >= len(found):
            return place.line, place.column
        return self.line_column(found[occurrence])

    def locate_at(self, path: Path_, value: str, offset: int,
                  needle: str | None = None, written: str | None = None) -> tuple[int, int]:
        """Line and column of the words at `offset` in the value at path.

        `needle` is the words (by default the rest of their line, 20 characters at
        most); which occurrence of them is meant is counted from the value. `written`
        is the value before lint blanked out its markup (same length), for _aligned.
        """
        spot = self._aligned_offset(tuple(path), written or value, offset)
        if spot is not None:
            return self.line_column(spot)
        if needle is None:
            needle = value[offset:offset + 20].split("\n")[0]
        return self.locate(path, needle, self._count_before(value, needle, offset))

    def _count_before(self, value: str, needle: str, offset: int) -> int:
        """value[:offset].count(needle), from the needle's places found once."""
        if not needle:
            return value[:offset].count(needle)
        starts = self._counts.get((value, needle))
        if starts is None:
            starts, at = [], value.find(needle)
            while at >= 0:
                starts.append(at)
                at = value.find(needle, at + len(needle))
            self._counts[(value, needle)] = starts
        return bisect.bisect_right(starts, offset - len(needle))

    def _aligned_offset(self, path: Path_, value: str, offset: int) -> int | None:
        """The file offset of value[offset], when the scalar at path is written as the
        same words as the value (plain, folded or literal text, quoted without escapes):
        the words of both, paired once per value, map an offset in one step. None when
        they differ."""
        key = (path, value)
        if key not in self._aligned:
            self._aligned[key] = self._align(path, value)
        aligned = self._aligned[key]
        if aligned is None or not 0 <= offset < len(value):
            return None
        value_starts, file_starts = aligned
        index = bisect.bisect_right(value_starts, offset) - 1
        if index < 0:
            return file_starts[0]
        within = offset - value_starts[index]
        following = value_starts[index + 1] if index + 1 < len(value_starts) else len(value)
        if within >= len(value[value_starts[index]:following].rstrip()):   # in the spaces
            return file_starts[index + 1] if index + 1 < len(file_starts) else None
        return file_starts[index] + within

    def _align(self, path: Path_, value: str):
        place = self.places.get(path)
        if place is None or place.style is None:
            return None
        start, end = place.start, place.end
        if place.style in ("'", '"'):
            start, end = start + 1, end - 1
        elif place.style in ("|", ">"):
            start = self.text.find("\n", start, end) + 1 or end
        ours = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", value)]
        theirs = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", self.text[start:end])]
        if not ours or [w for _, w in ours] != [w for _, w in theirs]:
            return None
        return [at for at, _ in ours], [start + at for at, _ in theirs]

    def line_column(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:   # once per file: positions are asked for by the thousand
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def error(self, line: int, column: int, message: str, rule: str, path: Path_ = ()) -> None:
        if len(self.problems) >= MAX_ERRORS:   # 10 MB of duplicate keys: a million
            self.more = True
            return
        self.problems.append(Problem(self.file, line, column, "error", path, message, rule))


class _Fatal(Exception):
    """Loading cannot go on; the problem is already recorded."""


def read(path: str | Path, display: str | None = None) -> Source:
    """Read an outline file. Never raises for anything in the file itself."""
    source = Source(display or str(path))
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            source.error(1, 1, f"file is {size:,} bytes; an outline may be at most "
                         f"{MAX_BYTES:,} bytes", "size-limit")
            return source
        with open(path, "rb") as handle:
            raw = read_bounded(handle)
    except OSError as exc:
        source.error(1, 1, f"cannot read file: {exc.strerror or exc}", "io")
        return source
    return parse_bytes(raw, source)


def read_bounded(handle) -> bytes:
    """At most MAX_BYTES + 1 bytes: enough to tell that a stream (standard input, a FIFO,
    /dev/zero) is too long to be an outline, without reading all of it."""
    return handle.read(MAX_BYTES + 1)


def gather(paths, stdin, only_outlines: bool = False) -> list[Source]:
    """Sources for outline files, folders (searched for outlines) and '-' (stdin)."""
    out = []
    for path in paths:
        if path == "-":
            out.append(parse_bytes(read_bounded(stdin), Source("<stdin>")))
        elif Path(path).is_dir():
            out += search(Path(path))
        elif not only_outlines or is_outline(Path(path)):
            out.append(read(path))
    return out


def search(folder: Path) -> list[Source]:
    """The outlines below folder, in name order: YAML files that are outlines, read; and a
    problem for each folder or file that cannot be looked into, without stopping. Links to
    folders are not followed; the walk keeps its own list (no recursion, any depth)."""
    found: dict[str, Source | None] = {}
    waiting = [str(folder)]
    while waiting:
        top = waiting.pop()
        try:
            with os.scandir(top) as listing:
                entries = list(listing)
        except OSError as exc:
            found[top] = Source(top)
            found[top].error(1, 1, f"cannot search folder: {exc.strerror or exc}", "io")
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    waiting.append(entry.path)
                    continue
            except OSError:
                pass
            if os.path.splitext(entry.name)[1] not in (".yaml", ".yml"):
                continue
            try:
                regular = stat.S_ISREG(os.stat(entry.path).st_mode)
            except FileNotFoundError:
                continue   # gone, or a link to nothing
            except OSError:
                regular = True   # cannot be looked at: the reader says why
            if regular and is_outline(Path(entry.path)):
                found[entry.path] = None
    return [source or read(path)
            for path, source in sorted(found.items(), key=lambda item: Path(item[0]))]


HEAD = 65536   # bytes of a block-style file searched for its `rtdraft:` line
_BLOCK_KEY = re.compile(r"^rtdraft[ \t]*:", re.MULTILINE)
_LINE_BREAKS = re.compile(r"\r\n?|[\x85\u2028\u2029]")   # YAML's, besides \n
_FLOW_KEY = re.compile(r"[{,]\s*([\"']?)rtdraft\1\s*:")


def is_outline(path: Path) -> bool:
    """Has the file's top-level mapping an `rtdraft` key? In block style the key starts a
    line in the first 64 KB (further on when those hold only comments). A file in flow
    style (`{"rtdraft": 1, ...}`, as JSON tools write it, keys in any order) is read
    through, up to MAX_BYTES. What is not a regular file, or cannot be read, is left to
    the reader to report."""
    if not regular(path):
        return True
    try:
        with path.open("rb") as handle:
            raw = handle.read(HEAD)
            head = _decoded(raw)
            first = opening(head.splitlines())
            if not first and len(raw) == HEAD:   # 64 KB of comments: read on to the content
                raw += read_bounded(handle)
                head = _decoded(raw)
                first = opening(head.splitlines())
            if first != "{":
                return _BLOCK_KEY.search(_LINE_BREAKS.sub("\n", head)) is not None
            raw += read_bounded(handle)
    except OSError:
        return True
    text = _decoded(raw)
    try:
        return "rtdraft" in _top_level_keys(text)
    except (yaml.YAMLError, RecursionError):
        # broken before the key was met: counted when it seems to be there, so that the
        # reader says where the file breaks
        return _FLOW_KEY.search(text) is not None


def regular(path: Path) -> bool:
    """A regular file, or one that cannot be looked at (the reader then says why): not a
    FIFO or a device, whose opening could wait for a writer, or whose reading consume it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def _decoded(raw: bytes) -> str:
    """Text enough to look for a key in: UTF-8, or UTF-16 by its byte order mark (an
    outline saved so is then refused by the reader, in words)."""
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    return raw.decode("utf-16" if utf16 else "utf-8-sig", "replace")


def _top_level_keys(text: str) -> Iterator[str]:
    """The keys of the first document's top-level mapping, as the parser meets them."""
    depth = items = 0   # nesting, and events met directly in the top-level mapping
    for event in yaml.parse(text, Loader=Parser):
        if isinstance(event, yaml.DocumentEndEvent):
            return
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
            if depth == 0 and not isinstance(event, yaml.MappingStartEvent):
                return   # the document is not a mapping
            if depth == 1:
                if items % 2 == 0 and isinstance(event, yaml.ScalarEvent):
                    yield event.value
                items += 1
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse_bytes(raw: bytes, source: Source) -> Source:
    if len(raw) > MAX_BYTES:
        source.error(1, 1, f"input is more than {MAX_BYTES:,} bytes; an outline may be at "
                     f"most {MAX_BYTES:,} bytes", "size-limit")
        return source
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start:exc.start].decode("utf-8", "replace")) + 1
        source.error(line, column, f"file is not UTF-8 text (byte 0x{raw[exc.start]:02x} "
                     "cannot be read); save it as UTF-8", "encoding")
        return source
    return parse_text(text, source)


def parse_text(text: str, source: Source) -> Source:
    source.text = text
    if not text.strip():
        source.error(1, 1, "file is empty; an outline starts with 'rtdraft: 1'", "empty-file")
        return source
    try:
        data = _Builder(source).build()
    except _Fatal:
        return source
    except yaml.MarkedYAMLError as exc:   # explained: where to act, then the parser's words
        from . import explain  # only for a file that does not parse
        said = explain.parser_error(text, exc)
        source.error(said.line, said.column, said.message, "yaml-syntax")
        return source
    except yaml.reader.ReaderError as exc:  # characters YAML cannot hold
        line, column = source.line_column(min(exc.position, len(text)))
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        source.error(line, column, f"invalid YAML: control character U+{char:04X} is not "
                     "allowed in YAML text", "yaml-syntax")
        return source
    if data is _EMPTY:
        source.error(1, 1, "file has no YAML document (only comments?); an outline starts "
                     "with 'rtdraft: 1'", "empty-file")
        return source
    if not isinstance(data, dict):
        line, column = source.position(())
        source.error(line, column, f"an outline is a mapping of keys (rtdraft, meeting, ...), "
                     f"not {_kind(data)}", "top-level")
        return source
    source.data = data
    return source


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    return f"a single value ({value!r})"


_EMPTY = object()


class _Duplicate(str):
    """The key of a repeated mapping key: its value is read, checked for syntax, then dropped."""


class _Builder:
    """Turns the event stream into data, recording a Located for every path."""

    def __init__(self, source: Source):
        self.source = source
        # Every (path, place) in document order, beside source.places: an anchored value's
        # places are a contiguous run of it, which an alias copies.
        self.entries: list[tuple[Path_, Located]] = []
        self.anchors: dict[str, tuple[Any, Path_, int, int] | None] = {}
        self.alias_values = 0
        self.text_left = max(MIN_ALIAS_TEXT, ALIAS_TEXT_FACTOR * len(source.text)) - \
            len(source.text)

    def build(self) -> Any:
        result: Any = _EMPTY
        documents = 0
        # A frame per open collection:
        # [container, path, pending key, key position, anchor, first entry]
        stack: list[list[Any]] = []
        for event in yaml.parse(self.source.text, Loader=Parser):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.fatal(event.start_mark, "a file holds one outline; found a second YAML "
                               "document ('---')", "yaml-syntax")
                continue
            if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent,
                                  yaml.DocumentEndEvent)):
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                value, path, _key, _place, anchor, first = stack.pop()
                if anchor:
                    self.anchors[anchor] = (value, path, first, len(self.entries))
                result = self.attach(stack, path, value, result)
                continue
            if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
                self.key(stack[-1], event)
                continue
            path, key_place = self.child_path(stack)
            if len(stack) >= MAX_DEPTH:
                self.fatal(event.start_mark, f"values are nested more than {MAX_DEPTH} levels deep",
                           "depth-limit")
            if isinstance(event, yaml.AliasEvent):
                result = self.attach(stack, path, self.alias(event, path, key_place), result)
                continue
            anchor = event.anchor
            if anchor:
                self.anchors[anchor] = None  # open: an alias to it now would recurse
            first = len(self.entries)
            if isinstance(event, yaml.ScalarEvent):
                self.record(path, event, key_place, style=event.style or "")
                self.check_number(event, path)
                value = self.scalar(event)
                if anchor:
                    self.anchors[anchor] = (value, path, first, len(self.entries))
                result = self.attach(stack, path, value, result)
            else:  # a mapping or sequence starts
                self.check_tag(event)
                self.record(path, event, key_place)
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                stack.append([container, path, None, None, anchor, first])
        return result

    def key(self, frame: list, event: Any) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            self.fatal(event.start_mark, "a key must be plain text, not a list or mapping",
                       "yaml-syntax")
        key, path = event.value, frame[1]
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        if key in frame[0]:
            first_line, _ = self.source.position(path + (key,), key=True)
            self.source.error(line, column, f"duplicate key '{key}' (first at line {first_line}); "
                              "YAML would silently keep only one", "duplicate-key", path + (key,))
            key = _Duplicate(key)
        frame[2], frame[3] = key, (line, column)

    @staticmethod
    def child_path(stack: list) -> tuple[Path_, tuple | None]:
        if not stack:
            return (), None
        frame = stack[-1]
        if isinstance(frame[0], list):
            return frame[1] + (len(frame[0]),), None
        key, place = frame[2], frame[3]
        frame[2] = None
        return frame[1] + (key,), place

    @staticmethod
    def attach(stack: list, path: Path_, value: Any, result: Any) -> Any:
        """Put value into its parent; returns the document once its root is complete."""
        if not stack:
            return value
        container = stack[-1][0]
        if isinstance(container, list):
            container.append(value)
        elif not isinstance(path[-1], _Duplicate):
            container[path[-1]] = value
        return result

    def record(self, path: Path_, event: Any, key_place: tuple | None, style: str | None = None):
        if any(isinstance(part, _Duplicate) for part in path):
            return
        mark, end = event.start_mark, event.end_mark
        kline, kcol = key_place if key_place else (None, None)
        place = Located(mark.line + 1, mark.column + 1, kline, kcol, style, mark.index, end.index)
        self.entries.append((path, place))
        self.source.places[path] = place

    def check_number(self, event: yaml.ScalarEvent, path: Path_) -> None:
        """A whole number too long for Python to print back (int-to-text limit) is refused."""
        text = event.value.strip()
        if event.style or event.tag in _STR_TAGS or not INT.match(text):
            return
        # digits, not characters: Python reads '-' and 4,300 digits
        digits = len(text.lstrip("+-"))
        if text[:2] in ("0o", "0x"):   # Python reads it at any length, but prints it in
            if int(text, 0) < 10 ** MAX_INT_DIGITS:   # decimal only up to the limit
                return
            what = f"more than {MAX_INT_DIGITS:,} digits (written in "\
                   f"{'hexadecimal' if text[1] == 'x' else 'octal'})"
        elif digits <= MAX_INT_DIGITS:
            return
        else:
            what = f"{digits:,} digits"
        mark = event.start_mark
        self.source.error(mark.line + 1, mark.column + 1, f"a whole number of "
                          f"{what}; rtdraft reads numbers of at most "
                          f"{MAX_INT_DIGITS:,} digits (quote it to make it text)", "size-limit",
                          tuple(p for p in path if not isinstance(p, _Duplicate)))
        raise _Fatal

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag
        if tag and tag not in _STR_TAGS:
            return self.tagged(event)
        if event.style or tag in _STR_TAGS:
            return event.value
        return resolve_plain(event.value)

    def tagged(self, event: yaml.ScalarEvent) -> Any:
        short, text = event.tag.replace("tag:yaml.org,2002:", "!!"), event.value
        try:
            if short == "!!int":
                return int(text, 0)
            if short == "!!float":
                return float(text)
            if short == "!!bool" and text in BOOL:
                return BOOL[text]
            if short == "!!null" and NULL.match(text):
                return None
        except ValueError:
            pass
        if short in ("!!int", "!!float", "!!bool", "!!null"):
            self.fatal(event.start_mark, f"'{text}' is not a valid {short} value", "yaml-syntax")
        if not event.tag.startswith("tag:"):   # `- !important ...`: a slip explain.py knows
            raise yaml.MarkedYAMLError(None, None, f"unsupported YAML tag '{event.tag}'",
                                       event.start_mark)
        self.fatal(event.start_mark, f"unsupported YAML tag '{event.tag}'", "yaml-syntax")

    def check_tag(self, event: Any) -> None:
        if event.tag and event.tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            self.fatal(event.start_mark, f"unsupported YAML tag '{event.tag}'", "yaml-syntax")

    def alias(self, event: yaml.AliasEvent, path: Path_, key_place: tuple | None) -> Any:
        if event.anchor not in self.anchors:
            # `- *Draft* ...`: a slip explain.py knows
            raise yaml.MarkedYAMLError(None, None, f"alias '*{event.anchor}' names no anchor",
                                       event.start_mark)
        anchored = self.anchors[event.anchor]
        if anchored is None:
            self.fatal(event.start_mark, f"alias '*{event.anchor}' refers to a value that "
                       "contains it", "alias-limit")
        value, origin, first, last = anchored
        self.alias_values += last - first
        if self.alias_values > MAX_ALIAS_VALUES:
            self.fatal(event.start_mark, f"aliases expand to more than {MAX_ALIAS_VALUES} values "
                       "(a 'billion laughs' document?); use fewer aliases", "alias-limit")
        self.text_left -= _text_size(value)
        if self.text_left < 0:
            limit = max(MIN_ALIAS_TEXT, ALIAS_TEXT_FACTOR * len(self.source.text))
            self.fatal(event.start_mark, f"alias '*{event.anchor}' makes the outline's text "
                       f"longer than {limit:,} characters (aliases repeat their anchor's "
                       "text); use fewer aliases", "alias-limit")
        if not any(isinstance(part, _Duplicate) for part in path):
            kline, kcol = key_place if key_place else (None, None)
            here = Located(event.start_mark.line + 1, event.start_mark.column + 1, kline, kcol,
                           start=event.start_mark.index, end=event.end_mark.index)
            for sub, place in self.entries[first:last]:
                new = path + sub[len(origin):]
                self.source.places[new] = here if sub == origin else place
                self.entries.append((new, self.source.places[new]))
        return _copy(value)

    def fatal(self, mark: Any, message: str, rule: str) -> None:
        self.source.error(mark.line + 1, mark.column + 1, message, rule)
        raise _Fatal


def _text_size(value: Any) -> int:
    """Characters of the text in value (keys included); other scalars count as one."""
    if isinstance(value, dict):
        return sum(len(str(k)) + _text_size(v) for k, v in value.items())
    if isinstance(value, list):
        return sum(_text_size(v) for v in value)
    return len(value) if isinstance(value, str) else 1


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
