"""Opening a DOCX to import (a placeholder: the bounded, checked opener replaces it)."""

from __future__ import annotations

from pathlib import Path

import docx
import docx.document

from ..errors import ImportFailure


def open_docx(path: Path) -> docx.document.Document:
    """The document at path, or ImportFailure naming it."""
    try:
        return docx.Document(str(path))
    except Exception:   # noqa: BLE001 - any failure to open is the same answer here
        raise ImportFailure(f"{path}: not a Word document (.docx) rtdraft can read") from None
