"""A summary rendered to DOCX, edited as a reviewer would (python-docx), and imported back."""

from datetime import date
from pathlib import Path

from rtdraft.outline.validate import validate
from rtdraft.render import docx as docx_writer

from .cli import run
from .outlines import MINIMAL, build, load

TODAY = date(2021, 6, 1)

OUTLINE = MINIMAL.replace("    - The roundtable met once.", "    - The roundtable met once.\n"
                          "    - It met in Halifax.")



def rendered(tmp_path: Path, text: str = OUTLINE, name: str = "report.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(docx_writer.render(build(load(text).data, today=TODAY)))
    return path


def imported(document, path: Path):
    """Save a python-docx document, import it with --report: (path, what import said, the
    outline written), the outline checked to validate."""
    document.save(str(path))
    result = run("import", path, "--report")
    assert result.exit_code == 0, result.output
    source = load(path.with_suffix(".yaml").read_text())
    assert validate(source) == []
    return path, result.output, source


def paragraph(document, words: str):
    return next(p for p in document.paragraphs if p.text == words)
