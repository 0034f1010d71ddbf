"""Import DOCX files nobody here wrote. Run by hand: python benchmarks/import_corpus.py FOLDER

Every .docx under FOLDER (the test files of other projects' suites: pandoc, python-docx,
mammoth, Apache POI, Open-XML-SDK; collected as docs/import-corpus.md says, never
committed) goes through

    rtdraft import FILE -o OUT.yaml --report   (again with --changes accept on exit 8)
    rtdraft validate OUT.yaml
    rtdraft render OUT.yaml --format md

and the words of the outline are compared with pandoc's own reading of the file
(`pandoc -f docx -t plain`): survival is the share of pandoc's words found in the same
order among the outline's words (the longest common subsequence), summed over the files
weighted by their words.

In-process by default: each file runs in a forked child of this process (rtdraft already
imported), the commands called through click as the command line calls them, so that the
outcomes and messages are those of the command; time is the import command's own time,
without Python's start (about 0.3 s more as a whole process). --processes runs the three
commands as whole processes instead and times the import process. Peak memory is the
child's maximum resident set size (the parent's, about 80 MB, included).

Printed: outcomes (imported; refused, grouped by message; failed: tracebacks, outlines
that do not validate or do not render, hung), messages in Python's words or showing an
internal mark, survival, the files that lose the most words, and time and memory.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import re
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Words of Python, not of a person: a refusal must say what is wrong and what to do.
PYTHON_WORDS = re.compile(
    r"\(None\)|NoneType|has no attribute|in collection|list\.remove|not in list|"
    r"KeyError|IndexError|TypeError|ValueError|AttributeError|object is not|"
    r"unexpected keyword|positional argument|\\U000f|[\U000F0000-\U000FFFFD]")
# A word: a run of letters and digits, or one Han, kana or Hangul character (those scripts
# put no spaces between words: a sentence would be one word, and any change all of it).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
WORD = re.compile(f"[{_CJK}]|(?:(?![{_CJK}])\\w)+")
CACHE_VERSION = "3"   # of the words kept for pandoc: NFKC since 2, CJK since 3
TIMEOUT = 60


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--processes", action="store_true",
                        help="whole processes instead of forked children")
    parser.add_argument("--cache", type=Path,
                        default=Path.home() / ".cache" / "rtdraft-import-corpus",
                        help="where pandoc's readings are kept between runs")
    parser.add_argument("--json", type=Path, help="also write every file's result here")
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    parser.add_argument("--only", default="", help="only the files whose path holds this")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.suffix.lower() == ".docx"
                   and p.is_file() and args.only in str(p))
    if not files:
        raise SystemExit(f"{args.folder}: no .docx files")
    args.cache.mkdir(parents=True, exist_ok=True)
    if not args.processes:   # loaded once, before the children fork
        for module in ("rtdraft.cli", "rtdraft.importer", "rtdraft.render.markdown",
                       "rtdraft.outline.validate"):
            importlib.import_module(module)
    results = []
    for i, path in enumerate(files, 1):
        result = run_file(path, args.processes)
        result["name"] = str(path.relative_to(args.folder))
        result["project"] = result["name"].split(os.sep)[0]
        reference = pandoc_words(path, args.cache)
        if reference is not None and result.get("words") is not None:
            result["pandoc"] = len(reference)
            result["found"] = common(reference, result.pop("words"))
        else:
            result.pop("words", None)
            result["pandoc_refused"] = reference is None
        results.append(result)
        print(f"\r{i}/{len(files)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print(table(results, args.processes, args.markdown))


def run_file(path: Path, processes: bool) -> dict:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "out.yaml"
        if processes:
            return _chain(path, out, _whole_process)
        return _forked(lambda: _chain(path, out, _in_process))


def _whole_process(args: list[str]) -> tuple[int, str, float, int]:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "rtdraft", *args],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = child.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return -1, "hung", TIMEOUT, 0
    elapsed = time.perf_counter() - start
    text = (out + err).decode("utf-8", "replace")
    return child.returncode, text, elapsed, 0


def _in_process(args: list[str]) -> tuple[int, str, float, int]:
    from click.testing import CliRunner

    from rtdraft.cli import main as cli
    start = time.perf_counter()
    result = CliRunner().invoke(cli, args, catch_exceptions=True)
    elapsed = time.perf_counter() - start
    text = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        text += "\nTraceback (most recent call last):\n" + "".join(
            traceback.format_exception(result.exception))
        return 99, text, elapsed, 0
    return result.exit_code, text, elapsed, 0


def _chain(path: Path, out: Path, run) -> dict:
    result: dict = {"changes": False}
    code, text, elapsed, _ = run(["import", str(path), "-o", str(out), "--report"])
    if code == 8:   # tracked changes: say so, then import them accepted (as pandoc reads them)
        result["changes"] = True
        code, text, elapsed, _ = run(["import", str(path), "-o", str(out), "--report",
                                      "--changes", "accept"])
    result["seconds"] = elapsed
    result["messages"] = [line for line in text.splitlines() if line.strip()]
    if "Traceback (most recent call last)" in text or code not in (0, 7, 8):
        result["outcome"] = "traceback" if "Traceback" in text else f"exit {code}"
        return result
    if code != 0:
        result["outcome"] = "refused"
        return result
    code, text, _, _ = run(["validate", str(out)])
    if code != 0:
        result["outcome"] = "does not validate"
        result["messages"] += text.splitlines()
        return result
    md = out.with_suffix(".md")
    code, text, _, _ = run(["render", str(out), "--format", "md", "-o", str(md)])
    if code != 0 or not md.exists():
        result["outcome"] = "does not render"
        result["messages"] += text.splitlines()
        return result
    result["outcome"] = "imported"
    result["words"] = outline_words(yaml.safe_load(out.read_text(encoding="utf-8")))
    return result


def _forked(work) -> dict:
    """work() in a forked child; its result, its peak memory, or what stopped it."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:   # the child
        os.close(read_end)
        try:
            data = json.dumps(work()).encode()
        except BaseException:   # noqa: BLE001 - the benchmark's own failure, reported
            data = json.dumps({"outcome": "traceback", "seconds": 0,
                               "messages": traceback.format_exc().splitlines()}).encode()
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        os._exit(0)
    os.close(write_end)
    chunks, deadline = [], time.monotonic() + TIMEOUT
    with os.fdopen(read_end, "rb") as pipe:
        while True:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([pipe], [], [], max(left, 0))
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.wait4(pid, 0)
                return {"outcome": "hung", "seconds": TIMEOUT, "messages": []}
            chunk = os.read(pipe.fileno(), 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    _, status, usage = os.wait4(pid, 0)
    try:
        result = json.loads(b"".join(chunks))
    except ValueError:
        result = {"outcome": f"died ({status})", "seconds": 0, "messages": []}
    result["memory_mb"] = usage.ru_maxrss / 1024
    return result


def outline_words(data) -> list[str]:
    """The outline's words in reading order; footnotes last, as pandoc prints them."""
    words: list[str] = []

    def walk(value, key=None):
        if isinstance(value, str):
            words.extend(_words(value))
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for k, v in value.items():
                if k != "footnotes":
                    walk(v, k)
    walk(data)
    if isinstance(data, dict):
        walk(data.get("footnotes"))
    return words


def _words(text: str) -> list[str]:
    """Words compared: NFKC, so that pandoc's m² (a superscript it writes as a character)
    is rtdraft's m2 (the run's formatting, which an outline does not keep), lower case."""
    return [w.lower() for w in WORD.findall(unicodedata.normalize("NFKC", text))]


def pandoc_words(path: Path, cache: Path) -> list[str] | None:
    """pandoc's words for the file, or None when pandoc cannot read it."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    kept = cache / f"{digest}-{CACHE_VERSION}.json"
    if kept.exists():
        return json.loads(kept.read_text())
    try:
        done = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(path)],
                              capture_output=True, timeout=TIMEOUT, check=False)
        words = _words(done.stdout.decode("utf-8", "replace")) if done.returncode == 0 \
            else None
    except subprocess.TimeoutExpired:
        words = None
    kept.write_text(json.dumps(words))
    return words


def common(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two word lists, bit-parallel (Hyyro
    2004): one big-integer step per word of `a`, so that files of 50,000 words take
    seconds, not hours."""
    if not a or not b:
        return 0
    where: dict[str, int] = {}
    for i, word in enumerate(b):
        where[word] = where.get(word, 0) | (1 << i)
    mask = (1 << len(b)) - 1
    row = mask
    for word in a:
        match = row & where.get(word, 0)
        row = ((row + match) | (row - match)) & mask
    return len(b) - row.bit_count()


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _group(message: str) -> str:
    """A refusal without its file name, numbers and quoted parts, to group alike ones."""
    text = message.removeprefix("Error: ")
    text = re.sub(r"^.*?\.docx: ", "", text)
    text = re.sub(r"part \S+\.(?:xml|rels)", "part P", text)
    text = re.sub(r"\d[\d,.]*", "N", text)
    return text[:110]


def table(results: list[dict], processes: bool, markdown: bool) -> str:
    lines: list[str] = []
    row = (lambda *cells: "| " + " | ".join(str(c) for c in cells) + " |") if markdown \
        else (lambda *cells: "  ".join(f"{c!s:<12}" if i else f"{c!s:<64}"
                                       for i, c in enumerate(cells)))
    projects = sorted({r["project"] for r in results})
    lines.append(row("outcome", *projects, "all"))
    if markdown:
        lines.append("|" + "---|" * (len(projects) + 2))
    outcomes = ["imported", "refused", "traceback", "does not validate", "does not render",
                "hung"] + sorted({r["outcome"] for r in results} - {
                    "imported", "refused", "traceback", "does not validate",
                    "does not render", "hung"})
    for outcome in outcomes:
        counts = [sum(1 for r in results if r["project"] == p and r["outcome"] == outcome)
                  for p in projects]
        lines.append(row(outcome, *counts, sum(counts)))
    counts = [sum(1 for r in results if r["project"] == p) for p in projects]
    lines.append(row("files", *counts, sum(counts)))
    changes = sum(1 for r in results if r.get("changes"))
    python = [(r["name"], m) for r in results for m in r["messages"] if PYTHON_WORDS.search(m)]
    lines.append("")
    lines.append(f"tracked changes (exit 8, then --changes accept): {changes} files")
    lines.append(f"messages in Python's words or showing an internal mark: {len(python)}")
    for name, message in python[:20]:
        lines.append(f"  {name}: {message[:200]}")
    refused: dict[str, list[str]] = {}
    for r in results:
        if r["outcome"] == "refused":
            errors = [m for m in r["messages"] if m.startswith("Error:")] or r["messages"][-1:]
            refused.setdefault(_group(errors[0] if errors else "?"), []).append(r["name"])
    lines.append("")
    lines.append("refused, by message:")
    for message, names in sorted(refused.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"  {len(names):4}  {message}   (e.g. {names[0]})")
    failed = [r for r in results if r["outcome"] not in ("imported", "refused")]
    if failed:
        lines.append("")
        lines.append("failed:")
        for r in failed[:40]:
            last = [m for m in r["messages"] if m.strip()][-1:] or [""]
            lines.append(f"  {r['outcome']}: {r['name']}: {last[0][:200]}")
    measured = [r for r in results if "found" in r]
    words = sum(r["pandoc"] for r in measured)
    found = sum(r["found"] for r in measured)
    lines.append("")
    per_project = ", ".join(
        f"{p} {sum(r['found'] for r in measured if r['project'] == p) / max(1, sum(r['pandoc'] for r in measured if r['project'] == p)):.3f}"  # noqa: E501
        for p in projects)
    lines.append(f"text survival: {found / max(words, 1):.4f} of {words:,} words pandoc reads "
                 f"in {len(measured)} imported files ({per_project}); pandoc refuses "
                 f"{sum(1 for r in results if r.get('pandoc_refused'))} files")
    lost = sorted(measured, key=lambda r: r["found"] - r["pandoc"])[:12]
    lines.append("most words lost:")
    for r in lost:
        if r["pandoc"] > r["found"]:
            lines.append(f"  {r['pandoc'] - r['found']:6} of {r['pandoc']:6}  {r['name']}")
    seconds = [r["seconds"] for r in results if r["outcome"] != "hung"]
    memory = [r["memory_mb"] for r in results if "memory_mb" in r]
    how = "whole process" if processes else "in-process, without Python's start"
    lines.append("")
    lines.append(f"import time ({how}): p50 {statistics.median(seconds):.3f} s, "
                 f"p95 {_pct(seconds, 0.95):.3f} s, max {max(seconds):.3f} s "
                 f"({max(results, key=lambda r: r['seconds'])['name']})")
    if memory:
        lines.append(f"peak memory (maximum resident set of the forked child, import to "
                     f"render): p50 {statistics.median(memory):.0f} MB, max {max(memory):.0f} MB")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
