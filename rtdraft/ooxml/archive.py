"""The deterministic zip: a DOCX package as bytes, every entry dated by the outline, so
that the same input gives the same bytes."""

from __future__ import annotations

import io
import zipfile

from docx.opc.constants import CONTENT_TYPE as CT

from .package import write_content_types


def zip_package(package, when) -> bytes:
    """A python-docx package as DOCX bytes, zipped once (python-docx's save dates its entries
    by the clock). Each part's content type is an Override, which OPC allows for any part."""
    parts = list(package.iter_parts())
    types = write_content_types(
        [("rels", CT.OPC_RELATIONSHIPS), ("xml", CT.XML)],
        [(str(part.partname), part.content_type) for part in parts])
    entries = [("[Content_Types].xml", types),
        ("_rels/.rels", package.rels.xml)]
    for part in parts:
        entries.append((part.partname.membername, part.blob))
        if len(part.rels):
            entries.append((part.partname.rels_uri.membername, part.rels.xml))
    return zip_entries(entries, when)


def zip_entries(entries, when) -> bytes:
    """(name, bytes) entries as a zip, every entry dated `when` (a date) so that the same
    input gives the same bytes. A ZIP time says 1980 to 2107 only: a date outside is dated
    at the nearest end."""
    stamp = min(max((when.year, when.month, when.day), (1980, 1, 1)), (2107, 12, 31))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(*stamp, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    return buffer.getvalue()
