"""Every command that writes files, run as a user runs it (a process of its own) under the
umasks 022 and 077: each file written has the mode 0o666 & ~umask, as any editor's file
would; the output folder holds exactly the files asked for, no temporary file left beside
them; and the inputs are unchanged, bytes and modification time."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support.cli import run
from support.outlines import ROOT

FALL = ROOT / "examples" / "fall-2019-winnipeg.yaml"
DRAFTS = ROOT / "examples" / "drafts"


def rtdraft(umask: int, *args, cwd: Path) -> subprocess.CompletedProcess:
    """`rtdraft ARGS` in a process of its own whose umask is `umask`."""
    result = subprocess.run([sys.executable, "-m", "rtdraft", *map(str, args)], check=False,
                            cwd=cwd, capture_output=True, text=True, timeout=600,
                            preexec_fn=lambda: os.umask(umask))
    assert result.returncode == 0, result.stderr
    return result


def snapshot(*paths: Path) -> dict:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}


def check_folder(folder: Path, names: set[str], umask: int) -> None:
    """The folder holds exactly `names`, each a regular file of mode 0o666 & ~umask."""
    assert {p.name for p in folder.iterdir()} == names
    for name in names:
        mode = (folder / name).lstat().st_mode
        assert oct(mode & 0o7777) == oct(0o666 & ~umask), name
        assert (folder / name).is_file()


@pytest.fixture
def inputs(tmp_path):
    """A folder holding the two drafts and the Fall 2019 outline."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(DRAFTS.glob("*.yaml")) + [FALL]:
        shutil.copy2(path, folder / path.name)
    return folder


UMASKS = [0o022, 0o077]


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_render_into_a_folder(inputs, tmp_path, umask):
    before = snapshot(*inputs.iterdir())
    out = tmp_path / "out"
    rtdraft(umask, "render", inputs / FALL.name, "--format", "docx,md,html", "-o", out,
            cwd=tmp_path)
    check_folder(out, {"fall-2019-winnipeg.docx", "fall-2019-winnipeg.md",
                       "fall-2019-winnipeg.html"}, umask)
    assert snapshot(*inputs.iterdir()) == before


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_render_beside_the_outline_replacing_the_files_there(inputs, tmp_path, umask):
    outline = inputs / FALL.name
    (inputs / "fall-2019-winnipeg.md").write_text("the previous summary\n")
    os.chmod(inputs / "fall-2019-winnipeg.md", 0o600)
    before = snapshot(*(p for p in inputs.iterdir() if p.suffix == ".yaml"))
    rtdraft(umask, "render", outline, "--format", "md,html", cwd=tmp_path)
    names = {p.name for p in before} | {"fall-2019-winnipeg.md", "fall-2019-winnipeg.html"}
    assert {p.name for p in inputs.iterdir()} == names
    for name in ("fall-2019-winnipeg.md", "fall-2019-winnipeg.html"):
        assert oct((inputs / name).stat().st_mode & 0o7777) == oct(0o666 & ~umask)
    assert "\ntitle: \"Fall 2019 Law" in (inputs / "fall-2019-winnipeg.md").read_text()
    assert snapshot(*before) == before


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_render_one_named_file(inputs, tmp_path, umask):
    before = snapshot(*inputs.iterdir())
    out = tmp_path / "out"
    out.mkdir()
    rtdraft(umask, "render", inputs / FALL.name, "--format", "docx", "-o", out / "s.docx",
            cwd=tmp_path)
    check_folder(out, {"s.docx"}, umask)
    assert snapshot(*inputs.iterdir()) == before


