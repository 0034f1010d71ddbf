"""Reference documents are untrusted input (issue 12, part 5): hostile ones are built
here with zipfile from the default reference document, then given to `render`."""

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.files import central_directory, flip, lie_about_size
from support.outlines import MINIMAL

from rtdraft.cli import main
from rtdraft.render import reference
from rtdraft.resources import default_path

RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture
def outline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "o.yaml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path / "o.yaml"


def parts() -> dict[str, bytes]:
    with zipfile.ZipFile(default_path("reference.docx")) as source:
        return {name: source.read(name) for name in source.namelist()}


def build(path, changed: dict, removed=()) -> str:
    files = {**parts(), **changed}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in files.items():
            if name not in removed:
                target.writestr(name, data)
    return str(path)


def add_relationship(rels: bytes, rel_id: str, kind: str, target: str,
                     external: bool = False) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    return rels.replace(b"</Relationships>",
                        f'<Relationship Id="{rel_id}" Type="{kind}" Target="{target}"'
                        f"{mode}/></Relationships>".encode())


def render(reference_doc):
    result = CliRunner().invoke(main, ["render", "o.yaml", "--format", "docx",
                                       "--reference-doc", str(reference_doc)],
                                catch_exceptions=False)
    return result.exit_code, result.output


def written(tmp_path) -> dict[str, bytes]:
    with zipfile.ZipFile(tmp_path / "o.docx") as out:
        return {name: out.read(name) for name in out.namelist()}


def test_malformed_xml_names_the_part(outline, tmp_path):
    ref = build(tmp_path / "ref.docx", {"word/styles.xml": b"<w:styles>\n<unclosed>"})
    code, output = render(ref)
    assert code == 4
    assert output.startswith(f"Error: {ref}: part word/styles.xml: is not well-formed XML "
                             "(line 1): ")
    assert not (tmp_path / "o.docx").exists()


