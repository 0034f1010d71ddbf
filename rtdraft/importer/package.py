"""A DOCX to import, opened as untrusted input: only the parts the importer reads.

Taken: the main document, its styles, numbering, settings, footnotes, endnotes,
comments, headers and footers, the core properties, and the relationships between
them; a hyperlink's address is kept as data and never fetched. Pictures keep their
place but not their bytes (they are never inflated: the importer reports them as not
placed). Everything else (macros, embedded objects, charts, custom XML, thumbnails,
fonts, themes) is neither inflated nor passed on. The limits are in docs/refusals.md;
every refusal is an ImportFailure (exit 7) naming the file and, where there is one,
the part.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import docx.document

from ..errors import ImportFailure
from ..ooxml import safedocx

MAX_FILE = 256 * 1024 * 1024     # the .docx file; pictures count here only (never inflated)
MAX_PART = 16 * 1024 * 1024      # one part taken, uncompressed
MAX_TOTAL = 64 * 1024 * 1024     # all the parts taken, uncompressed
MAX_ENTRIES = 10_000             # entries in the zip directory
MAX_RATIO = 100                  # uncompressed : compressed, for a part over 1 MB

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # an OLE2 compound file
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")   # the stream of an encrypted OOXML file

# app.xml says which program saved the file (LibreOffice numbers each list item apart)
FROM_PACKAGE = {"officeDocument", "core-properties", "extended-properties"}
FROM_DOCUMENT = {"styles", "numbering", "settings", "footnotes", "endnotes", "comments",
                 "header", "footer", "hyperlink", "image"}
FROM_OTHERS = {"hyperlink", "image"}   # links and pictures in notes, comments, headers


def policy() -> safedocx.Policy:
    # Built when used, so that a test may lower a limit with monkeypatch.
    return safedocx.Policy(
        error=ImportFailure, noun="the DOCX",
        limits=safedocx.Limits(MAX_FILE, MAX_PART, MAX_TOTAL, MAX_ENTRIES, MAX_RATIO),
        follow={"": FROM_PACKAGE, "officeDocument": FROM_DOCUMENT},
        follow_others=FROM_OTHERS, required={"officeDocument": "word/document.xml"},
        external={"hyperlink"}, empty={"image"}, word_only=True,
        hint="the file is damaged; open it in Word and save it again")


def open_docx(path: Path) -> docx.document.Document:
    """The DOCX at `path` as a python-docx Document, rebuilt from the parts the
    importer reads; an ImportFailure (exit 7) for anything else."""
    path = Path(path)
    with safedocx.open_file(path, policy()) as handle:
        head = handle.read(len(OLE_MAGIC))
        if head == OLE_MAGIC:
            _refuse_ole(path, handle)
        handle.seek(0)
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            if head.startswith(b"PK"):
                raise ImportFailure(safedocx.one_line(
                f"{path}: is damaged: its zip directory cannot be read ({exc}); open it in "
                "Word, which may repair it, and save it again")) from None
            raise ImportFailure(f"{path}: not a Word document (.docx): not a zip "
                                "package") from None
        with archive:
            data = safedocx.rebuild(path, archive, policy())
    return safedocx.document(path, data, policy())


def _refuse_ole(path: Path, handle) -> None:
    """An OLE2 compound file: Word's encrypted (password-protected) DOCX, or a .doc."""
    handle.seek(0)
    tail = b""
    while chunk := handle.read(1024 * 1024):   # bounded: the size is within MAX_FILE
        if ENCRYPTED in tail + chunk:
            raise ImportFailure(f"{path}: is encrypted (password-protected); open it in "
                                "Word, remove the password (File > Info > Protect Document "
                                "> Encrypt with Password) and save it again")
        tail = chunk[-len(ENCRYPTED):]
    raise ImportFailure(f"{path}: is a Word 97-2003 document (.doc) or another OLE file, "
                        "not a .docx; open it in Word and save it as .docx")
