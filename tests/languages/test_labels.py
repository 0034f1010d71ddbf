"""Labels are filled by one formatter that knows only the documented {placeholders}: a format
spec, a conversion or an attribute is refused by validate, at the label's line and column,
and every command stops on it in words, never a traceback or a document of any size."""

import string

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support.cli import run
from support.outlines import MINIMAL, build, examples, lines, load

from rtdraft.commands.preview import Preview
from rtdraft.languages import labels
from rtdraft.languages.labels import PLACEHOLDERS, LabelError, fill
from rtdraft.outline.validate import validate

APPENDIX = "\nappendices:\n  - title: '50000000'\n    body: [Text.]\n"


@pytest.mark.parametrize("label, column, field", [
    ("Appendix {title:{letter}}", 23, "{title:{letter}}"),    # a field inside the spec
    ("Appendix {letter:>{title}}", 23, "{letter:>{title}}"),  # padding as wide as a title
    ("{letter!r}", 14, "{letter!r}"), ("{title.upper}", 14, "{title.upper}"),
    ("{title[0]}", 14, "{title[0]}"), ("{}", 14, "{}"), ("{0}", 14, "{0}"),
    ("Appendix {letter} {title:x}", 32, "{title:x}"),
])
def test_a_label_with_more_than_a_name_in_braces_is_refused_where_it_is(label, column, field):
    assert lines(MINIMAL + f"labels:\n  appendix: '{label}'" + APPENDIX) == [
        (f"outline.yaml:22:{column}: error: labels.appendix: label 'appendix' cannot use "
        f"{field}; it may use: {{letter}}, {{title}}")]


def test_a_session_label_breakout_is_refused_at_its_column():
    assert lines(MINIMAL + "session_groups:\n  plenary:\n    label: 'Plenary {n:{n}{n}{n}}'\n") \
        == [("outline.yaml:23:21: error: session_groups.plenary.label: a session label may use "
            "only {n}, not {n:{n}{n}{n}}")]


def test_an_unbalanced_label_is_refused_at_its_brace():
    assert lines(MINIMAL + "labels:\n  isbn: 'ISBN } {value}'\n") == [
        ("outline.yaml:22:15: error: labels.isbn: label 'isbn' has an unbalanced brace: a "
        "placeholder is written {name}, and a brace itself {{ or }}")]


def _outline(tmp_path, label: str):
    path = tmp_path / "outline.yaml"
    path.write_text(MINIMAL + f"labels:\n  appendix: '{label}'" + APPENDIX)
    return path


@pytest.mark.parametrize("command", ["render", "lint", "redline"])
def test_every_command_refuses_such_a_label_in_words(tmp_path, command):
    path = _outline(tmp_path, "Appendix {letter:>{title}}")
    before = tmp_path / "before.yaml"
    before.write_text(MINIMAL)
    args = {"render": ["render", str(path), "--format", "docx", "-o", str(tmp_path / "out.docx")],
            "lint": ["lint", str(path)],
            "redline": ["redline", str(before), str(path), "-o", str(tmp_path / "r.docx")]}
    result = run(*args[command])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (f"{path}:22:23: error: labels.appendix: label 'appendix' cannot use "
            "{letter:>{title}}") in result.output
    assert not (tmp_path / "out.docx").exists() and not (tmp_path / "r.docx").exists()


def test_preview_shows_the_refusal_on_the_page(tmp_path):
    path = _outline(tmp_path, "Appendix {title:{letter}}")
    state = Preview(path).refresh()
    assert [p.message for p in state.problems] == [
        "label 'appendix' cannot use {title:{letter}}; it may use: {letter}, {title}"]


# -- the formatter itself ---------------------------------------------------------------

def test_fill_fills_names_and_braces():
    assert fill("{{{letter}}}: {title}", letter="A", title="T") == "{A}: T"
    with pytest.raises(LabelError) as refused:
        fill("x {letter:>{title}}", letter="A", title="50000000")
    assert (str(refused.value), refused.value.offset) == ("{letter:>{title}}", 2)


LABEL = st.text(alphabet="{}!:.[]0>xn lettrsitle", max_size=30) | \
    st.from_regex(r"[a-z {}]*\{(n|letter|title)(![rsa]|:[>0-9{}n]*|\.real|\[0\])?\}[a-z {}]*",
                  fullmatch=True)


@settings(max_examples=examples(300), deadline=None)
@given(LABEL)
def test_fill_refuses_exactly_what_validate_refuses_and_is_linear(label):
    allowed = PLACEHOLDERS["appendix"]
    found = labels.problem(label, allowed)
    values = {"letter": "AB", "title": "9" * 40}
    try:
        out = fill(label, **values)
    except LabelError as exc:
        assert found is not None and (str(exc), exc.offset) == (str(found), found.offset)
        return
    assert found is None
    assert len(out) <= len(label) + 40 * label.count("{")
    # what it fills is what str.format makes of a label of bare names
    assert out == label.format(**values)


@settings(max_examples=examples(60), deadline=None)
@given(LABEL.filter(str.strip))
def test_any_label_validates_and_builds_or_is_refused_at_its_line(label):
    scalar = yaml.safe_dump(label, default_style="'", width=1000).strip().removesuffix("...")
    source = load(MINIMAL + "labels:\n  appendix: " + scalar.strip()
                  + APPENDIX.replace("50000000", "9" * 40))
    problems = validate(source)
    if problems:
        assert [(p.line, p.path, p.rule) for p in problems] == \
            [(22, ("labels", "appendix"), "label")], problems
        return
    document = build(source.data)
    appendix = document.headings[-1].text
    assert appendix == fill(label, letter="A", title="9" * 40)
    assert len(appendix) <= len(label) + 40 * label.count("{")


def test_placeholders_are_the_documented_ones():
    documented = {key: {name for _, name, _, _ in string.Formatter().parse(value) if name}
                  for key, value in labels.LABELS["en"].items()}
    assert PLACEHOLDERS == documented