def test_an_entity_bomb_is_refused(outline, tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><s>&b;</s>')
    ref = build(tmp_path / "ref.docx", {"word/settings.xml": bomb})
    code, output = render(ref)
    assert code == 4
    assert f"{ref}: part word/settings.xml: is not well-formed XML" in output


def test_a_missing_numbering_part_is_refused(outline, tmp_path):
    ref = build(tmp_path / "ref.docx", {}, removed={"word/numbering.xml"})
    code, output = render(ref)
    assert code == 4
    assert output == (f"Error: {ref}: part word/numbering.xml: missing; the reference "
                      "document's numbering part is named but not in the file\n")


def test_no_numbering_relationship_is_refused(outline, tmp_path):
    rels = parts()["word/_rels/document.xml.rels"]
    start = rels.rindex(b"<Relationship ", 0, rels.index(b"relationships/numbering"))
    rels = rels[:start] + rels[rels.index(b"/>", start) + 2:]
    ref = build(tmp_path / "ref.docx", {"word/_rels/document.xml.rels": rels},
                removed={"word/numbering.xml"})
    code, output = render(ref)
    assert code == 4
    assert output.startswith(f"Error: {ref}: part word/numbering.xml: missing: the reference "
                             "document has no numbering part (lists would lose their bullets")


@pytest.mark.parametrize("content", [b"plain text, not a zip", b"PK\x03\x04broken"])
def test_not_a_docx_is_exit_4(outline, tmp_path, content):
    (tmp_path / "ref.docx").write_bytes(content)
    code, output = render(tmp_path / "ref.docx")
    assert code == 4
    assert output == (f"Error: {tmp_path / 'ref.docx'}: not a Word document (.docx); a "
                      "reference document must be one\n")


def test_an_empty_file_is_exit_4(outline, tmp_path):
    (tmp_path / "ref.docx").write_bytes(b"")
    assert render(tmp_path / "ref.docx") == (
        4, f"Error: {tmp_path / 'ref.docx'}: is empty, not a Word document (.docx)\n")


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_a_device_or_a_fifo_is_refused_at_once(outline, tmp_path, kind):
    """/dev/zero never ends and a FIFO with no writer blocks: neither is read."""
    if kind == "fifo":
        path = tmp_path / "ref.docx"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    assert render(path) == (
        4, f"Error: {path}: is not a regular file, not a Word document (.docx)\n")


def test_a_zip_without_a_document_is_exit_4(outline, tmp_path):
    with zipfile.ZipFile(tmp_path / "ref.docx", "w") as target:
        target.writestr("hello.txt", "hello")
    code, output = render(tmp_path / "ref.docx")
    assert code == 4
    assert output == (f"Error: {tmp_path / 'ref.docx'}: not a Word document (.docx): no "
                      "[Content_Types].xml\n")


def test_a_zip_bomb_is_refused_by_its_directory_size(outline, tmp_path):
    big = b"<w:x/>" + b" " * (reference.MAX_PART + 10)   # compresses to about 16 KB
    ref = build(tmp_path / "ref.docx", {"word/settings.xml": big})
    code, output = render(ref)
    assert code == 4
    assert output == (f"Error: {ref}: part word/settings.xml: is {len(big):,} bytes "
                      "uncompressed; a part may be at most 16,777,216\n")


def test_a_zip_directory_that_lies_about_the_size_is_caught_while_reading(outline, tmp_path):
    big = b"<s>" + b" " * (reference.MAX_PART + 10) + b"</s>"
    ref = tmp_path / "ref.docx"
    build(ref, {"word/settings.xml": big})
    lie_about_size(ref, "word/settings.xml", 10)
    code, output = render(ref)
    assert code == 4
    assert output.startswith(f"Error: {ref}: part word/settings.xml: cannot be read (")


def test_a_zip_version_zipfile_lacks_is_exit_4(outline, tmp_path):
    # zipfile raises NotImplementedError for it, not BadZipFile: it was a traceback.
    data = bytearray(default_path("reference.docx").read_bytes())
    data[central_directory(data).start + 6] = 64   # the first entry's version, 6.4
    (tmp_path / "ref.docx").write_bytes(bytes(data))
    message = f"{tmp_path / 'ref.docx'}: not a Word document (.docx); a reference document"
    assert render(tmp_path / "ref.docx") == (4, f"Error: {message} must be one\n")


def test_every_byte_of_the_zip_directory_flipped(outline, tmp_path):
    # Not at random: each byte of the default reference document's zip directory (and
    # its end record) inverted in turn renders the DOCX, or is refused in one line, exit 4.
    data = default_path("reference.docx").read_bytes()
    ref, out = tmp_path / "ref.docx", tmp_path / "o.docx"
    codes = []
    for at in central_directory(data):
        ref.write_bytes(flip(data, at))
        code, output = render(ref)
        codes.append(code)
        if code == 0:
            assert output == "wrote o.docx\n"
            with zipfile.ZipFile(out) as written:
                assert written.testzip() is None
            out.unlink()
        else:
            assert code == 4, output
            assert re.fullmatch(rf"Error: {re.escape(str(ref))}: [^\n]+\n", output)
            assert not out.exists()
    assert len(codes) > 700 and set(codes) == {0, 4}


def test_macros_attached_template_custom_xml_and_thumbnail_are_not_carried_over(
        outline, tmp_path):
    original = parts()
    doc_rels = add_relationship(original["word/_rels/document.xml.rels"], "rId90",
                                "http://schemas.microsoft.com/office/2006/relationships/"
                                "vbaProject", "vbaProject.bin")
    doc_rels = add_relationship(doc_rels, "rId91", f"{RELS}/hyperlink",
                                "https://evil.example/x", external=True)
    settings_rels = add_relationship(
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
        b'"http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
        "rId1", f"{RELS}/attachedTemplate", "https://evil.example/template.dotm",
        external=True)
    settings = original["word/settings.xml"].replace(
        b"</w:settings>", f'<w:attachedTemplate xmlns:r="{RELS}" r:id="rId1"/>'
                          "</w:settings>".encode())
    ref = build(tmp_path / "ref.docx", {
        "word/_rels/document.xml.rels": doc_rels,
        "word/vbaProject.bin": b"macro" * 100,
        "word/settings.xml": settings,
        "word/_rels/settings.xml.rels": settings_rels,
        "docProps/thumbnail.jpeg": b"\0" * 100_000,
        "unknown/part.bin": b"?",
    })
    code, output = render(ref)
    assert code == 0, output
    out = written(tmp_path)
    assert sorted(out) == [
        "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
        "word/_rels/document.xml.rels", "word/document.xml", "word/fontTable.xml",
        "word/footer1.xml", "word/footer2.xml", "word/header1.xml",
        # the cover's art, rtdraft's own
        "word/media/signature.png", "word/media/signature.svg", "word/media/wordmark.png",
        "word/media/wordmark.svg", "word/numbering.xml",
        "word/settings.xml", "word/styles.xml", "word/theme/theme1.xml"]
    everything = b"".join(out.values())
    for word in (b"evil.example", b"vbaProject", b"attachedTemplate", b"customXml",
                 b"thumbnail"):
        assert word not in everything, word


def test_a_macro_enabled_document_becomes_a_docx(outline, tmp_path):
    types = parts()["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"PLACEHOLDER").replace(
        b"PLACEHOLDER", b"application/vnd.ms-word.document.macroEnabled.main+xml"
        .replace(b"application/", b""), 1)
    ref = build(tmp_path / "ref.docm", {"[Content_Types].xml": types})
    code, output = render(ref)
    assert code == 0, output
    assert b"wordprocessingml.document.main+xml" in written(tmp_path)["[Content_Types].xml"]


def test_the_default_reference_document_loses_nothing_it_needs(outline, tmp_path):
    kept = reference.package(default_path("reference.docx"))
    with zipfile.ZipFile(io.BytesIO(kept)) as rebuilt:
        names = set(rebuilt.namelist())
    assert {"word/styles.xml", "word/numbering.xml", "word/settings.xml",
            "word/theme/theme1.xml", "word/fontTable.xml"} <= names
    assert not any(n.startswith(("customXml/", "docProps/thumbnail")) for n in names)
