"""Bounded work for any input (issue 12, part 4): reads, aliases, templates, lint."""

import os
import subprocess
import sys
import threading

import pytest
from support.cli import run
from support.outlines import MINIMAL

from rtdraft.lint import lint
from rtdraft.outline import source
from rtdraft.render import sandbox


def test_dev_zero_is_refused_without_reading_it_all():
    done = subprocess.run([sys.executable, "-m", "rtdraft", "validate", "/dev/zero"],
                          capture_output=True, timeout=60, check=False)
    assert done.returncode == 1
    assert done.stdout.decode() == ("/dev/zero:1:1: error: input is more than 10,485,760 "
                                    "bytes; an outline may be at most 10,485,760 bytes\n")


def test_a_long_fifo_is_refused(tmp_path):
    fifo = tmp_path / "o.yaml"
    os.mkfifo(fifo)

    def feed():
        try:
            with open(fifo, "wb") as out:
                out.writelines(b"#" * (1024 * 1024) for _ in range(11))
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


# -- templates ------------------------------------------------------------------------------


@pytest.fixture
def outline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "o.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "t").mkdir()
    return tmp_path / "o.yaml"


def render_with(tmp_path, template: str | bytes, name="summary.md.j2"):
    path = tmp_path / "t" / name
    if isinstance(template, bytes):
        path.write_bytes(template)
    else:
        path.write_text(template, encoding="utf-8")
    result = run("render", "o.yaml", "--format", "md", "--template-dir", "t")
    assert not (tmp_path / "o.md").exists()
    return result.exit_code, result.output, f"t/{name}"


LOOPS = {
    # nested loops that write: stopped at a chunk of output
    "writes": "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}"
              "{% endfor %}",
    # nested loops that neither write nor call in the inner loop: stopped by the alarm
    "silent": "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}"
              "{% endfor %}",
}


@pytest.mark.parametrize("slow_compile", [False, True], ids=["", "slow-compile"])
@pytest.mark.parametrize("kind", LOOPS)
def test_a_template_that_never_ends_is_stopped(outline, tmp_path, monkeypatch, kind,
                                               slow_compile):
    """slow_compile: on a busy machine compiling took longer than the limit now and then,
    and the limit then named the template without its line ('summary.md.j2: template
    error'); the clock starts once the template is compiled, and the line is the loop's."""
    if slow_compile:
        import time

        import jinja2
        compile_ = jinja2.Environment.compile

        def slow(self, *args, **kwargs):
            time.sleep(0.8)
            return compile_(self, *args, **kwargs)

        monkeypatch.setattr(jinja2.Environment, "compile", slow)
    monkeypatch.setattr(sandbox, "TIME_LIMIT", 0.5)
    code, output, path = render_with(tmp_path, "first line\n" + LOOPS[kind])
    assert code == 4
    assert output == (f"Error: {path}:2: template error: rendering took longer than 0.5 "
                      "seconds (a loop that never ends, or recursion?)\n")


def render_in_a_thread(folder, name: str) -> list[str]:
    """Render template `name` of `folder` in a thread of its own (as preview's watcher
    does); the messages of what it raised. The thread must end within 30 s."""
    env = sandbox.environment([folder])
    caught = []

    def work():
        try:
            sandbox.render(env, name, {})
        except Exception as exc:   # noqa: BLE001 - the test looks at what it is
            caught.append(exc)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive()
    return [str(e.message) for e in caught]


def test_the_time_limit_holds_outside_the_main_thread(tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "TIME_LIMIT", 0.5)
    (tmp_path / "loop.j2").write_text("{% for a in range(100000) %}{% for b in "
                                      "range(100000) %}{{ b }}{% endfor %}{% endfor %}")
    assert render_in_a_thread(tmp_path, "loop.j2") == [
        (f"{tmp_path / 'loop.j2'}:1: template error: rendering took longer than 0.5 seconds "
         "(a loop that never ends, or recursion?)")]


def test_a_silent_loop_is_stopped_outside_the_main_thread(tmp_path, monkeypatch):
    """Preview renders in its watcher thread, where no SIGALRM is delivered: a loop that
    neither calls nor writes spun for ever. A user's template renders in a child process,
    where the alarm works."""
    monkeypatch.setattr(sandbox, "TIME_LIMIT", 0.5)
    (tmp_path / "loop.j2").write_text("first\n" + LOOPS["silent"])
    assert render_in_a_thread(tmp_path, "loop.j2") == [
        (f"{tmp_path / 'loop.j2'}:2: template error: rendering took longer than 0.5 seconds "
         "(a loop that never ends, or recursion?)")]


# Each builds a string of about 1 GB in C, where neither the clock nor the `*` check looks.
HUNGRY = [
    '{% set x = "%999999999s" % "" %}{{ x|length }}',
    '{% set x = "{:>999999999}".format("") %}{{ x|length }}',
    '{% set x = "x".ljust(999999999) %}{{ x|length }}',
    '{% set x = "x"|center(999999999) %}{{ x|length }}',
]


