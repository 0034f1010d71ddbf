"""What a YAML text shows before it is parsed: the reader's folder search and the
explainer both ask whether a document is written in flow style (as JSON)."""

from __future__ import annotations

from collections.abc import Iterable


def opening(lines: Iterable[str]) -> str:
    """The document's first character of content, after blank lines, comments, directives
    (%YAML) and a `---` line: `{` or `[` for a document in flow style (as JSON)."""
    for line in lines:
        rest = line.strip()
        if rest == "---" or rest.startswith(("--- ", "---\t")):
            rest = rest[3:].strip()
        if rest and not rest.startswith(("#", "%")):
            return rest[0]
    return ""
