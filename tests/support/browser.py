"""Helpers for the tests that drive Debian's chromium through puppeteer-core (node)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from support.outlines import ROOT
from support.readers import need

SCRIPTS = ROOT / "tests" / "browser"
CHROMIUM = "/usr/bin/chromium"


def need_browser() -> str:
    """node, the npm packages (npm ci) and Debian's chromium, or a failure in CI."""
    node = need("node")
    missing = [what for what, there in (
        (CHROMIUM, Path(CHROMIUM).exists()),
        ("node_modules (run npm ci)", (ROOT / "node_modules" / "puppeteer-core").is_dir()),
    ) if not there]
    if missing:
        message = f"{', '.join(missing)} missing (.ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return node


def run_script(name: str, *args, timeout: int = 240) -> object:
    """Run a script of tests/browser and return the JSON it prints."""
    node = need_browser()
    # A session of its own, so that a run that hangs is ended with its chromium.
    process = subprocess.Popen([node, str(SCRIPTS / name), *map(str, args)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"{name} took more than {timeout} s")
    assert process.returncode == 0, err[-3000:]
    return json.loads(out)
