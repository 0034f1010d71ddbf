"""What the spelling and plain-language rules cost. Run by hand:
python benchmarks/lint_spelling.py [--runs 15] [--refreshes 21]

- whole processes, with farm-bench (the machine's paired-run timer) when it is on
  PATH, else alternating runs timed here: `rtdraft lint` of the Fall 2019 example
  (A) against the same command with both rules disabled (B: lint as it was before
  them; their modules are imported only when they run); the ratio A/B, pair by pair;
- in one process, as the preview does after a save: Preview.refresh() of the same
  outline (validate, render the page, lint, reading levels) after a first one has
  loaded the dictionaries; median and worst of the refreshes.

Not part of the test suite: timings depend on the machine. Goals: A/B under 2; a
refresh under 100 ms. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "fall-2019-winnipeg.yaml"
RTDRAFT = [sys.executable, "-m", "rtdraft", "lint"]
OFF = ["--disable", "spelling", "--disable", "plain-language"]


def processes(runs: int) -> str:
    with_rules = [*RTDRAFT, str(EXAMPLE)]
    without = [*RTDRAFT, *OFF, str(EXAMPLE)]
    if shutil.which("farm-bench"):
        done = subprocess.run(["farm-bench", "-n", str(runs), "--vs", " ".join(without), "--",
                               *with_rules], capture_output=True, text=True, check=False)
        return done.stdout + done.stderr
    ratios, times = [], {"A": [], "B": []}
    for _ in range(runs):
        pair = {}
        for name, command in (("A", with_rules), ("B", without)):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False)
            pair[name] = time.perf_counter() - start
            times[name].append(pair[name])
        ratios.append(pair["A"] / pair["B"])
    return (f"A median {statistics.median(times['A']):.3f} s, B median "
            f"{statistics.median(times['B']):.3f} s, A/B median {statistics.median(ratios):.2f}")


def refreshes(count: int) -> str:
    sys.path.insert(0, str(ROOT))
    from rtdraft.commands.preview import Preview

    preview = Preview(EXAMPLE)
    start = time.perf_counter()
    preview.refresh()
    first = time.perf_counter() - start
    times, cpu = [], []
    for _ in range(count):
        start, start_cpu = time.perf_counter(), time.process_time()
        preview.refresh()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return (f"preview refresh: first {first * 1000:.0f} ms (dictionaries loaded), then "
            f"median {statistics.median(times) * 1000:.0f} ms wall, "
            f"{statistics.median(cpu) * 1000:.0f} ms CPU; worst {max(times) * 1000:.0f} ms"
            f" wall over {count}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--refreshes", type=int, default=21)
    args = parser.parse_args()
    print(processes(args.runs))
    print(refreshes(args.refreshes))


if __name__ == "__main__":
    main()
