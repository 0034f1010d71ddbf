"""Loading: data, positions, duplicate keys, YAML 1.2 scalars, bad input."""

from support.outlines import load, load_bytes

from rtdraft.outline import source
from rtdraft.outline.source import Located


def test_positions_of_values_and_keys():
    s = load("""\
        meeting:
          title: Fall
          dates: [2019-10-08, 2019-10-09]
        sessions:
          - title: One
            body:
              - text
        """)
    assert s.data == {"meeting": {"title": "Fall", "dates": ["2019-10-08", "2019-10-09"]},
                      "sessions": [{"title": "One", "body": ["text"]}]}
    assert s.position(("meeting", "title")) == (2, 10)
    assert s.position(("meeting", "title"), key=True) == (2, 3)
    assert s.position(("meeting", "dates", 1)) == (3, 23)
    assert s.position(("sessions", 0)) == (5, 5)
    assert s.position(("sessions", 0, "body", 0)) == (7, 9)
    # A path that does not exist answers with its nearest ancestor.
    assert s.position(("sessions", 0, "presenters")) == (5, 5)


def test_scalar_styles_and_spans_are_kept():
    s = load("a: plain\nb: |\n  literal\nc: 'quoted'\n")
    assert s.places[("a",)].style == ""
    assert s.places[("b",)].style == "|"
    assert s.places[("c",)].style == "'"
    place = s.places[("a",)]
    assert s.text[place.start:place.end] == "plain"


def test_locate_finds_a_word_inside_a_folded_paragraph():
    s = load("""\
        body:
          - >-
            The first line of a paragraph
            and the second line, where OCG stands.
        """)
    assert s.locate(("body", 0), "OCG") == (4, 32)
    assert s.locate(("body", 0), "missing") == (2, 5)


def test_yaml_1_1_surprises_stay_strings():
    s = load("a: no\nb: on\nc: 13:00\nd: 2019-10-08\ne: yes\nf: 0777\ng: 1_000\n")
    assert s.data == {"a": "no", "b": "on", "c": "13:00", "d": "2019-10-08", "e": "yes",
                      "f": 777, "g": "1_000"}


def test_core_schema_scalars():
    s = load("a: true\nb: False\nc: ~\nd: null\ne: 12\nf: 1.5\ng: 0x1F\nh:\n")
    assert s.data == {"a": True, "b": False, "c": None, "d": None, "e": 12, "f": 1.5,
                      "g": 31, "h": None}


def test_keys_are_always_text():
    assert load("footnotes:\n  1: one\n  true: two\n").data == {"footnotes": {"1": "one",
                                                                              "true": "two"}}


def test_duplicate_key_is_an_error_at_the_second_key_and_keeps_the_first():
    s = load("meeting:\n  title: First\n  host: X\n  title: Second\n")
    assert s.data == {"meeting": {"title": "First", "host": "X"}}
    [p] = s.problems
    assert (p.line, p.column, p.path, p.rule) == (4, 3, ("meeting", "title"), "duplicate-key")
    assert p.message == "duplicate key 'title' (first at line 2); YAML would silently keep only one"


def test_duplicate_key_with_a_nested_value_does_not_clobber_positions():
    s = load("a:\n  b: 1\na:\n  b: 2\n  c: 3\n")
    assert s.data == {"a": {"b": 1}}
    assert s.position(("a", "b")) == (2, 6)
    assert [p.line for p in s.problems] == [3]


def test_aliases_copy_data_and_positions():
    s = load("x: &who {name: Ann}\ny: *who\n")
    assert s.data == {"x": {"name": "Ann"}, "y": {"name": "Ann"}}
    assert s.data["x"] is not s.data["y"]
    assert s.position(("y",)) == (2, 4)
    assert s.position(("y", "name")) == (1, 16)


def test_billion_laughs_is_refused_at_the_alias():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    s = load("\n".join(lines) + "\n")
    assert s.data is None
    [p] = s.problems
    assert (p.line, p.rule) == (4, "alias-limit")
    assert p.message.startswith("aliases expand to more than 10000 values")


def test_recursive_alias_is_refused():
    [p] = load("a: &a [1, *a]\n").problems
    assert (p.line, p.column, p.rule) == (1, 11, "alias-limit")


def test_malformed_yaml_names_line_and_column():
    s = load("meeting:\n  title: [unclosed\nsessions: []\n")
    [p] = s.problems
    assert (p.line, p.column, p.rule) == (2, 10, "yaml-syntax")   # where the [ opens
    assert p.message.endswith(" (YAML parser: did not find expected ',' or ']', while parsing "
                              "a flow sequence)")
    [p] = load("a: b\n]\n").problems   # a slip explain.py does not know: the parser's words
    assert (p.line, p.column, p.message) == (2, 1, ("invalid YAML: did not find expected key "
                                                   "(while parsing a block mapping)"))


def test_tab_indentation_is_malformed_yaml():
    [p] = load("meeting:\n\ttitle: x\n").problems
    assert (p.line, p.rule) == (2, "yaml-syntax")


def test_not_utf8_names_the_byte_position():
    [p] = load_bytes("title: Sécurité\nhost: caf\xe9\n".encode("latin-1")).problems
    assert (p.line, p.column, p.rule) == (1, 9, "encoding")
    assert p.message == "file is not UTF-8 text (byte 0xe9 cannot be read); save it as UTF-8"


def test_utf8_byte_order_mark_is_accepted():
    assert load_bytes("\ufeffa: b\n".encode("utf-8")).data == {"a": "b"}


def test_control_characters_are_reported_where_they_stand():
    [p] = load("a: fine\nb: bad\x07char\n").problems
    assert (p.line, p.column, p.rule) == (2, 7, "yaml-syntax")
    assert p.message == "invalid YAML: control character U+0007 is not allowed in YAML text"


def test_empty_and_comment_only_files():
    [p] = load("").problems
    assert (p.line, p.column, p.message) == (1, 1, ("file is empty; an outline starts with "
                                                   "'rtdraft: 1'"))
    [p] = load("# nothing yet\n").problems
    assert p.rule == "empty-file"


def test_top_level_must_be_a_mapping():
    [p] = load("- rtdraft: 1\n").problems
    assert (p.line, p.column, p.rule) == (1, 1, "top-level")
    assert p.message == "an outline is a mapping of keys (rtdraft, meeting, ...), not a list"
    [p] = load("just text\n").problems
    assert p.message.endswith("not a single value ('just text')")


def test_second_document_is_refused():
    [p] = load("a: 1\n---\nb: 2\n").problems
    assert (p.line, p.rule) == (2, "yaml-syntax")


def test_unknown_tags_are_refused():
    [p] = load("a: !!python/object:os.system x\n").problems
    assert p.message == "unsupported YAML tag 'tag:yaml.org,2002:python/object:os.system'"
    assert load("a: !!str 12\nb: !!int '7'\n").data == {"a": "12", "b": 7}


def test_nesting_depth_is_limited():
    deep = "a: " + "[" * 70 + "]" * 70 + "\n"
    [p] = load(deep).problems
    assert p.rule == "depth-limit"


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(source, "MAX_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 200 + "\n")
    s = source.read(big)
    assert s.data is None
    [p] = s.problems
    assert (p.line, p.column, p.rule) == (1, 1, "size-limit")
    assert p.message == "file is 204 bytes; an outline may be at most 100 bytes"


def test_located_defaults():
    assert Located(1, 2).style is None
