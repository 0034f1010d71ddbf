"""Renderers: one module per output format, all walking the same Document model.

WRITERS maps a format name to (file suffix, render function); the function takes
the Document and the user's options and returns the file's bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..document.model import Document


def _docx(document: Document, reference_doc: Path | None = None, **_) -> bytes:
    from . import docx
    return docx.render(document, reference_doc)


def _html(document: Document, template_dir: Path | None = None, **_) -> bytes:
    from . import html
    return html.render(document, template_dir)


def _markdown(document: Document, template_dir: Path | None = None, **_) -> bytes:
    from . import markdown
    return markdown.render(document, template_dir)


WRITERS: dict[str, tuple[str, Callable[..., bytes] | None]] = {
    "docx": (".docx", _docx),
    "html": (".html", _html),
    "md": (".md", _markdown),
    "pdf": (".pdf", None),   # needs LibreOffice: see office/pdf.py and cli.render
}
