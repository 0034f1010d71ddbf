"""Independent readers of rendered files: pandoc, LibreOffice, poppler.

Outside CI a missing tool skips the test that needs it; in CI (CI=true) it is a
failure, since .ci/run installs every one of them.
"""

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed (.ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def pandoc(path: Path, to: str = "plain", source: str | None = None) -> str:
    need("pandoc")
    args = ["pandoc", str(path), "-t", to, "--wrap=none"]
    if source:
        args[2:2] = ["-f", source]
    result = subprocess.run(args, capture_output=True, check=False, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def to_pdf(docx: Path, folder: Path) -> Path:
    need("soffice")
    profile = folder / "lo-profile"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(folder), str(docx)],
        capture_output=True, check=False, text=True, timeout=300)
    pdf = folder / (docx.stem + ".pdf")
    assert pdf.exists(), result.stdout + result.stderr
    return pdf


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    need("pdftotext")
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, check=False, text=True,
                          timeout=60).stdout


def pdf_pages(pdf: Path) -> int:
    need("pdfinfo")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=False, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def pairs(data: bytes) -> str:
    """One line per paragraph, "style<TAB>text", and one per table row, "style<TAB>cell |
    cell ..." (the styles of its cells' paragraphs, joined by '/' when they differ); then
    the footnotes' paragraphs, and the paragraphs of the headers and footers that are not
    linked to the section before, each once, in the same form."""
    document = docx.Document(io.BytesIO(data))
    lines = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            paragraph = docx.text.paragraph.Paragraph(child, document)
            lines.append(f"{paragraph.style.name}\t{paragraph.text}")
        elif child.tag.endswith("}tbl"):
            table = docx.table.Table(child, document)
            for row in table.rows:
                styles = sorted({p.style.name for cell in row.cells for p in cell.paragraphs})
                lines.append("/".join(styles) + "\t" + " | ".join(cell.text for cell in row.cells))
    names = {style.style_id: style.name for style in document.styles}
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        notes = package.read("word/footnotes.xml") if "word/footnotes.xml" in \
            package.namelist() else b"<w:footnotes xmlns:w='%s'/>" % w[1:-1].encode()
    for note in etree.fromstring(notes).iter(w + "footnote"):
        if note.get(w + "type") in ("separator", "continuationSeparator"):
            continue
        for p in note.iter(w + "p"):
            style = p.find(f"{w}pPr/{w}pStyle")
            name = names.get(style.get(w + "val")) if style is not None else "Normal"
            lines.append(f"{name}\t" + "".join(t.text or "" for t in p.iter(w + "t")))
    seen = set()
    for section in document.sections:
        for part in (section.header, section.footer):
            if part.is_linked_to_previous:
                continue
            for paragraph in part.paragraphs:
                line = f"{paragraph.style.name}\t{paragraph.text}"
                if paragraph.text and line not in seen:
                    seen.add(line)
                    lines.append(line)
    return "\n".join(lines) + "\n"



def audit(path: Path) -> dict:
    """openxml-audit's report on a DOCX: the Open XML SDK's schema and semantic rules."""
    tool = shutil.which("openxml-audit")
    assert tool, "openxml-audit is not installed (pip install -e '.[test]')"
    result = subprocess.run([tool, "-o", "json", "--max-errors", "0", str(path)],
                            capture_output=True, check=False, text=True, timeout=300)
    return json.loads(result.stdout)[0]


CRITIC = re.compile(r"\{\+\+(.*?)\+\+\}|\{--(.*?)--\}")


def docx_changes(path: Path) -> list[tuple[str, str]]:
    """A redline DOCX's tracked changes as pandoc reads them: ('+' or '-', words); a
    paragraph mark's (an empty cell's) has no words and is left out."""
    text = subprocess.run(["pandoc", "--track-changes=all", "-t", "markdown", "--wrap=none",
                           str(path)], capture_output=True, text=True, check=True).stdout
    found = re.findall(r"\[([^\[\]]*)\]\{\.(insertion|deletion) [^}]*\}", text)
    return [("+" if kind == "insertion" else "-", words) for words, kind in found if words]


def markdown_changes(path: Path) -> list[tuple[str, str]]:
    """A CriticMarkup redline's marks: ('+' or '-', words)."""
    return [("+" if m.group(1) is not None else "-", (m.group(1) or m.group(2)).strip())
            for m in CRITIC.finditer(path.read_text(encoding="utf-8"))]
