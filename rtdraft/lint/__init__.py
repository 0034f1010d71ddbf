"""Editorial lint: what a careful reviewer of a summary would find.

Each rule is a function marked with @rule(id, level) in a module of this package
(registry.py finds it); its docstring is its user documentation (what it finds,
a bad and a good example). A rule reads the model's texts (Document.texts) in
the order the summary prints them, and the vocabularies of the outline's
language, and yields Findings; `lint` turns them into problems at the line and
column of the words in the YAML file, at the rule's level or the one the
outline sets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .. import languages
from ..document.model import Document, Origin, build
from ..outline.normal import normalise
from ..outline.rules import rule_ids
from ..outline.source import Source
from ..problems import Problem, format_path
from .registry import LEVELS, Rule, rule, rules, rules_in
from .text import pieces

__all__ = ["LEVELS", "LOST_WORDS", "RULES", "Finding", "Outline", "Rule", "documentation",
           "lint", "lost_words", "reference", "rule", "rule_ids", "rules"]

# The rules whose findings mean words of the outline are missing from the summary: render
# and preview report them too (most editors never run lint).
LOST_WORDS = ("comment-in-text", "item-in-text")


@dataclass(frozen=True)
class Finding:
    path: tuple
    message: str
    needle: str = ""        # the words the finding is about, to point at their line
    offset: int = 0         # where the needle stands in the piece's text
    key: bool = False       # about a mapping key (at the key's place), not its value
    at: tuple[int, int] | None = None   # line and column, for what stands outside the value


@dataclass
class Outline:
    """What a rule reads: the normalised data, and the document's texts in the order the
    summary prints them (Document.texts)."""

    data: dict
    pieces: list[Origin]
    abbreviations: frozenset[str]
    language: str = "en"
    source: Source | None = None    # the file itself, for rules about how the YAML is written
    document: Document | None = None    # the model the texts come from

    def prose(self) -> Iterator[Origin]:
        return (p for p in self.pieces if p.role == "prose")

    def words(self, name: str, default=None):
        """A lint vocabulary of the outline's language (languages/); `default` when the
        language has none: a rule that needs one then finds nothing."""
        return languages.get(self.language).vocabulary.get(name, default)


def __getattr__(name: str):
    if name == "RULES":   # rule id -> its function, as before the registry
        return {rule_id: found.check for rule_id, found in rules().items()}
    raise AttributeError(name)


def documentation(rule_id: str) -> str:
    return rules()[rule_id].documentation


def reference() -> str:
    """docs/lint.md: every rule's documentation, from the docstrings."""
    parts = [REFERENCE_INTRO]
    for rule_id, found in rules().items():
        level = "" if found.level == "warning" else f"Level: {found.level}.\n\n"
        parts.append(f"## `{rule_id}`\n\n{level}{_as_markdown(found.documentation)}\n")
    parts.append(EXAMPLES_SLIPS)
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
the line and column of the words in the outline, reading the text in the order
the summary prints it. It exits 0 when there are only warnings and notes, 3 with
`--strict` when there is at least one warning, and 1 when an outline is invalid
(its errors are printed and it is not linted) or a rule set to `error` finds
something.

To accept a warning deliberately, say so in the outline:

```yaml
lint:
  abbreviations: [UPS, DHL]      # need no definition in this outline
  words: [Zorblatt]              # the spelling rule accepts them in this outline
  sentence_length: 35            # plain-language: the longest sentence, in words
  reading_grade: 16              # plain-language: the highest grade of a paragraph
  disable: [number-doubling]     # rules not to run on this outline
  levels: {placeholder: error}   # a rule's level: error, warning or note
  ignore:                        # a rule at a path (and below it)
    - rule: name-variant
      path: conclusion.body[1]
      reason: The speaker asked for this spelling.
```

`rtdraft lint --disable RULE` skips a rule for one run; `rtdraft lint
--list-rules` lists them. This page is generated from the rules' own
documentation (`python -m rtdraft.lint > docs/lint.md`).
"""


EXAMPLES_SLIPS = """\
## What the examples raise

The outlines in `examples/` transcribe published summaries word for word, so
what `spelling` finds in them is in the published text. Each is a real slip:

- fall-2019-winnipeg.yaml:84, *fueling*: Canadian spelling doubles the l,
  fuelling (en-CA; *The Canadian Style*).
- fall-2019-winnipeg.yaml:108, *behavior*: US spelling; the report writes
  behaviour everywhere else (`spelling-mix` says so too).
- fall-2019-winnipeg.yaml:190 (and lines 685, 698), *wellbeing*: Canadian
  dictionaries and Canada.ca write well-being.
- fall-2019-winnipeg.yaml:272, *Panelists*: Canadian spelling, panellists.
- fall-2019-winnipeg.yaml:788, *Bhup*: "Trevor Bhup Singh" is Trevor Bhupsingh
  everywhere else (`name-variant` says so too).

The Spring 2019 and the French Fall 2019 outlines raise none. The words of
the published summaries that the dictionaries lack and that are not slips
(roundtable, carfentanil, Muskoday, pangouvernemental ...) are in the list
rtdraft ships, `rtdraft/lint/words/field.txt`.
"""


def lint(source: Source, disabled: Iterable[str] = (),
         document: Document | None = None,
         chosen: dict[str, Rule] | None = None) -> list[Problem]:
    """Problems for a valid outline, in file order, each at its rule's level (warning
    unless the rule or the outline's lint.levels says otherwise); `chosen`: only these
    rules (every rule by default)."""
    data = normalise(source.data)
    if document is None:
        document = build(data, places=source.places)
    settings = data.get("lint") or {}
    skip = set(disabled) | set(settings.get("disable") or [])
    levels = settings.get("levels") or {}
    ignored = [(entry["rule"], entry["path"]) for entry in settings.get("ignore") or []]
    outline = Outline(data, pieces(document), frozenset(settings.get("abbreviations") or []),
                      language=document.language, source=source, document=document)
    texts = {p.path: p.text for p in outline.pieces}
    written = {p.path: p.text for p in document.texts}   # before markup was blanked out
    problems = set()
    for rule_id, found in (rules() if chosen is None else chosen).items():
        if rule_id in skip:
            continue
        level = levels.get(rule_id) or found.level
        for finding in found.check(outline):
            where = format_path(finding.path)
            if any(r == rule_id and (where == p or where.startswith((p + ".", p + "[")))
                   for r, p in ignored):
                continue
            line, column = _position(source, texts.get(finding.path, ""), finding,
                                     written.get(finding.path))
            problems.add(Problem(source.file, line, column, level, finding.path,
                                 finding.message, rule_id))
    return sorted(problems)


def lost_words(source: Source, document: Document | None = None) -> list[Problem]:
    """What the LOST_WORDS rules find in a valid outline (the outline's lint settings
    apply: a finding it accepts under lint.ignore is not reported)."""
    # Their module alone: listing every rule imports them all, the spelling and
    # reading-level ones too, on every render (13 ms of about 170).
    chosen = rules_in("yaml_text")
    assert tuple(chosen) == LOST_WORDS
    return lint(source, document=document, chosen=chosen)


def _position(source: Source, text: str, finding: Finding,
              written: str | None) -> tuple[int, int]:
    if finding.at:
        return finding.at
    if not finding.needle:
        return source.position(finding.path, key=finding.key)
    if not isinstance(written, str) or len(written) != len(text):
        written = None
    return source.locate_at(finding.path, text, finding.offset, finding.needle, written)
