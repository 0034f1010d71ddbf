"""Helpers for the tests that drive Debian's chromium through puppeteer-core (node)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from readers import need

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
    result = subprocess.run([node, str(SCRIPTS / name), *map(str, args)], cwd=ROOT,
                            capture_output=True, text=True, timeout=timeout, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)
