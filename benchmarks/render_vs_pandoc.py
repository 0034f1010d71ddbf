"""How fast is rtdraft, next to pandoc? Run by hand: python benchmarks/render_vs_pandoc.py

Whole processes, as a user runs them:

- `rtdraft render OUTLINE --format docx`, against `pandoc SUMMARY.md -o SUMMARY.docx`
  converting rtdraft's own Markdown of the same outline; paired runs in
  alternating order, medians, printed as the ratio rtdraft / pandoc;
- at the size of the Fall 2019 example and at 10 and 20 times it (its sessions
  repeated), to see how time grows with the outline;
- `rtdraft validate` over 100 outlines in one call;
- ten outlines rendered to DOCX in one `rtdraft render` call against ten pandoc runs
  (goal: at most half); `--format pdf` of the example (goal: under 3 s, LibreOffice's
  start included) and of ten outlines in one call (goal: well under ten times that);
- peak memory (maximum resident set size) of each process.

Not part of the test suite: timings depend on the machine. Goals: ratio at most
1.0 at the example's size and at most 0.6 at 20 times; time linear in size.
Results and method: docs/performance.md.
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

import yaml
from pairs import paired, rtdraft, timed  # beside this script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from rtdraft.outline.source import read

EXAMPLE = ROOT / "examples" / "fall-2019-winnipeg.yaml"


class NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def scaled(folder: Path, times: int) -> Path:
    """The example with its sessions repeated `times` times (titles numbered)."""
    if times == 1:
        return EXAMPLE
    data = read(EXAMPLE).data
    sessions = data["sessions"]
    data["sessions"] = [dict(s, title=f"{s['title']} ({n + 1})") for n in range(times)
                        for s in sessions]
    path = folder / f"fall-2019-x{times}.yaml"
    path.write_text(yaml.dump(data, Dumper=NoAliases, allow_unicode=True, sort_keys=False,
                              width=100), encoding="utf-8")
    return path


def compare(folder: Path, outline: Path, runs: int) -> dict:
    subprocess.run(rtdraft() + ["render", str(outline), "--format", "md", "-o", str(folder)],
                   check=True, stdout=subprocess.DEVNULL)
    markdown = folder / (outline.stem + ".md")
    ours_cmd = rtdraft() + ["render", str(outline), "--format", "docx", "-o", str(folder)]
    theirs_cmd = ["pandoc", str(markdown), "-o", str(folder / "pandoc.docx")]
    ours, theirs = paired(ours_cmd, theirs_cmd, runs)
    return {
        "size": outline.stat().st_size,
        "rtdraft": statistics.median(t for t, _, _ in ours),
        "pandoc": statistics.median(t for t, _, _ in theirs),
        "ratio": statistics.median(a[0] / b[0] for a, b in zip(ours, theirs, strict=True)),
        "rtdraft_mb": max(m for _, _, m in ours),
        "pandoc_mb": max(m for _, _, m in theirs),
    }


def validate_many(folder: Path, count: int, runs: int) -> tuple[float, int]:
    many = folder / "many"
    many.mkdir()
    for n in range(count):
        shutil.copy(EXAMPLE, many / f"outline-{n:03}.yaml")
    results = [timed(rtdraft() + ["validate", str(many)]) for _ in range(runs)]
    return statistics.median(t for t, _, _ in results), max(m for _, _, m in results)


def ten_in_one_call(folder: Path, runs: int) -> dict:
    """Ten copies of the example in one render call, against ten pandoc runs; and as PDF."""
    ten, out = folder / "ten", folder / "ten-out"
    ten.mkdir()
    out.mkdir()
    for n in range(10):
        shutil.copy(EXAMPLE, ten / f"outline-{n}.yaml")
    markdown = folder / (EXAMPLE.stem + ".md")
    ours_cmd = rtdraft() + ["render", str(ten), "--format", "docx", "-o", str(out)]
    ratios, ours, theirs = [], [], []
    for run in range(runs):
        pandoc = lambda: sum(timed(["pandoc", str(markdown), "-o", str(folder / "p.docx")])[0]
                             for _ in range(10))
        first, second = (lambda: timed(ours_cmd)[0], pandoc)[::1 if run % 2 else -1]
        a, b = first(), second()
        mine, theirs_ = (a, b) if run % 2 else (b, a)
        ours.append(mine)
        theirs.append(theirs_)
        ratios.append(mine / theirs_)
    pdf_one = [timed(rtdraft() + ["render", str(EXAMPLE), "--format", "pdf", "-o", str(out)])[0]
               for _ in range(max(3, runs // 2))]
    pdf_ten = [timed(rtdraft() + ["render", str(ten), "--format", "pdf", "-o", str(out)])[0]
               for _ in range(3)]
    return {"ours": statistics.median(ours), "pandoc": statistics.median(theirs),
            "ratio": statistics.median(ratios), "pdf_one": statistics.median(pdf_one),
            "pdf_ten": statistics.median(pdf_ten)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="paired runs per size")
    args = parser.parse_args()
    if not shutil.which("pandoc"):
        raise SystemExit("pandoc is not installed (apt-get install pandoc)")
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True,
                             check=True).stdout.splitlines()[0]
    print(f"rtdraft: {' '.join(rtdraft())}; {version}; Python {sys.version.split()[0]}; "
          f"{os.cpu_count()} cores; {args.runs} paired runs per size\n")
    print(f"{'outline':<22}{'size':>10}{'rtdraft':>10}{'pandoc':>10}{'ratio':>8}{'goal':>7}"
          f"{'rtdraft MB':>12}{'pandoc MB':>11}")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        rows = {}
        for times, goal in ((1, 1.0), (10, None), (20, 0.6)):
            outline = scaled(folder, times)
            row = rows[times] = compare(folder, outline, args.runs)
            verdict = "" if goal is None else ("met" if row["ratio"] <= goal else "missed")
            print(f"{'Fall 2019 x' + str(times):<22}{row['size'] / 1024:>8.0f}KB"
                  f"{row['rtdraft']:>9.3f}s{row['pandoc']:>9.3f}s{row['ratio']:>8.2f}"
                  f"{verdict:>7}{row['rtdraft_mb']:>12}{row['pandoc_mb']:>11}")
        def rate(times: int) -> float:   # seconds per MB of text added to the example
            added = (rows[times]["size"] - rows[1]["size"]) / 1024 / 1024
            return (rows[times]["rtdraft"] - rows[1]["rtdraft"]) / added
        print(f"\ngrowth: {rate(10):.2f} s per added MB up to x10, {rate(20):.2f} s per added MB "
              f"up to x20 (equal rates: linear)")
        many = ten_in_one_call(folder, max(3, args.runs // 2))
        print(f"ten outlines to DOCX in one call: {many['ours']:.3f}s, ten pandoc runs "
              f"{many['pandoc']:.3f}s, ratio {many['ratio']:.2f} (goal 0.5)")
        print(f"--format pdf: one outline {many['pdf_one']:.2f}s (goal 3 s), ten in one call "
              f"{many['pdf_ten']:.2f}s")
        elapsed, memory = validate_many(folder, 100, max(3, args.runs // 3))
        print(f"rtdraft validate over 100 outlines in one call: {elapsed:.2f}s "
              f"({elapsed * 10:.1f} ms an outline), peak {memory} MB")


if __name__ == "__main__":
    main()
