"""A DOCX to import is untrusted input (issue 16): each bad one is refused by open_docx
with exit 7 and one line naming the file and the part, quickly, before a zip bomb is
inflated; and `rtdraft import` writes nothing and leaves the input as it was."""

import hashlib
import io
import os
import re
import struct
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path

import msoffcrypto.format.ooxml
import pytest
from click.testing import CliRunner
from hypothesis import event, example, given, settings
from hypothesis import strategies as st
from support.files import central_directory, flip, lie_about_size
from support.outlines import MINIMAL, ROOT, examples

from rtdraft.cli import main
from rtdraft.errors import IMPORT, ImportFailure
from rtdraft.importer import package
from rtdraft.importer.package import open_docx
from rtdraft.office.process import Office

EXAMPLE = Path("examples/fall-2019-winnipeg.yaml")
UNO = ROOT / "tests" / "uno"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture(scope="module")
def rendered(rendered_examples) -> Path:
    return rendered_examples / f"{EXAMPLE.stem}.docx"


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as source:
        return {name: source.read(name) for name in source.namelist()}


def build(path: Path, files: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as target:
        for name, data in files.items():
            target.writestr(name, data)
    return path


def refused(path: Path) -> str:
    """open_docx's message for `path`, which it must refuse (how fast: benchmarks/
    bounded_work.py); and
    `rtdraft import` prints it as its one line, exit 7, and writes nothing."""
    with pytest.raises(ImportFailure) as caught:
        open_docx(path)
    assert caught.value.exit_code == IMPORT == 7
    message = caught.value.message
    assert "\n" not in message and message.startswith(f"{path}: ")
    assert cli(path) == (7, f"Error: {message}\n")
    return message


def cli(path: Path) -> tuple[int, str]:
    """`rtdraft import` of `path` (in this process, so that a traceback fails the test
    and a lowered limit holds): its exit code and standard error; it must write nothing
    and leave the input as it was."""
    before = _state(path)
    out = path.parent / "imported-outline.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out), "--comments",
                                       str(path.parent / "comments.json"), "--changes",
                                       "accept"], catch_exceptions=False,
                                prog_name="rtdraft")
    assert result.stdout == ""
    assert not out.exists() and not (path.parent / "comments.json").exists()
    assert _state(path) == before
    return result.exit_code, result.stderr


def _state(path: Path):
    if path.is_file():
        return path.stat().st_size, hashlib.sha256(path.read_bytes()).hexdigest()
    return path.exists() and path.is_dir()


# -- not a DOCX at all ----------------------------------------------------------------

USAGE = "Usage: rtdraft import [OPTIONS] REPORT\nTry 'rtdraft import --help' for help.\n\n"


# A missing file and a folder are click's usage errors (exit 2) before open_docx is
# reached; open_docx refuses them too, for its other callers.
def test_a_missing_file(tmp_path):
    path = tmp_path / "gone.docx"
    with pytest.raises(ImportFailure, match=f"^{path}: no such file$"):
        open_docx(path)
    assert cli(path) == (2, USAGE + f"Error: Invalid value for 'REPORT': File '{path}' "
                                       "does not exist.\n")


def test_a_folder(tmp_path):
    path = tmp_path / "folder.docx"
    path.mkdir()
    with pytest.raises(ImportFailure, match=f"^{path}: is a folder, not a Word document"):
        open_docx(path)
    assert cli(path) == (2, USAGE + f"Error: Invalid value for 'REPORT': File '{path}' "
                                       "is a directory.\n")


def test_an_empty_file(tmp_path):
    (tmp_path / "empty.docx").write_bytes(b"")
    assert refused(tmp_path / "empty.docx") == \
        f"{tmp_path / 'empty.docx'}: is empty, not a Word document (.docx)"


def test_a_text_file_renamed(tmp_path):
    (tmp_path / "notes.docx").write_text("Meeting notes, typed in a text editor.\n")
    assert refused(tmp_path / "notes.docx") == \
        f"{tmp_path / 'notes.docx'}: not a Word document (.docx): not a zip package"


def test_a_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.docx")
    assert refused(tmp_path / "pipe.docx") == \
        f"{tmp_path / 'pipe.docx'}: is not a regular file, not a Word document (.docx)"


def test_a_zip_that_is_not_a_word_document(tmp_path):
    path = build(tmp_path / "a.docx", {"hello.txt": b"hello"})
    assert refused(path) == f"{path}: not a Word document (.docx): no [Content_Types].xml"


