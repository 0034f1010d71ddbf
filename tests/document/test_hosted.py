"""meeting.host and supported_by, when not the publishing department: on the cover, in the
document properties and on the web page, in both languages, and read back by import."""

import io

import docx
import pytest
from support.outlines import MINIMAL, build, load
from support.readers import pandoc

from rtdraft.importer import import_docx
from rtdraft.outline.validate import validate
from rtdraft.render import docx as docx_writer
from rtdraft.render import html, markdown

CCSA = "Canadian Centre on Substance Use and Addiction"
HOSTED = MINIMAL.replace("  host: Public Safety Canada\n",
                         f"  host: {CCSA}\n  supported_by: Public Safety Canada\n")
FRENCH = HOSTED.replace("  department: Public Safety Canada\n",
                        "  department: Public Safety Canada\n  language: fr\n")


@pytest.mark.parametrize("host, supported_by, line", [
    ("Public Safety Canada", None, ""),
    ("Public Safety Canada", "Public Safety Canada", ""),
    (CCSA, None, f"Hosted by {CCSA}"),
    (CCSA, "Public Safety Canada", f"Hosted by {CCSA} with support from Public Safety Canada"),
    ("Public Safety Canada", "Health Canada", "With support from Health Canada"),
])
def test_the_hosted_line(host, supported_by, line):
    text = MINIMAL.replace("  host: Public Safety Canada\n", f"  host: {host}\n" + (
        f"  supported_by: {supported_by}\n" if supported_by else ""))
    assert build(load(text).data).cover.hosted == line


def test_on_the_cover_in_the_properties_and_on_the_web_page(tmp_path):
    document = build(load(HOSTED).data)
    line = f"Hosted by {CCSA} with support from Public Safety Canada"
    (tmp_path / "s.docx").write_bytes(docx_writer.render(document))
    (tmp_path / "s.md").write_bytes(markdown.render(document))
    (tmp_path / "s.html").write_bytes(html.render(document))
    cover = pandoc(tmp_path / "s.docx").split("©")[0]
    # pandoc gives each of the cover's symbols as its text alternative, in brackets
    assert " ".join(cover.split()).startswith("[Government of Canada] [Symbol of the "
                                              "Government of Canada] Public Safety Canada")
    assert " ".join(cover.split()).endswith(f"March 29, 2021 {line}")
    assert docx.Document(io.BytesIO((tmp_path / "s.docx").read_bytes())) \
        .core_properties.comments == line
    assert f"\n\n{line}\n\n" in pandoc(tmp_path / "s.md", source="markdown")
    web = [" ".join(p.split()) for p in pandoc(tmp_path / "s.html", source="html")
           .split("\n\n")]
    assert web[web.index("March 29, 2021") + 1] == line


def test_in_french():
    assert build(load(FRENCH).data).cover.hosted == (
        f"Organisée par {CCSA} avec le soutien de Public Safety Canada")


def imported(text: str, folder) -> dict:
    """meeting of the outline imported from the outline's DOCX (which validates)."""
    path = folder / "report.docx"
    path.write_bytes(docx_writer.render(build(load(text).data)))
    source = load(import_docx(path).text, "report.yaml")
    assert validate(source) == []
    return source.data["meeting"]


def test_import_reads_the_line_back(tmp_path):
    meeting = imported(HOSTED, tmp_path)
    assert (meeting["host"], meeting["supported_by"]) == (CCSA, "Public Safety Canada")
    alone = MINIMAL.replace("  host: Public Safety Canada\n",
                            "  host: Public Safety Canada\n  supported_by: Health Canada\n")
    meeting = imported(alone, tmp_path)
    assert (meeting["host"], meeting["supported_by"]) == ("Public Safety Canada",
                                                          "Health Canada")


def test_a_label_override_is_filled_by_the_one_formatter():
    text = HOSTED + 'labels:\n  hosted_with_support: "Tenue par {host} ({supporter})"\n'
    assert build(load(text).data).cover.hosted == \
        f"Tenue par {CCSA} (Public Safety Canada)"
    hostile = HOSTED + 'labels:\n  hosted_by: "Hosted by {host.__class__}"\n'
    assert [p.rule for p in validate(load(hostile)) if p.path[:1] == ("labels",)] == ["label"]
