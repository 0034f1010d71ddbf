"""The score table of docs/testing.md, "Mutation testing", from mutmut's results in mutants/.

    python scripts/mutation_scores.py [MODULE_PREFIX ...]
    python scripts/mutation_scores.py --left [MODULE_PREFIX ...]

One row per module that has mutants (only those under the prefixes given, if any):
mutants, then how many mutmut found killed, survived, with no test, timed out, and not
yet run, and the time its children spent on the module's mutants.

--left estimates, module by module, the children's time the mutants not yet run will take,
from what the run so far measured: the share of mutants that survive, the time a killed
mutant takes, and a survivor's time against mutmut's estimate (the time of every test
that reaches its function, measured when the stats were made).
"""

import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

COLUMNS = ("killed", "survived", "no tests", "timeout", "not checked")
FOLDER = Path("mutants")


def metas(prefixes: list[str]):
    for meta in sorted(FOLDER.glob("rtdraft/**/*.py.meta")):
        module = meta.relative_to(FOLDER).as_posix().removesuffix(".meta")
        if not prefixes or any(module.startswith(p) for p in prefixes):
            data = json.loads(meta.read_text(encoding="utf-8"))
            if data.get("exit_code_by_key"):
                yield module, data


def scores(prefixes: list[str]) -> None:
    print("| module | mutants | " + " | ".join(COLUMNS) + " | other | children's time |")
    print("| --- | ---: | " + " | ".join("---:" for _ in COLUMNS) + " | ---: | ---: |")
    for module, data in metas(prefixes):
        codes = data["exit_code_by_key"]
        counts = Counter(status_by_exit_code[code] for code in codes.values())
        other = len(codes) - sum(counts[c] for c in COLUMNS)
        seconds = sum(data.get("durations_by_key", {}).values())
        cells = " | ".join(str(counts[c]) for c in COLUMNS)
        print(f"| `{module}` | {len(codes)} | {cells} | {other} | {seconds / 60:.0f} min |")


def left(prefixes: list[str]) -> None:
    every = list(metas([]))
    killed, survived, ratios = [], [], []
    for _, data in every:
        durations = data.get("durations_by_key", {})
        estimates = data.get("estimated_durations_by_key", {})
        for key, code in data["exit_code_by_key"].items():
            if key not in durations:
                continue
            status = status_by_exit_code[code]
            if status == "killed":
                killed.append(durations[key])
            elif status == "survived":
                survived.append(durations[key])
                if estimates.get(key):
                    ratios.append(durations[key] / estimates[key])
    share = len(survived) / (len(survived) + len(killed))
    kill, ratio = statistics.mean(killed), statistics.median(ratios)
    print(f"measured on {len(killed) + len(survived)} mutants: {share:.0%} survive; a killed "
          f"one takes {kill:.1f} s; a survivor {ratio:.2f} times mutmut's estimate")
    stats = json.loads((FOLDER / "mutmut-stats.json").read_text(encoding="utf-8"))
    seconds_of = stats["duration_by_test"]
    reach = {name: sum(seconds_of.get(t, 0) for t in tests)
             for name, tests in stats["tests_by_mangled_function_name"].items()}
    total = 0.0
    for module, data in every:
        if prefixes and not any(module.startswith(p) for p in prefixes):
            continue
        waiting = [k for k, code in data["exit_code_by_key"].items() if code is None]
        cost = sum(share * reach.get(re.sub(r"__mutmut_\d+$", "", k), 0) * ratio
                   + (1 - share) * kill for k in waiting)
        total += cost
        if waiting:
            print(f"{module}: {len(waiting)} not yet run, {cost / 3600:.1f} child-hours")
    print(f"in all: {total / 3600:.1f} child-hours")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--left"]:
        left(sys.argv[2:])
    else:
        scores(sys.argv[1:])
