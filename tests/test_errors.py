"""The exit codes are written once, in rtdraft/errors.py; the README's table, docs/refusals.md
and the command's --help say the same codes, and name every exception class."""

import re
import signal

from click.testing import CliRunner
from support.outlines import ROOT

from rtdraft import errors
from rtdraft.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
REFUSALS = (ROOT / "docs" / "refusals.md").read_text(encoding="utf-8")
CODES = {name: value for name, value in vars(errors).items()
         if name.isupper() and isinstance(value, int) and name != "STOPPED"}
SIGNALS = [errors.STOPPED + s for s in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM)]


def table(text: str, heading: str) -> list[str]:
    """The first cells of the body rows of the first table under `heading`."""
    lines = text.split(heading, 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start + 2:]:   # past the header and its --- line
        if not line.startswith("|"):
            break
        rows.append(line.split("|")[1].strip())
    return rows


def test_the_readme_table_is_the_codes_of_errors_py():
    cells = table(README, "## Exit codes")
    assert cells[:-1] == [str(code) for code in sorted(CODES.values())]
    assert cells[-1] == ", ".join(map(str, SIGNALS))


def test_the_readme_names_every_exception_class():
    classes = {name for name, value in vars(errors).items() if isinstance(value, type)
               and issubclass(value, errors.RtdraftError)
               and value not in (errors.RtdraftError, errors.ProblemsFound, errors.Stopped)}
    named = re.search(r"Each code is one exception class in `rtdraft/errors.py` \(([^;]+);",
                      README).group(1)
    assert set(re.findall(r"`(\w+)`", named)) == classes


def test_the_refusals_page_uses_the_codes_of_errors_py():
    lines = REFUSALS.split("## Exit codes by class of refusal", 1)[1].split("\n## ", 1)[0]
    codes = [int(line.split("|")[2]) for line in lines.splitlines()[4:] if line.startswith("|")]
    assert codes and set(codes) <= set(CODES.values())
    assert set(codes) == {errors.INVALID, errors.WARNINGS, errors.TEMPLATE, errors.OUTPUT,
                          errors.IMPORT, errors.CHANGES}   # WARNINGS: render's lost words


def test_help_lists_the_same_codes():
    text = " ".join(CliRunner().invoke(main, ["--help"]).output.split())
    said = text.split("Exit codes: ", 1)[1].split(". ", 1)[0]
    numbers = [int(n) for n in re.findall(r"\b(\d+)\b", said)]
    assert numbers == sorted(CODES.values()) + SIGNALS
