"""rtdraft's one YAML writer analyses each text by patterns instead of PyYAML's loop over
every character (docs/performance.md): the same analysis, so the same YAML; and its one
quoting rule writes any text so that it reads back as that text."""

import importlib

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support.outlines import EXAMPLES, examples, load

from rtdraft.outline import yaml_writer
from rtdraft.outline.source import Source, parse_text

dump = importlib.import_module("rtdraft.importer.dump")   # the module, not the function

# the characters PyYAML's analysis looks at, and some it lets through
TRICKY = st.sampled_from(list(" \n\t\r\x00\x85\u2028\u2029#,[]{}&*!|>'\"%@`?:-.aZ0é\ufeff"
                              "\ud7ff\ue000\ufffd\U0001f600\x7f\xa0\u2011\x9f\x84\x86\ufffe"
                              "\uffff\ud800\udfff\U0010ffff\U0010fffe\x0b\x1f"))
EMITTER = yaml.SafeDumper(None, allow_unicode=True)


@settings(max_examples=examples(3000), deadline=None)
@given(st.one_of(st.text(TRICKY, max_size=8), st.text(max_size=16)))
def test_the_analysis_is_pyyamls(text):
    assert yaml_writer.analyze(text).__dict__ == \
        yaml.emitter.Emitter.analyze_scalar(EMITTER, text).__dict__


def pyyamls(data, monkeypatch) -> str:
    """The YAML PyYAML's own analysis and folding write."""
    with monkeypatch.context() as patched:
        patched.setattr(yaml_writer.Dumper, "analyze_scalar", yaml.emitter.Emitter.analyze_scalar)
        patched.setattr(yaml_writer.Dumper, "write_folded", yaml.emitter.Emitter.write_folded)
        return dump.dump(data)[0]


def test_examples_are_written_as_pyyaml_writes_them(monkeypatch):
    for path in EXAMPLES:
        data = load(path.read_text(encoding="utf-8")).data
        assert dump.dump(data)[0] == pyyamls(data, monkeypatch)


WORD = st.text(st.sampled_from(list("ab:#-'\"é")), min_size=1, max_size=30)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.lists(WORD, min_size=1, max_size=40).map(" ".join), min_size=1,
                max_size=3))
def test_folded_texts_are_written_as_pyyaml_writes_them(texts):
    import pytest
    data = {"introduction": {"body": texts}}
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert dump.dump(data)[0] == pyyamls(data, monkeypatch)


def reads_back(line: str):
    """The value `key: line` holds, read by PyYAML and by rtdraft's own reader."""
    pyyaml = yaml.safe_load(f"key: {line}\n")["key"]
    source = parse_text(f"key: {line}\n", Source("t.yaml"))
    assert source.ok, (line, source.problems)
    assert source.data["key"] == pyyaml
    return pyyaml


@settings(max_examples=examples(1000), deadline=None)
@given(st.one_of(st.text(TRICKY, max_size=8), st.text(max_size=40)), st.booleans())
def test_any_text_reads_back_as_written(text, quote):
    """A text written by the one rule, plain or quoted, on one line or in a [flow list],
    reads back as the same text (texts YAML cannot hold at all, such as a lone surrogate,
    are left out: no writer can)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return
    line = yaml_writer.scalar(text, quote=quote)
    assert "\n" not in line
    assert reads_back(line) == text
    if quote:
        assert line[0] in "'\""
    assert yaml.safe_load(f"key: [{yaml_writer.scalar(text, flow=True)}]\n")["key"] == [text]


def test_the_rule_in_examples():
    assert [yaml_writer.scalar(v) for v in
            ("Winnipeg", "null", "yes", "2019-10-08", " lead", "a: b", "[[Title]]", "it's", 3, True)] \
        == ["Winnipeg", '"null"', "'yes'", "2019-10-08", '" lead"', "'a: b'", "'[[Title]]'", "it's", "3",
            "true"]
    assert yaml_writer.scalar("Winnipeg", quote=True) == "'Winnipeg'"
    assert yaml_writer.scalar("'Meth' is: a threat") == '"\'Meth\' is: a threat"'
    assert yaml_writer.scalar('\'Meth\' is "a" threat') == '\'\'\'Meth\'\' is "a" threat\''
    assert yaml_writer.scalar("a, b", flow=True) == "'a, b'"


def test_a_long_text_with_an_apostrophe_keeps_pyyamls_quotes():
    """Double quotes would wrap a long text with a backslash at each line end (the
    importer writes long texts so when folding them would not read back)."""
    text = "Next: " + "this year's event " * 12
    written = yaml_writer.dump({"body": [text.strip()]}, yaml_writer.Plain)
    assert "  - 'Next: this year''s event" in written and "\\\n" not in written
