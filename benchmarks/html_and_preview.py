"""The web edition's speed. Run by hand: python benchmarks/html_and_preview.py

- `rtdraft render OUTLINE --format html` against `pandoc SUMMARY.md -s -o SUMMARY.html`
  converting rtdraft's own Markdown of the same outline to a standalone page; whole
  processes, paired runs in alternating order, medians, the ratio rtdraft / pandoc;
- the floor: the interpreter that runs rtdraft importing the libraries the web page
  cannot do without (click, cerberus, Jinja2 and PyYAML) and nothing else, against the
  same pandoc run; what is left of pandoc's time after it is all that rtdraft's own
  imports, validation and rendering could take for a ratio below 1.0;
- `rtdraft preview`: from the save of the outline to the open page (Debian's chromium,
  headless) showing the new text, reloaded by itself; 20 saves, median and worst.

Not part of the test suite: timings depend on the machine. Goals: ratio below 1.0;
save to updated page within 300 ms for the Fall 2019 example. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_vs_pandoc import EXAMPLE, ROOT, paired, rtdraft, scaled

TITLE = "title: Fall 2019 Law Enforcement Roundtable on Illicit Drugs"


def html_vs_pandoc(folder: Path, outline: Path, runs: int) -> dict:
    subprocess.run(rtdraft() + ["render", str(outline), "--format", "md", "-o", str(folder)],
                   check=True, stdout=subprocess.DEVNULL)
    ours_cmd = rtdraft() + ["render", str(outline), "--format", "html", "-o", str(folder)]
    theirs_cmd = ["pandoc", str(folder / (outline.stem + ".md")), "-s", "-o",
                  str(folder / "pandoc.html")]
    ours, theirs, ratios = paired(ours_cmd, theirs_cmd, runs)
    return {"rtdraft": statistics.median(t for t, _ in ours),
            "pandoc": statistics.median(t for t, _ in theirs), "ratio": statistics.median(ratios)}


LIBRARIES = "import click, cerberus, jinja2, yaml"


def interpreter() -> str:
    """The Python that runs the rtdraft command (its script's first line), or this one."""
    command = rtdraft()[0]
    if command == sys.executable:
        return command
    with open(command, "rb") as script:
        first = script.readline().decode()
    return first[2:].strip() if first.startswith("#!") else sys.executable


def floor_vs_pandoc(folder: Path, runs: int) -> dict:
    """The fixed libraries' import alone, against pandoc's whole page (after html_vs_pandoc,
    which writes the Markdown)."""
    markdown = folder / (EXAMPLE.stem + ".md")
    ours, theirs, ratios = paired([interpreter(), "-c", LIBRARIES],
                                  ["pandoc", str(markdown), "-s", "-o",
                                   str(folder / "pandoc.html")], runs)
    return {"rtdraft": statistics.median(t for t, _ in ours),
            "pandoc": statistics.median(t for t, _ in theirs), "ratio": statistics.median(ratios)}


def preview_latency(folder: Path, saves: int) -> list[int]:
    outline = folder / "fall.yaml"
    shutil.copy(EXAMPLE, outline)
    good = outline.read_text(encoding="utf-8")
    plan = [{"content": good.replace(TITLE, f"{TITLE} (save {n})", 1),
             "expect": f"Illicit Drugs (save {n})", "pause": 300} for n in range(1, saves + 1)]
    (folder / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    process = subprocess.Popen(rtdraft() + ["preview", str(outline)], stdout=subprocess.PIPE,
                               text=True)
    try:
        url = re.search(r"(http://\S+/)", process.stdout.readline()).group(1)
        result = subprocess.run(["node", str(ROOT / "tests" / "browser" / "preview_session.js"),
                                 url, str(outline), str(folder / "plan.json")], cwd=ROOT,
                                capture_output=True, text=True, check=True, timeout=600)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return [step["ms"] for step in json.loads(result.stdout)["steps"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="paired runs")
    parser.add_argument("--saves", type=int, default=20, help="saves in the preview")
    args = parser.parse_args()
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True,
                             check=True).stdout.splitlines()[0]
    print(f"rtdraft: {' '.join(rtdraft())}; {version}; Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        for times in (1, 20):
            outline = scaled(Path(tmp), times)
            figures = html_vs_pandoc(Path(tmp), outline, args.runs)
            print(f"Fall 2019 x{times} ({outline.stat().st_size // 1000} KB) to HTML: rtdraft "
                  f"{figures['rtdraft']:.3f} s, pandoc -s {figures['pandoc']:.3f} s, "
                  f"ratio {figures['ratio']:.2f} (median of {args.runs} pairs)")
            if times == 1:
                floor = floor_vs_pandoc(Path(tmp), args.runs)
                print(f"  floor, `{LIBRARIES}` alone: {floor['rtdraft']:.3f} s, pandoc -s "
                      f"{floor['pandoc']:.3f} s, ratio {floor['ratio']:.2f}")
        latencies = preview_latency(Path(tmp), args.saves)
        print(f"preview, save to updated page: median {statistics.median(latencies):.0f} ms, "
              f"min {min(latencies)} ms, max {max(latencies)} ms over {len(latencies)} saves")
        print("  each:", " ".join(map(str, latencies)))


if __name__ == "__main__":
    main()
