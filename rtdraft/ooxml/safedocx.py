"""An untrusted DOCX, rebuilt from the parts a reader needs, every part bounded.

Shared by the reference-document reader (render/reference.py, exit 4) and the
importer (importer/package.py, exit 7); each gives its error class, its limits and
which relationships to follow in a Policy. The package is read through its zip
directory: a part is refused by the size the directory gives before it is inflated,
and counted while it is inflated (a directory can lie). Parts that are not taken are
never inflated; a part whose bytes are not needed (pictures, for the importer) is
kept empty, so that what refers to it still resolves.
"""

from __future__ import annotations

import io
import os
import posixpath
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from lxml import etree

from . import package

DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Main parts Word opens as a document: .docx, .docm, .dotx, .dotm.
WORD_MAIN = ("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml",
             "ms-word.document.macroEnabled.main+xml",
             "ms-word.template.macroEnabledTemplate.main+xml")
RATIO_FROM = 1024 * 1024   # the compression ratio is checked on parts larger than this
# The content type of a part, by the relationship that names it: a writer that typed
# docProps/core.xml or the styles as something else (plain XML) made python-docx read them
# as parts it does not know ("'Part' object has no attribute 'core_properties'").
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_STYLE, _W_TYPE = _W + "style", _W + "type"
_OFFICE = "application/vnd.openxmlformats-officedocument."
PART_TYPES = {
    "core-properties": "application/vnd.openxmlformats-package.core-properties+xml",
    "extended-properties": _OFFICE + "extended-properties+xml",
    **{kind: f"{_OFFICE}wordprocessingml.{kind}+xml" for kind in (
        "styles", "numbering", "settings", "footnotes", "endnotes", "comments", "header",
        "footer", "fontTable", "webSettings")},
    "theme": _OFFICE + "theme+xml",
}
# Parts a package or a document has one of (python-docx refuses a second: "multiple
# relationships of type ... in collection"); the first is read, the others are not.
SINGLE = set(PART_TYPES) - {"header", "footer"} | {"officeDocument"}

# ISO/IEC 29500 Strict (Word's "Strict Open XML Document") names the same elements and
# relationships in namespaces of its own (Part 1, 8.1 and annex A); read as Transitional,
# the names every reader here knows. Longer names first: a prefix must not cut a name.
_STRICT = b"http://purl.oclc.org/ooxml/"
_TRANSITIONAL = b"http://schemas.openxmlformats.org/"
STRICT_NAMES = tuple((_STRICT + old, _TRANSITIONAL + new) for old, new in (
    (b"officeDocument/relationships/extendedProperties",
     b"officeDocument/2006/relationships/extended-properties"),
    (b"officeDocument/relationships/customProperties",
     b"officeDocument/2006/relationships/custom-properties"),
    (b"officeDocument/extendedProperties", b"officeDocument/2006/extended-properties"),
    (b"officeDocument/customProperties", b"officeDocument/2006/custom-properties"),
    (b"officeDocument/", b"officeDocument/2006/"),
    (b"wordprocessingml/main", b"wordprocessingml/2006/main"),
    (b"drawingml/", b"drawingml/2006/"),
    (b"schemaLibrary/main", b"schemaLibrary/2006/main")))


class Unreadable(Exception):
    """zipfile could not read the zip directory; the message is its reason, on one line."""


# A damaged or unusual zip makes zipfile and the decompressors under it raise errors of
# many kinds, not only BadZipFile: NotImplementedError (a zip version or a method it
# lacks), RuntimeError (an encrypted part), zlib.error, lzma.LZMAError, OSError (bz2),
# EOFError, ValueError (a name that is not UTF-8). The calls into zipfile are caught
# whole, each call alone, so that every one becomes the reader's refusal.


def open_zip(handle) -> zipfile.ZipFile:
    """The zip package read from `handle`, or Unreadable with zipfile's reason."""
    try:
        return zipfile.ZipFile(handle)
    except Exception as exc:   # any kind: see above   # noqa: BLE001
        raise Unreadable(reason(exc)) from None


@dataclass(frozen=True)
class Limits:
    file: int          # the .docx file itself
    part: int          # one part, uncompressed
    total: int         # all the parts taken, uncompressed
    entries: int       # entries in the zip directory
    ratio: int | None = None   # uncompressed / compressed size of a part over RATIO_FROM


@dataclass(frozen=True)
class Policy:
    """What one reader takes from a DOCX and how it says no."""

    error: type[Exception]
    noun: str                       # "the reference document", "the DOCX"
    limits: Limits
    follow: dict[str, set[str]]     # source kind ("" = package, "officeDocument") -> kinds
    follow_others: set[str]         # kinds followed from any other part
    required: dict[str, str]        # kind that must be present -> its usual part name
    required_of_main: dict[str, str] = field(default_factory=dict)  # kind -> message
    external: set[str] = field(default_factory=set)   # external relationships kept as data
    empty: set[str] = field(default_factory=set)      # kinds kept without their bytes
    hint: str = "open the document in Word and save it again"
    word_only: bool = False         # refuse a main part that is not WordprocessingML


