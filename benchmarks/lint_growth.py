"""Lint's time against the length of one paragraph full of findings. Run by hand:
python benchmarks/lint_growth.py [--words 10000 20000 40000 80000]

One outline per size, valid, whose one paragraph repeats a sentence with several
findings (an undefined abbreviation, a Latin abbreviation, a doubled number, mixed
quotes, an ordinal date). Linear growth: time per 1,000 words stays about the same;
quadratic: doubling the words quadruples the time. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from outlines import OUTLINE  # beside this script

from rtdraft.lint import lint
from rtdraft.outline.source import read
from rtdraft.outline.validate import validate

SENTENCE = ('The RCMP met on March 3rd, e.g. with "partners" and ‘agencies’ about '
            "five (5) cases. ")   # 20 words, 5 findings or more



def outline(folder: Path, words: int) -> Path:
    paragraph = (SENTENCE * (words // 20)).strip().replace("'", "''")
    path = folder / f"w{words}.yaml"
    path.write_text(OUTLINE.format(paragraph=f"'{paragraph}'"), encoding="utf-8")
    return path


def measure(path: Path) -> tuple[float, int]:
    source = read(path)
    assert not validate(source), validate(source)[:3]
    started = time.perf_counter()
    problems = lint(source)
    return time.perf_counter() - started, len(problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="+", default=[10_000, 20_000, 40_000, 80_000])
    args = parser.parse_args()
    print("| words | findings | lint | per 1,000 words |")
    print("| ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for words in args.words:
            seconds, found = measure(outline(Path(folder), words))
            print(f"| {words:,} | {found:,} | {seconds:.2f} s | {1e6 * seconds / words:.1f} ms |",
                  flush=True)


if __name__ == "__main__":
    main()
