"""`rtdraft docs`: the documentation an installed rtdraft carries, not only a checkout."""

import os
import subprocess
import sys
import zipfile

import pytest
from click.testing import CliRunner
from support.outlines import ROOT

from rtdraft.cli import main


def test_docs_lists_the_topics_and_where_the_files_are():
    result = CliRunner().invoke(main, ["docs"])
    assert result.exit_code == 0
    lines = {" ".join(line.split()) for line in result.output.splitlines()}   # any width
    assert {"lint Lint rules", "outline The outline: a reference for editors",
            "languages Languages", ("import-and-redline The review round trip: import and "
            "redline")} <= lines
    assert "reference.docx" in result.output.splitlines()[-1]


def test_docs_prints_a_topic_and_refuses_an_unknown_one():
    result = CliRunner().invoke(main, ["docs", "outline"])
    assert result.output == (ROOT / "docs" / "outline.md").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["docs", "outlines"])
    assert result.exit_code == 2
    topics = ", ".join(sorted(p.stem for p in (ROOT / "docs").glob("*.md")))
    assert f"Error: Invalid value for TOPIC: no topic 'outlines'; topics: {topics}" \
        in result.output


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """rtdraft as a regular install lays it out: the wheel's files, away from the checkout."""
    wheels = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                             str(wheels), str(ROOT)], capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    [wheel] = wheels.glob("rtdraft-*.whl")
    site = tmp_path_factory.mktemp("site")
    zipfile.ZipFile(wheel).extractall(site)
    return site


@pytest.mark.system
def test_an_installed_rtdraft_has_its_docs_and_reference_document(installed, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(installed))
    result = subprocess.run([sys.executable, "-m", "rtdraft", "docs"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert f"The files: {installed / 'rtdraft' / 'docs'}\n" in result.stdout
    assert str(installed / "rtdraft" / "templates" / "reference.docx") in result.stdout
    result = subprocess.run([sys.executable, "-m", "rtdraft", "docs", "lint"], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.startswith("# Lint rules\n")
