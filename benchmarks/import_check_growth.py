"""`rtdraft import --check` against `rtdraft import` as a Word draft grows. Run by hand:
python benchmarks/import_check_growth.py [--sessions 500 1000 2000 4000]

The draft: typed in Word's built-in styles (tests/support/worddraft.py), with N Heading 2
sessions, every other one with a paragraph holding a [[placeholder]] and the others with
no text, so that --check has a report line per empty session (each placed by its heading)
and a warning per placeholder. Linear growth: time per 1,000 sessions stays about the
same, and --check costs import's time plus validate's and lint's. Results:
docs/performance.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.worddraft import LINES, draft

from rtdraft.importer import import_docx
from rtdraft.importer.check import check_docx


def word_draft(folder: Path, sessions: int) -> Path:
    lines = LINES[:7]
    for i in range(1, sessions + 1):
        lines.append(("Heading 2", f"Plenary Session {i}: Topic number {i}"))
        if i % 2:
            lines.append(("Normal", f"Text of session {i} with words [[x{i}]]."))
    return draft(folder / f"draft-{sessions}.docx", lines + LINES[11:])


def best(run, times: int = 3) -> float:
    out = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        out.append(time.perf_counter() - start)
    return min(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, nargs="+", default=[500, 1000, 2000, 4000])
    print("sessions  import  --check  --check per 1,000 sessions  lines")
    with tempfile.TemporaryDirectory() as folder:
        for sessions in parser.parse_args().sessions:
            path = word_draft(Path(folder), sessions)
            imported = best(lambda p=path: import_docx(p))
            checked = best(lambda p=path: check_docx(p))
            lines = len(check_docx(path).findings)
            print(f"{sessions:8,}  {imported:5.2f} s  {checked:6.2f} s  "
                  f"{checked / sessions * 1000:13.2f} s  {lines:6,}")


if __name__ == "__main__":
    main()
