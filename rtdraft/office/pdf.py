"""The published PDF: rtdraft's DOCX laid out and exported by LibreOffice (see process.py and
uno/publish.py) as a tagged PDF/UA file whose table of contents has real page numbers.

The DOCX written beside it gets those page numbers in its table of contents' cached entries
by rendering rtdraft's own DOCX again with them, not by saving LibreOffice's copy: that copy
would carry LibreOffice's rewrite of every style and field, not the house's clean package."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..document.model import Document
from ..render import docx
from .process import Office


def publish(document: Document, office: Office, reference: Path | None = None,
            timeout: float | None = None) -> tuple[bytes, bytes]:
    """(PDF bytes, DOCX bytes with the PDF's page numbers in its table of contents)."""
    first = docx.render(document, reference)
    with tempfile.TemporaryDirectory(prefix="rtdraft-pdf-") as folder:
        source, target = Path(folder, "summary.docx"), Path(folder, "summary.pdf")
        source.write_bytes(first)
        lines = office.run("publish.py", source, target, "\n".join(document.keywords),
                           timeout=timeout).splitlines()
        pdf = target.read_bytes()
    entries = [h for h in document.headings if h.level <= 2] if document.toc else []
    pages = {}
    for heading, line in zip(entries, lines):
        _text, _, page = line.rpartition("\t")
        pages[heading.anchor] = page.strip()
    return pdf, (docx.render(document, reference, pages) if pages else first)
