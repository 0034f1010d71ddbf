"""How rtdraft writes YAML: one writer and one quoting rule for every YAML text it makes
(an imported outline, `rtdraft new`'s starter, the quoted fix a message shows). It is
PyYAML's emitter with its scalar analysis done by patterns (the same analysis: a test
compares the two) and one rule for how a text is written:

- double quotes when rtdraft would not read it back plain as the same text (`1.5`, `null`),
  holds a character that does not print, starts or ends with a space, or holds two spaces;
- else plain when YAML allows it, else single quotes, else double quotes (PyYAML's order);
  but a text written on one line (`scalar()`: `new`, a message's fix) that holds a ' and
  no " or backslash takes double quotes, as "it's" reads better than 'it''s'. (Not in a
  long text that wraps: double quotes would wrap it with a backslash at each line end.)
"""

from __future__ import annotations

import re

import yaml
from yaml.emitter import ScalarAnalysis

from .plain import resolve_plain

WIDTH = 88


_BREAK = "\n\x85\u2028\u2029"
_SPACE = "\0 \t\r" + _BREAK
# what PyYAML's analyze_scalar looks for, character by character, as patterns
# (the characters outside what it prints as they are, listed: the class of those it
# prints took 11 ms to compile)
_SPECIAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff"
                      "\U0010ffff]")
_BREAKS = re.compile(f"[{_BREAK}]")
_BREAK_SPACE, _SPACE_BREAK = re.compile(f"[{_BREAK}] "), re.compile(f" [{_BREAK}]")
_FLOW_INSIDE = re.compile(r"[,?\[\]{}:]")
_COLON_INSIDE = re.compile(f":(?:[{_SPACE}]|$)")
_HASH_INSIDE = re.compile(f"[{_SPACE}]#")


def analyze(scalar: str) -> ScalarAnalysis:
    """PyYAML's Emitter.analyze_scalar with allow_unicode, by patterns: the same analysis
    (a test compares the two on random text), in a fraction of the time; its loop over
    every character took more of an import's time than reading the document."""
    if not scalar:
        return ScalarAnalysis(scalar=scalar, empty=True, multiline=False,
                              allow_flow_plain=False, allow_block_plain=True,
                              allow_single_quoted=True, allow_double_quoted=True,
                              allow_block=False)
    first, rest = scalar[0], scalar[1:]
    followed = len(scalar) == 1 or scalar[1] in _SPACE
    flow = block = scalar.startswith(("---", "..."))
    if first in "#,[]{}&*!|>'\"%@`" or (first == "-" and followed):
        flow = block = True
    elif first in "?:":
        flow = True
        block = block or followed
    if _FLOW_INSIDE.search(rest):
        flow = True
    if _COLON_INSIDE.search(rest) or _HASH_INSIDE.search(scalar):
        flow = block = True
    breaks = bool(_BREAKS.search(scalar))
    special = bool(_SPECIAL.search(scalar))
    ends = first in " " + _BREAK or scalar[-1] in " " + _BREAK
    flow_plain = block_plain = not (ends or breaks)
    single = not _BREAK_SPACE.search(scalar)
    flow_plain, block_plain = flow_plain and single, block_plain and single
    allow_block = scalar[-1] != " "
    if special or _SPACE_BREAK.search(scalar):
        flow_plain = block_plain = single = allow_block = False
    return ScalarAnalysis(scalar=scalar, empty=False, multiline=breaks,
                          allow_flow_plain=flow_plain and not flow,
                          allow_block_plain=block_plain and not block,
                          allow_single_quoted=single, allow_double_quoted=True,
                          allow_block=allow_block)


class Dumper(yaml.SafeDumper):
    """Block style, lists indented under their keys, long texts folded (`>-`)."""
    fold = True
    quote = False   # a text that could be plain is quoted (single quotes) all the same
    one_line = False   # every text on one line, never wrapped (scalar())

    def increase_indent(self, flow=False, indentless=False):   # lists indented under keys
        return super().increase_indent(flow, False)

    def analyze_scalar(self, scalar):
        return analyze(scalar)

    def write_folded(self, text):
        """A folded text of words and single spaces (all this writer folds) written a
        word at a time, as PyYAML's loop over every character writes it: a line breaks
        at the first space past the width. Anything else goes to that loop."""
        if self.encoding or not text or " " in (text[0], text[-1]) or "  " in text or \
                _BREAKS.search(text):
            return super().write_folded(text)
        self.write_indicator(">-", True)
        self.write_line_break()
        self.write_indent()
        for index, word in enumerate(text.split(" ")):
            if index:
                if self.column > self.best_width:
                    self.write_indent()
                else:
                    self.stream.write(" ")
                    self.column += 1
            self.stream.write(word)
            self.column += len(word)
        self.write_line_break()
        return None


class Flow(list):
    """A short list written on one line, as the examples write meeting.dates."""


def string_style(text: str, *, fold: bool = False, quote: bool = False,
                 one_line: bool = False) -> str | None:
    """The one quoting rule: the style rtdraft asks PyYAML for (None: PyYAML's choice of
    plain, single or double quotes, by its analysis)."""
    if resolve_plain(text) != text or not text.isprintable() or text != text.strip() \
            or "  " in text:
        return '"'
    if fold and len(text) > 72 and " " in text:
        return ">"
    if one_line and "'" in text and '"' not in text and "\\" not in text and \
            (quote or not analyze(text).allow_block_plain):
        return '"'   # "it's" reads better than 'it''s', and needs no escape either
    return "'" if quote else None


def _string(dumper, text: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", text,
                                   style=string_style(text, fold=dumper.fold, quote=dumper.quote,
                                                      one_line=dumper.one_line))


Dumper.add_representer(str, _string)
# A date stays plain, as the examples write it: rtdraft reads 2019-10-08 as that text.
Dumper.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()}
Dumper.add_representer(Flow, lambda dumper, items: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", items, flow_style=True))


class Plain(Dumper):   # the same representers, no folding
    fold = False


class _OneLine(Plain):
    one_line = True


class _Quoted(_OneLine):
    quote = True


def dump(data, dumper: type[Dumper] = Dumper) -> str:
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=WIDTH,
                     default_flow_style=False)


def scalar(value, *, quote: bool = False, flow: bool = False) -> str:
    """A value (text, number, true/false) as YAML on one line: as a mapping's value or a
    list item, or inside a [flow, list] with `flow`; with `quote`, in quotes even when it
    could be plain (for a fix that tells the reader to quote it)."""
    line = yaml.dump({0: Flow([value]) if flow else value},   # a number key: never quoted
                     Dumper=_Quoted if quote else _OneLine, allow_unicode=True,
                     width=float("inf"), default_flow_style=False)
    line = line[len("0: "):].rstrip("\n")
    return line[1:-1] if flow else line
