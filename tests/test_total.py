"""validate is total: any YAML value of any type at any place of an outline gets a located
error (or passes), never a traceback; and what validates, renders."""

import copy
import io
import re
import zipfile

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.cli import run
from support.outlines import EXAMPLES, MINIMAL, build, examples, load
from support.strategies import CoreDumper, outlines

from rtdraft.document.model import appendix_letter
from rtdraft.languages.labels import PLACEHOLDERS
from rtdraft.outline import schema
from rtdraft.outline.validate import validate
from rtdraft.render import WRITERS

PROBLEM = re.compile(r"^outline\.yaml:\d+:\d+: error: \S.*: .+$")
SENTINEL = "SENTINEL_VALUE_X"

# YAML spellings of a value of every type, by the kind the schema would call it.
VALUES = {
    "empty": ("null", ""), "tilde": ("null", "~"), "true": ("boolean", "true"),
    "zero": ("integer", "0"), "negative": ("integer", "-7"), "float": ("float", "1.5"),
    "huge": ("integer", "9" * 5000), "text": ("string", "words"),
    "newline": ("string", '"plenary\\n"'), "date": ("string", "2019-10-08"),
    "list": ("list", "[]"), "list-null": ("list", "[~]"), "list-list": ("list", "[[]]"),
    "list-text": ("list", "[a, b]"), "map": ("dict", "{}"), "map-null": ("dict", "{a: ~}"),
    "map-map": ("dict", "{a: {}}"), "map-list": ("dict", "{text: [], bullets: [~]}"),
}
_PYTHON = {"null": type(None), "boolean": bool, "integer": int, "float": float, "string": str,
           "list": list, "dict": dict}


def _kinds(rules: dict) -> set[str] | None:
    """The kinds of value a rule takes (None: any)."""
    if "variants" in rules:
        return {"string" if v["when"] == "string" else "integer" if v["when"] == "integer"
                else "list" if v["when"] == "list" else "dict" for v in rules["variants"]}
    kind = rules.get("type")
    return None if kind is None else {kind} if isinstance(kind, str) else set(kind)


def _places(rules: dict, path: tuple = ()) -> list[tuple[tuple, dict]]:
    """Every place of the schema: (path, rules); list items at index 0."""
    out = [(path, rules)] if path else []
    for shape in [rules] + [v["rules"] for v in rules.get("variants", [])]:
        if shape.get("type") == "dict" and "schema" in shape:
            for key, sub in shape["schema"].items():
                out += _places(sub, path + (key,))
        elif shape.get("type") == "dict" and "valuesrules" in shape:
            out += _places(shape["valuesrules"], path + ("somekey",))
        elif shape.get("type") == "list" and "schema" in shape:
            out += _places(shape["schema"], path + (0,))
    return out


PLACES = {}
for _path, _rules in _places({"type": "dict", "schema": schema.OUTLINE}):
    # nested bullets and numbered lists share their rules: one of them at each depth
    PLACES.setdefault(tuple("L" if s in ("bullets", "numbered") else s for s in _path),
                      (_path, _rules))


def _base() -> dict:
    """A small valid outline with a footnote (the parts it lacks are made on the way)."""
    data = yaml.safe_load(MINIMAL)
    data["conclusion"]["body"][0] += "[^n1]"
    data["footnotes"] = {"n1": "A note."}
    return data


def _put(data, path: tuple):
    """data with SENTINEL at path, creating the containers on the way."""
    node = data
    for step, after in zip(path, path[1:] + (None,)):
        fresh = [] if isinstance(after, int) else {}
        if isinstance(step, int):
            if not isinstance(node, list):
                return None
            if not node:
                node.append(fresh)
            if after is not None and not isinstance(node[0], (dict, list)):
                node[0] = fresh
        else:
            if not isinstance(node, dict):
                return None
            if after is not None and not isinstance(node.get(step), (dict, list)):
                node[step] = fresh
        if after is None:
            node[step] = SENTINEL
        else:
            node = node[step]
    return data


def _outline_with(path: tuple, spelling: str) -> str:
    data = _put(copy.deepcopy(_base()), path)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    return text.replace(SENTINEL, spelling)


def _check(text: str) -> list[str]:
    problems = validate(load(text))
    printed = [f"{p.file}:{p.line}:{p.column}: {p.level}: {p.where + ': ' if p.path else ''}"
               f"{p.message}" for p in problems]
    for line in printed:
        assert PROBLEM.match(line) or line.startswith("outline.yaml:"), line
    return printed


@pytest.mark.parametrize("place", list(PLACES), ids=lambda p: ".".join(map(str, p)))
def test_every_type_at_every_place_gets_a_located_error(place):
    path, rules = PLACES[place]
    kinds = _kinds(rules)
    for name, (kind, spelling) in VALUES.items():
        printed = _check(_outline_with(path, spelling))
        fits = kind == "null" and rules.get("nullable", False) or \
            kinds is None or kind in kinds or (kind == "dict" and "dict" in kinds)
        if not fits or name in ("huge", "list-null", "list-list"):
            assert any(" error: " in line for line in printed), (name, printed)
        for line in printed:
            assert re.match(r"^outline\.yaml:\d+:\d+: (error|warning): ", line), line


