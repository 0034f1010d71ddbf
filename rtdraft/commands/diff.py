"""The redline's diff, shared by its DOCX and Markdown editions, in work that grows
linearly with the text.

difflib's SequenceMatcher compares every element of one side with each equal element
of the other: a paragraph that repeats a few words (or a list that repeats one line)
costs the square of its length, or worse. So each comparison here is first cut to
what lies between the common start and end, and handed to SequenceMatcher only when
its pairs of equal elements are few (BUDGET); otherwise the text is compared a level
coarser (sentences instead of words), and what is still too large is one replacement.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Hashable, Sequence

# A Markdown escape is one token. So is a link to an address, "[text](address)" or
# "<address>": a mark inside it would break the link, so a changed link is deleted and
# inserted whole. A link to a heading, "[text](#id)", is compared word by word and its
# "](#id)" as the same whatever the id: the id changes with the heading's words, which
# show the change; NEW's is kept whole, outside the marks.
WORDS = re.compile(r"\\\S|\[[^\[\]]*\]\((?!#)[^()\s]*\)|<[A-Za-z][\w+.-]*:[^<>\s]*>"
                   r"|\]\([^()\s]*\)|\s+|[\w’'-]+|[^\w\s]")
ANCHOR = "](#…)"


def _key(token: str) -> str:
    return ANCHOR if token.startswith("](#") else token
SENTENCE_END = frozenset(".!?")
BUDGET = 200_000   # pairs of equal elements one SequenceMatcher may compare


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes for `a` and `b`, in bounded work; a middle whose comparison would
    exceed BUDGET is one 'replace' (or 'delete', 'insert')."""
    start, stop_a, stop_b = 0, len(a), len(b)
    while start < stop_a and start < stop_b and a[start] == b[start]:
        start += 1
    while stop_a > start and stop_b > start and a[stop_a - 1] == b[stop_b - 1]:
        stop_a, stop_b = stop_a - 1, stop_b - 1
    out = [("equal", 0, start, 0, start)] if start else []
    middle_a, middle_b = a[start:stop_a], b[start:stop_b]
    if middle_a and middle_b and _pairs(middle_a, middle_b) <= BUDGET:
        matcher = difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False)
        out += [(tag, i1 + start, i2 + start, j1 + start, j2 + start)
                for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    elif middle_a or middle_b:
        tag = "replace" if middle_a and middle_b else "delete" if middle_a else "insert"
        out.append((tag, start, stop_a, start, stop_b))
    if stop_a < len(a):
        out.append(("equal", stop_a, len(a), stop_b, len(b)))
    return out


def _pairs(a, b) -> int:
    """How many (i, j) have a[i] == b[j]: what SequenceMatcher's search goes through."""
    counts = Counter(b)
    return sum(counts[x] for x in a) + len(a) + len(b)


def sentences(tokens: list[str]) -> list[list[str]]:
    """Tokens grouped into sentences: each ends with the space after a . ! or ?."""
    out: list[list[str]] = [[]]
    for index, token in enumerate(tokens):
        out[-1].append(token)
        if token.isspace() and index and tokens[index - 1] in SENTENCE_END:
            out.append([])
    return [s for s in out if s]


def pieces(old: str, new: str) -> list[tuple[str, str]]:
    """A word diff of two texts: (kind, text) pairs, kind equal, delete or insert; a
    replaced span gives its deletion before its insertion. Sentences are matched first
    and words within the sentences that changed."""
    out: list[tuple[str, str]] = []
    a = sentences(WORDS.findall(old))
    b = sentences(WORDS.findall(new))
    keys_a = ["".join(map(_key, s)) for s in a]
    keys_b = ["".join(map(_key, s)) for s in b]
    for tag, i1, i2, j1, j2 in opcodes(keys_a, keys_b):
        words_a = [w for s in a[i1:i2] for w in s]
        words_b = [w for s in b[j1:j2] for w in s]
        if tag == "equal":   # NEW's words: the same, but for link destinations
            _add(out, "equal", "".join(words_b))
            continue
        for tag2, k1, k2, m1, m2 in opcodes(list(map(_key, words_a)), list(map(_key, words_b))):
            if tag2 == "equal":
                _add(out, "equal", "".join(words_b[m1:m2]))
                continue
            _add(out, "delete", "".join(words_a[k1:k2]))
            _add(out, "insert", "".join(words_b[m1:m2]))
    return out


def _add(out: list[tuple[str, str]], kind: str, text: str) -> None:
    """Append a piece, joined to the last one when of the same kind."""
    if not text:
        return
    if out and out[-1][0] == kind:
        out[-1] = (kind, out[-1][1] + text)
    elif kind == "delete" and out and out[-1][0] == "insert":
        # the deletion goes first, so that a replacement reads {--old--}{++new++}
        if len(out) > 1 and out[-2][0] == "delete":
            out[-2] = ("delete", out[-2][1] + text)
        else:
            out.insert(len(out) - 1, (kind, text))
    else:
        out.append((kind, text))


def align(before: Sequence, after: Sequence, key: Callable, parts: Callable
          ) -> list[tuple[str, int | None, int | None]]:
    """Pair the items of two lists (lines, table rows): ('equal', i, j) for the same
    item, ('change', i, j) for an edited one, ('delete', i, None), ('insert', None, j).
    Items are matched by `key`; among the others, an old and a new item are one edited
    item when at least half of their `parts` (words, cells) are the same."""
    out: list[tuple[str, int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in opcodes([key(x) for x in before], [key(x) for x in after]):
        if tag == "equal":
            out += [("equal", i, j) for i, j in zip(range(i1, i2), range(j1, j2))]
            continue
        j = j1
        for i in range(i1, i2):
            match = next((k for k in range(j, min(j2, j + LOOK_AHEAD))
                          if similar(parts(before[i]), parts(after[k]))), None)
            if match is None:
                out.append(("delete", i, None))
                continue
            out += [("insert", None, k) for k in range(j, match)]
            out.append(("change", i, match))
            j = match + 1
        out += [("insert", None, k) for k in range(j, j2)]
    return out


LOOK_AHEAD = 8   # new items looked through for an old item's edited version


def similar(a: Sequence, b: Sequence) -> bool:
    """At least half of the longer side's non-blank parts are also in the other (counted
    as multisets: linear, and order matters little for this)."""
    a = Counter(x for x in a if str(x).strip())
    b = Counter(x for x in b if str(x).strip())
    return bool(a and b) and 2 * sum((a & b).values()) >= max(a.total(), b.total())
