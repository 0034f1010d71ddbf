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
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])+)\]\(([^()\s]+)\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]+)>")


class MarkupError(ValueError):
    """Markup that cannot mean what the editor meant; offset is into the text."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


_ESCAPE = str.maketrans({c: "\\" + c for c in _ESCAPABLE})
_UNESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")


def escape(text: str) -> str:
    """`text` written so that parse() reads it back as plain text: each character of the
    markup backslash-escaped."""
    return text.translate(_ESCAPE)


def unescape(text: str) -> str:
    """The text an escaped text stands for (what escape() did, undone)."""
    return _UNESCAPE.sub(r"\1", text)


@lru_cache(maxsize=4096)
def parse(source: str) -> tuple[Inline, ...]:
    """Parse a string into inline nodes; raises MarkupError for a bad link."""
    return tuple(_merge(_parse(source, 0, len(source))))


def footnote_refs(source: str) -> list[tuple[str, int]]:
    """Every [^id] in the text with its offset, escapes respected."""
    return [(m.group(1), m.start()) for m in _FOOTNOTE.finditer(source)
            if not _escaped(source, m.start())]


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


def _parse(s: str, start: int, end: int) -> list[Inline]:
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
            m = _FOOTNOTE.match(s, i, end)
            if m:
                flush()
                nodes.append(FootnoteRef(m.group(1)))
                i = m.end()
                continue
            m = _LINK.match(s, i, end)
            if m:
                url = m.group(2)
                if not url.startswith(LINK_SCHEMES):
                    raise MarkupError(f"link target '{url}' must start with https://, http:// "
                                      "or mailto:", m.start(2))
                flush()
                nodes.append(Link(url, tuple(_merge(_parse(s, m.start(1), m.end(1))))))
                i = m.end()
                continue
        if c == "<":
            m = _AUTOLINK.match(s, i, end)
            if m:
                flush()
                nodes.append(Link(m.group(1), (Text(m.group(1)),)))
                i = m.end()
                continue
        if c == "*":
            marker = "**" if s.startswith("**", i) else "*"
            close = _closing(s, i + len(marker), end, marker)
            if close is not None:
                flush()
                inner = tuple(_merge(_parse(s, i + len(marker), close)))
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


def _closing(s: str, start: int, end: int, marker: str) -> int | None:
    """Where an emphasis that opens at start closes: text must hug both markers."""
    if start >= end or s[start].isspace():
        return None
    i = start
    while True:
        i = s.find(marker, i, end)
        if i < 0:
            return None
        single_inside_double = marker == "*" and s.startswith("**", i)
        if single_inside_double:
            inner = _closing(s, i + 2, end, "**")
            if inner is None:
                return None
            i = inner + 2
            continue
        if i > start and not s[i - 1].isspace() and not _escaped(s, i):
            return i
        i += len(marker)


def _merge(nodes: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        elif not (isinstance(node, Text) and not node.text):
            out.append(node)
    return out