def test_the_walk_reaches_every_key():
    keys = {p[-1] for p, _ in PLACES.values() if isinstance(p[-1], str)}
    assert {"intro", "kind", "footnotes", "session_groups", "appendices", "on_behalf_of",
            "levels", "ignore", "labels", "isbn", "date"} <= keys
    assert len(PLACES) > 80



@pytest.mark.parametrize("text, where, message", [
    ("footnotes: oops\n", "footnotes", "must be a mapping, not text"),
    ("sessions: 5\n", "sessions", "must be a list, not a number"),
    ("session_groups: breakout\n", "session_groups", "must be a mapping, not text"),
])
def test_shapes_that_crashed(tmp_path, text, where, message):
    path = tmp_path / "outline.yaml"
    base = EXAMPLES[1].read_text(encoding="utf-8")
    key = text.split(":")[0]
    data = yaml.safe_load(base)
    data.pop(key, None)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + text)
    result = run("validate", path)
    assert result.exit_code == 1, (result.output, result.exception)
    assert any(f": error: {where}" in line for line in result.output.splitlines()), \
        result.output
    if message:
        assert message in result.output


# -- random values of random types at random places of the examples --------------------------

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                    st.text(max_size=20), st.dates().map(str),
                    st.sampled_from(["plenary\n", "{", "}", "[^n1]", "**", "2019-13-45", "",
                                     "978-0-306-40615-7", "Breakout #{n}", "{x}"]))
VALUES_ANY = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(min_size=1, max_size=10), inner,
                                                 max_size=3)), max_leaves=6)


def _nodes(value, path=()):
    yield path
    items = value.items() if isinstance(value, dict) else enumerate(value) \
        if isinstance(value, list) else ()
    for key, sub in items:
        yield from _nodes(sub, path + (key,))


def _at(data, path):
    for step in path:
        data = data[step]
    return data


def _replaced(data, path, new):
    if not path:
        return new
    data = copy.deepcopy(data)
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = new
    return data


EXAMPLE_DATA = [load(p.read_text(encoding="utf-8")).data for p in EXAMPLES]


@st.composite
def broken_examples(draw):
    data = draw(st.sampled_from(EXAMPLE_DATA))
    for _ in range(draw(st.integers(1, 6))):
        # values under a key, mostly lists and mappings (where the schema's shapes are); not
        # the root nor the version (either stops validation; test_robustness tries those)
        paths = [p for p in _nodes(data) if p[:1] not in ((), ("rtdraft",))
                 and isinstance(p[-1], str)]
        shapes = [p for p in paths if isinstance(_at(data, p), (list, dict))]
        if not paths:
            break
        where = draw(st.one_of(st.sampled_from(shapes), st.sampled_from(paths)) if shapes
                     else st.sampled_from(paths))
        data = _replaced(data, where, draw(VALUES_ANY))
    return yaml.dump(data, Dumper=CoreDumper, allow_unicode=True, sort_keys=False)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_examples())
def test_random_values_at_random_places_of_the_examples(text):
    for line in _check(text):
        assert re.match(r"^outline\.yaml:\d+:\d+: (error|warning): ", line), line


@pytest.mark.parametrize("key, value, message", [
    ("sessions[0].kind", '"plenary\\n"',
     "'plenary\\n' must be a lowercase word (letters, digits, - or _), e.g. breakout"),
    ("meeting.dates", '"2021-03-29\\n"', "is not a date; write YYYY-MM-DD (or YYYY-MM)"),
    ("publication.date", '"2021\\n"', "is not a date; write YYYY-MM-DD, YYYY-MM or a year"),
    ("publication.catalogue_number", '"PS18-55/2019E-PDF\\n"', "is not a catalogue number"),
])
def test_a_pattern_matches_the_whole_text(key, value, message):
    path = tuple(int(s) if s.isdigit() else s
                 for s in re.split(r"[.\[\]]+", key) if s)
    printed = _check(_outline_with(path, value))
    assert any(f"error: {key}: " in line and message in line for line in printed), printed


def test_a_footnote_id_matches_whole():
    text = MINIMAL.replace("    - The event concluded.", '    - "The end.[^n1]"') + \
        'footnotes:\n  "n1\\n": A note.\n'
    printed = _check(text)
    assert "outline.yaml:22:3: error: footnotes['n1\\n']: 'n1\\n' is not a valid id: use " \
        "letters, digits, '-', '_' or '.'" in printed, printed


# -- what validates, renders ----------------------------------------------------------------

