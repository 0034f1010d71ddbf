"""render --format pdf: the PDF read back by poppler (pdfinfo, pdftotext) and pikepdf."""

import itertools
import os
import re
import subprocess

import pikepdf
import pytest
from support.outlines import ROOT, build, load
from support.readers import need

from rtdraft.document.model import ListBlock, Table
from rtdraft.outline.validate import validate

# Starts LibreOffice, a browser, pip or npm: `python -m pytest -m 'not system'` leaves it out.
pytestmark = pytest.mark.system

REFERENCE = (ROOT / "docs" / "outline.md").read_text(encoding="utf-8")
DOCS_EXAMPLE = re.search(r"```yaml\n(.*?)```", REFERENCE, re.DOTALL).group(1)
OUTLINES = {path.stem: path.read_text(encoding="utf-8")
            for path in sorted((ROOT / "examples").glob("*.yaml"))}
OUTLINES["docs-outline"] = DOCS_EXAMPLE


def with_toc(text: str) -> str:
    """The outline with publication.toc true, so every PDF has a contents page to check."""
    return re.sub(r"^publication:\n", "publication:\n  toc: true\n", text, count=1, flags=re.MULTILINE) \
        if "\n  toc: true" not in text else text


def nested(blocks) -> bool:
    return any(isinstance(b, ListBlock) and any(i.sublist for i in b.items) for b in blocks)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every outline rendered once to DOCX and PDF, in one call (one LibreOffice)."""
    need("soffice")
    folder = tmp_path_factory.mktemp("pdf")
    for name, text in OUTLINES.items():
        (folder / f"{name}.yaml").write_text(with_toc(text), encoding="utf-8")
    out = folder / "out"
    out.mkdir()
    for name in OUTLINES:
        done = subprocess.run(["rtdraft", "render", str(folder / f"{name}.yaml"), "--format",
                               "docx,pdf", "-o", str(out)], capture_output=True, check=False, text=True)
        assert done.returncode == 0, done.stderr
    return folder


def built(text: str, name: str):
    source = load(text, f"{name}.yaml")
    assert validate(source) == []
    return build(source.data)


def model(rendered, name):
    return built((rendered / f"{name}.yaml").read_text(encoding="utf-8"), name)


def pages_text(pdf) -> list[str]:
    count = int(re.search(r"Pages:\s+(\d+)", info(pdf)).group(1))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           check=True, capture_output=True, text=True).stdout
            for n in range(1, count + 1)]


def info(pdf) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("name", OUTLINES)
def test_pdfinfo_tagged_titled(rendered, name):
    need("pdfinfo")
    found = info(rendered / "out" / f"{name}.pdf")
    assert re.search(r"^Tagged:\s+yes$", found, re.MULTILINE)
    assert re.search(r"^Title:\s+(.+)$", found, re.MULTILINE).group(1) == model(rendered, name).title
    assert int(re.search(r"^Pages:\s+(\d+)$", found, re.MULTILINE).group(1)) >= 5
    # The session titles as written, not split into words by LibreOffice's DOCX reader.
    assert re.search(r"^Keywords:\s+(.+)$", found, re.MULTILINE).group(1) == \
        ", ".join(model(rendered, name).keywords)


@pytest.mark.parametrize("name", OUTLINES)
def test_every_contents_entry_has_the_page_its_heading_stands_on(rendered, name):
    need("pdftotext")
    document = model(rendered, name)
    pages = pages_text(rendered / "out" / f"{name}.pdf")
    # the number printed in each page's footer (the body restarts at 1)
    printed = [(p.strip().splitlines() or [""])[-1].strip() for p in pages]
    contents_page = next(i for i, p in enumerate(pages) if document.labels["contents"] in p)
    contents = squash(pages[contents_page])
    entries = [h for h in document.headings if h.level <= 2]
    assert entries
    for heading in entries:
        match = re.search(re.escape(squash(heading.text)) + r" ?\.*\s?(\d+)", contents)
        assert match, heading.text
        stands = next(i for i in range(contents_page + 1, len(pages))
                      if squash(heading.text) in squash(pages[i]))
        assert match.group(1) == printed[stands], heading.text
    docx_toc = subprocess.run(["pandoc", str(rendered / "out" / f"{name}.docx"), "-t", "plain"],
                              check=True, capture_output=True, text=True).stdout
    first = entries[0]
    number = re.search(re.escape(squash(first.text)) + r" ?\.*\s?(\d+)", contents).group(1)
    assert re.search(re.escape(first.text) + r"\s+" + number, squash(docx_toc))


def structure(pdf):
    """(element types in document order with their parents' types, resolved by RoleMap)."""
    root = pdf.Root.StructTreeRoot
    roles = {str(k): str(v) for k, v in root.get("/RoleMap", {}).items()}

    def role(s):
        seen = set()
        while s in roles and s not in seen:
            seen.add(s)
            s = roles[s]
        return s

    out = []

    def walk(node, parents):
        s = node.get("/S")
        if s is not None:
            s = role(str(s))
            out.append((s, tuple(parents)))
            parents = parents + [s]
        kids = node.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [kids]
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary):
                walk(kid, parents)

    walk(root, [])
    return out


