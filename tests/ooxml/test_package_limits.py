"""The limits of the one reader of untrusted DOCX packages (rtdraft/ooxml/safedocx.py), at
their edge and one past it, for both its users: a DOCX to import (exit 7) and a
reference document (exit 4). The last size taken is taken; one byte, entry or ratio more
is refused with its exact line (docs/refusals.md, "Limits")."""

import io
import math
import zipfile
from datetime import date

import pytest
from support.cli import run
from support.outlines import MINIMAL, build, load

from rtdraft.importer import package
from rtdraft.ooxml import safedocx
from rtdraft.render import docx as docx_writer
from rtdraft.render import reference
from rtdraft.resources import default_path

NOUN = {"import": "the DOCX", "reference": "the reference document"}
MODULE = {"import": package, "reference": reference}


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "o.yaml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path


def base(reader: str) -> dict[str, bytes]:
    """The parts of a package each reader takes as it is: a rendered summary to import,
    the default reference document."""
    if reader == "import":
        data = docx_writer.render(build(load(MINIMAL).data, today=date(2021, 6, 1)))
        source = zipfile.ZipFile(io.BytesIO(data))
    else:
        source = zipfile.ZipFile(default_path("reference.docx"))
    with source:
        return {name: source.read(name) for name in source.namelist()}


def write(path, files: dict[str, bytes], method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", method) as target:
        for name, data in files.items():
            target.writestr(name, data)
    return path


def use(reader: str, path) -> tuple[int, str]:
    """Exit code and output of importing `path`, or of rendering with it as the reference."""
    if reader == "import":
        result = run("import", path, "-o", "imported.yaml")
    else:
        result = run("render", "o.yaml", "--format", "docx", "--reference-doc", path)
    return result.exit_code, result.output


def taken(reader, path):
    code, output = use(reader, path)
    assert code == 0, output


def refused(reader, path) -> str:
    code, output = use(reader, path)
    assert code == (7 if reader == "import" else 4), output
    assert output.startswith("Error: ") and output.count("\n") == 1, output
    return output[len("Error: "):-1]


def padded(files: dict, size: int, name: str = "word/document.xml", fill: bytes = b"x"):
    """The files with `name` made exactly `size` bytes by a comment after its root."""
    data = files[name]
    pad = size - len(data) - len(b"<!---->")
    assert pad >= 0
    return {**files, name: data + b"<!--" + fill * pad + b"-->"}


READERS = ["import", "reference"]


@pytest.mark.parametrize("reader", READERS)
def test_zip_entries_up_to_the_limit_and_one_more(here, reader):
    files = base(reader)
    limit = MODULE[reader].MAX_ENTRIES
    full = {**files, **{f"junk/{n}.bin": b"" for n in range(limit - len(files))}}
    assert len(full) == limit
    taken(reader, write(here / "at.docx", full, zipfile.ZIP_STORED))
    over = write(here / "over.docx", {**full, "junk/one-more.bin": b""}, zipfile.ZIP_STORED)
    assert refused(reader, over) == (f"{over}: has {limit + 1:,} zip entries; "
                                     f"{NOUN[reader]} may have at most {limit:,}")


@pytest.mark.parametrize("reader", READERS)
def test_a_file_of_exactly_the_size_limit_and_one_byte_less_allowed(here, reader,
                                                                    monkeypatch):
    path = write(here / "r.docx", base(reader))
    size = path.stat().st_size
    monkeypatch.setattr(MODULE[reader], "MAX_FILE", size)
    taken(reader, path)
    monkeypatch.setattr(MODULE[reader], "MAX_FILE", size - 1)
    assert refused(reader, path) == (f"{path}: {NOUN[reader]} is {size:,} bytes; it may be "
                                     f"at most {size - 1:,}")


@pytest.mark.parametrize("reader", READERS)
def test_a_part_of_exactly_the_part_limit_and_one_byte_less_allowed(here, reader,
                                                                    monkeypatch):
    size = 700_000   # larger than any other part of either package
    files = padded(base(reader), size)
    assert max(len(d) for n, d in files.items()) == size
    path = write(here / "r.docx", files)
    monkeypatch.setattr(MODULE[reader], "MAX_PART", size)
    taken(reader, path)
    monkeypatch.setattr(MODULE[reader], "MAX_PART", size - 1)
    assert refused(reader, path) == (f"{path}: part word/document.xml: is {size:,} bytes "
                                     f"uncompressed; a part may be at most {size - 1:,}")


@pytest.mark.parametrize("reader", READERS)
def test_the_parts_taken_up_to_the_total_limit_and_one_byte_less_allowed(here, reader,
                                                                         monkeypatch):
    path = write(here / "r.docx", base(reader))
    sizes = []
    real = safedocx._Package.read
    monkeypatch.setattr(safedocx._Package, "read",
                        lambda self, name: sizes.append(len(data := real(self, name))) or data)
    taken(reader, path)
    total = sum(sizes)
    assert total > 0
    monkeypatch.setattr(MODULE[reader], "MAX_TOTAL", total)
    taken(reader, path)
    monkeypatch.setattr(MODULE[reader], "MAX_TOTAL", total - 1)
    message = refused(reader, path)
    assert message.startswith(f"{path}: part ")
    assert message.endswith(f": the parts taken come to more than {total - 1:,} bytes "
                            "uncompressed")


def test_the_zip_bomb_ratio_is_checked_on_parts_over_one_mebibyte_only(here):
    """A part of exactly 1,048,576 bytes of spaces (about 1000:1) is taken; one byte more
    and it is refused for its ratio."""
    files = base("import")
    taken("import", write(here / "at.docx", padded(files, safedocx.RATIO_FROM, fill=b" ")))
    over = write(here / "over.docx", padded(files, safedocx.RATIO_FROM + 1, fill=b" "))
    with zipfile.ZipFile(over) as z:
        info = z.getinfo("word/document.xml")
    assert info.file_size > 100 * info.compress_size
    assert refused("import", over) == (
        f"{over}: part word/document.xml: is {info.file_size:,} bytes uncompressed from "
        f"{info.compress_size:,} compressed; a part over 1,048,576 bytes may be compressed "
        "at most 100:1 (a zip bomb?)")


def test_a_ratio_just_under_the_limit_is_taken_and_just_over_refused(here, monkeypatch):
    files = padded(base("import"), 2_000_000, fill=b" ")
    path = write(here / "r.docx", files)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
    ratio = info.file_size / info.compress_size
    assert ratio != int(ratio)
    monkeypatch.setattr(package, "MAX_RATIO", math.ceil(ratio))
    taken("import", path)
    monkeypatch.setattr(package, "MAX_RATIO", math.floor(ratio))
    assert refused("import", path).endswith(f"may be compressed at most {math.floor(ratio)}:1 "
                                            "(a zip bomb?)")


def test_a_ratio_of_exactly_the_limit_is_taken(here, monkeypatch):
    """A stored (uncompressed) part over 1 MiB has the ratio 1:1 exactly; with the limit
    lowered to 1:1 it is still taken: the limit is the highest ratio allowed."""
    path = write(here / "r.docx", padded(base("import"), 1_100_000), zipfile.ZIP_STORED)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
    assert info.file_size == info.compress_size == 1_100_000
    monkeypatch.setattr(package, "MAX_RATIO", 1)
    taken("import", path)
