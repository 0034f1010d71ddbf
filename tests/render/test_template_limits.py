"""The limits of a user's template (--template-dir) at their edge and one past it
(docs/refusals.md): what `*` may build, the exponent of `**`, the template file's size and
the output's length. The template renders in a process of its own (sandbox.py), which
inherits a limit lowered here."""

import pytest
from support.cli import run
from support.outlines import MINIMAL

from rtdraft.render import sandbox


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "o.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "t").mkdir()
    return tmp_path


def render(here, template: str):
    """Exit code, output and the Markdown written (None when nothing was)."""
    (here / "t" / "summary.md.j2").write_text(template, encoding="utf-8")
    result = run("render", "o.yaml", "--format", "md", "--template-dir", "t")
    written = here / "o.md"
    text = written.read_text(encoding="utf-8") if written.exists() else None
    if written.exists():
        written.unlink()
    return result.exit_code, result.output, text


@pytest.mark.parametrize("what", ["'x' * {n}", "(['x'] * {n}) | join"])
def test_star_builds_up_to_a_million_items_and_not_one_more(here, what):
    code, output, text = render(here, "{{ " + what.format(n=1_000_000) + " }}")
    assert code == 0, output
    assert text == "x" * 1_000_000 + "\n"
    code, output, text = render(here, "ok\n{{ " + what.format(n=1_000_001) + " }}")
    assert (code, text) == (4, None)
    assert output == ("Error: t/summary.md.j2:2: template refused: '*' would make a value of "
                      "1,000,001 items; at most 1,000,000\n")


def test_the_exponent_of_star_star_up_to_a_thousand_and_not_one_more(here):
    code, output, text = render(here, "{{ 2 ** 1000 }}")
    assert code == 0, output
    assert text == f"{2 ** 1000}\n"
    code, output, text = render(here, "{{ 2 ** 1001 }}")
    assert (code, text) == (4, None)
    assert output == ("Error: t/summary.md.j2:1: template refused: '**' with an exponent "
                      "over 1000\n")


def test_a_template_file_of_exactly_a_mebibyte_is_read_and_one_byte_more_is_not(here):
    size = sandbox.MAX_TEMPLATE_BYTES
    assert size == 1_048_576
    code, output, text = render(here, "y" * size)
    assert code == 0, output
    assert text == "y" * size + "\n"
    code, output, text = render(here, "y" * (size + 1))
    assert (code, text) == (4, None)
    assert output == ("Error: t/summary.md.j2: a template must be a file of at most "
                      "1,048,576 bytes\n")


def test_output_up_to_the_limit_and_one_character_more(here, monkeypatch):
    monkeypatch.setattr(sandbox, "MAX_OUTPUT", 5000)
    code, output, text = render(here, "{{ 'z' * 5000 }}")
    assert code == 0, output
    assert text == "z" * 5000 + "\n"
    code, output, text = render(here, "{{ 'z' * 5001 }}")
    assert (code, text) == (4, None)
    assert output == ("Error: t/summary.md.j2:1: template refused: output longer than "
                      "5,000 characters\n")