def test_a_spreadsheet_is_not_a_word_document(tmp_path, rendered):
    files = parts(rendered)
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml")
    path = build(tmp_path / "sheet.docx", files)
    assert refused(path) == (f"{path}: part word/document.xml: not a Word document (.docx): "
                             "its main part is application/vnd.openxmlformats-"
                             "officedocument.spreadsheetml.sheet.main+xml")


def test_a_main_part_typed_only_as_xml_is_read_as_a_document(tmp_path, rendered):
    files = parts(rendered)
    types = files["[Content_Types].xml"]
    start = types.index(b'<Override PartName="/word/document.xml"')
    files["[Content_Types].xml"] = types[:start] + types[types.index(b"/>", start) + 2:]
    path = build(tmp_path / "untyped.docx", files)
    # after the signature's and the wordmark's art, and the tagline
    assert open_docx(path).paragraphs[3].text == "Public Safety Canada"


def test_no_main_document(tmp_path, rendered):
    files = parts(rendered)
    del files["_rels/.rels"]
    path = build(tmp_path / "nomain.docx", files)
    assert refused(path) == (f"{path}: part word/document.xml: not a Word document (.docx): "
                             "no main document part")


# -- password-protected, or an old .doc: OLE2 compound files ---------------------------

def test_a_password_protected_docx(tmp_path, rendered):
    # Encrypted as Word encrypts (ECMA-376 agile encryption in an OLE2 file), by
    # msoffcrypto-tool: LibreOffice 7.4's DOCX filter does not store a password.
    path = tmp_path / "locked.docx"
    with open(rendered, "rb") as plain, open(path, "wb") as locked:
        msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("secret", locked)
    assert path.read_bytes()[:8] == package.OLE_MAGIC
    assert refused(path) == (
        f"{path}: is encrypted (password-protected); open it in Word, remove the password "
        "(File > Info > Protect Document > Encrypt with Password) and save it again")


@pytest.mark.system
def test_a_word_97_document_renamed(tmp_path, rendered):
    path = tmp_path / "old.docx"
    with Office() as office:
        office.run(UNO / "convert.py", rendered, path, "MS Word 97")
    assert path.read_bytes()[:8] == package.OLE_MAGIC
    assert refused(path) == (f"{path}: is a Word 97-2003 document (.doc) or another OLE "
                             "file, not a .docx; open it in Word and save it as .docx")


# -- damaged ----------------------------------------------------------------------------

@pytest.mark.parametrize("keep", [0.5, 0.99])
def test_a_truncated_docx(tmp_path, rendered, keep):
    data = rendered.read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[:int(len(data) * keep)])
    assert refused(path) == (f"{path}: is damaged: its zip directory cannot be read (File "
                             "is not a zip file); open it in Word, which may repair it, and "
                             "save it again")


def test_a_crc_error_names_the_part(tmp_path, rendered):
    path = build(tmp_path / "crc.docx", parts(rendered))
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    central = data.rfind(b"PK\x01\x02", 0, data.rindex(name))
    local = data.rfind(b"PK\x03\x04", 0, data.index(name))
    crc = struct.unpack_from("<I", data, central + 16)[0] ^ 1
    struct.pack_into("<I", data, central + 16, crc)
    struct.pack_into("<I", data, local + 14, crc)
    path.write_bytes(bytes(data))
    assert refused(path) == (f"{path}: part word/document.xml: cannot be read (Bad CRC-32 for "
                             "file 'word/document.xml'); the file is damaged; open it in "
                             "Word and save it again")


def test_a_damaged_deflate_stream_names_the_part(tmp_path, rendered):
    path = build(tmp_path / "bits.docx", parts(rendered))
    data = bytearray(path.read_bytes())
    start = data.index(b"word/document.xml") + len(b"word/document.xml")
    for at in range(start + 100, start + 400):
        data[at] ^= 0xFF
    path.write_bytes(bytes(data))
    message = refused(path)
    assert message.startswith(f"{path}: part word/document.xml: cannot be read (")
    assert message.endswith("; the file is damaged; open it in Word and save it again")


def test_document_xml_that_is_not_xml(tmp_path, rendered):
    files = parts(rendered)
    files["word/document.xml"] = b"<w:document>\n<w:body><w:p></w:body>"
    path = build(tmp_path / "xml.docx", files)
    assert refused(path) == (
        f"{path}: part word/document.xml: is not well-formed XML (line 1): Namespace prefix w "
        "on document is not defined, line 1, column 12; the file is damaged; open it in Word and "
        "save it again")


