"""Whole processes timed as a user runs them, alone or in pairs against a peer.

Shared by the benchmarks that compare rtdraft with pandoc: wall and processor
seconds (user + system, from wait4: steadier than the wall on a busy machine)
and peak memory of one process; pairs alternate which command goes first, so
a cache or a neighbour's load favours neither.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time


def rtdraft() -> list[str]:
    found = shutil.which("rtdraft")
    return [found] if found else [sys.executable, "-m", "rtdraft"]


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, processor seconds and peak memory in MB of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()}")
    process.stderr.close()
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def paired(ours_cmd: list[str], theirs_cmd: list[str], runs: int) -> tuple[list, list]:
    """timed() of each run of both commands, in pairs, after one run of each to warm
    the file and byte-code caches."""
    timed(ours_cmd), timed(theirs_cmd)
    ours, theirs = [], []
    for run in range(runs):
        pair = [("ours", ours_cmd), ("theirs", theirs_cmd)]
        if run % 2:
            pair.reverse()
        result = {name: timed(command) for name, command in pair}
        ours.append(result["ours"])
        theirs.append(result["theirs"])
    return ours, theirs