def open_file(path: Path, policy: Policy):
    """The file, opened for reading once it is known to be a regular file of a size within
    the policy's limit (a FIFO would block, a device such as /dev/zero never end)."""
    error, noun = policy.error, policy.noun
    try:
        info = path.stat()
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise error(f"{path}: is a folder, not a Word document (.docx)")
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{path}: is not a regular file, not a Word document (.docx)")
    if info.st_size == 0:
        raise error(f"{path}: is empty, not a Word document (.docx)")
    if info.st_size > policy.limits.file:
        raise error(f"{path}: {noun} is {info.st_size:,} bytes; it may be at most "
                    f"{policy.limits.file:,}")
    try:
        # O_NONBLOCK: a FIFO put in its place since stat() does not block the open.
        return open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NONBLOCK))
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror or exc})") from None


def rebuild(path: Path, archive: zipfile.ZipFile, policy: Policy) -> bytes:
    """The bytes of a DOCX holding only the parts of `archive` that `policy` takes."""
    return _Package(path, archive, policy).rebuild()


class _Package:
    main: str | None = None

    def __init__(self, path: Path, archive: zipfile.ZipFile, policy: Policy):
        self.path, self.archive, self.policy = path, archive, policy
        self.limits = policy.limits
        entries = archive.infolist()
        if len(entries) > self.limits.entries:
            self.refuse(f"has {len(entries):,} zip entries; {policy.noun} may have "
                        f"at most {self.limits.entries:,}")
        self.entries = {entry.filename: entry for entry in entries}
        self.total = 0
        self.kept: dict[str, bytes] = {}
        self.typed: dict[str, str] = {}   # part name -> its content type, by relationship
        self.raw: dict[str, bytes] = {}

    def refuse(self, message: str, part: str | None = None):
        where = f"{self.path}" + (f": part {part}" if part else "")
        raise self.policy.error(one_line(f"{where}: {message}"))

    def rebuild(self) -> bytes:
        if "[Content_Types].xml" not in self.entries:
            self.refuse("not a Word document (.docx): no [Content_Types].xml")
        defaults, overrides = package.content_types(self.xml("[Content_Types].xml"))
        self.types = defaults, overrides
        self.follow("", "")
        if self.main is None:
            self.refuse("not a Word document (.docx): no main document part",
                        self.policy.required.get("officeDocument", "word/document.xml"))
        overrides = {name: kind for name, kind in overrides.items() if name in self.kept}
        overrides.update(self.typed)
        overrides[self.main] = DOCUMENT_TYPE   # a .docm or .dotx main part becomes a .docx one
        used = {posixpath.splitext(name)[1].lstrip(".").lower() for name in self.kept}
        defaults = {ext: kind for ext, kind in defaults.items() if ext in used | {"rels"}}
        defaults.setdefault("rels", "application/vnd.openxmlformats-package.relationships+xml")
        defaults.setdefault("xml", "application/xml")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:   # read back at once
            target.writestr("[Content_Types].xml", package.write_content_types(
                sorted(defaults.items()), sorted(overrides.items())))
            for name, data in self.kept.items():
                target.writestr(name, data)
        return out.getvalue()

    def kind_of(self, name: str) -> str:
        defaults, overrides = self.types
        return overrides.get(name) or defaults.get(posixpath.splitext(name)[1][1:].lower(), "")

    def follow(self, source: str, source_kind: str) -> None:
        """Keep the part `source` ('' for the package) and, recursively, the internal
        parts its allowed relationships name; drop the others and what refers to them."""
        policy = self.policy
        allowed = policy.follow.get(source_kind, policy.follow_others)
        folder, base = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        children, dropped = [], set()
        if rels in self.entries:
            root = self.xml(rels)
            keep = set()
            for rel_id, rel_type, target, external in package.relationships(root):
                kind = rel_type.rsplit("/", 1)[-1]
                if external:   # kept as data (a link's address), never fetched
                    (keep if kind in policy.external and kind in allowed else dropped).add(rel_id)
                    continue
                name = _resolve(folder, target)
                if kind not in allowed or name in ("", rels):
                    dropped.add(rel_id)
                    continue
                if name not in self.entries:
                    if kind in policy.required:
                        self.refuse(f"missing; {policy.noun}'s {kind} part "
                                    "is named but not in the file", name)
                    dropped.add(rel_id)
                    continue
                if kind in SINGLE and any(k == kind for k, _ in children):
                    dropped.add(rel_id)
                    continue
                keep.add(rel_id)
                children.append((kind, name))
            self.kept[rels] = package.keep_relationships(root, keep)
        kinds = {kind for kind, _ in children}
        if source == "":
            documents = [name for kind, name in children if kind == "officeDocument"]
            self.main = documents[0] if documents else None
            kind = self.kind_of(self.main) if self.main else ""
            # Another Office main part (a workbook, a presentation) is refused; a part
            # typed only as XML by a sloppy writer is given the benefit of the doubt.
            if policy.word_only and kind.endswith("main+xml") and not kind.endswith(WORD_MAIN):
                self.refuse(f"not a Word document (.docx): its main part is {kind}", self.main)
        elif source == self.main:
            for kind, message in policy.required_of_main.items():
                if kind not in kinds:
                    self.refuse(message, policy.required[kind])
        if source:
            self.keep(source, source_kind, dropped)
        for kind, name in children:
            if name not in self.kept:
                self.follow(name, kind)

    def keep(self, name: str, kind: str, dropped: set[str]) -> None:
        if kind in PART_TYPES:
            self.typed[name] = PART_TYPES[kind]
        if kind in self.policy.empty:
            self.kept[name] = b""   # never inflated
            return
        if not self.is_xml(name):
            self.kept[name] = self.read(name)
            return
        root = self.xml(name)
        typed = kind == "styles" and _style_types(root)
        if dropped or typed:
            package.drop_references(root, dropped)
            self.kept[name] = package.serialize(root)
        else:
            self.kept[name] = self.raw[name]

    def is_xml(self, name: str) -> bool:
        kind = self.kind_of(name)
        return kind.endswith("+xml") or kind in ("application/xml", "text/xml") or \
            name.endswith((".xml", ".rels"))

    def xml(self, name: str):
        data = self.raw[name] = transitional(self.read(name))
        try:
            return package.parse_part(data)
        except etree.XMLSyntaxError as exc:
            line = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
            self.refuse(f"is not well-formed XML{line}: {exc.msg}; {self.policy.hint}", name)

    def read(self, name: str) -> bytes:
        """The part's bytes, bounded twice: by the size the zip directory gives, and by
        counting while reading (a directory can lie)."""
        entry, limits = self.entries[name], self.limits
        if entry.file_size > limits.part:
            self.refuse(f"is {entry.file_size:,} bytes uncompressed; a part may be at most "
                        f"{limits.part:,}", name)
        if limits.ratio and entry.file_size > RATIO_FROM and \
                entry.file_size > limits.ratio * max(entry.compress_size, 1):
            self.refuse(f"is {entry.file_size:,} bytes uncompressed from "
                        f"{entry.compress_size:,} compressed; a part over {RATIO_FROM:,} bytes "
                        f"may be compressed at most {limits.ratio}:1 (a zip bomb?)", name)
        try:
            with self.archive.open(entry) as handle:
                data = handle.read(limits.part + 1)
        except Exception as exc:   # any kind a damaged zip raises (open_zip)   # noqa: BLE001
            hint = self.policy.hint   # the importer's begins "the file is damaged"
            self.refuse(f"cannot be read ({reason(exc)}); " + (
                hint if "damaged" in hint else f"the file is damaged; {hint}"), name)
        if len(data) > limits.part:
            self.refuse(f"is more than {limits.part:,} bytes uncompressed; a part may be at "
                        f"most {limits.part:,}", name)
        self.total += len(data)
        if self.total > limits.total:
            self.refuse(f"the parts taken come to more than {limits.total:,} bytes "
                        "uncompressed", name)
        return data


