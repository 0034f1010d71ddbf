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
                 if p.suffix in (".j2", ".docx")}
    assert sources - names == set()          # every module of the package is installed
    assert templates - names == set() and len(templates) == 3


# Names the standard library gained in Python 3.11, which a 3.10 cannot run.
NEW_IN_3_11 = {("datetime", "UTC"), ("tomllib", None), ("typing", "Self"),
               ("enum", "StrEnum"), ("typing", "LiteralString"), ("asyncio", "TaskGroup")}


def _requires_3_11() -> list[str]:
    import ast
    found = []
    for path in (ROOT / "rtdraft").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found += [f"{path.name}: {node.module}.{a.name}" for a in node.names
                          if (node.module, a.name) in NEW_IN_3_11
                          or (node.module, None) in NEW_IN_3_11]
            elif isinstance(node, ast.Import):
                found += [f"{path.name}: {a.name}" for a in node.names
                          if (a.name, None) in NEW_IN_3_11]
    return found


def test_the_stated_python_minimum_is_the_true_one():
    import configparser
    import re
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    minimum = config["options"]["python_requires"].removeprefix(">=")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Python {minimum} or newer" in readme
    assert tuple(map(int, minimum.split("."))) <= sys.version_info[:2]   # CI runs it
    if _requires_3_11():
        assert tuple(map(int, minimum.split("."))) >= (3, 11), _requires_3_11()
    assert re.fullmatch(r"3\.\d+", minimum)
