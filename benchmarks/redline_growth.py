"""The Markdown redline's time against the length of one paragraph. Run by hand:
python benchmarks/redline_growth.py [--words 4000 8000 16000 32000]

The worst shape for a word diff: a paragraph of words drawn from eight, and the new
draft with every 50th word changed (the ends differ too, so that cutting the common
start and end does not help); in sentences of 12 words, then as one sentence.
Linear growth: time per 1,000 words stays about the same. The DOCX redline's
footnotes and table cells use the same diff. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from outlines import OUTLINE  # beside this script

from rtdraft.commands.redline import markdown
from rtdraft.pipeline import build, read

WORDS = ["police", "data", "crime", "health", "drug", "trends", "safety", "border"]



def drafts(words: int, sentence: int) -> tuple[str, str]:
    """Two drafts of one paragraph: `words` words, a full stop every `sentence` words."""
    pick = random.Random(words)
    old = [pick.choice(WORDS) + ("." if i % sentence == sentence - 1 else "")
           for i in range(words)]
    new = [w.upper() if i % 50 == 0 else w for i, w in enumerate(old)]
    new[-1] = "end."
    return " ".join(old), " ".join(new)


def outline(folder: Path, name: str, paragraph: str):
    path = folder / name
    path.write_text(OUTLINE.format(paragraph=paragraph), encoding="utf-8")
    checked = read(str(path))
    assert checked.valid and not checked.problems, checked.problems[:3]
    return build(checked)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, nargs="+", default=[4000, 8000, 16000, 32000])
    with tempfile.TemporaryDirectory() as folder:
        for sentence in (12, 10**9):
            print("sentences of 12 words" if sentence == 12 else "one sentence")
            for words in parser.parse_args().words:
                measure(Path(folder), words, sentence)


def measure(folder: Path, words: int, sentence: int) -> None:
    old, new = drafts(words, sentence)
    before = outline(folder, "old.yaml", old)
    after = outline(folder, "new.yaml", new)
    start = time.perf_counter()
    _, count = markdown(before, after)
    took = time.perf_counter() - start
    print(f"{words:>7} words: {took:6.2f} s ({1000 * took / words:5.3f} s per 1,000 words), "
          f"{count} changes")


if __name__ == "__main__":
    main()
