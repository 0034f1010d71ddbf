"""Editorial lint: what a careful reviewer of a summary would find.

Each rule is a function registered with @rule(id); its docstring is its user
documentation (what it finds, a bad and a good example). A rule reads the
outline's texts in reading order and yields Findings; `lint` turns them into
warnings at the line and column of the words in the YAML file.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..problems import Problem, format_path
from ..source import Source
from ..walk import Piece
from .text import pieces


@dataclass(frozen=True)
class Finding:
    path: tuple
    message: str
    needle: str = ""        # the words the finding is about, to point at their line
    offset: int = 0         # where the needle stands in the piece's text
    at: tuple[int, int] | None = None   # line and column, for what stands outside the value


@dataclass
class Outline:
    """What a rule reads: the data and its texts in reading order."""

    data: dict
    pieces: list[Piece]
    abbreviations: frozenset[str]
    source: Source | None = None    # the file itself, for rules about how the YAML is written

    def prose(self) -> Iterator[Piece]:
        return (p for p in self.pieces if p.role == "prose")


RULES: dict[str, Callable[[Outline], Iterable[Finding]]] = {}


def rule(rule_id: str):
    def register(function):
        RULES[rule_id] = function
        function.rule_id = rule_id
        return function
    return register


def rule_ids() -> list[str]:
    _load()
    return list(RULES)


def _load() -> None:
    from . import abbreviations, counts, names, organizations, quotes, style, wording, yaml_text  # noqa: F401


def documentation(rule_id: str) -> str:
    return inspect.cleandoc(RULES[rule_id].__doc__ or "")


def reference() -> str:
    """docs/lint.md: every rule's documentation, from the docstrings."""
    _load()
    parts = [REFERENCE_INTRO]
    for rule_id in RULES:
        doc = documentation(rule_id)
        parts.append(f"## `{rule_id}`\n\n{_as_markdown(doc)}\n")
    return "\n".join(parts)


def _as_markdown(doc: str) -> str:
    """Docstring paragraphs as they are; the Bad:/Good: lines as a code block."""
    text, _, examples = doc.partition("\n\nBad:")
    if not examples:
        return text
    return f"{text}\n\n```\nBad:{examples}\n```"


REFERENCE_INTRO = """\
# Lint rules

`rtdraft lint FILE...` reports what a careful reviewer would find, as warnings at
the line and column of the words in the outline. It exits 0 when there are only
warnings, 3 with `--strict` when there is at least one, and 1 when an outline is
invalid (its errors are printed and it is not linted).

To accept a warning deliberately, say so in the outline:

```yaml
lint:
  abbreviations: [UPS, DHL]      # need no definition in this outline
  disable: [number-doubling]     # rules not to run on this outline
  ignore:                        # a rule at a path (and below it)
    - rule: name-variant
      path: conclusion.body[1]
      reason: The speaker asked for this spelling.
```

`rtdraft lint --disable RULE` skips a rule for one run; `rtdraft lint
--list-rules` lists them. This page is generated from the rules' own
documentation (`python -m rtdraft.lint > docs/lint.md`).
"""


def lint(source: Source, disabled: Iterable[str] = ()) -> list[Problem]:
    """Warnings for a valid outline, in file order."""
    _load()
    data = source.data
    settings = data.get("lint") or {}
    skip = set(disabled) | set(settings.get("disable") or [])
    ignored = [(entry["rule"], entry["path"]) for entry in settings.get("ignore") or []]
    outline = Outline(data, pieces(data), frozenset(settings.get("abbreviations") or []),
                      source)
    texts = {p.path: p.text for p in outline.pieces}
    problems = set()
    for rule_id, check in RULES.items():
        if rule_id in skip:
            continue
        for finding in check(outline):
            where = format_path(finding.path)
            if any(r == rule_id and (where == p or where.startswith((p + ".", p + "[")))
                   for r, p in ignored):
                continue
            line, column = _position(source, texts.get(finding.path, ""), finding)
            problems.add(Problem(source.file, line, column, "warning", finding.path,
                                 finding.message, rule_id))
    return sorted(problems)


def _position(source: Source, text: str, finding: Finding) -> tuple[int, int]:
    if finding.at:
        return finding.at
    if not finding.needle:
        return source.position(finding.path)
    return source.locate_at(finding.path, text, finding.offset, finding.needle)
