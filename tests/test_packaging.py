"""A built wheel carries the default templates, so an installed rtdraft finds them."""

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from support.outlines import MINIMAL, ROOT

# Starts LibreOffice, a browser, pip or npm: `python -m pytest -m 'not system'` leaves it out.
pytestmark = pytest.mark.system


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wheel")
    # from a clean copy: setuptools reuses a checkout's build/, which would keep stale files
    source = folder / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", "build", "*.egg-info", ".hypothesis", ".pytest_cache", "__pycache__", "out",
        "node_modules"))
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                             str(folder), str(source)], capture_output=True, check=False,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    [built] = folder.glob("rtdraft-*.whl")
    return built


def test_wheel_contains_the_templates(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {str(p.relative_to(ROOT)) for p in (ROOT / "rtdraft").rglob("*.py")}
    templates = {"rtdraft/templates/" + p.name for p in (ROOT / "templates").iterdir()
                 if p.suffix in (".j2", ".docx", ".css")}
    assert sources - names == set()          # every module of the package is installed
    assert templates - names == set() and len(templates) == 7    # gcds-tokens.css too


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
    import re
    import tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    minimum = project["requires-python"].removeprefix(">=")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Python {minimum} or newer" in readme
    assert tuple(map(int, minimum.split("."))) <= sys.version_info[:2]   # CI runs it
    if _requires_3_11():
        assert tuple(map(int, minimum.split("."))) >= (3, 11), _requires_3_11()
    assert re.fullmatch(r"3\.\d+", minimum)


def test_the_wheel_renders_in_a_fresh_venv_outside_the_checkout(wheel, tmp_path):
    """Installed from the wheel, run from elsewhere: the packaged templates, never the
    checkout's (which would hide a package that lacks them)."""
    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=False)
    python = fresh / "bin" / "python"
    result = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                             "-q", "--no-deps", "--no-index", str(wheel)],
                            capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    # The requirements come from this environment's site-packages, as a plain path: its
    # .pth files (the editable install of the checkout) are not read from there.
    site = subprocess.run([str(python), "-c", ("import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])")], capture_output=True, text=True, check=True).stdout
    (Path(site.strip()) / "requirements.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "spring.yaml").write_text(MINIMAL, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    where = subprocess.run([str(python), "-c", ("import rtdraft.resources as r; "
                            "print(r.default_dir()); print(r.default_path('reference.docx'))")],
                           cwd=work, env=env, capture_output=True, text=True, check=True)
    assert all(line.startswith(site.strip() + "/rtdraft/templates")
               for line in where.stdout.splitlines()), where.stdout
    result = subprocess.run([str(python), "-m", "rtdraft", "render", "spring.yaml"], cwd=work,
                            env=env, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr + result.stdout
    assert (work / "spring.docx").read_bytes()[:2] == b"PK"
    assert (work / "spring.md").read_text(encoding="utf-8").startswith("---\ntitle: ")


def test_every_package_rtdraft_imports_is_declared():
    """Each third-party module the package imports belongs to a distribution pyproject.toml
    names: a requirement, or the extra of the one command that needs it."""
    import ast
    import importlib.metadata
    import re
    import tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = {name: reqs for name, reqs in project["optional-dependencies"].items()
              if name != "test"}

    def names(requirements):
        return {re.split(r"[<>=!~;\[ ]", r)[0].lower().replace("_", "-") for r in requirements}

    declared = names(project["dependencies"])
    optional = {name: names(reqs) for name, reqs in extras.items()}
    distributions = importlib.metadata.packages_distributions()
    missing = set()
    for path in (ROOT / "rtdraft").rglob("*.py"):
        if "uno" in path.parts:          # run by LibreOffice's Python, with its uno module
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                tops = [node.module.split(".")[0]]
            else:
                continue
            for top in tops:
                if top in sys.stdlib_module_names or top == "rtdraft":
                    continue
                dists = {d.lower().replace("_", "-") for d in distributions.get(top, [top])}
                if not dists & (declared | set().union(*optional.values())):
                    missing.add(f"{path.relative_to(ROOT)}: {top}")
    assert missing == set()
    assert optional == {"preview": {"watchfiles"}}