def document(path: Path, data: bytes, policy: Policy):
    """The rebuilt package `data` as a python-docx Document, or the policy's error."""
    try:
        found = docx.Document(io.BytesIO(data))
    except Exception as exc:   # python-docx's errors are of many kinds   # noqa: BLE001
        raise policy.error(one_line(f"{path}: not a Word document rtdraft can read "
                                    f"({exc})")) from None
    root = getattr(found.part, "element", None)
    if getattr(root, "body", None) is None:   # a theme (.thmx) or other package renamed
        what = etree.QName(root).localname if isinstance(root, etree._Element) else "not XML"
        raise policy.error(f"{path}: not a Word document (.docx): its main part is "
                           f"{what!r}, not a document with a body; open the file in the "
                           "program that made it, or in Word, and save it as .docx")
    return found


def _style_types(root) -> bool:
    """A style without w:type is a paragraph style (17.7.4.17); python-docx needs it said.
    Whether any was said here."""
    untyped = [style for style in root.iter(_W_STYLE) if style.get(_W_TYPE) is None]
    for style in untyped:
        style.set(_W_TYPE, "paragraph")
    return bool(untyped)


def transitional(data: bytes) -> bytes:
    """A part written in Strict's namespaces with Transitional's (the same elements)."""
    if _STRICT not in data:
        return data
    for old, new in STRICT_NAMES:
        data = data.replace(old, new)
    return data


def reason(exc: Exception) -> str:
    """An error's message for a refusal, on one line; its kind when it has none."""
    return one_line(str(exc)) or type(exc).__name__


def one_line(message: str) -> str:
    """lxml's and zlib's messages may hold newlines; a refusal is one line."""
    return " ".join(message.split())


def _resolve(folder: str, target: str) -> str:
    """A relationship's target as a part name: relative to the source's folder, or
    absolute from the package's root; '' when it leaves the package."""
    if "://" in target or target.startswith("\\"):
        return ""
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    name = posixpath.normpath(joined)
    return "" if name.startswith("..") or name == "." else name