def _render_all(text: str) -> dict[str, bytes]:
    """Every format's bytes of an outline that validates."""
    source = load(text)
    assert [p for p in validate(source) if p.level == "error"] == []
    document = build(source.data)
    return {name: writer(document) for name, (_, writer) in WRITERS.items() if writer}


@pytest.mark.parametrize("date, stamp", [
    ("1900", (1980, 1, 1)), ("1979-12-31", (1980, 1, 1)), ("0001-01-01", (1980, 1, 1)),
    ("2107-12-31", (2107, 12, 31)), ("2108-01-01", (2107, 12, 31)), (2999, (2107, 12, 31)),
])
def test_any_publication_date_renders_with_a_zip_time_in_range(date, stamp):
    text = MINIMAL.replace("  department: Public Safety Canada",
                           f"  department: Public Safety Canada\n  date: {date!r}"
                           if isinstance(date, str) else
                           f"  department: Public Safety Canada\n  date: {date}")
    out = _render_all(text)
    with zipfile.ZipFile(io.BytesIO(out["docx"])) as package:
        assert {i.date_time[:3] for i in package.infolist()} == {stamp}
    assert str(date)[:4].lstrip("0") in out["md"].decode()


def test_appendices_past_z_are_lettered_as_word_does():
    appendices = "".join(f"  - title: Part {i}\n    organizations: [Org {i}]\n"
                         for i in range(30))
    out = _render_all(MINIMAL + "appendices:\n" + appendices)
    md = out["md"].decode()
    letters = re.findall(r"^#+ Appendix ([A-Z]+)\b", md, re.MULTILINE)
    assert letters == [chr(ord("A") + i) for i in range(26)] + ["AA", "AB", "AC", "AD"], md
    assert "Appendix AD" in out["html"].decode()


def test_letters():
    assert [appendix_letter(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)] == \
        ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]


@pytest.mark.parametrize("labels, message", [
    ("  appendix: 'Appendix {letter: {title}'",
     "labels.appendix: label 'appendix' has an unbalanced brace"),
    ("  appendix: 'Appendix } {letter}'",
     "labels.appendix: label 'appendix' has an unbalanced brace"),
    ("  months: January February",
     ("labels.months: 'months' needs exactly twelve month names, separated by spaces; "
     "it has 2")),
    ("  months: ''", "labels.months: must not be empty"),
    ("  session_plenary: '{n!r}'", ("labels.session_plenary: label 'session_plenary' cannot "
     "use {n!r}")),
    ("  appendix: '{letter.upper}'", "labels.appendix: label 'appendix' cannot use"),
])
def test_labels_that_cannot_render_are_errors(labels, message):
    printed = _check(MINIMAL + "labels:\n" + labels + "\n")
    assert any(message in line for line in printed), printed


def test_a_session_group_label_with_an_unbalanced_brace_is_an_error():
    printed = _check(MINIMAL + "session_groups:\n  plenary:\n    label: 'Plenary {n'\n")
    assert printed == [("outline.yaml:23:21: error: session_groups.plenary.label: a session label "
                       "has an unbalanced brace: a placeholder is written {name}, and a brace "
                       "itself {{ or }}")], printed


LABEL_TEXT = st.text(alphabet="{}nlettrsAB !:0>.", min_size=1, max_size=12)


@st.composite
def outlines_at_the_edges(draw):
    """The random outlines of test_robustness, with dates, labels and appendices drawn from
    the edges of what validate accepts."""
    data = load(draw(outlines())).data
    publication = data["publication"]
    publication["date"] = draw(st.one_of(
        st.integers(1900, 2999), st.dates().map(str),
        st.dates().map(lambda d: str(d)[:7]), st.integers(1, 9999).map(lambda y: f"{y:04d}")))
    labels = draw(st.dictionaries(st.sampled_from(sorted(PLACEHOLDERS)), LABEL_TEXT,
                                  max_size=2))
    if draw(st.booleans()):
        labels["months"] = " ".join(draw(st.lists(st.sampled_from(["Jan", "Fév", "Mar"]),
                                                  min_size=11, max_size=13)))
    if labels:
        data["labels"] = labels
    if draw(st.booleans()):
        data["session_groups"] = {"plenary": {"label": draw(LABEL_TEXT), "heading": "Plenary"}}
    extra = draw(st.integers(0, 30))
    data["appendices"] += [{"title": f"Part {i}", "body": ["Text."]} for i in range(extra)]
    return yaml.dump(data, Dumper=CoreDumper, allow_unicode=True, sort_keys=False)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines_at_the_edges())
def test_what_validates_renders_in_every_format(text):
    source = load(text)
    if any(p.level == "error" for p in validate(source)):
        return
    document = build(source.data)
    for name, (_, writer) in WRITERS.items():
        if writer:   # not pdf, made from the DOCX by LibreOffice: tests/test_pdf.py
            assert writer(document), name
