"""The score table of docs/testing.md, "Mutation testing", from mutmut's results in mutants/.

    python scripts/mutation_scores.py [MODULE_PREFIX ...]

One row per module that has mutants (only those under the prefixes given, if any):
mutants, then how many mutmut found killed, survived, with no test, timed out, and not
yet run, and the time its children spent on the module's mutants.
"""

import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

COLUMNS = ("killed", "survived", "no tests", "timeout", "not checked")


def rows(folder: Path, prefixes: list[str]):
    for meta in sorted(folder.glob("rtdraft/**/*.py.meta")):
        module = meta.relative_to(folder).as_posix().removesuffix(".meta")
        if prefixes and not any(module.startswith(p) for p in prefixes):
            continue
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes = data.get("exit_code_by_key", {})
        if not codes:
            continue
        counts = Counter(status_by_exit_code[code] for code in codes.values())
        seconds = sum(data.get("durations_by_key", {}).values())
        yield module, len(codes), counts, seconds


def main(argv: list[str]) -> None:
    print("| module | mutants | " + " | ".join(COLUMNS) + " | other | children's time |")
    print("| --- | ---: | " + " | ".join("---:" for _ in COLUMNS) + " | ---: | ---: |")
    for module, total, counts, seconds in rows(Path("mutants"), argv):
        other = total - sum(counts[c] for c in COLUMNS)
        cells = " | ".join(str(counts[c]) for c in COLUMNS)
        print(f"| `{module}` | {total} | {cells} | {other} | {seconds / 60:.0f} min |")


if __name__ == "__main__":
    main(sys.argv[1:])