def test_an_entity_bomb_in_the_styles(tmp_path, rendered):
    files = parts(rendered)
    files["word/styles.xml"] = (b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaa">'
                                b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><s>&b;</s>')
    path = build(tmp_path / "entity.docx", files)
    assert refused(path).startswith(f"{path}: part word/styles.xml: is not well-formed XML")


# -- too large ----------------------------------------------------------------------------

def test_a_file_over_the_limit(tmp_path, rendered, monkeypatch):
    monkeypatch.setattr(package, "MAX_FILE", 10_000)
    size = rendered.stat().st_size
    assert refused(rendered) == (f"{rendered}: the DOCX is {size:,} bytes; it may be at most "
                                 "10,000")


def test_too_many_entries(tmp_path, rendered):
    files = parts(rendered)
    files.update({f"junk/{n}.bin": b"" for n in range(package.MAX_ENTRIES)})
    path = build(tmp_path / "many.docx", files, zipfile.ZIP_STORED)
    assert refused(path) == (f"{path}: has {len(files):,} zip entries; the DOCX may have at "
                             f"most {package.MAX_ENTRIES:,}")


def test_a_part_compressed_beyond_the_ratio(tmp_path, rendered):
    files = parts(rendered)
    files["word/settings.xml"] = b"<s>" + b" " * 4_000_000 + b"</s>"   # 1000:1, 4 MB
    path = build(tmp_path / "ratio.docx", files)
    with zipfile.ZipFile(path) as archive:
        compressed = archive.getinfo("word/settings.xml").compress_size
    assert refused(path) == (
        f"{path}: part word/settings.xml: is 4,000,007 bytes uncompressed from {compressed:,} "
        "compressed; a part over 1,048,576 bytes may be compressed at most 100:1 (a zip bomb?)")


def raw_zip(path: Path, entries: list[tuple[str, int, bytes, int, int]]) -> Path:
    """A zip written by hand, for entries already compressed: (name, method, data,
    crc, uncompressed size)."""
    out, central = io.BytesIO(), []
    for name, method, data, crc, size in entries:
        offset = out.tell()
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc,
                             len(data), size, len(name), 0)
        out.write(header + name.encode() + data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0,
                                   0x21, crc, len(data), size, len(name), 0, 0, 0, 0, 0,
                                   offset) + name.encode())
    start = out.tell()
    directory = b"".join(central)
    out.write(directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central),
                                      len(central), len(directory), start, 0))
    path.write_bytes(out.getvalue())
    return path


def bomb(size: int) -> tuple[bytes, int]:
    """Raw deflate of `size` spaces, made from one 16 MB block repeated (a full flush
    makes each copy stand alone), and its CRC."""
    block = 16 * 1024 * 1024
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    once = squeeze.compress(b" " * block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // block):
        crc = zlib.crc32(b" " * block, crc)
    return once * (size // block) + b"\x03\x00", crc


@pytest.fixture(scope="module")
def zip_bomb(rendered, tmp_path_factory) -> Path:
    """The rendered DOCX whose document.xml inflates to 2 GiB from about 2 MB."""
    data, crc = bomb(2 * 1024 ** 3)
    entries = []
    for name, body in parts(rendered).items():
        if name == "word/document.xml":
            entries.append((name, zipfile.ZIP_DEFLATED, data, crc, 2 * 1024 ** 3))
        else:
            entries.append((name, zipfile.ZIP_STORED, body, zlib.crc32(body), len(body)))
    return raw_zip(tmp_path_factory.mktemp("bomb") / "bomb.docx", entries)


def test_a_zip_bomb_is_refused_before_it_is_inflated(zip_bomb):
    assert zip_bomb.stat().st_size < 3_000_000
    # A real bomb: its stream is valid.
    with zipfile.ZipFile(zip_bomb) as archive, archive.open("word/document.xml") as stream:
        assert stream.read(1000) == b" " * 1000
    assert refused(zip_bomb) == (f"{zip_bomb}: part word/document.xml: is "
                                          "2,147,483,648 bytes uncompressed; a part may be at "
                                          "most 16,777,216")


def test_a_zip_directory_that_lies_is_caught_while_reading(tmp_path, rendered):
    files = parts(rendered)
    files["word/document.xml"] = b"<s>" + b" " * (package.MAX_PART + 10) + b"</s>"
    path = build(tmp_path / "liar.docx", files)
    lie_about_size(path, "word/document.xml", 10)
    assert refused(path).startswith(f"{path}: part word/document.xml: cannot be read (")


# -- what is taken, and what is not ------------------------------------------------------

def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


PNG = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(b"\0\0\0\0")) + chunk(b"IEND", b""))


