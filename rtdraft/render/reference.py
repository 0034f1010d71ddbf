"""A reference document, read as untrusted input: only what the house style needs.

A reference document comes from wherever an editor found it. Its package is read
through the zip directory with every part bounded (docs/refusals.md), and rebuilt
from the parts the DOCX writer takes from it, found by following relationships:
the main document with its styles, numbering, settings, theme, fonts, web
settings, headers, footers and notes, and the pictures and fonts those use.
Nothing else is carried over: no macros (vbaProject), no attached template or any
other external relationship, no custom XML, no thumbnail, no unknown part. Every
failure is a TemplateError (exit 4) that names the part. The reading itself is
ooxml/safedocx.py, which the importer shares with its own limits.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import TemplateError
from ..ooxml import safedocx

MAX_FILE = 64 * 1024 * 1024      # the .docx file itself; the default one is 70 KB
MAX_PART = 16 * 1024 * 1024      # one part, uncompressed; the largest default part is 0.5 MB
MAX_TOTAL = 64 * 1024 * 1024     # all the parts taken, uncompressed
MAX_ENTRIES = 2_000              # entries in the zip directory

# Relationships followed, by the last word of their type, from each kind of part.
FROM_PACKAGE = {"officeDocument", "core-properties", "extended-properties"}
FROM_DOCUMENT = {"styles", "numbering", "settings", "theme", "fontTable",
                 "webSettings", "header", "footer", "footnotes", "endnotes"}
FROM_OTHERS = {"image", "font"}  # pictures in headers and bullets, embedded fonts
REQUIRED = {"officeDocument": "word/document.xml", "styles": "word/styles.xml",
            "numbering": "word/numbering.xml"}


def policy() -> safedocx.Policy:
    # Built when used, so that a test may lower a limit with monkeypatch.
    return safedocx.Policy(
        error=TemplateError, noun="the reference document",
        limits=safedocx.Limits(MAX_FILE, MAX_PART, MAX_TOTAL, MAX_ENTRIES),
        follow={"": FROM_PACKAGE, "officeDocument": FROM_DOCUMENT | FROM_OTHERS},
        follow_others=FROM_OTHERS, required=REQUIRED,
        required_of_main={kind: f"missing: the reference document has no {kind} part "
                          "(lists would lose their bullets and numbers, or text its "
                          "styles); start from templates/reference.docx"
                          for kind in ("styles", "numbering")},
        hint="open the document in Word and save it again, or start from "
             "templates/reference.docx")


def load(path: Path):
    """The reference document as a python-docx Document, rebuilt from its safe parts."""
    return safedocx.document(path, package(Path(path)), policy())


def package(path: Path) -> bytes:
    """The bytes of a DOCX holding only the parts of `path` that the house style needs."""
    with safedocx.open_file(path, policy()) as handle:
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise TemplateError(f"{path}: not a Word document (.docx); a reference document "
                                "must be one") from None
        with archive:
            return safedocx.rebuild(path, archive, policy())
