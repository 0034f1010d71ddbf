"""Inline markup: the little an editor may write inside a paragraph.

    **bold**   *italic*   [text](https://...)   <https://...>   [^id]

Nothing else is markup: `#`, `_`, `<b>`, `{{ }}` are text. A backslash before
`*`, `[`, `]` or `<` makes that character text. Parsed once here into nodes
that every renderer walks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Emph:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    url: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class FootnoteRef:
    id: str


Inline = Text | Strong | Emph | Link | FootnoteRef

LINK_SCHEMES = ("https://", "http://", "mailto:")
_ESCAPABLE = "*[]<\\"
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]+)>")


class MarkupError(ValueError):
    """Markup that cannot mean what the editor meant; offset is into the text."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


_ESCAPE = str.maketrans({c: "\\" + c for c in _ESCAPABLE})
_UNESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")
# an escaped [[placeholder]] (outline/schema.py PLACEHOLDER), not one that starts a
# footnote mark ([[^id]])
_PLACEHOLDER = re.compile(r"\\\[\\\[(?!\^)((?:[^\\\[\]]|\\[*<\\])*)\\\]\\\]")


def escape(text: str) -> str:
    """`text` written so that parse() reads it back as plain text: each character of the
    markup backslash-escaped, except the brackets of a [[placeholder]] where they read back
    as text anyway (a placeholder read from a DOCX stays one, for lint to report)."""
    escaped = text.translate(_ESCAPE)
    if "[[" not in text:
        return escaped
    kept = _PLACEHOLDER.sub(lambda m: "[[" + m.group(1) + "]]", escaped)
    return kept if kept != escaped and parse(kept) == (Text(text),) else escaped


def unescape(text: str) -> str:
    """The text an escaped text stands for (what escape() did, undone)."""
    return _UNESCAPE.sub(r"\1", text)


@lru_cache(maxsize=4096)
def parse(source: str) -> tuple[Inline, ...]:
    """Parse a string into inline nodes; raises MarkupError for a bad link."""
    return tuple(_merge(_Reader(source).parse(0, len(source))))


def footnote_refs(source: str) -> list[tuple[str, int]]:
    """Every [^id] in the text with its offset, escapes respected."""
    reader, found = _Reader(source), []
    i = source.find("[^")
    while i >= 0:
        ref = reader.footnote(i, len(source))
        if ref and not _escaped(source, i):
            found.append((ref, i))
        i = source.find("[^", i + (len(ref) + 3 if ref else 1))   # [^a[^b] is one mark
    return found


def plain(nodes: tuple[Inline, ...]) -> str:
    """The text a reader sees, without footnote marks."""
    out = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.text)
        elif not isinstance(node, FootnoteRef):
            out.append(plain(node.children))
    return "".join(out)


