"""How long rtdraft takes to refuse or stop what would run away. Run by hand:
python benchmarks/bounded_work.py

The tests check that each case is refused or stopped, with its message and exit code;
how fast is measured here, where a busy machine cannot fail a test:

- a template that never ends, stopped by the sandbox's alarm (0.5 s limit here; goal:
  stopped well under 20 s);
- a DOCX to import whose document.xml inflates to 2 GiB (goal: refused under 1 s, before
  inflating anything), and one holding 50 MB of pictures (goal: opened under 2 s,
  imported under 10 s, the pictures never read);
- `rtdraft preview` stopped by SIGTERM (goal: under 10 s), and LibreOffice that dies
  at start (goal: said under 10 s, not after the job's minute of waiting).

Results: docs/performance.md.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from click.testing import CliRunner

from rtdraft.cli import main
from rtdraft.errors import ConverterError, ImportFailure
from rtdraft.importer.package import open_docx
from rtdraft.office.process import Office
from rtdraft.render import sandbox

EXAMPLE = ROOT / "examples" / "fall-2019-winnipeg.yaml"


def seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def template_loop(folder: Path) -> float:
    (folder / "t").mkdir()
    (folder / "t" / "summary.md.j2").write_text(
        "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}")
    sandbox.TIME_LIMIT = 0.5

    def render():
        result = CliRunner().invoke(main, ["render", str(EXAMPLE), "--format", "md", "-o",
                                           str(folder / "o.md"), "--template-dir",
                                           str(folder / "t")])
        assert result.exit_code == 4, result.output
    return seconds(render)


def rendered(folder: Path) -> Path:
    result = CliRunner().invoke(main, ["render", str(EXAMPLE), "--format", "docx", "-o",
                                       str(folder / "fall.docx")])
    assert result.exit_code == 0, result.output
    return folder / "fall.docx"


def zip_bomb(docx: Path, folder: Path) -> float:
    """document.xml: 2 GiB of spaces, from one 16 MB deflate block repeated."""
    block, size = 16 * 1024 * 1024, 2 * 1024 ** 3
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    once = squeeze.compress(b" " * block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // block):
        crc = zlib.crc32(b" " * block, crc)
    data = once * (size // block) + b"\x03\x00"
    out, central = io.BytesIO(), []
    with zipfile.ZipFile(docx) as source:
        entries = [(n, source.read(n)) for n in source.namelist()]
    for name, body in entries:
        method, raw, entry_crc, length = (zipfile.ZIP_DEFLATED, data, crc, size) \
            if name == "word/document.xml" else (0, body, zlib.crc32(body), len(body))
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, entry_crc,
                              len(raw), length, len(name), 0) + name.encode() + raw)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0,
                                   0x21, entry_crc, len(raw), length, len(name), 0, 0, 0, 0,
                                   0, offset) + name.encode())
    start = out.tell()
    directory = b"".join(central)
    out.write(directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central),
                                      len(central), len(directory), start, 0))
    path = folder / "bomb.docx"
    path.write_bytes(out.getvalue())

    def refuse():
        try:
            open_docx(path)
        except ImportFailure:
            return
        raise AssertionError("the bomb was opened")
    return seconds(refuse)


def pictures(docx: Path, folder: Path) -> tuple[float, float]:
    import docx as python_docx

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\0\0\0\0")) + chunk(b"IEND", b""))
    document = python_docx.Document(str(docx))
    anchor = document.paragraphs[0]
    for _ in range(10):
        picture = png[:-12] + chunk(b"rnDm", os.urandom(5 * 1024 * 1024)) + png[-12:]
        anchor.insert_paragraph_before().add_run().add_picture(io.BytesIO(picture))
    path = folder / "pictures.docx"
    document.save(str(path))
    opened = seconds(lambda: open_docx(path))

    def imported():
        result = CliRunner().invoke(main, ["import", str(path), "-o",
                                           str(folder / "pictures.yaml")])
        assert result.exit_code == 0, result.output
    return opened, seconds(imported)


def preview_stop(folder: Path) -> float:
    outline = folder / "fall.yaml"
    shutil.copy(EXAMPLE, outline)
    process = subprocess.Popen([sys.executable, "-m", "rtdraft", "preview", str(outline)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=ROOT)
    assert re.search(r"at http://127\.0\.0\.1:\d+/", process.stdout.readline())
    start = time.perf_counter()
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    assert process.returncode == 0
    return time.perf_counter() - start


def libreoffice_dies() -> float:
    os.environ["RTDRAFT_SOFFICE"] = "/bin/false"

    def start():
        try:
            with Office() as office:
                office.run("page_count.py")
        except ConverterError:
            return
        raise AssertionError("a LibreOffice that dies was not said")
    try:
        return seconds(start)
    finally:
        del os.environ["RTDRAFT_SOFFICE"]


def main_() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        docx = rendered(folder)
        print(f"template that never ends, stopped:      {template_loop(folder):6.2f} s")
        print(f"DOCX inflating to 2 GiB, refused:       {zip_bomb(docx, folder):6.2f} s")
        opened, imported = pictures(docx, folder)
        print(f"DOCX with 50 MB of pictures, opened:    {opened:6.2f} s")
        print(f"DOCX with 50 MB of pictures, imported:  {imported:6.2f} s")
        print(f"preview stopped by SIGTERM:             {preview_stop(folder):6.2f} s")
        print(f"LibreOffice dying at start, said:       {libreoffice_dies():6.2f} s")


if __name__ == "__main__":
    main_()
