"""docs/refusals.md states the limits the code enforces, and is found by `rtdraft docs`."""

from click.testing import CliRunner
from support.outlines import ROOT

from rtdraft import errors
from rtdraft.cli import main
from rtdraft.importer import package
from rtdraft.ooxml import safedocx
from rtdraft.outline import schema, source, validate
from rtdraft.render import reference, sandbox

PAGE = (ROOT / "docs" / "refusals.md").read_text(encoding="utf-8")


def test_every_limit_in_the_code_is_on_the_page():
    stated = [
        f"{source.MAX_BYTES:,} bytes", f"{source.MAX_ALIAS_VALUES:,}",
        f"{source.ALIAS_TEXT_FACTOR} times the file's size",
        f"{source.MIN_ALIAS_TEXT:,} characters", f"{source.MAX_DEPTH} levels",
        f"| items in one list | {schema.MAX_ITEMS:,} |",
        f"{sandbox.TIME_LIMIT:g} seconds", f"{sandbox.MAX_OUTPUT:,} characters",
        f"{sandbox.MAX_REPEAT:,} items", f"| {sandbox.MAX_MEMORY // 2**20} MB (a child process", f"at most {sandbox.MAX_TEMPLATE_BYTES:,} bytes", f"| {sandbox.MAX_POWER:,} |",
        f"{reference.MAX_FILE // 2**20} MB |", f"{reference.MAX_PART // 2**20} MB, by the zip",
        f"{reference.MAX_TOTAL // 2**20} MB uncompressed", f"| {reference.MAX_ENTRIES:,} |",
        f"at most {package.MAX_FILE // 2**20} MB;", f"| {package.MAX_ENTRIES:,} | exit 7",
        f"| {package.MAX_PART // 2**20} MB, by the zip directory before inflating",
        f"| all the parts taken, uncompressed | {package.MAX_TOTAL // 2**20} MB |",
        (f"a part over {safedocx.RATIO_FROM // 2**20} MB compressed more than | "
         f"{package.MAX_RATIO}:1"), f"`reject` | {errors.CHANGES} |",
        f"over its limits | {errors.IMPORT} |",
        (f"| {validate.MAX_ERRORS} are reported, the first found, in file order; then the "
         f"note `validation stops at {validate.MAX_ERRORS} errors"),
        f"first {source.HEAD // 1024} KB",
    ]
    assert [s for s in stated if s not in PAGE] == []


def test_the_page_is_a_docs_topic_and_linked_from_the_readme():
    result = CliRunner().invoke(main, ["docs"])
    assert [line.split(None, 1) for line in result.output.splitlines()
            if line.startswith("refusals")] == [["refusals", "What rtdraft refuses"]]
    assert CliRunner().invoke(main, ["docs", "refusals"]).output == PAGE
    assert "[docs/refusals.md](docs/refusals.md)" in (ROOT / "README.md").read_text()
