"""A built wheel carries the default templates, so an installed rtdraft finds them."""

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_contains_the_templates(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                             str(tmp_path), str(ROOT)], capture_output=True, check=False, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    [wheel] = tmp_path.glob("rtdraft-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {str(p.relative_to(ROOT)) for p in (ROOT / "rtdraft").rglob("*.py")}
    templates = {"rtdraft/templates/" + p.name for p in (ROOT / "templates").iterdir()
                 if p.suffix in (".j2", ".docx", ".css")}
    assert sources - names == set()          # every module of the package is installed
    assert templates - names == set() and len(templates) == 6
