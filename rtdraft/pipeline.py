"""read -> validate -> normalise -> build, written once: every command and the preview
take an outline through here. Each step takes values and returns values; nothing here
prints (cli turns problems into lines and exit codes)."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from .document import model
from .document.model import Document
from .outline import source as reader
from .outline.source import Source
from .outline.validate import checked
from .problems import Problem


@dataclasses.dataclass(frozen=True)
class Checked:
    """An outline read and validated. When `valid`, `source.data` is the normalised data
    (every default filled in, once) and the outline can be built."""

    source: Source
    problems: list[Problem]
    valid: bool


def check(source: Source) -> Checked:
    """Validate a loaded outline; a valid one comes back with its normalised data (the
    Source given is not changed)."""
    problems, data = checked(source)
    if data is None:
        return Checked(source, problems, False)
    return Checked(dataclasses.replace(source, data=data), problems, True)


def read(path: str) -> Checked:
    """The outline at `path` (or `-`), read and validated."""
    return check(reader.read(path))


def build(outline: Checked, today: date | None = None) -> Document:
    """The model of a valid outline, built once from its normalised data; every value
    keeps its line and column."""
    assert outline.valid, "only a valid outline is built"
    file = outline.source.file
    folder = None if file in ("<stdin>", "-") else Path(file).parent
    return model.build(outline.source.data, today, outline.source.places, folder)
