"""A reference document, read as untrusted input: only what the house style needs.

A reference document comes from wherever an editor found it. Its package is read
through the zip directory with every part bounded (docs/refusals.md), and rebuilt
from the parts the DOCX writer takes from it, found by following relationships:
the main document with its styles, numbering, settings, theme, fonts, web
settings, headers, footers and notes, and the pictures and fonts those use.
Nothing else is carried over: no macros (vbaProject), no attached template or any
other external relationship, no custom XML, no thumbnail, no unknown part. Every
failure is a TemplateError (exit 4) that names the part.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

import docx
from lxml import etree

from ..errors import TemplateError
from . import ooxml

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
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def load(path: Path):
    """The reference document as a python-docx Document, rebuilt from its safe parts."""
    data = package(Path(path))
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:   # python-docx's errors are of many kinds   # noqa: BLE001
        raise TemplateError(f"{path}: not a Word document rtdraft can read ({exc})") from None


def package(path: Path) -> bytes:
    """The bytes of a DOCX holding only the parts of `path` that the house style needs."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise TemplateError(f"{path}: the reference document is {size:,} bytes; it may "
                                f"be at most {MAX_FILE:,}")
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise TemplateError(f"{path}: not a Word document (.docx); a reference document "
                            "must be one") from None
    with archive:
        return _Package(path, archive).rebuild()


class _Package:
    def __init__(self, path: Path, archive: zipfile.ZipFile):
        self.path, self.archive = path, archive
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            self.refuse(f"has {len(entries):,} zip entries; a reference document may have "
                        f"at most {MAX_ENTRIES:,}")
        self.entries = {entry.filename: entry for entry in entries}
        self.total = 0
        self.kept: dict[str, bytes] = {}

    def refuse(self, message: str, part: str | None = None):
        where = f"{self.path}" + (f": part {part}" if part else "")
        raise TemplateError(f"{where}: {message}")

    def rebuild(self) -> bytes:
        if "[Content_Types].xml" not in self.entries:
            self.refuse("not a Word document (.docx): no [Content_Types].xml")
        defaults, overrides = ooxml.content_types(self.xml("[Content_Types].xml"))
        self.types = defaults, overrides
        self.follow("", FROM_PACKAGE)
        main = REQUIRED["officeDocument"]
        if self.main is None:
            self.refuse("not a Word document (.docx): no main document part", main)
        overrides = {name: kind for name, kind in overrides.items() if name in self.kept}
        overrides[self.main] = DOCUMENT_TYPE   # a .docm or .dotx main part becomes a .docx one
        used = {posixpath.splitext(name)[1].lstrip(".").lower() for name in self.kept}
        defaults = {ext: kind for ext, kind in defaults.items() if ext in used | {"rels"}}
        defaults.setdefault("rels", "application/vnd.openxmlformats-package.relationships+xml")
        defaults.setdefault("xml", "application/xml")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:   # read back at once
            target.writestr("[Content_Types].xml", ooxml.write_content_types(defaults, overrides))
            for name, data in self.kept.items():
                target.writestr(name, data)
        return out.getvalue()

    main: str | None = None

    def follow(self, source: str, allowed: set[str]) -> None:
        """Keep the part `source` ('' for the package) and, recursively, the internal
        parts its allowed relationships name; drop the others and what refers to them."""
        folder, base = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        children, dropped = [], set()
        if rels in self.entries:
            root = self.xml(rels)
            keep = set()
            for rel_id, rel_type, target, external in ooxml.relationships(root):
                kind = rel_type.rsplit("/", 1)[-1]
                name = _resolve(folder, target)
                if external or kind not in allowed or name in ("", rels):
                    dropped.add(rel_id)
                    continue
                if name not in self.entries:
                    if kind in REQUIRED:
                        self.refuse(f"missing; the reference document's {kind} part "
                                    "is named but not in the file", name)
                    dropped.add(rel_id)
                    continue
                keep.add(rel_id)
                children.append((kind, name))
            self.kept[rels] = ooxml.keep_relationships(root, keep)
        kinds = {kind for kind, _ in children}
        if source == "":
            documents = [name for kind, name in children if kind == "officeDocument"]
            self.main = documents[0] if documents else None
        elif source == self.main:
            for kind in ("styles", "numbering"):
                if kind not in kinds:
                    self.refuse(f"missing: the reference document has no {kind} part "
                                "(lists would lose their bullets and numbers, or text its "
                                "styles); start from templates/reference.docx",
                                REQUIRED[kind])
        if source:
            self.keep(source, dropped)
        for kind, name in children:
            if name in self.kept:
                continue
            self.follow(name, FROM_DOCUMENT | FROM_OTHERS if kind == "officeDocument"
                        else FROM_OTHERS)

    def keep(self, name: str, dropped: set[str]) -> None:
        if not self.is_xml(name):
            self.kept[name] = self.read(name)
            return
        root = self.xml(name)
        if dropped:
            ooxml.drop_references(root, dropped)
            self.kept[name] = ooxml.serialize(root)
        else:
            self.kept[name] = self.raw[name]

    def is_xml(self, name: str) -> bool:
        defaults, overrides = self.types
        kind = overrides.get(name) or defaults.get(posixpath.splitext(name)[1][1:].lower(), "")
        return kind.endswith("+xml") or kind in ("application/xml", "text/xml") or \
            name.endswith((".xml", ".rels"))

    raw: dict[str, bytes]

    def xml(self, name: str):
        data = self.read(name)
        self.raw = getattr(self, "raw", {})
        self.raw[name] = data
        try:
            return ooxml.parse_part(data)
        except etree.XMLSyntaxError as exc:
            line = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
            self.refuse(f"is not well-formed XML{line}: {exc.msg}; open the document in Word "
                        "and save it again, or start from templates/reference.docx", name)

    def read(self, name: str) -> bytes:
        """The part's bytes, bounded twice: by the size the zip directory gives, and by
        counting while reading (a directory can lie)."""
        entry = self.entries[name]
        if entry.file_size > MAX_PART:
            self.refuse(f"is {entry.file_size:,} bytes uncompressed; a part may be at most "
                        f"{MAX_PART:,}", name)
        try:
            with self.archive.open(entry) as handle:
                data = handle.read(MAX_PART + 1)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError,
                EOFError, ValueError) as exc:
            self.refuse(f"cannot be read ({exc})", name)
        if len(data) > MAX_PART:
            self.refuse(f"is more than {MAX_PART:,} bytes uncompressed; a part may be at "
                        f"most {MAX_PART:,}", name)
        self.total += len(data)
        if self.total > MAX_TOTAL:
            self.refuse(f"the parts taken come to more than {MAX_TOTAL:,} bytes "
                        "uncompressed", name)
        return data


def _resolve(folder: str, target: str) -> str:
    """A relationship's target as a part name: relative to the source's folder, or
    absolute from the package's root; '' when it leaves the package."""
    if "://" in target or target.startswith("\\"):
        return ""
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    name = posixpath.normpath(joined)
    return "" if name.startswith("..") or name == "." else name