@pytest.mark.system
@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_render_to_pdf(inputs, tmp_path, umask):
    before = snapshot(*inputs.iterdir())
    out = tmp_path / "out"
    rtdraft(umask, "render", inputs / FALL.name, "--format", "pdf,docx", "-o", out,
            cwd=tmp_path)
    check_folder(out, {"fall-2019-winnipeg.pdf", "fall-2019-winnipeg.docx"}, umask)
    assert (out / "fall-2019-winnipeg.pdf").read_bytes().startswith(b"%PDF-")
    assert snapshot(*inputs.iterdir()) == before


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_import_with_its_comments(tmp_path, umask):
    source = tmp_path / "in"
    source.mkdir()
    result = run("render", FALL, "--format", "docx", "-o", source / "report.docx")
    assert result.exit_code == 0, result.output
    before = snapshot(source / "report.docx")
    out = tmp_path / "out"
    out.mkdir()
    rtdraft(umask, "import", source / "report.docx", "-o", out / "report.yaml",
            "--comments", out / "comments.json", cwd=tmp_path)
    check_folder(out, {"report.yaml", "comments.json"}, umask)
    assert yaml.safe_load((out / "report.yaml").read_text())["meeting"]["title"] == \
        "Fall 2019 Law Enforcement Roundtable on Illicit Drugs"
    assert snapshot(source / "report.docx") == before
    assert {p.name for p in source.iterdir()} == {"report.docx"}


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_import_beside_the_report(tmp_path, umask):
    result = run("render", FALL, "--format", "docx", "-o", tmp_path / "report.docx")
    assert result.exit_code == 0, result.output
    before = snapshot(tmp_path / "report.docx")
    rtdraft(umask, "import", "report.docx", cwd=tmp_path)
    assert {p.name for p in tmp_path.iterdir()} == {"report.docx", "report.yaml"}
    assert oct((tmp_path / "report.yaml").stat().st_mode & 0o7777) == oct(0o666 & ~umask)
    assert snapshot(tmp_path / "report.docx") == before


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_redline_in_criticmarkup(inputs, tmp_path, umask):
    before = snapshot(*inputs.iterdir())
    out = tmp_path / "out"
    out.mkdir()
    rtdraft(umask, "redline", inputs / "fall-2019-draft-1.yaml",
            inputs / "fall-2019-draft-2.yaml", "--format", "md", "-o", out / "changes.md",
            cwd=tmp_path)
    check_folder(out, {"changes.md"}, umask)
    assert "{++" in (out / "changes.md").read_text() or "{--" in (out / "changes.md").read_text()
    assert snapshot(*inputs.iterdir()) == before


@pytest.mark.system
@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_redline_to_docx(inputs, tmp_path, umask):
    before = snapshot(*inputs.iterdir())
    out = tmp_path / "out"
    out.mkdir()
    rtdraft(umask, "redline", inputs / "fall-2019-draft-1.yaml",
            inputs / "fall-2019-draft-2.yaml", "-o", out / "changes.docx", cwd=tmp_path)
    check_folder(out, {"changes.docx"}, umask)
    assert (out / "changes.docx").read_bytes().startswith(b"PK")
    assert snapshot(*inputs.iterdir()) == before


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_new_with_a_schema_of_its_own(tmp_path, umask):
    out = tmp_path / "out"
    out.mkdir()
    rtdraft(umask, "new", out / "spring.yaml", cwd=tmp_path)
    # no schema in the folder or above it: one is written beside the outline
    check_folder(out, {"spring.yaml", "rtdraft-1.schema.json"}, umask)


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_new_from_an_earlier_outline(inputs, tmp_path, umask):
    before = snapshot(*inputs.iterdir())
    out = tmp_path / "out"
    out.mkdir()
    rtdraft(umask, "new", out / "next.yaml", "--from", inputs / FALL.name,
            "--schema", "https://example.org/rtdraft-1.schema.json", cwd=tmp_path)
    check_folder(out, {"next.yaml"}, umask)
    assert snapshot(*inputs.iterdir()) == before


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_schema_to_a_file(tmp_path, umask):
    out = tmp_path / "out"
    out.mkdir()
    rtdraft(umask, "schema", "-o", out / "rtdraft-1.schema.json", cwd=tmp_path)
    check_folder(out, {"rtdraft-1.schema.json"}, umask)


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_render_with_a_reference_document_and_templates_leaves_them_as_they_were(
        inputs, tmp_path, umask):
    shutil.copy2(ROOT / "templates" / "reference.docx", inputs / "house.docx")
    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy2(ROOT / "templates" / "summary.md.j2", templates / "summary.md.j2")
    before = snapshot(*inputs.iterdir(), *templates.iterdir())
    out = tmp_path / "out"
    rtdraft(umask, "render", inputs / FALL.name, "--format", "docx,md", "-o", out,
            "--reference-doc", inputs / "house.docx", "--template-dir", templates,
            cwd=tmp_path)
    check_folder(out, {"fall-2019-winnipeg.docx", "fall-2019-winnipeg.md"}, umask)
    assert snapshot(*inputs.iterdir(), *templates.iterdir()) == before
