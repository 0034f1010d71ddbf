"""The pre-commit hooks and the GitHub Actions workflow, run as far as a test can run them."""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support.outlines import MINIMAL, ROOT

# Starts LibreOffice, a browser, pip or npm: `python -m pytest -m 'not system'` leaves it out.
pytestmark = pytest.mark.system

FINAL = MINIMAL.replace("  department: Public Safety Canada\n",
                        "  department: Public Safety Canada\n  date: 2021\n  status: final\n")
BAD = MINIMAL.replace("  - title: Trends\n", "  - titel: Trends\n")


def rtdraft_on_path() -> dict:
    """The environment with the installed rtdraft command first on PATH."""
    scripts = Path(sys.executable).parent
    if not (scripts / "rtdraft").exists():
        message = "the rtdraft command is not installed (pip install -e '.[test]')"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    env = dict(os.environ)
    env["PATH"] = f"{scripts}{os.pathsep}{env.get('PATH', '')}"
    for key in ("GITHUB_ACTIONS", "GITHUB_WORKFLOW"):
        env.pop(key, None)
    return env


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "outlines").mkdir()
    (tmp_path / "outlines" / "spring-2021.yaml").write_text(FINAL)
    (tmp_path / "config.yaml").write_text("name: not an outline\n")
    return tmp_path


HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())


def test_hooks_are_declared():
    assert [h["id"] for h in HOOKS] == ["rtdraft-validate", "rtdraft-lint"]
    for hook in HOOKS:
        assert hook["language"] == "python" and hook["types"] == ["yaml"]


@pytest.mark.parametrize("hook", HOOKS, ids=lambda h: h["id"])
def test_hook_entries_pass_good_outlines_and_skip_other_yaml(hook, repo):
    env = rtdraft_on_path()
    # pre-commit runs `entry` followed by the staged files of the hook's types.
    args = shlex.split(hook["entry"]) + ["outlines/spring-2021.yaml", "config.yaml"]
    result = subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "1 file, 0 problems\n"


@pytest.mark.parametrize("hook", HOOKS, ids=lambda h: h["id"])
def test_hook_entries_fail_a_bad_outline(hook, repo):
    (repo / "outlines" / "bad.yaml").write_text(BAD)
    env = rtdraft_on_path()
    args = shlex.split(hook["entry"]) + ["outlines/bad.yaml"]
    result = subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stdout.startswith("outlines/bad.yaml:12:5: error: sessions[0].titel:")


WORKFLOW = yaml.safe_load((ROOT / "examples" / "ci" / "outlines.yml").read_text())


def _run_steps(repo: Path, env: dict) -> list[subprocess.CompletedProcess]:
    """Run the workflow's own shell steps (not the install) as Actions would, in order."""
    results = []
    for step in WORKFLOW["jobs"]["outlines"]["steps"]:
        if "run" not in step or step["name"].startswith("Install"):   # done here already
            continue
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env,
                                capture_output=True, text=True, check=False)
        results.append(result)
        if result.returncode:
            break
    return results


def test_workflow_validates_lints_and_renders(repo):
    env = rtdraft_on_path() | {"GITHUB_ACTIONS": "true", "GITHUB_WORKFLOW": "outlines"}
    results = _run_steps(repo, env)
    assert [r.returncode for r in results] == [0, 0, 0]
    assert sorted(p.name for p in (repo / "summaries").iterdir()) == [
        "spring-2021.docx", "spring-2021.md"]
    assert WORKFLOW["jobs"]["outlines"]["steps"][-1]["with"]["path"] == "summaries/"


def test_workflow_annotates_a_bad_outline_and_stops(repo):
    (repo / "outlines" / "bad.yaml").write_text(BAD)
    env = rtdraft_on_path() | {"GITHUB_ACTIONS": "true", "GITHUB_WORKFLOW": "outlines"}
    results = _run_steps(repo, env)
    assert [r.returncode for r in results] == [1]
    assert results[0].stdout.splitlines()[0] == (
        "::error file=outlines/bad.yaml,line=12,col=5,title=rtdraft unknown-key::"
        "sessions[0].titel: unknown key 'titel'; did you mean 'title'?")


def test_shell_completion_script():
    env = rtdraft_on_path() | {"_RTDRAFT_COMPLETE": "bash_source"}
    result = subprocess.run(["rtdraft"], env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "complete -o nosort -F _rtdraft_completion rtdraft" in result.stdout


def test_workflow_installs_rtdraft_from_the_repository_at_a_pinned_commit(tmp_path):
    """The install step as written, run against this repository at its current commit."""
    [install] = [s for s in WORKFLOW["jobs"]["outlines"]["steps"]
                 if s.get("name") == "Install rtdraft"]
    assert "git+${RTDRAFT_REPOSITORY}@${RTDRAFT_COMMIT}" in install["run"]
    assert re.fullmatch(r"[0-9a-f]{40}", WORKFLOW["env"]["RTDRAFT_COMMIT"])
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "venv")], check=True)
    # as on a runner, a current pip (older ones refuse a git+file:// requirement URL)
    subprocess.run([str(tmp_path / "venv" / "bin" / "python"), "-m", "pip", "install", "-q",
                    "--upgrade", "pip"], capture_output=True, timeout=300, check=True)
    env = dict(os.environ, RTDRAFT_REPOSITORY=f"file://{ROOT}", RTDRAFT_COMMIT=commit,
               PATH=f"{tmp_path / 'venv' / 'bin'}{os.pathsep}{os.environ['PATH']}")
    env.pop("PYTHONPATH", None)
    result = subprocess.run(["bash", "-e", "-c", install["run"]], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    version = subprocess.run([str(tmp_path / "venv" / "bin" / "rtdraft"), "--version"],
                             capture_output=True, text=True, check=False)
    assert version.stdout.startswith("rtdraft, version ")


def test_readme_pre_commit_rev_is_a_commit_id_and_says_how_to_pin_it():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    config = yaml.safe_load(re.search(r"```yaml\n(repos:.*?)```", readme, re.DOTALL).group(1))
    [repo] = config["repos"]
    assert re.fullmatch(r"[0-9a-f]{40}", repo["rev"])   # no tag that does not exist
    assert [h["id"] for h in repo["hooks"]] == [h["id"] for h in HOOKS]
    assert "pre-commit autoupdate --freeze" in readme


def test_readme_quick_start_works_where_pip_refuses_system_wide_installs(tmp_path):
    """The two commands as written, with the system's python3, in a copy of the checkout."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1]
    commands = re.search(r"```sh\n(.*?)```", quick, re.DOTALL).group(1)
    assert len(commands.strip().splitlines()) == 2
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                           check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    system = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8"}
    marker = subprocess.run(["python3", "-c", ("import sysconfig; print(sysconfig.get_path("
                             "'stdlib'))")], env=system, capture_output=True, text=True,
                            check=True).stdout.strip()
    # This machine's python3 (Debian's) is the kind that refuses: the test is about it.
    assert (Path(marker) / "EXTERNALLY-MANAGED").is_file()
    result = subprocess.run(["bash", "-e", "-c", commands], cwd=tmp_path, env=system,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("wrote examples/fall-2019-winnipeg.docx\n"
                                  "wrote examples/fall-2019-winnipeg.md\n")
