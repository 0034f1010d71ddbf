"""How fast is `rtdraft import`, next to pandoc's own DOCX reader? Run by hand:
python benchmarks/import_vs_pandoc.py

Whole processes, as a user runs them, on the Fall 2019 example's DOCX (rendered by
rtdraft first): `rtdraft import FALL.docx -o FALL.yaml` against `pandoc -f docx -t
markdown FALL.docx -o FALL.md`, in pairs, alternating which goes first; medians of the
wall times, of the processor times (user + system, from wait4: steadier than the wall
on a busy machine) and of each pair's ratios; peak memory of each process.

Not part of the test suite: timings depend on the machine. Goal (issue 22): a ratio of
at most 1.0. Install rtdraft as a user does (`pip install .`, not editable) and leave
PYTHONDONTWRITEBYTECODE unset, so that Python's byte code is cached as it is for a user.
Results and the profile behind them: docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from pairs import paired, rtdraft  # beside this script

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "fall-2019-winnipeg.yaml"


def compare(ours_cmd: list[str], theirs_cmd: list[str], runs: int) -> dict:
    ours, theirs = paired(ours_cmd, theirs_cmd, runs)
    median = statistics.median
    return {
        "rtdraft": median(t for t, _, _ in ours), "pandoc": median(t for t, _, _ in theirs),
        "rtdraft_cpu": median(c for _, c, _ in ours),
        "pandoc_cpu": median(c for _, c, _ in theirs),
        "ratio": median(a[0] / b[0] for a, b in zip(ours, theirs, strict=True)),
        "cpu_ratio": median(a[1] / b[1] for a, b in zip(ours, theirs, strict=True)),
        "rtdraft_mb": max(m for _, _, m in ours), "pandoc_mb": max(m for _, _, m in theirs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="paired runs")
    args = parser.parse_args()
    if not shutil.which("pandoc"):
        raise SystemExit("pandoc is not installed (apt-get install pandoc)")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set: Python's byte code is not cached, as it "
              "is for a user\n")
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True,
                             check=True).stdout.splitlines()[0]
    print(f"rtdraft: {' '.join(rtdraft())}; {version}; Python {sys.version.split()[0]}; "
          f"{os.cpu_count()} cores; {args.runs} paired runs\n")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        docx = folder / "fall-2019.docx"
        subprocess.run(rtdraft() + ["render", str(EXAMPLE), "--format", "docx", "-o",
                                    str(docx)], check=True, stdout=subprocess.DEVNULL)
        row = compare(rtdraft() + ["import", str(docx), "-o", str(folder / "fall.yaml")],
                     ["pandoc", "-f", "docx", "-t", "markdown", str(docx), "-o",
                      str(folder / "fall.md")], args.runs)
    print(f"{'':<10}{'wall':>9}{'cpu':>9}{'peak':>8}")
    print(f"{'rtdraft':<10}{row['rtdraft']:>8.3f}s{row['rtdraft_cpu']:>8.3f}s"
          f"{row['rtdraft_mb']:>5} MB")
    print(f"{'pandoc':<10}{row['pandoc']:>8.3f}s{row['pandoc_cpu']:>8.3f}s"
          f"{row['pandoc_mb']:>5} MB")
    print(f"ratio rtdraft / pandoc: wall {row['ratio']:.2f}, cpu {row['cpu_ratio']:.2f} "
          f"(goal: at most 1.0)")


if __name__ == "__main__":
    main()