@pytest.mark.parametrize("name", OUTLINES)
def test_structure_tree_language_and_pdfua(rendered, name):
    document = model(rendered, name)
    with pikepdf.open(rendered / "out" / f"{name}.pdf") as pdf:
        assert str(pdf.Root.Lang) == document.locale
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        with pdf.open_metadata() as meta:
            assert meta["pdfuaid:part"] == "1"
        tree = structure(pdf)
        levels = [int(s[2]) for s, _ in tree if re.fullmatch(r"/H[1-6]", s)]
        assert levels[0] == 1
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
        assert levels == [h.level for h in document.headings]
        links = [a for page in pdf.pages for a in page.get("/Annots", [])
                 if a.get("/Subtype") == "/Link"]
        assert links
        if any(isinstance(b, Table) for b in document.body):
            assert any(s == "/TH" for s, _ in tree)


def figures(pdf) -> list[tuple[str, int]]:
    """(/Alt, page number) of every /Figure structure element, in document order."""
    pages = {page.objgen: n for n, page in enumerate(pdf.pages, 1)}
    out = []

    def walk(node):
        if node.get("/S") == "/Figure":
            out.append((str(node.get("/Alt", "")), pages.get(node.get("/Pg").objgen)))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary):
                walk(kid)

    walk(pdf.Root.StructTreeRoot)
    return out


def fill_colours(page) -> set[tuple[float, ...]]:
    """The RGB fill colours (rg) the page's content and its form XObjects set."""
    found = set()

    def walk(stream, seen):
        resources = stream.get("/Resources", {})
        for operands, operator in pikepdf.parse_content_stream(stream):
            if str(operator) == "rg":
                found.add(tuple(round(float(x), 2) for x in operands))
            elif str(operator) == "Do":
                form = resources.get("/XObject", {}).get(str(operands[0]))
                if form is not None and form.get("/Subtype") == "/Form" \
                        and form.objgen not in seen:
                    walk(form, seen | {form.objgen})

    walk(page, set())
    return found


@pytest.mark.parametrize("name", OUTLINES)
def test_the_cover_symbols_are_figures_with_their_text_alternative(rendered, name):
    labels = model(rendered, name).labels   # the outline's language: en or fr
    with pikepdf.open(rendered / "out" / f"{name}.pdf") as pdf:
        assert figures(pdf) == [(labels["signature_alt"], 1), (labels["wordmark_alt"], 1)]
        # drawn on the cover as vectors (the SVG, not the PNG fallback): no picture, and
        # paths filled in the flag's FIP red, #EB2D37
        cover = pdf.pages[0]
        assert list(cover.get_images()) == []   # nested in form XObjects too
        assert (0.92, 0.18, 0.22) in fill_colours(cover)