def noise(size: int) -> bytes:
    """A PNG of `size` random (incompressible) bytes, in a private chunk."""
    return PNG[:-12] + chunk(b"rnDm", os.urandom(size)) + PNG[-12:]


TEXT_BOX = (
    '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
    'markup-compatibility/2006"><mc:Choice xmlns:wps="http://schemas.microsoft.com/office/'
    'word/2010/wordprocessingShape" Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://'
    'schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" '
    'distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
    'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH '
    'relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV '
    'relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent '
    'cx="1828800" cy="457200"/><wp:wrapNone/><wp:docPr id="90" name="Text Box 1"/>'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext '
    'cx="1828800" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    '</wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t>Text in a box</w:t></w:r></w:p>'
    '</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
    '</wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r></w:p>')


def with_pictures(rendered: Path, path: Path, pictures: dict[str, bytes],
                  text_box: bool = False) -> Path:
    """The rendered DOCX with `pictures` placed after its first paragraph (and a text
    box), the way python-docx places a picture."""
    import docx

    document = docx.Document(str(rendered))
    anchor = document.paragraphs[0]
    for data in pictures.values():
        run = anchor.insert_paragraph_before().add_run()
        run.add_picture(io.BytesIO(data))
    if text_box:
        from docx.oxml import parse_xml
        box = parse_xml(TEXT_BOX.replace("<w:p>", f'<w:p xmlns:w="{W}">', 1))
        anchor._p.addnext(box)
    document.save(str(path))
    return path


def test_pictures_keep_their_place_but_not_their_bytes(tmp_path, rendered):
    path = with_pictures(rendered, tmp_path / "pictures.docx", {"a": PNG},
                         text_box=True)
    document = open_docx(path)
    images = [rel.target_part for rel in document.part.rels.values()
              if rel.reltype == f"{RELS}/image"]
    assert images and all(part.blob == b"" for part in images)
    body = document.element.body.xml
    assert "Text in a box" in body and "r:embed" in body
    links = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert links == [("https://www.canada.ca/en/health-canada/services/health-concerns/"
                      "controlled-substances-precursor-chemicals/drug-analysis-service.html")]


def test_what_is_not_read_is_not_passed_on(tmp_path, rendered):
    files = parts(rendered)
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2006/'
        b'relationships/vbaProject" Target="vbaProject.bin"/><Relationship Id="rId91" '
        b'Type="' + RELS.encode() + b'/oleObject" Target="embeddings/x.bin"/>'
        b"</Relationships>")
    files["word/vbaProject.bin"] = b"macro" * 100
    files["word/embeddings/x.bin"] = b"\0" * 1000
    files["docProps/thumbnail.jpeg"] = b"\0" * 1000
    path = build(tmp_path / "extra.docx", files)
    names = {part.partname for part in open_docx(path).part.package.iter_parts()}
    assert names == {"/word/document.xml", "/word/styles.xml", "/word/settings.xml",
                     "/word/numbering.xml", "/word/footnotes.xml", "/word/footer1.xml",
                     "/word/footer2.xml", "/docProps/core.xml", "/docProps/app.xml",
                     # the cover's art: pictures are kept, never inflated (next test)
                     "/word/media/signature.png", "/word/media/signature.svg",
                     "/word/media/wordmark.png", "/word/media/wordmark.svg"}


def test_a_50_mb_docx_of_pictures_opens_without_inflating_them(tmp_path, rendered):
    pictures = {f"p{n}": noise(5 * 1024 * 1024) for n in range(10)}
    path = with_pictures(rendered, tmp_path / "big.docx", pictures)
    assert path.stat().st_size > 50 * 1024 * 1024
    document = open_docx(path)
    images = [rel.target_part for rel in document.part.rels.values()
              if rel.reltype == f"{RELS}/image"]
    # and the cover's own signature and wordmark, PNG and SVG each
    assert len(images) == 14 and all(part.blob == b"" for part in images)
    text, report = imported(path)
    assert len(report) == 10 and "Winnipeg" in text


# -- random damage: an outline, or exit 7 with one line; never a traceback ---------------

