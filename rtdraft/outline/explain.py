"""YAML's slips explained to editors: where to act, what to write, then the parser's words.

The YAML parser stops where it notices a problem, which is often not where the
editor must act: an unclosed quote is noticed at the end of the file, a text
starting with a quote after the quoted word. `parser_error` recognises the
common slips from the parser's words and the line they stand on, and says
where to put the fix and what it is; the parser's own words follow in
parentheses for those who read YAML. A slip it does not recognise keeps the
parser's words alone, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sniff import opening

# What YAML reads a character at the start of a value as.
INDICATORS = {
    "*": "an alias (a copy of another value)",
    "&": "an anchor (a name for a value)",
    "!": "a tag (the type of the value)",
    "%": "a directive",
    "@": "a reserved character",
    "`": "a reserved character",
    "|": "the start of a block of lines",
    ">": "the start of a block of lines",
    '"': "the start of a quoted value, which ends at the next \"",
    "'": "the start of a quoted value, which ends at the next '",
    "[": "the start of a list",
    "{": "the start of a mapping",
}

# A line's parts: indentation, list dashes, an optional `key:`, then the value.
# A key runs to the first colon (its spaces before the colon are stripped by _cut): one
# repeat, so that a line of many spaces and no colon is read once, not once a space.
_LINE = re.compile(r"(?P<indent> *)(?P<dashes>(?:-[ \t]+)*)"
                   r"(?:(?P<key>[^\s#'\"\[\]{}&*!|>%@`,-][^:#]*|-\S[^:#]*):(?:[ \t]+|$))?")


@dataclass(frozen=True)
class Explained:
    line: int       # 1-based, where the editor must act
    column: int
    message: str


@dataclass(frozen=True)
class _Line:
    """One line of the file cut into its parts (columns 0-based)."""

    text: str
    indent: int
    key: str | None
    key_column: int
    value_column: int           # where the value (or the item's text) starts

    @property
    def value(self) -> str:
        return self.text[self.value_column:].rstrip()

    @property
    def first(self) -> str:
        return self.value[:1]


def _cut(text: str, known_keys: frozenset[str]) -> _Line:
    m = _LINE.match(text)
    key = m["key"]
    value_column = m.end()
    if key is not None and known_keys and key.strip() not in known_keys and m["dashes"]:
        # `- Next steps: the next ...`: the words before the colon are the item's text
        key, value_column = None, m.end("dashes")
    key_column = m.start("key") if key is not None else m.end("dashes")
    return _Line(text, len(m["indent"]), key.strip() if key else None, key_column, value_column)


def parser_error(text: str, error) -> Explained:
    """A yaml.MarkedYAMLError as an editor can act on it."""
    return explain(text, error.problem, error.problem_mark, error.context, error.context_mark,
                   known_keys())


def known_keys() -> frozenset[str]:
    """Every key name of the outline format: to tell a key from the first words of a text."""
    global _KNOWN
    if _KNOWN is None:
        from . import schema
        names = set(schema.OUTLINE)     # the top level's keys, then every level's below
        _collect(schema.OUTLINE, names)
        _KNOWN = frozenset(names)
    return _KNOWN


_KNOWN: frozenset[str] | None = None


def _collect(rules, names: set[str]) -> None:
    if isinstance(rules, dict):
        for key, value in rules.items():
            if key == "schema" and isinstance(value, dict) and all(
                    isinstance(v, dict) for v in value.values()) and "type" not in value:
                names.update(value)
            _collect(value, names)
    elif isinstance(rules, list):
        for value in rules:
            _collect(value, names)


def explain(text: str, problem: str | None, problem_mark, context: str | None,
            context_mark, known_keys: frozenset[str] = frozenset()) -> Explained:
    """The parser's complaint as an editor can act on it.

    Marks are the parser's (0-based line and column); `known_keys` are the
    outline format's key names, to tell a key from the first words of a text.
    """
    words = problem or "malformed YAML"
    lines = text.split("\n")
    mark = problem_mark or context_mark
    at = (mark.line, mark.column) if mark else (0, 0)
    if at[0] >= len(lines):     # the end of the stream, past a last line without a line break
        at = (len(lines) - 1, len(lines[-1]))
    slips = (_bad_escape, _unclosed_quote, _flow_not_closed, _tab, _starts_with_indicator,
             _colon_in_text, _dedented_text, _misindented)
    if opening(lines) in ("{", "["):   # an outline written as JSON: no paragraphs, no keys
        slips = (_bad_escape, _unclosed_quote)   # on lines of their own to advise on
    for slip in slips:
        found = slip(lines, problem or "", at, context or "", context_mark, known_keys)
        if found:
            line, column, advice = found
            said = f"{words}, {context}" if context else words
            return Explained(line + 1, column + 1, f"{advice} (YAML parser: {said})")
    said = f"{words} ({context})" if context else words
    return Explained(at[0] + 1, at[1] + 1, f"invalid YAML: {said}")


def _line_at(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _unclosed_quote(lines, problem, at, context, context_mark, known):
    if context == "while scanning a quoted scalar" and context_mark is not None:
        line, column, closes = context_mark.line, context_mark.column, "is never closed"
    else:
        found = _quoted_across_lines(lines, at)
        if found is None:
            return None
        line, column, end = found
        closes = (f"is not closed on its line (YAML reads on to the {lines[line][column]} on "
                  f"line {end + 1})")
    quote = _line_at(lines, line)[column:column + 1] or '"'
    return line, column, (f"the quote {quote} that opens this text {closes}: end the text "
                          f"with {quote}, or remove the quote")


def _quoted_across_lines(lines: list[str], at: tuple[int, int]):
    """The quoted value just before the error, when it runs over several lines: most often
    a quote left open, which YAML closes at the next such quote, far below."""
    import yaml

    last = None
    try:
        for token in yaml.scan("\n".join(lines[:at[0] + 1]),
                               Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if (token.start_mark.line, token.start_mark.column) >= at:
                break
            last = token
    except yaml.YAMLError:
        pass
    if isinstance(last, yaml.ScalarToken) and last.style in ("'", '"') and \
            last.end_mark.line > last.start_mark.line:
        return last.start_mark.line, last.start_mark.column, last.end_mark.line
    return None


def _flow_not_closed(lines, problem, at, context, context_mark, known):
    closers = {"while parsing a flow sequence": ("list", "]"),
               "while parsing a flow mapping": ("mapping", "}")}
    if context not in closers or context_mark is None:
        return None
    line, column = context_mark.line, context_mark.column
    opener = _line_at(lines, line)[column:column + 1]
    what, closer = closers[context]
    here = _cut(_line_at(lines, line), known)
    return line, column, (f"the {opener} here opens a {what} that is not closed with {closer} "
                          f"on its line; close it, or if this is text, put the whole "
                          f"{_noun(here)} in quotes{_example(here)}")


def _tab(lines, problem, at, context, context_mark, known):
    here = _line_at(lines, at[0])
    if "tab" not in problem and here[at[1]:at[1] + 1] != "\t":
        return None
    column = len(here) - len(here.lstrip(" \t"))
    tab = here.find("\t")
    return at[0], tab if 0 <= tab <= column else at[1], \
        "a tab indents this line; YAML indents with spaces only: replace the tab with spaces"


def _bad_escape(lines, problem, at, context, context_mark, known):
    """A backslash escape that double quotes cannot hold: an unknown letter, or half of a
    UTF-16 pair (\\ud83d\\ude00, as JSON tools write an emoji), which is no character."""
    if not problem.startswith(("found invalid Unicode character escape code",
                               "found unknown escape character")):
        return None
    line = _line_at(lines, at[0])
    start = line.rfind("\\", 0, at[1] + 1)
    if start < 0:
        return None
    escape = re.match(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.?)", line[start:]).group()
    here = _cut(line, known)
    return at[0], start, (f"{_this(here)} holds the escape {escape}, which is no character "
                          "YAML can read in double quotes; write the character itself (an "
                          "emoji as it is, not as two \\u halves), or put the text in single "
                          "quotes to keep the backslash as written")


def _starts_with_indicator(lines, problem, at, context, context_mark, known):
    here = _cut(_line_at(lines, at[0]), known)
    if context_mark is not None and context.startswith("while scanning") and \
            context_mark.line == at[0] and context_mark.column >= here.value_column:
        start = here.value_column  # an alias, anchor, block or reserved character at the start
    elif problem.startswith("unsupported YAML tag") or problem.endswith("names no anchor") \
            or at[1] > here.value_column:
        start = here.value_column
    else:
        return None
    first = here.first
    if first not in INDICATORS or context == "while scanning a quoted scalar":
        return None
    return at[0], start, (f"{_this(here)} starts with {first}, which YAML reads as "
                          f"{INDICATORS[first]}; put the whole {_noun(here)} in quotes"
                          f"{_example(here)}")


def _colon_in_text(lines, problem, at, context, context_mark, known):
    if problem != "mapping values are not allowed in this context":
        return None
    here = _cut(_line_at(lines, at[0]), known)
    if at[1] > here.value_column:
        return at[0], here.value_column, (f"{_this(here)} holds ': ', which YAML reads as the "
                                          f"start of a key; put the whole {_noun(here)} in "
                                          f"quotes{_example(here)}")
    start = _text_start(lines, at[0], known)
    if start is None:
        return None
    line, first = start
    return line, first.value_column, (
        f"{_this(first)} holds ': ' on line {at[0] + 1}, which YAML reads as the start of a "
        f"key; put the whole {_noun(first)} in quotes, at its start and at its end, or write "
        f"it as a folded block (>-)")


def _text_start(lines: list[str], index: int, known) -> tuple[int, _Line] | None:
    """For a line that goes on with the text of a line above it (`    with a colon: here`),
    that line: where the text starts; None if the line is not such a continuation."""
    here = _cut(_line_at(lines, index), known)
    if here.text.lstrip().startswith("- ") or here.key in known:
        return None
    for above in range(index - 1, -1, -1):
        text = _line_at(lines, above)
        if not text.strip():
            continue
        cut = _cut(text, known)
        if cut.indent >= here.indent and not text.lstrip().startswith("- "):
            continue     # an earlier line of the same text
        if cut.indent < here.indent and cut.value and cut.first not in INDICATORS:
            return above, cut
        return None
    return None


def _noun(line: _Line) -> str:
    if line.key is None:
        return "paragraph"
    return line.key.replace("_", " ") if line.key in known_keys() else "value"


def _this(line: _Line) -> str:
    return f"this {_noun(line)}"


def _misindented(lines, problem, at, context, context_mark, known):
    if problem not in ("did not find expected key", "did not find expected '-' indicator",
                       "mapping values are not allowed in this context"):
        return None
    here = _cut(_line_at(lines, at[0]), known)
    kind = "item" if here.text.lstrip().startswith("- ") else "key" if here.key else "text"
    mine = here.key_column if kind == "key" else here.indent
    for index in range(at[0] - 1, -1, -1):
        above = _line_at(lines, index)
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        cut = _cut(above, known)
        if kind == "text":   # a line of a text: the line above is the same text's
            theirs = cut.value_column if index == at[0] - 1 and cut.value else cut.indent
        elif kind == "item" and above.lstrip().startswith("- "):
            theirs = cut.indent
        elif kind == "key" and cut.key:
            theirs = cut.key_column
        elif cut.indent < mine - 2:
            return None      # the parent: no sibling above
        else:
            continue         # deeper content of the item or key above
        if theirs > mine + 2 and kind != "text":
            continue         # a nested list or mapping of the sibling above
        if theirs == mine or abs(theirs - mine) > 2 or (kind == "text" and theirs < mine):
            return None
        said = _said(kind, here, cut, mine, theirs)
        return at[0], here.indent, f"{said}: move it {_spaces(theirs - mine)}"
    return None


def _dedented_text(lines, problem, at, context, context_mark, known, reach: int = 4):
    """A line of a paragraph written left of the text it goes on with: the parser reads it
    as something else and stops a line or two below. The slip is the line that, moved to
    the text's column, lets the parser read past the place it stopped at."""
    import yaml

    for index in range(at[0], max(at[0] - reach, 0), -1):
        here = _line_at(lines, index)
        if not here.strip() or here.lstrip().startswith(("#", "- ")) or \
                here.lstrip()[0] in INDICATORS or here.lstrip()[0] in "]}," or \
                _cut(here, known).key is not None:
            continue
        above = index - 1
        while above >= 0 and not _line_at(lines, above).strip():
            above -= 1
        cut = _cut(_line_at(lines, above), known)
        if not cut.value or cut.first in INDICATORS or cut.value.endswith(":"):
            continue
        column = cut.value_column if (cut.key or cut.text.lstrip().startswith("- ")) \
            else cut.indent
        mine = len(here) - len(here.lstrip(" "))
        if mine >= column:
            continue
        fixed = lines[:index] + [" " * column + here.lstrip(" ")] + lines[index + 1:]
        try:
            yaml.compose("\n".join(fixed), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            if mark is None or (mark.line, mark.column) <= at:
                continue
        except yaml.YAMLError:
            continue
        return index, mine, (f"this line goes on with the text above it but starts in column "
                             f"{mine + 1}, left of that text (column {column + 1}): move it "
                             f"{_spaces(column - mine)}, or put the whole {_noun(cut)} in "
                             "quotes, at its start and at its end")
    return None


def _said(kind: str, here: _Line, above: _Line, mine: int, theirs: int) -> str:
    if kind == "item":
        return (f"this list item starts in column {mine + 1} and the one above it in column "
                f"{theirs + 1}; the items of a list start in the same column")
    if kind == "key":
        return (f"the key '{here.key}' starts in column {mine + 1} and the key above it "
                f"('{above.key}') in column {theirs + 1}; the keys of a mapping start in the "
                f"same column")
    return (f"this line of text starts in column {mine + 1} and the line above it in column "
            f"{theirs + 1}; the lines of a text start in the same column")


def _spaces(n: int) -> str:
    word = "space" if abs(n) == 1 else "spaces"
    return f"{abs(n)} {word} {'right' if n > 0 else 'left'}"


def quoted(text: str) -> str:
    """The text as a YAML quoted value, as rtdraft writes one (yaml_writer's one rule)."""
    from .yaml_writer import scalar  # not at the top: reading an outline needs no writer
    return scalar(text, quote=True)


def _example(line: _Line, limit: int = 60) -> str:
    """': "..."' showing the fix, when the text is short enough to show whole."""
    value = line.value
    if not value or len(value) > limit or " #" in value:
        return ", at its start and at its end"
    return f": {quoted(value)}"


# -- slips that parse, then fail validation -------------------------------------

def paragraph_read_as_key(value, noun: str = "paragraph") -> str | None:
    """`- Next steps: the next meeting ...` parses as a mapping; say so, with the fix."""
    if not isinstance(value, dict) or len(value) != 1:
        return None
    [(key, rest)] = value.items()
    if not isinstance(key, str) or key in known_keys() or isinstance(rest, (dict, list)):
        return None
    text = f"{key}: {'' if rest is None else rest}".rstrip()
    example = f": {quoted(text)}" if len(text) <= 60 and "\n" not in text else \
        ", at its start and at its end"
    return (f"this {noun} was read as a key, '{key}', because a colon and a space follow "
            f"those words; put the whole {noun} in quotes{example}")


def elsewhere(key, here: tuple) -> list[str]:
    """Where else in the format a key stands (`publication.toc`), for a key put in the
    wrong mapping; only the places a mapping path names, not items of lists."""
    from . import schema
    places = []
    if key in schema.OUTLINE:
        places.append(str(key))
    for section, rules in schema.OUTLINE.items():
        keys = rules.get("schema") if rules.get("type") == "dict" else None
        if isinstance(keys, dict) and key in keys:
            places.append(f"{section}.{key}")
    return [p for p in places if p != ".".join(map(str, here + (key,)))]


def misplaced_key(key, places: list[str]) -> str:
    where = " or ".join(f"`{p}`" if "." in p else f"`{p}` at the top level" for p in places)
    moves = [f"under `{p.rpartition('.')[0]}:`" if "." in p else "at the start of its line"
             for p in places]
    return f"unknown key '{key}' here; did you mean {where}? (move it {' or '.join(moves)})"
