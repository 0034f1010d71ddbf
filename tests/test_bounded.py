"""Bounded work for any input (issue 12, part 4): reads, aliases, templates, lint."""

import os
import subprocess
import sys
import threading

from click.testing import CliRunner
from conftest import MINIMAL

from rtdraft import source
from rtdraft.cli import main


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)


def test_dev_zero_is_refused_without_reading_it_all():
    done = subprocess.run([sys.executable, "-m", "rtdraft", "validate", "/dev/zero"],
                          capture_output=True, timeout=60)
    assert done.returncode == 1
    assert done.stdout.decode() == ("/dev/zero:1:1: error: input is more than 10,485,760 "
                                    "bytes; an outline may be at most 10,485,760 bytes\n")


def test_a_long_fifo_is_refused(tmp_path):
    fifo = tmp_path / "o.yaml"
    os.mkfifo(fifo)

    def feed():
        try:
            with open(fifo, "wb") as out:
                for _ in range(11):
                    out.write(b"#" * (1024 * 1024))
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed)
    writer.start()
    result = run("validate", fifo)
    writer.join(timeout=30)
    assert result.exit_code == 1
    assert "error: input is more than 10,485,760 bytes" in result.output


def test_long_standard_input_is_refused(monkeypatch):
    monkeypatch.setattr(source, "MAX_BYTES", 1000)
    result = run("validate", "-", input="# " + "x" * 2000 + "\n" + MINIMAL)
    assert result.exit_code == 1
    assert result.output.startswith("<stdin>:1:1: error: input is more than 1,000 bytes; "
                                    "an outline may be at most 1,000 bytes\n")


def test_a_long_paragraph_repeated_by_aliases_is_refused_at_the_alias():
    paragraph = "word " * 8000
    text = MINIMAL.replace("      - Trends were discussed.\n",
                           f"      - &long {paragraph}\n" + "      - *long\n" * 300)
    s = source.parse_text(text, source.Source("o.yaml"))
    assert s.data is None
    [p] = s.problems
    limit = 50 * len(text)                    # over the 1,000,000 floor: a 45 KB file
    assert limit == 2_229_150
    aliases = (limit - len(text)) // len(paragraph.strip()) + 1   # the first one too many
    line = text.splitlines().index("      - *long") + aliases
    assert (p.line, p.column, p.rule) == (line, 9, "alias-limit")
    assert p.message == ("alias '*long' makes the outline's text longer than 2,229,150 "
                         "characters (aliases repeat their anchor's text); use fewer aliases")


def test_aliases_within_the_text_limit_load():
    text = MINIMAL.replace("      - Trends were discussed.\n",
                           "      - &short Trends were discussed.\n" + "      - *short\n" * 50)
    s = source.parse_text(text, source.Source("o.yaml"))
    assert s.problems == [] and len(s.data["sessions"][0]["body"]) == 51