@pytest.mark.parametrize("template", HUNGRY)
def test_a_template_is_bounded_in_memory_not_only_in_output(tmp_path, template):
    """A 180-byte template with % widths used 2.37 GB and exited 0. The peak memory of
    rtdraft and its children is measured by a parent of its own."""
    (tmp_path / "o.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "summary.md.j2").write_text("first\n" + template, encoding="utf-8")
    measure = ("import resource, subprocess, sys\n"
               "done = subprocess.run([sys.executable, '-m', 'rtdraft', 'render', 'o.yaml', "
               "'--format', 'md', '--template-dir', 't'], capture_output=True, text=True)\n"
               "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
               "print(done.stderr, end='')\n")
    done = subprocess.run([sys.executable, "-c", measure], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, check=True)
    first, *rest = done.stdout.splitlines()
    code, peak_kb = map(int, first.split())
    assert (code, rest) == (4, [(f"Error: t/summary.md.j2:2: template error: rendering needed "
                                f"more than {sandbox.MAX_MEMORY // 2**20} MB of memory")])
    assert peak_kb * 1024 < sandbox.MAX_MEMORY + 200 * 2**20
    assert not (tmp_path / "o.md").exists()


@pytest.mark.parametrize(("template", "message"), [
    ("ok\n{{ 1 / 0 }}", "2: template error: ZeroDivisionError: division by zero"),
    ("ok\n\n{{ meta.nothing.more }}",
     "3: template error: 'dict object' has no attribute 'nothing'"),
    ("{% macro f(n) %}{{ f(n) }}{% endmacro %}\n{{ f(1) }}",
     "1: template error: recursion too deep (a macro that calls itself without end?)"),
    ("ok\n{{ 'x' * 10000000 }}",
     "2: template refused: '*' would make a value of 10,000,000 items; at most 1,000,000"),
    ("{{ 2 ** 100000 }}", "1: template refused: '**' with an exponent over 1000"),
])
def test_any_template_error_is_exit_4_with_file_and_line(outline, tmp_path, template, message):
    code, output, path = render_with(tmp_path, template)
    assert code == 4
    assert output == f"Error: {path}:{message}\n"


def test_a_template_that_is_not_utf8_is_exit_4_with_file_and_line(outline, tmp_path):
    code, output, path = render_with(tmp_path, b"ok\nok\n\xff\xfe")
    assert code == 4
    assert output == (f"Error: {path}:3: template error: the file is not UTF-8 "
                      "text (byte 0xff); save it as UTF-8\n")


# -- lint is linear in the text -------------------------------------------------------------

SENTENCE = "The team met on March 3rd, e.g. with five (5) partners. "


@pytest.mark.parametrize("style", ["plain", "folded", "single"])
def test_lint_places_thousands_of_findings_in_one_paragraph_without_searching(
        monkeypatch, style):
    """Each finding's line and column come from pairing the paragraph's words with the
    file's once, not from a search of the whole paragraph per finding (quadratic)."""
    lines = [SENTENCE.strip()] * 300
    if style == "plain":
        body = "      - " + "\n        ".join(lines) + "\n"
    elif style == "folded":
        body = "      - >-\n" + "".join(f"        {line}\n" for line in lines)
    else:
        body = "      - '" + "\n        ".join(lines) + "'\n"
    text = MINIMAL.replace("      - Trends were discussed.\n", body)
    s = source.parse_text(text, source.Source("o.yaml"))
    assert s.problems == []
    searches = []
    real = source.Source.locate
    monkeypatch.setattr(source.Source, "locate",
                        lambda self, *a: searches.append(a) or real(self, *a))
    found = [p for p in lint(s) if p.rule == "ordinal-date"]
    assert len(found) == 300 and searches == []
    assert [(p.line, p.column) for p in found] == [
        (number, line.index("March 3rd") + 1)
        for number, line in enumerate(text.splitlines(), 1) if "3rd" in line]


@pytest.mark.parametrize("kind", ["large", "fifo"])
def test_a_template_file_is_read_only_when_it_is_a_small_regular_file(outline, tmp_path, kind):
    path = tmp_path / "t" / "block.md.j2"
    if kind == "large":
        path.write_text("x" * (sandbox.MAX_TEMPLATE_BYTES + 1))
    else:
        os.mkfifo(path)    # reading it would wait for a writer for ever
    result = run("render", "o.yaml", "--format", "md", "--template-dir", "t")
    assert result.exit_code == 4
    assert result.output == ("Error: t/block.md.j2: a template must be a file of at most "
                             "1,048,576 bytes\n")
    assert not (tmp_path / "o.md").exists()


def test_no_process_for_a_users_template_is_said_in_words(tmp_path, monkeypatch):
    import errno

    def no_fork():
        raise OSError(errno.EAGAIN, os.strerror(errno.EAGAIN))
    monkeypatch.setattr(os, "fork", no_fork)
    (tmp_path / "page.j2").write_text("{{ 1 }}")
    with pytest.raises(sandbox.TemplateError) as refused:
        sandbox.render(sandbox.environment([tmp_path]), "page.j2", {})
    assert refused.value.message == ("page.j2: cannot start a process to render the template: "
                                     "Resource temporarily unavailable")