RENDERED = {}


def rendered_bytes() -> bytes:
    """The Fall 2019 DOCX, rendered once per session (hypothesis cannot take a fixture
    of a wider scope than the test)."""
    if "fall" not in RENDERED:
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run(["rtdraft", "render", str(EXAMPLE), "--format", "docx", "-o",
                            f"{folder}/fall.docx"], check=True, capture_output=True)
            RENDERED["fall"] = Path(folder, "fall.docx").read_bytes()
    return RENDERED["fall"]


def mutate(data: bytes, flips: list[tuple[float, int]], cut: float | None) -> bytes:
    out = bytearray(data)
    for where, value in flips:
        out[int(where * (len(out) - 1))] = value
    return bytes(out[:max(1, int(cut * len(out)))] if cut is not None else out)


def outcome(data: bytes) -> int:
    """`rtdraft import` of a DOCX made of `data`: an outline that validates, or exit 7
    with one line naming the file, and nothing written."""
    with tempfile.TemporaryDirectory() as folder:
        path, out = Path(folder, "mutated.docx"), Path(folder, "out.yaml")
        path.write_bytes(data)
        result = CliRunner().invoke(main, ["import", str(path), "-o", str(out),
                                           "--changes", "accept"], catch_exceptions=False)
        assert path.read_bytes() == data
        if result.exit_code == 0:
            assert CliRunner().invoke(main, ["validate", str(out)]).exit_code == 0
        else:
            assert result.exit_code == 7, result.output
            assert re.fullmatch(rf"Error: {re.escape(str(path))}: [^\n]+\n", result.stderr)
            assert not out.exists()
    return result.exit_code


FLIPS = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8)


@settings(max_examples=examples(30), deadline=None)
@given(flips=FLIPS, cut=st.none() | st.floats(0, 1))
@example(flips=[(0.9970684940795309, 64)], cut=None)   # zipfile: NotImplementedError
def test_random_damage_to_the_file(flips, cut):
    event(f"exit {outcome(mutate(rendered_bytes(), flips, cut))}")


def test_a_zip_version_zipfile_lacks_is_damage(tmp_path):
    # The property test's counterexample: the version byte of the last entry of the zip
    # directory made 64 (6.4); zipfile raised NotImplementedError, rtdraft a traceback.
    # Found by its place, not at a fraction of the file: the file's length changes with
    # the output (the entry's "version needed to extract", 6 bytes into its header).
    data = bytearray(rendered_bytes())
    data[data.rindex(b"PK\x01\x02") + 6] = 64
    path = tmp_path / "version.docx"
    path.write_bytes(bytes(data))
    assert refused(path) == (f"{path}: is damaged: its zip directory cannot be read (zip "
                             "file version 6.4); open it in Word, which may repair it, and "
                             "save it again")


@pytest.mark.parametrize("method, reason", [
    (zipfile.ZIP_BZIP2, "Invalid data stream"),                  # OSError
    (zipfile.ZIP_LZMA, "Invalid or unsupported options"),        # lzma.LZMAError
    (98, "That compression method is not supported"),            # NotImplementedError
    (zipfile.ZIP_DEFLATED, ("Error -3 while decompressing data: too many length or "
                            "distance symbols"))])                  # zlib.error