def test_the_french_cover_has_the_french_alternatives(rendered):
    with pikepdf.open(rendered / "out" / "automne-2019-winnipeg.pdf") as pdf:
        assert [alt for alt, _ in figures(pdf)] == ["Gouvernement du Canada",
                                                    "Symbole du gouvernement du Canada"]


NESTED = [name for name, text in OUTLINES.items() if nested(built(with_toc(text), name).body)]


TABLES = [name for name, text in OUTLINES.items()
          if any(isinstance(b, Table) for b in built(with_toc(text), name).body)]


def test_the_outlines_checked_have_a_table_and_a_nested_list():
    """So that the TH and L-inside-LI checks cannot pass by having nothing to check."""
    assert "docs-outline" in TABLES
    assert NESTED


@pytest.mark.parametrize("name", NESTED)
def test_nested_lists_are_l_inside_li(rendered, name):
    with pikepdf.open(rendered / "out" / f"{name}.pdf") as pdf:
        assert any(s == "/L" and "/LI" in parents for s, parents in structure(pdf))


def test_without_libreoffice_one_line_exit_6_and_nothing_written(tmp_path):
    env = dict(os.environ, RTDRAFT_SOFFICE="/nonexistent/soffice")
    done = subprocess.run(["rtdraft", "render", str(ROOT / "examples/fall-2019-winnipeg.yaml"),
                           "--format", "docx,pdf", "-o", str(tmp_path)], env=env,
                          capture_output=True, check=False, text=True)
    assert done.returncode == 6
    assert done.stderr.strip().count("\n") == 0
    assert "apt install libreoffice-writer-nogui python3-uno" in done.stderr
    assert list(tmp_path.iterdir()) == []
    done = subprocess.run(["rtdraft", "render", str(ROOT / "examples/fall-2019-winnipeg.yaml"),
                           "--format", "docx,md", "-o", str(tmp_path)], env=env,
                          capture_output=True, check=False, text=True)
    assert done.returncode == 0


def test_a_hanging_libreoffice_is_stopped_at_the_timeout(tmp_path):
    """A soffice that never answers: exit 6 after --timeout, no file, no process left."""
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\necho $$ > {tmp_path}/pid\nexec sleep 300\n")
    fake.chmod(0o755)
    out = tmp_path / "out"
    env = dict(os.environ, RTDRAFT_SOFFICE=str(fake))
    done = subprocess.run(["rtdraft", "render", str(ROOT / "examples/fall-2019-winnipeg.yaml"),
                           "--format", "docx,pdf", "-o", str(out), "--timeout", "2"], env=env,
                          capture_output=True, check=False, text=True, timeout=60)
    assert done.returncode == 6
    assert "LibreOffice took longer than 2 s (publish); it was stopped" in done.stderr
    assert not out.exists() or list(out.iterdir()) == []
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_several_outlines_one_libreoffice_one_failure_reported(tmp_path):
    """A folder of outlines and one invalid one: the valid ones are written, exit 1."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for path in (ROOT / "examples").glob("*.yaml"):
        (drafts / path.name).write_bytes(path.read_bytes())
    (drafts / "broken.yaml").write_text("rtdraft: 2\nmeeting: {}\n", encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(["rtdraft", "render", str(drafts), "--format", "docx,pdf", "-o",
                           str(out)], capture_output=True, check=False, text=True, timeout=300)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == "1 of 4 outlines not rendered"
    assert f"{drafts / 'broken.yaml'}:" in done.stdout   # its problems, as validate prints them
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{p.stem}{s}" for p in (ROOT / "examples").glob("*.yaml")
                           for s in (".docx", ".pdf"))
    assert done.stdout.count("wrote ") == 6


def test_several_outlines_need_a_folder(tmp_path):
    done = subprocess.run(["rtdraft", "render", str(ROOT / "examples"), "--format", "pdf",
                           "-o", str(tmp_path / "x.pdf")], capture_output=True, check=False, text=True)
    assert done.returncode == 2
    assert "names one file, but several outlines are asked for (pdf); give a folder" \
        in done.stderr
