"""A department's own signature, read as untrusted input: the SVG allow-list, the PNG's
header and bounds, the exact one-line refusals (exit 4), and where the file is found."""

import struct
import zipfile
import zlib

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from support.outlines import MINIMAL, ROOT, examples

from rtdraft.cli import main
from rtdraft.errors import TemplateError
from rtdraft.render import artwork, symbols

FIP = ROOT / "templates" / "fip"
HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 40">\n'


def png(width: int, height: int) -> bytes:
    """A real PNG of width x height white pixels (a valid zlib stream, CRCs and all)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"\xff" * 3 * width for _ in range(height))
    return (artwork.PNG_MAGIC + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                          0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def refusal(tmp_path, svg: str | bytes, fallback: bytes | None = None) -> str:
    path = tmp_path / "dept.svg"
    path.write_bytes(svg.encode() if isinstance(svg, str) else svg)
    (tmp_path / "dept.png").write_bytes(fallback or png(400, 40))
    with pytest.raises(TemplateError) as caught:
        symbols.department_signature(path, "Public Safety Canada")
    return caught.value.message.replace(str(tmp_path) + "/", "")


@pytest.mark.parametrize("svg, message", [
    (HEAD + "<script>alert(1)</script></svg>",
     "dept.svg:2: element <script> is not allowed in a signature"),
    (HEAD + '<g>\n<image href="https://evil.example/x.png"/></g></svg>',
     "dept.svg:3: element <image> is not allowed in a signature"),
    (HEAD + "<foreignObject><p>x</p></foreignObject></svg>",
     "dept.svg:2: element <foreignObject> is not allowed in a signature"),
    (HEAD.replace('">', '" onload="alert(1)">') + "</svg>",
     "dept.svg:1: attribute onload of <svg> is not allowed in a signature"),
    (HEAD + '<use href="other.svg#flag"/></svg>',
     'dept.svg:2: <use> refers outside the file (href="other.svg#flag"); only #id is allowed'),
    (HEAD.replace("<svg ", '<svg xmlns:xlink="http://www.w3.org/1999/xlink" ')
     + '<use xlink:href="http://evil.example/a.svg#x"/></svg>',
     ('dept.svg:2: <use> refers outside the file (xlink:href="http://evil.example/a.svg#x"); '
     "only #id is allowed")),
    (HEAD + '<path d="M0 0h1v1z" fill="url(https://evil.example/p)"/></svg>',
     ("dept.svg:2: attribute fill of <path> refers outside the file "
     "(url(https://evil.example/p)); only url(#id) is allowed")),
    (HEAD + "<style>\n@import 'https://evil.example/a.css';</style></svg>",
     "dept.svg:2: <style> has an @import; a signature's styles are its own"),
    (HEAD + "<style>path { fill: \\75rl(x) }</style></svg>",
     "dept.svg:2: <style> has a backslash (a CSS escape); write it plainly"),
    ('<?xml-stylesheet href="https://evil.example/a.css"?>\n' + HEAD + "</svg>",
     "dept.svg:1: a processing instruction (<?xml-stylesheet?>) is not allowed"),
    ('<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>\n' + HEAD + "<title>&a;</title></svg>",
     "dept.svg: has a DOCTYPE (a DTD, where entities live); save the SVG without one"),
    # an external entity (the XXE attack) is never read: the DOCTYPE is refused first
    ('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n' + HEAD
     + "<title>&x;</title></svg>",
     "dept.svg: has a DOCTYPE (a DTD, where entities live); save the SVG without one"),
    (HEAD + "<title>&lol;</title></svg>",
     "dept.svg:2: not well-formed XML (Entity 'lol' not defined)"),
    (HEAD + '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/'
     'sodipodi-0.dtd"/></svg>',
     "dept.svg:2: element <namedview> is not allowed in a signature"),
    ('<html xmlns="http://www.w3.org/1999/xhtml"/>',
     "dept.svg: not an SVG file (its root is <html>, not <svg> of the SVG namespace)"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>',
     "dept.svg:1: <svg> has no size: give it a viewBox (or a width and a height in pixels)"),
    (HEAD.replace("0 0 400 40", "0 0 400 0") + "</svg>",
     "dept.svg:1: <svg> has no area (400 x 0)"),
    ("not xml at all", "dept.svg:1: not well-formed XML (Start tag expected, '<' not found)"),
    (HEAD + "</svg>" + " " * artwork.MAX_SVG,
     "dept.svg: larger than 1,048,576 bytes"),
    # a processing instruction inside the art, and one after it
    (HEAD + "<g>\n<?php echo 1?></g></svg>",
     "dept.svg:3: a processing instruction (<?php?>) is not allowed"),
    (HEAD + "</svg>\n<?php echo 1?>",
     "dept.svg:3: a processing instruction (<?php?>) is not allowed"),
    # an allowed name in another namespace is another element
    (HEAD + '<x:g xmlns:x="http://evil.example/"/></svg>',
     "dept.svg:2: element <g> is not allowed in a signature"),
    # what is quoted from the file is cut at 60 characters
    (HEAD + '<use href="https://evil.example/' + "a" * 80 + '"/></svg>',
     'dept.svg:2: <use> refers outside the file (href="https://evil.example/' + "a" * 39
     + '"); only #id is allowed'),
    (HEAD + '<path fill="url(https://evil.example/' + "b" * 80 + ')"/></svg>',
     "dept.svg:2: attribute fill of <path> refers outside the file (url(https://evil.example/"
     + "b" * 39 + ")); only url(#id) is allowed"),
    (HEAD.replace("0 0 400 40", "0 0 400") + "</svg>",
     'dept.svg:1: viewBox "0 0 400" is not four numbers'),
    (HEAD.replace("0 0 400 40", "0 0 400 forty") + "</svg>",
     'dept.svg:1: viewBox "0 0 400 forty" is not four numbers'),
    (HEAD.replace("0 0 400 40", "0 0 " + "9" * 70) + "</svg>",
     'dept.svg:1: viewBox "0 0 ' + "9" * 56 + '" is not four numbers'),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="400px"/>',
     "dept.svg:1: <svg> has no size: give it a viewBox (or a width and a height in pixels)"),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="4cm"/>',
     "dept.svg:1: <svg> has no size: give it a viewBox (or a width and a height in pixels)"),
    # an area from more than 0 to less than a billion each way; the line is the <svg>'s
    ('<?xml version="1.0"?>\n' + HEAD.replace("0 0 400 40", "0 0 0 40") + "</svg>",
     "dept.svg:2: <svg> has no area (0 x 40)"),
    (HEAD.replace("0 0 400 40", "0 0 -1 40") + "</svg>",
     "dept.svg:1: <svg> has no area (-1 x 40)"),
    (HEAD.replace("0 0 400 40", "0 0 1e9 40") + "</svg>",
     "dept.svg:1: <svg> has no area (1e+09 x 40)"),
    (HEAD.replace("0 0 400 40", "0 0 40 1e9") + "</svg>",
     "dept.svg:1: <svg> has no area (40 x 1e+09)"),
])
def test_each_refusal_is_one_line_naming_the_file_line_and_fault(tmp_path, svg, message):
    assert refusal(tmp_path, svg) == message


def test_an_svg_needs_its_png_and_the_png_its_shape(tmp_path):
    path = tmp_path / "dept.svg"
    path.write_text(HEAD + "</svg>")
    with pytest.raises(TemplateError) as caught:
        symbols.department_signature(path, "x")
    assert caught.value.message == (
        f"{path}: a signature in SVG needs its PNG beside it (dept.png), the picture Word "
        "before 2016 and other readers show; export one from the same art at 300 dpi")
    assert refusal(tmp_path, HEAD + "</svg>", png(100, 100)) == (
        "dept.png: its shape (100 x 100 pixels) is not the SVG's (400 x 40); export the PNG "
        "from the same art")
    assert refusal(tmp_path, HEAD + "</svg>", b"GIF89a" + bytes(40)) == (
        "dept.png: not a PNG file (it does not begin as a PNG does)")


def test_a_png_signature_is_bounded_by_its_header(tmp_path):
    path = tmp_path / "dept.png"
    header = bytearray(png(1, 1))
    header[16:24] = struct.pack(">II", 100_000, 100_000)   # claims 10 gigapixels
    path.write_bytes(bytes(header))
    with pytest.raises(TemplateError) as caught:
        symbols.department_signature(path, "x")
    assert caught.value.message == (f"{path}: 100,000 x 100,000 pixels; a signature's PNG "
                                    "may have from 1 to 40,000,000 pixels")
    path.write_bytes(png(400, 40))
    symbol = symbols.department_signature(path, "Public Safety Canada")
    assert (symbol.svg, symbol.width, symbol.height, symbol.alt) == \
        (None, 400, 40, "Public Safety Canada")


@pytest.mark.parametrize("svg, size", [
    (HEAD.replace("0 0 400 40", "0,0,400,40") + "</svg>", (400, 40)),   # commas, as SVG allows
    ('<svg xmlns="http://www.w3.org/2000/svg" width="400px" height=" 40 "/>', (400, 40)),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="2.5e2" height=".5"/>', (250, 0.5)),
    (HEAD.replace("0 0 400 40", "0 0 0.5 0.25") + "</svg>", (0.5, 0.25)),
    (HEAD.replace("0 0 400 40", "0 0 999999999 40") + "</svg>", (999_999_999, 40)),
    (HEAD + "<style/><style>path { fill: url(#f) }</style></svg>", (400, 40)),
])
def test_an_svg_s_size_is_its_view_box_else_its_width_and_height(svg, size):
    assert artwork.check_svg(svg.encode()) == size


def test_the_svg_s_bounds_at_their_edge_and_one_past():
    padding = artwork.MAX_SVG - len(HEAD) - len("</svg>")
    assert artwork.check_svg((HEAD + "</svg>" + " " * padding).encode()) == (400, 40)
    with pytest.raises(artwork.ArtworkError) as caught:
        artwork.check_svg((HEAD + "</svg>" + " " * (padding + 1)).encode())
    assert (caught.value.line, caught.value.message) == (
        None, "larger than 1,048,576 bytes; a signature's SVG is a few kilobytes")
    # 20,000 elements, the <svg> among them
    many = HEAD + "<g/>" * (artwork.MAX_ELEMENTS - 1) + "</svg>"
    assert artwork.check_svg(many.encode()) == (400, 40)
    with pytest.raises(artwork.ArtworkError) as caught:
        artwork.check_svg(many.replace("<g/>", "<g/><g/>", 1).encode())
    assert (caught.value.line, caught.value.message) == (None, "more than 20,000 elements")


def png_header(width: int, height: int) -> bytes:
    """The first 33 bytes of a PNG: its signature and its IHDR chunk, all its size says."""
    return png(1, 1)[:8] + struct.pack(">I", 13) + b"IHDR" + \
        struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0) + bytes(4)


def png_refusal(data: bytes) -> str:
    with pytest.raises(artwork.ArtworkError) as caught:
        artwork.check_png(data)
    assert caught.value.line is None
    return caught.value.message


def test_the_png_s_bounds_at_their_edge_and_one_past():
    assert artwork.check_png(png_header(40_000, 1_000)) == (40_000, 1_000)   # 40 million
    assert png_refusal(png_header(40_001, 1_000)) == (
        "40,001 x 1,000 pixels; a signature's PNG may have from 1 to 40,000,000 pixels")
    assert artwork.check_png(png_header(1, 1)) == (1, 1)
    assert png_refusal(png_header(0, 40)) == (
        "0 x 40 pixels; a signature's PNG may have from 1 to 40,000,000 pixels")
    assert png_refusal(png_header(400, 0)) == (
        "400 x 0 pixels; a signature's PNG may have from 1 to 40,000,000 pixels")
    # the header's sizes are unsigned: 2**31 is no negative width
    assert png_refusal(png_header(2**31, 1)) == (
        "2,147,483,648 x 1 pixels; a signature's PNG may have from 1 to 40,000,000 pixels")
    # the header whole, and not a byte less
    assert png_refusal(png_header(400, 40)[:32]) == (
        "not a PNG file (it does not begin as a PNG does)")
    assert png_refusal(png_header(400, 40).replace(b"IHDR", b"IHDX")) == (
        "not a PNG file (it does not begin as a PNG does)")
    assert png_refusal(b"\x88" + png_header(400, 40)[1:]) == (
        "not a PNG file (it does not begin as a PNG does)")
    # 8 MiB at most
    padded = png_header(400, 40) + bytes(artwork.MAX_PNG - 33)
    assert artwork.check_png(padded) == (400, 40)
    assert png_refusal(padded + b"\0") == "larger than 8,388,608 bytes"


def test_the_packaged_art_passes_the_checks():
    for name in ("signature-en", "signature-fr", "wordmark-en", "wordmark-fr"):
        assert artwork.check_svg((FIP / f"{name}.svg").read_bytes()) in ((819, 78), (143, 34))


# -- property tests: never a traceback or a hang, and the refusal names the thing -------

ALLOWED = st.sampled_from(["g", "path", "rect", "circle", "title", "defs", "use", "text"])
FORBIDDEN = st.sampled_from(["script", "image", "foreignObject", "a", "animate", "set",
                             "iframe", "feImage", "handler", "listener"])
ATTRIBUTE = st.sampled_from(['fill="#EB2D37"', 'd="M0 0h1v1z"', 'x="1"', 'id="f"',
                             'transform="scale(2)"', 'href="#f"', 'style="fill:red"',
                             'clip-path="url(#g)"'])


@st.composite
def documents(draw):
    """An SVG of allowed elements, one a line, with a forbidden element at a known line."""
    lines = [HEAD.rstrip("\n")]
    count = draw(st.integers(0, 8))
    forbidden_at = draw(st.integers(0, count))
    forbidden = draw(FORBIDDEN)
    for index in range(count + 1):
        if index == forbidden_at:
            lines.append(f"<{forbidden}/>")
        else:
            name = draw(ALLOWED)
            attributes = " ".join(draw(st.lists(ATTRIBUTE, max_size=3, unique=True)))
            lines.append(f"<{name} {attributes}/>")
    lines.append("</svg>")
    return "\n".join(lines), forbidden_at + 2, forbidden


@settings(max_examples=examples(100))
@given(documents())
def test_a_forbidden_element_anywhere_is_refused_at_its_line(case):
    text, line, name = case
    with pytest.raises(artwork.ArtworkError) as caught:
        artwork.check_svg(text.encode())
    assert (caught.value.line, caught.value.message) == \
        (line, f"element <{name}> is not allowed in a signature")


@st.composite
def event_attributes(draw):
    event = "on" + draw(st.sampled_from(["load", "click", "mouseover", "focus", "begin"]))
    element = draw(st.sampled_from(["svg", "g", "path", "rect"]))
    return event, element


@settings(max_examples=examples(50))
@given(event_attributes(), st.text(alphabet="abc();'\" ", max_size=20))
def test_an_event_attribute_is_refused_whatever_its_value(case, value):
    event, element = case
    quoted = value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    if element == "svg":
        text = HEAD.replace('">', f'" {event}="{quoted}">') + "</svg>"
    else:
        text = HEAD + f'<{element} {event}="{quoted}"/></svg>'
    with pytest.raises(artwork.ArtworkError) as caught:
        artwork.check_svg(text.encode())
    assert caught.value.message == f"attribute {event} of <{element}> is not allowed in a " \
        "signature"


@settings(max_examples=examples(200))
@given(st.one_of(st.binary(max_size=2000),
                 st.text(alphabet='<>/="&;!?#[]() svgpathxmlns:hrefurl\n', max_size=400)
                 .map(lambda t: (HEAD + t).encode())))
def test_any_bytes_give_a_size_or_an_artwork_error(data):
    try:
        width, height = artwork.check_svg(data)
    except artwork.ArtworkError as exc:
        assert exc.message and "\n" not in exc.message
    else:
        assert width > 0 and height > 0
    try:
        artwork.check_png(data)
    except artwork.ArtworkError as exc:
        assert "\n" not in exc.message


# -- where the signature comes from: the outline, or beside the reference document ------

def outline_with(tmp_path, signature: str | None) -> str:
    text = MINIMAL
    if signature:
        text = text.replace("  department: Public Safety Canada\n",
                            f"  department: Public Safety Canada\n  signature: {signature}\n")
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    return str(tmp_path / "s.yaml")


def media(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}


def test_publication_signature_is_found_from_the_outline_folder(tmp_path):
    art = tmp_path / "art"
    art.mkdir()
    (art / "ps.svg").write_bytes((FIP / "signature-fr.svg").read_bytes())
    (art / "ps.png").write_bytes((FIP / "signature-fr.png").read_bytes())
    outline = outline_with(tmp_path, "art/ps.svg")
    result = CliRunner().invoke(main, ["render", outline, "--format", "docx"])
    assert result.exit_code == 0, result.output
    found = media(tmp_path / "s.docx")
    assert found["word/media/signature.svg"] == (art / "ps.svg").read_bytes()
    assert found["word/media/signature.png"] == (art / "ps.png").read_bytes()
    document = (zipfile.ZipFile(tmp_path / "s.docx").read("word/document.xml")).decode()
    assert 'name="signature" descr="Public Safety Canada"' in document


def test_a_refused_signature_is_exit_4_and_one_line_and_nothing_written(tmp_path):
    (tmp_path / "ps.svg").write_text(HEAD + "<script>alert(1)</script></svg>")
    (tmp_path / "ps.png").write_bytes(png(400, 40))
    outline = outline_with(tmp_path, "ps.svg")
    result = CliRunner().invoke(main, ["render", outline, "--format", "docx"])
    assert result.exit_code == 4
    assert result.output == (f"Error: {tmp_path / 'ps.svg'}:2: element <script> is not "
                             "allowed in a signature\n")
    assert not (tmp_path / "s.docx").exists()
    outline = outline_with(tmp_path, "missing.png")
    result = CliRunner().invoke(main, ["render", outline, "--format", "docx"])
    assert (result.exit_code, result.output) == (
        4, f"Error: {tmp_path / 'missing.png'}: no such file (the department's signature)\n")


def test_a_signature_beside_the_reference_document_and_which_wins(tmp_path):
    reference = tmp_path / "ref" / "reference.docx"
    reference.parent.mkdir()
    reference.write_bytes((ROOT / "templates" / "reference.docx").read_bytes())
    (reference.parent / "signature.png").write_bytes(png(400, 40))
    outline = outline_with(tmp_path, None)
    result = CliRunner().invoke(main, ["render", outline, "--format", "docx",
                                       "--reference-doc", str(reference)])
    assert result.exit_code == 0, result.output
    assert sorted(media(tmp_path / "s.docx")) == [
        "word/media/signature.png", "word/media/wordmark.png", "word/media/wordmark.svg"]
    assert media(tmp_path / "s.docx")["word/media/signature.png"] == png(400, 40)
    # the outline's own signature wins over the one beside the reference document
    (tmp_path / "own.png").write_bytes(png(300, 30))
    outline = outline_with(tmp_path, "own.png")
    result = CliRunner().invoke(main, ["render", outline, "--format", "docx",
                                       "--reference-doc", str(reference)])
    assert result.exit_code == 0, result.output
    assert media(tmp_path / "s.docx")["word/media/signature.png"] == png(300, 30)


def test_the_signature_key_takes_an_svg_or_png_path(tmp_path):
    outline = outline_with(tmp_path, "sig.gif")
    result = CliRunner().invoke(main, ["validate", outline])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{outline}:8:14: error: publication.signature: 'sig.gif' must be an .svg or a .png "
        "file (the department's signature)")
