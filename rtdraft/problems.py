"""One value type for a problem, and the ways of printing a list of them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    level: str          # "error", "warning" or "note"
    path: tuple         # ('sessions', 2, 'title'); () for the whole file
    message: str
    rule: str

    @property
    def where(self) -> str:
        """The path as an editor reads it: sessions[2].title."""
        return format_path(self.path)


# Errors reported for one outline. More would cost more than they help (cerberus sorts its
# error list at every error it adds); an editor fixes these and validates again.
MAX_ERRORS = 100


def limited(file: str, problems: Iterable[Problem], more: bool = False) -> list[Problem]:
    """The problems in file order, up to the MAX_ERRORS-th error, then a note on the rest
    when there is more (or `more` says some were never collected)."""
    problems = sorted(set(problems))
    count = 0
    for index, problem in enumerate(problems):
        count += problem.level == "error"
        if count > MAX_ERRORS:
            problems, more = problems[:index], True
            break
    if more:
        problems.append(Problem(file, 1, 1, "note", (), f"validation stops at {MAX_ERRORS} "
                                "errors; fix these and validate again", "error-limit"))
    return problems


def format_path(path: Iterable) -> str:
    out = ""
    for part in path:
        if isinstance(part, str) and not part.isprintable():   # a key "n1\n": one line still
            out += f"[{part!r}]"
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# Control characters and line separators: a key, value or file name holding one (YAML's
# "\n" in a key) would split a problem over lines, or colour a terminal.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """The text with its control characters written as Python escapes (\\n, \\x1b)."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _parts(p: Problem) -> tuple[str, str, str]:
    """File, 'path: ' (or nothing) and message, each on one line."""
    return one_line(p.file), (one_line(p.where) + ": " if p.path else ""), one_line(p.message)


def _text(p: Problem) -> str:
    file, where, message = _parts(p)
    return f"{file}:{p.line}:{p.column}: {p.level}: {where}{message}"


def _parsable(p: Problem) -> str:
    # yamllint's parsable form, which editors' error formats already read.
    file, where, message = _parts(p)
    return f"{file}:{p.line}:{p.column}: [{p.level}] {where}{message} ({p.rule})"


def _github(p: Problem) -> str:
    # Workflow commands: properties and message have their own escapes.
    def prop(value: str) -> str:
        return _gh_escape(value).replace(":", "%3A").replace(",", "%2C")
    file, where, message = _parts(p)
    return (f"::{_GITHUB_LEVELS[p.level]} file={prop(file)},line={p.line},col={p.column},"
            f"title={prop('rtdraft ' + p.rule)}::{_gh_escape(where + message)}")


_GITHUB_LEVELS = {"error": "error", "warning": "warning", "note": "notice"}


def _gh_escape(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _as_dict(p: Problem) -> dict:
    return {"file": one_line(p.file), "line": p.line, "column": p.column, "level": p.level,
            "path": one_line(p.where), "message": one_line(p.message), "rule": p.rule}


def _lines(one: Callable[[Problem], str]) -> Callable[[list[Problem]], str]:
    return lambda problems: "".join(one(p) + "\n" for p in problems)


def _json(items: list) -> str:
    import json  # only when asked for: every command imports this module
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Callable[[list[Problem]], str]] = {
    "text": _lines(_text),
    "parsable": _lines(_parsable),
    "github": _lines(_github),
    "json": lambda problems: _json([_as_dict(p) for p in problems]),
}


def summary_line(files: int, problems: list[Problem]) -> str:
    """'12 files, 3 problems (2 errors, 1 warning)'."""
    def count(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"
    levels = [p.level for p in problems]
    detail = ", ".join(count(levels.count(level), level) for level in ("error", "warning", "note")
                       if level in levels)
    line = f"{count(files, 'file')}, {count(len(problems), 'problem')}"
    return line + (f" ({detail})" if detail else "")


def default_format(environ: dict) -> str:
    """github inside a GitHub Actions workflow, text everywhere else."""
    if environ.get("GITHUB_ACTIONS") and environ.get("GITHUB_WORKFLOW"):
        return "github"
    return "text"
