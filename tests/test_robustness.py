"""Nothing lost, nothing crashes: limits, control characters, failed writes, templates,
and property tests over random and broken outlines."""

import errno
import io
import os
import re
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.cli import run
from support.outlines import EXAMPLES, MINIMAL, ROOT, build, examples, load
from support.strategies import cited_notes, outlines

from rtdraft.lint import lint
from rtdraft.outline.validate import validate
from rtdraft.outline.walk import reading_order
from rtdraft.render import docx as docx_writer
from rtdraft.render import markdown

PROBLEM = re.compile(r"^(?:.+):\d+:\d+: (?:error|warning|note): .+$")


def test_control_characters_are_errors_at_their_value():
    text = MINIMAL.replace("  - title: Trends", '  - title: "Trends\\x01"').replace(
        "    - The roundtable met once.", '    - "Met \\u0000 once."')
    assert [f"{p.line}:{p.column}: {p.message}" for p in validate(load(text))] == [
        "10:7: contains the control character U+0000, which a document cannot hold; remove it",
        "12:12: contains the control character U+0001, which a document cannot hold; remove it"]


def test_list_length_limit():
    items = "".join(f"      - Organization {i}\n" for i in range(10_001))
    text = MINIMAL + "appendices:\n  - title: Organizations\n    organizations:\n" + items
    [problem] = validate(load(text))
    assert (problem.line, problem.message) == (
        24, "has 10001 items; a list holds at most 10000")


def test_full_disk_leaves_the_previous_file(tmp_path, monkeypatch):
    outline = tmp_path / "spring.yaml"
    outline.write_text(MINIMAL)
    (tmp_path / "spring.md").write_text("the previous summary\n")

    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    result = run("render", outline, "--format", "md")
    assert result.exit_code == 5
    assert result.output == f"Error: cannot write {tmp_path / 'spring.md'}: No space left on device\n"
    assert (tmp_path / "spring.md").read_text() == "the previous summary\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spring.md", "spring.yaml"]


def test_template_reaching_for_internals_writes_nothing(tmp_path):
    outline = tmp_path / "spring.yaml"
    outline.write_text(MINIMAL)
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "summary.md.j2").write_text(
        "{{ doc.__class__.__init__.__globals__['os'].system('echo hacked') }}")
    result = run("render", outline, "--template-dir", tmp_path / "t")
    assert result.exit_code == 4
    assert "hacked" not in result.output
    assert "unsafe" in result.output or "template error" in result.output
    assert not (tmp_path / "spring.md").exists() and not (tmp_path / "spring.docx").exists()


# -- property tests ---------------------------------------------------------------------------


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines())
def test_random_valid_outlines_validate_lint_and_render(text):
    source = load(text)
    assert validate(source) == []
    lint(source)
    document = build(source.data)
    # lint reads the model's texts: every text of the outline, once
    assert sorted(map(str, (t.path for t in document.texts))) == \
        sorted(map(str, (p.path for p in reading_order(source.data))))
    cited = cited_notes(source.data)
    # numbered in the order the summary cites them: the order of the model's texts
    in_reading_order = cited_notes([t.text for t in document.texts if t.path[0] != "footnotes"])
    assert sorted(in_reading_order) == sorted(cited)
    assert [(n.id, n.number) for n in document.footnotes] == \
        [(note, number) for number, note in enumerate(in_reading_order, start=1)]
    package = docx_writer.render(document)
    assert package[:2] == b"PK"
    if cited:
        with zipfile.ZipFile(io.BytesIO(package)) as z:
            notes = z.read("word/footnotes.xml").decode()
        assert all(f'w:id="{number}"' in notes for number in range(1, len(cited) + 1))
    text = markdown.render(document).decode()
    assert text.startswith("---\ntitle: ")
    assert all(f"\n[^{number}]: " in text for number in range(1, len(cited) + 1))


def _mutations():
    example = EXAMPLES[0].read_text(encoding="utf-8")
    lines = example.splitlines(keepends=True)
    position = st.integers(0, len(example))
    line = st.integers(0, len(lines) - 1)
    return st.one_of(
        line.map(lambda i: "".join(lines[:i] + lines[i + 1:])),                   # deleted line
        st.tuples(position, st.text(min_size=1, max_size=5)).map(
            lambda a: example[:a[0]] + a[1] + example[a[0]:]),                    # inserted text
        st.tuples(line, st.sampled_from(["[]", "{}", "12", "~", "true", "'x'"])).map(
            lambda a: "".join(lines[:a[0]] + [re.sub(r":\s.*", ": " + a[1], lines[a[0]], 1)]
                              + lines[a[0] + 1:])),                                # changed type
        st.tuples(position, st.binary(min_size=1, max_size=8)).map(
            lambda a: example.encode()[:a[0]] + a[1] + example.encode()[a[0]:]),  # junk bytes
    )


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_broken_outlines_get_a_message_never_a_traceback(tmp_path_factory, mutated):
    folder = tmp_path_factory.mktemp("mutated")
    path = folder / "outline.yaml"
    path.write_bytes(mutated if isinstance(mutated, bytes) else mutated.encode("utf-8"))
    for command in (["validate"], ["lint"], ["render", "--format", "md"]):
        result = run(*command, path)
        assert result.exit_code in (0, 1), (command, result.output, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit)
        for printed in result.stdout.splitlines():
            if not printed.startswith("wrote "):
                assert PROBLEM.match(printed), printed


def test_validate_and_lint_do_not_import_the_renderers(tmp_path):
    import subprocess
    import sys
    (tmp_path / "o.yaml").write_text(MINIMAL)
    code = ("import sys\nfrom click.testing import CliRunner\nfrom rtdraft.cli import main\n"
            f"for c in ('validate', 'lint'):\n    CliRunner().invoke(main, [c, {str(tmp_path / 'o.yaml')!r}])\n"
            "print(sorted(m for m in ('docx', 'lxml', 'jinja2') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.stdout == "[]\n", result.stderr


def test_a_docx_render_does_not_import_the_network_modules(tmp_path):
    """xml.sax.saxutils imports urllib.request, which imports ssl and email: a sixth of a
    one-outline render (docs/performance.md). Nothing a render does needs them."""
    import subprocess
    import sys
    (tmp_path / "o.yaml").write_text(MINIMAL)
    code = ("import sys\nfrom click.testing import CliRunner\nfrom rtdraft.cli import main\n"
            f"CliRunner().invoke(main, ['render', {str(tmp_path / 'o.yaml')!r}, '--format', "
            "'docx'])\nprint(sorted(m for m in ('urllib.request', 'ssl', 'http.client') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.stdout == "[]\n", result.stderr
    assert (tmp_path / "o.docx").exists()


def test_a_valid_outline_does_not_import_the_explainer(tmp_path):
    """explain.py words the errors; an outline with none renders without loading it."""
    import subprocess
    import sys
    example = ROOT / "examples" / "fall-2019-winnipeg.yaml"
    code = ("import sys\nfrom click.testing import CliRunner\nfrom rtdraft.cli import main\n"
            f"r = CliRunner().invoke(main, ['render', {str(example)!r}, '--format', "
            f"'docx,html', '--output', {str(tmp_path)!r}])\nassert r.exit_code == 0, r.output\n"
            "print('rtdraft.outline.explain' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.stdout == "False\n", result.stderr
    assert (tmp_path / "fall-2019-winnipeg.html").exists()