def _escaped(source: str, index: int) -> bool:
    slashes = 0
    while index - slashes - 1 >= 0 and source[index - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


_NOTE_STOP = re.compile(r"[\]\s]")     # where a footnote id ends
_TEXT_STOP = re.compile(r"[\]\\]")    # where a link's text ends, or an escape begins
_TARGET = re.compile(r"\(([^()\s]+)\)")


class _Reader:
    """One text read into nodes. Each search that can run to the end of the text (for the *
    or ** that closes an emphasis, the ] that ends a link's text or a footnote's id)
    remembers what it found, so that a text of 10,000 markers that close nothing is read
    once, not 10,000 times."""

    def __init__(self, s: str):
        self.s = s
        self.closes: dict[tuple, int | None] = {}   # (from, end, marker) -> closing or None
        self.note_stop = (-1, -1)   # the last search for an id's end: (from, where it stopped)
        self.text_stop = (-1, -1)   # the same for a link's text (-1: no ] before an end)
        self.targets: dict[int, re.Match | None] = {}   # a link text's ] -> its (target)

    def parse(self, start: int, end: int) -> list[Inline]:
        s = self.s
        nodes: list[Inline] = []
        buf: list[str] = []
        i = start

        def flush() -> None:
            if buf:
                nodes.append(Text("".join(buf)))
                buf.clear()

        while i < end:
            c = s[i]
            if c == "\\" and i + 1 < end and s[i + 1] in _ESCAPABLE:
                buf.append(s[i + 1])
                i += 2
                continue
            if c == "[":
                ref = self.footnote(i, end)
                if ref:
                    flush()
                    nodes.append(FootnoteRef(ref))
                    i += len(ref) + 3
                    continue
                link = self.link(i, end)
                if link:
                    close, target = link
                    url = target.group(1)
                    if not url.startswith(LINK_SCHEMES):
                        raise MarkupError(f"link target '{url}' must start with https://, "
                                          "http:// or mailto:", target.start(1))
                    flush()
                    nodes.append(Link(url, tuple(_merge(self.parse(i + 1, close)))))
                    i = target.end()
                    continue
            if c == "<":
                m = _AUTOLINK.match(s, i, end)
                if m:
                    flush()
                    nodes.append(Link(m.group(1), (Text(m.group(1)),)))
                    i = m.end()
                    continue
            if c == "*":
                marker = "**" if s.startswith("**", i, end) else "*"   # not into a closing **
                # ***x***: italic around bold, as CommonMark reads it, when the * closes;
                # else bold around a text that begins with *
                if s.startswith("***", i) and self.closing(i + 1, end, "*") is not None:
                    marker = "*"
                close = self.closing(i + len(marker), end, marker)
                if close is not None:
                    flush()
                    inner = tuple(_merge(self.parse(i + len(marker), close)))
                    nodes.append(Strong(inner) if marker == "**" else Emph(inner))
                    i = close + len(marker)
                    continue
                buf.append(marker)
                i += len(marker)
                continue
            buf.append(c)
            i += 1
        flush()
        return nodes

    def footnote(self, i: int, end: int) -> str | None:
        """The id of a [^id] at i (no space or ] in it), or None."""
        s = self.s
        if not s.startswith("[^", i):
            return None
        start, stop = self.note_stop
        if not start <= i + 2 <= stop:   # a run of [^[^[^ ends where the first one ends
            m = _NOTE_STOP.search(s, i + 2)
            self.note_stop = start, stop = i + 2, m.start() if m else len(s)
        if stop > i + 2 and stop < end and s[stop] == "]":
            return s[i + 2:stop]
        return None

    def link(self, i: int, end: int) -> tuple[int, re.Match] | None:
        """For a [text](target) at i: where its text ends, and its target's match."""
        s = self.s
        start, stop = self.text_stop
        if not start <= i + 1 <= stop:
            self.text_stop = start, stop = i + 1, self._text_end(i + 1)
        if stop <= i + 1 or stop >= end or s[stop] != "]":   # no text, or no ] before end
            return None
        if stop not in self.targets:
            self.targets[stop] = _TARGET.match(s, stop + 1)
        target = self.targets[stop]
        return (stop, target) if target and target.end() <= end else None

    def _text_end(self, i: int) -> int:
        """Where the scan for a link's text from i stops: at its first ] not escaped by a
        backslash, or at the end of the string when there is none. A backslash passes over
        whatever follows it, a line break too: the model reads a paragraph with its line
        breaks made spaces, and validation must find the same links in it."""
        s = self.s
        while True:
            m = _TEXT_STOP.search(s, i)
            if not m:
                return len(s)
            if s[m.start()] == "]":
                return m.start()
            i = m.start() + 2

    def closing(self, start: int, end: int, marker: str) -> int | None:
        """Where an emphasis that opens at start closes: text must hug both markers."""
        s = self.s
        if start >= end or s[start].isspace():
            return None
        i, seen, found = start, [], None
        while True:
            if i > start:   # from here on the search does not depend on start: remembered
                key = (i, end, marker)
                if key in self.closes:
                    found = self.closes[key]
                    break
                seen.append(key)
            at = s.find(marker, i, end)
            if at < 0:
                break
            if marker == "*" and s.startswith("***", at) and at > start and \
                    not s[at - 1].isspace() and not _escaped(s, at):
                found = at   # *5***5**: the first * closes, the ** after it opens
                break
            if marker == "*" and s.startswith("**", at) and not _escaped(s, at):
                # a * cannot close inside **
                inner = self.closing(at + 2, end, "**")
                if inner is None:
                    break
                i = inner + 2
                continue
            if at > start and not s[at - 1].isspace() and not _escaped(s, at):
                found = at
                break
            i = at + 1   # **5\*** : the ** after an escaped * may still close
        for key in seen:
            self.closes[key] = found
        return found


def _merge(nodes: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        elif not (isinstance(node, Text) and not node.text):
            out.append(node)
    return out


def typeset(inlines: tuple, change) -> tuple:
    """The same inline nodes with `change` applied to their text (never to link targets):
    a language's typography."""
    out = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(Text(change(node.text)))
        elif isinstance(node, Link):
            out.append(Link(node.url, typeset(node.children, change)))
        elif isinstance(node, (Strong, Emph)):
            out.append(type(node)(typeset(node.children, change)))
        else:
            out.append(node)
    return tuple(out)