def test_a_part_stored_but_said_to_be_compressed(tmp_path, rendered, method, reason):
    # The zip directory names a compression method the part's bytes are not in: each
    # decompressor fails in its own way, and each is the refusal naming the part.
    path = build(tmp_path / "method.docx", parts(rendered), zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    entry = data.rfind(b"PK\x01\x02", 0, data.rindex(b"word/document.xml"))
    struct.pack_into("<H", data, entry + 10, method)
    path.write_bytes(bytes(data))
    assert refused(path) == (f"{path}: part word/document.xml: cannot be read ({reason}); "
                             "the file is damaged; open it in Word and save it again")


def test_every_byte_of_the_zip_directory_flipped(tmp_path):
    # Not at random: each byte of a small DOCX's zip directory (and its end record)
    # inverted in turn gives an outline that validates or the one-line refusal, exit 7.
    (tmp_path / "o.yaml").write_text(MINIMAL, encoding="utf-8")
    subprocess.run(["rtdraft", "render", str(tmp_path / "o.yaml"), "--format", "docx",
                    "-o", str(tmp_path / "o.docx")], check=True, capture_output=True)
    data = (tmp_path / "o.docx").read_bytes()
    codes = [outcome(flip(data, at)) for at in central_directory(data)]
    assert len(codes) > 800 and set(codes) == {0, 7}


@settings(max_examples=examples(40), deadline=None)
@given(name=st.sampled_from(["word/document.xml", "word/styles.xml", "word/numbering.xml",
                             "word/footnotes.xml", "word/_rels/document.xml.rels",
                             "[Content_Types].xml", "docProps/core.xml"]),
       flips=FLIPS.filter(bool), cut=st.none() | st.floats(0, 1))
@example(name="word/document.xml", flips=[(1.0, 0)], cut=None)   # lxml's message had a newline
def test_random_damage_to_a_part_in_a_sound_zip(name, flips, cut):
    # The zip is rebuilt around the damaged part, so that its CRC holds and the damage
    # reaches the XML reader and the importer.
    with zipfile.ZipFile(io.BytesIO(rendered_bytes())) as source:
        files = {n: source.read(n) for n in source.namelist()}
    files[name] = mutate(files[name], flips, cut)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for n, data in files.items():
            target.writestr(n, data)
    event(f"exit {outcome(out.getvalue())}")


OPS = st.lists(st.tuples(st.sampled_from(["drop", "copy", "val", "text"]), st.floats(0, 1),
                         st.text(max_size=6)), min_size=1, max_size=6)


def reshape(xml: bytes, ops) -> bytes:
    """Well-formed damage: elements dropped or doubled, w:val attributes and text
    changed, as another program might leave the XML."""
    from lxml import etree

    root = etree.fromstring(xml)
    for op, where, text in ops:
        elements = list(root.iter())[1:]
        if not elements:
            break
        element = elements[int(where * (len(elements) - 1))]
        text = "".join(c for c in text if c.isprintable())
        if op == "drop" and element.getparent() is not None:
            element.getparent().remove(element)
        elif op == "copy" and element.getparent() is not None:
            element.addnext(etree.fromstring(etree.tostring(element)))
        elif op == "val":
            element.set(f"{{{W}}}val", text)
        elif op == "text":
            element.text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@settings(max_examples=examples(40), deadline=None)
@given(name=st.sampled_from(["word/document.xml", "word/styles.xml", "word/numbering.xml",
                             "word/footnotes.xml", "docProps/core.xml"]), ops=OPS)
def test_well_formed_damage_to_a_part(name, ops):
    with zipfile.ZipFile(io.BytesIO(rendered_bytes())) as source:
        files = {n: source.read(n) for n in source.namelist()}
    files[name] = reshape(files[name], ops)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for n, data in files.items():
            target.writestr(n, data)
    event(f"exit {outcome(out.getvalue())}")


# -- pictures and text boxes through rtdraft import --------------------------------------

def imported(path: Path) -> tuple[str, list[str]]:
    out = path.with_suffix(".yaml")
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out), "--report"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(main, ["validate", str(out)]).exit_code == 0
    # --report's lines go to stderr, before the closing "wrote" line; stdout has the notes
    return out.read_text(encoding="utf-8"), [
        line for line in result.stderr.splitlines() if not line.startswith("wrote ")]


def test_a_docx_with_a_picture_and_a_text_box_imports_its_text(tmp_path, rendered):
    plain, nothing = imported(build(tmp_path / "plain.docx", parts(rendered)))
    path = with_pictures(rendered, tmp_path / "pictures.docx", {"a": PNG}, text_box=True)
    text, report = imported(path)
    assert nothing == []
    assert report and all(line.startswith(f"{path}: not placed: ") for line in report)
    assert "an image left out" in report[0]
    assert text.splitlines()[2:] == plain.splitlines()[2:]   # past the source line


def test_each_picture_is_reported_once(tmp_path, rendered):
    _, report = imported(with_pictures(rendered, tmp_path / "one.docx", {"a": PNG}))
    assert report == [(f"{tmp_path / 'one.docx'}: not placed: an image left out (before the "
                      "first heading)")]


def test_a_text_box_is_reported_with_its_words(tmp_path, rendered):
    """A text box as Word writes it (inside mc:AlternateContent) has no place in an outline:
    it is reported once, with its words, so that the editor can place them by hand."""
    path = with_pictures(rendered, tmp_path / "box.docx", {}, text_box=True)
    text, report = imported(path)
    assert "Text in a box" not in text
    assert [line for line in report if "text box" in line] == [
        f"{path}: not placed: a text box left out: “Text in a box” (before the first heading)"]
