"""Editors' YAML slips: each gets a message saying where to act and what to write.

Every message is checked exactly: the line and column where the editor must
put the fix, the fix in plain words, then the parser's own words.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.outlines import MINIMAL, ROOT, examples, lines, load

from rtdraft.lint import lint
from rtdraft.outline.explain import INDICATORS
from rtdraft.outline.validate import validate


def edit(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


PARAGRAPH = "      - Trends were discussed."   # line 14, its text in column 9

SLIPS = {
    "half of a UTF-16 pair in double quotes": (
        edit("  - title: Trends", '  - title: "Trends \\ud83d\\ude00"'),
        ("outline.yaml:12:20: error: this title holds the escape \\ud83d, which is no "
         "character YAML can read in double quotes; write the character itself (an emoji as "
         "it is, not as two \\u halves), or put the text in single quotes to keep the "
         "backslash as written (YAML parser: found invalid Unicode character escape code, "
         "while parsing a quoted scalar)")),
    "an unknown escape in double quotes": (
        edit("  - title: Trends", '  - title: "Trends \\q"'),
        ("outline.yaml:12:20: error: this title holds the escape \\q, which is no character "
         "YAML can read in double quotes; write the character itself (an emoji as it is, not "
         "as two \\u halves), or put the text in single quotes to keep the backslash as "
         "written (YAML parser: found unknown escape character, while parsing a quoted "
         "scalar)")),
    "colon in a title": (
        edit("  - title: Trends", "  - title: Session two: Data"),
        ("outline.yaml:12:12: error: this title holds ': ', which YAML reads as the start of a "
        "key; put the whole title in quotes: 'Session two: Data' (YAML parser: mapping values "
        "are not allowed in this context)")),
    "colon in the second line of a paragraph": (
        edit(PARAGRAPH, "      - Trends were discussed\n        with a colon: here."),
        ("outline.yaml:14:9: error: this paragraph holds ': ' on line 15, which YAML reads as the "
        "start of a key; put the whole paragraph in quotes, at its start and at its end, or "
        "write it as a folded block (>-) (YAML parser: mapping values are not allowed in this "
        "context)")),
    "paragraph starting with a quoted word": (
        edit(PARAGRAPH, '      - "Meth" is the main threat.'),
        ("outline.yaml:14:9: error: this paragraph starts with \", which YAML reads as the start "
        "of a quoted value, which ends at the next \"; put the whole paragraph in quotes: "
        "'\"Meth\" is the main threat.' (YAML parser: did not find expected '-' indicator, "
        "while parsing a block collection)")),
    "paragraph starting with a single-quoted word": (
        edit(PARAGRAPH, "      - 'Meth' is the main threat."),
        ("outline.yaml:14:9: error: this paragraph starts with ', which YAML reads as the start "
        "of a quoted value, which ends at the next '; put the whole paragraph in quotes: "
        "\"'Meth' is the main threat.\" (YAML parser: did not find expected '-' indicator, "
        "while parsing a block collection)")),
    "paragraph starting with [": (
        edit(PARAGRAPH, "      - [Note] Trends were discussed."),
        ("outline.yaml:14:9: error: this paragraph starts with [, which YAML reads as the start "
        "of a list; put the whole paragraph in quotes: '[Note] Trends were discussed.' "
        "(YAML parser: did not find expected '-' indicator, while parsing a block collection)")),
    "paragraph starting with *italics*": (
        edit(PARAGRAPH, "      - *Draft* Trends were discussed."),
        ("outline.yaml:14:9: error: this paragraph starts with *, which YAML reads as an alias "
        "(a copy of another value); put the whole paragraph in quotes: '*Draft* Trends were "
        "discussed.' (YAML parser: did not find expected alphabetic or numeric character, "
        "while scanning an alias)")),
    "paragraph starting with *two italic words*": (
        edit(PARAGRAPH, "      - *Two words* were discussed."),
        ("outline.yaml:14:9: error: this paragraph starts with *, which YAML reads as an alias "
        "(a copy of another value); put the whole paragraph in quotes: '*Two words* were "
        "discussed.' (YAML parser: alias '*Two' names no anchor)")),
    "paragraph starting with &": (
        edit(PARAGRAPH, "      - & more were discussed."),
        ("outline.yaml:14:9: error: this paragraph starts with &, which YAML reads as an anchor "
        "(a name for a value); put the whole paragraph in quotes: '& more were discussed.' "
        "(YAML parser: did not find expected alphabetic or numeric character, while scanning "
        "an anchor)")),
    "paragraph starting with !": (
        edit(PARAGRAPH, "      - !important trends were discussed."),
        ("outline.yaml:14:9: error: this paragraph starts with !, which YAML reads as a tag (the "
        "type of the value); put the whole paragraph in quotes: '!important trends were "
        "discussed.' (YAML parser: unsupported YAML tag '!important')")),
    "paragraph starting with %": (
        edit(PARAGRAPH, "      - % of seizures rose."),
        ("outline.yaml:14:9: error: this paragraph starts with %, which YAML reads as a "
        "directive; put the whole paragraph in quotes: '% of seizures rose.' (YAML parser: "
        "found character that cannot start any token, while scanning for the next token)")),
    "paragraph starting with @": (
        edit(PARAGRAPH, "      - @RCMP posted the trends."),
        ("outline.yaml:14:9: error: this paragraph starts with @, which YAML reads as a reserved "
        "character; put the whole paragraph in quotes: '@RCMP posted the trends.' (YAML "
        "parser: found character that cannot start any token, while scanning for the next "
        "token)")),
    "paragraph starting with a backquote": (
        edit(PARAGRAPH, "      - `fentanyl` was discussed."),
        ("outline.yaml:14:9: error: this paragraph starts with `, which YAML reads as a reserved "
        "character; put the whole paragraph in quotes: '`fentanyl` was discussed.' (YAML "
        "parser: found character that cannot start any token, while scanning for the next "
        "token)")),
    "list item one space too little": (
        edit(PARAGRAPH, PARAGRAPH + "\n     - Data gaps were named."),
        ("outline.yaml:15:6: error: this list item starts in column 6 and the one above it in "
        "column 7; the items of a list start in the same column: move it 1 space right (YAML "
        "parser: did not find expected key, while parsing a block mapping)")),
    "key one space too far": (
        edit("    body:\n      - Trends", "     body:\n      - Trends"),
        ("outline.yaml:13:6: error: the key 'body' starts in column 6 and the key above it "
        "('title') in column 5; the keys of a mapping start in the same column: move it 1 space "
        "left (YAML parser: mapping values are not allowed in this context)")),
    "quote never closed, at the end of the file": (
        edit("    - The event concluded.", '    - "The event concluded.'),
        ("outline.yaml:20:7: error: the quote \" that opens this text is never closed: end the "
        "text with \", or remove the quote (YAML parser: found unexpected end of stream, while "
        "scanning a quoted scalar)")),
    "quote never closed, before another quote": (
        edit(PARAGRAPH, '      - "Trends were discussed.') +
        "appendices:\n  - title: Agenda\n    agenda:\n      - {time: \"13:00\", title: Trends}\n",
        ("outline.yaml:14:9: error: the quote \" that opens this text is not closed on its line "
        "(YAML reads on to the \" on line 24): end the text with \", or remove the quote (YAML "
        "parser: did not find expected '-' indicator, while parsing a block collection)")),
    "quote never closed, in a text block": (
        edit(PARAGRAPH, "      - 'In Calgary,\n        meth is the main threat.") +
        "footnotes:\n  a: The city's figures.\n",
        ("outline.yaml:14:9: error: the quote ' that opens this text is not closed on its line "
        "(YAML reads on to the ' on line 23): end the text with ', or remove the quote (YAML "
        "parser: did not find expected '-' indicator, while parsing a block collection)")),
    "a paragraph read as a key": (
        edit("    - The event concluded.", "    - Next steps: the next meeting is in June."),
        ("outline.yaml:20:7: error: conclusion.body[0]: this paragraph was read as a key, "
        "'Next steps', because a colon and a space follow those words; put the whole paragraph "
        "in quotes: 'Next steps: the next meeting is in June.'")),
    "an organization read as a key": (
        MINIMAL + "appendices:\n  - title: Organizations\n    organizations:\n"
                  "      - Health Canada: Controlled Substances\n",
        ("outline.yaml:24:9: error: appendices[0].organizations[0]: this text was read as a key, "
        "'Health Canada', because a colon and a space follow those words; put the whole text in "
        "quotes: 'Health Canada: Controlled Substances'")),
    "toc under meeting": (
        edit("  dates: 2021-03-29", "  dates: 2021-03-29\n  toc: true"),
        ("outline.yaml:6:3: error: meeting.toc: unknown key 'toc' here; did you mean "
        "`publication.toc`? (move it under `publication:`)")),
    "footnotes under conclusion": (
        MINIMAL + "  footnotes:\n    a: A note.\n",
        ("outline.yaml:21:3: error: conclusion.footnotes: unknown key 'footnotes' here; did you "
        "mean `footnotes` at the top level? (move it at the start of its line)")),
    "a tab for indentation": (
        edit(PARAGRAPH, PARAGRAPH + "\n\t- Data gaps."),
        ("outline.yaml:15:1: error: a tab indents this line; YAML indents with spaces only: "
        "replace the tab with spaces (YAML parser: found a tab character that violates "
        "indentation, while scanning a plain scalar)")),
    # A line of a paragraph left of its text: the parser stops a line or two below (line
    # 17, the next key); the message is at the slip's line.
    "a paragraph's line at the margin": (
        edit(PARAGRAPH, "      - Trends were discussed\nin depth."),
        ("outline.yaml:15:1: error: this line goes on with the text above it but starts in "
         "column 1, left of that text (column 9): move it 8 spaces right, or put the whole "
         "paragraph in quotes, at its start and at its end (YAML parser: could not find "
         "expected ':', while scanning a simple key)")),
    "a paragraph's third line under the key above": (
        edit(PARAGRAPH, "      - Trends were discussed\n        at length and\n   in depth.\n"
                        "      - Data gaps."),
        ("outline.yaml:16:4: error: this line goes on with the text above it but starts in "
         "column 4, left of that text (column 9): move it 5 spaces right, or put the whole "
         "paragraph in quotes, at its start and at its end (YAML parser: did not find expected "
         "'-' indicator, while parsing a block collection)")),
    # One cause, one error: not three 'footnote [^a] is not defined' before it.
    "a misspelled top-level key": (
        MINIMAL.replace("    - The roundtable met once.\n",
                        "    - The roundtable[^a] met[^b] once[^a].\n")
        + "foonotes:\n  a: Note A.\n  b: Note B.\n",
        "outline.yaml:21:1: error: foonotes: unknown key 'foonotes'; did you mean 'footnotes'?"),
    "one wrong date, copied to a session and an agenda item": (
        edit("  dates: 2021-03-29", "  dates: [2021-09-22, 2021-09-31]").replace(
            "  - title: Trends\n", "  - title: Trends\n    date: 2021-09-31\n")
        + "appendices:\n  - title: Agenda\n    agenda:\n      - {date: 2021-09-22, title: A}\n"
          "      - {date: 2021-09-31, title: B}\n",
        ("outline.yaml:5:23: error: meeting.dates[1]: '2021-09-31' is not a date; write "
         "YYYY-MM-DD (or YYYY-MM) (the same date on lines 13, 26)")),
}


@pytest.mark.parametrize("name", SLIPS)
def test_each_slip_says_where_to_act_and_what_to_write(name):
    text, message = SLIPS[name]
    assert lines(text) == [message]


QUOTING = [n for n in SLIPS if "YAML parser" in SLIPS[n][1] and " in quotes: " in SLIPS[n][1]]


@pytest.mark.parametrize("name", QUOTING)
def test_the_quoting_offered_gives_a_valid_outline(name):
    text, message = SLIPS[name]
    shown = message.split("in quotes: ", 1)[1].rsplit(" (YAML parser", 1)[0]
    line, column = (int(n) for n in message.split(":")[1:3])
    rows = text.split("\n")
    row = rows[line - 1]
    rows[line - 1] = row[:column - 1] + shown
    assert lines("\n".join(rows)) == []


def test_a_key_close_to_one_here_is_still_a_typo():
    assert lines(edit("  dates: 2021-03-29", "  dates: 2021-03-29\n  date: 2021-03-29")) == [
        "outline.yaml:6:3: error: meeting.date: unknown key 'date'; did you mean 'dates'?"]


# -- text lost without an error: lint warnings -------------------------------------

def warnings(text: str, rule: str) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in lint(load(text)) if p.rule == rule]


def test_words_after_a_hash_are_reported_where_they_are_lost():
    text = edit(PARAGRAPH, "      - The meeting ended. #1 priority is data.")
    assert warnings(text, "comment-in-text") == [
        ("14:28: '#1 priority is data.' is a YAML comment, dropped from the text; to keep it, "
        "put the whole text in quotes: 'The meeting ended. #1 priority is data.' (a comment "
        "meant as one goes on a line of its own)")]
    assert load(text).data["sessions"][0]["body"] == ["The meeting ended."]


def test_a_title_loses_words_too_and_quotes_keep_them():
    text = edit("  - title: Trends", "  - title: Trends #2")
    assert warnings(text, "comment-in-text") == [
        ("12:19: '#2' is a YAML comment, dropped from the text; to keep it, put the whole text "
        "in quotes: 'Trends #2' (a comment meant as one goes on a line of its own)")]
    assert warnings(edit("  - title: Trends", '  - title: "Trends #2"'), "comment-in-text") == []


def test_comments_on_their_own_line_or_after_other_values_are_fine():
    text = edit("  dates: 2021-03-29", "  # the first day\n  dates: 2021-03-29  # one day")
    assert warnings(text, "comment-in-text") == []


def test_a_real_comment_after_text_can_be_accepted():
    text = edit(PARAGRAPH, "      - Trends were discussed.  # check with the RCMP") + (
        "lint:\n  ignore:\n    - rule: comment-in-text\n      path: sessions[0].body[0]\n"
        "      reason: a note to ourselves\n")
    assert warnings(text, "comment-in-text") == []


def test_a_list_item_one_space_too_far_is_joined_to_the_item_above():
    text = edit(PARAGRAPH, PARAGRAPH + "\n       - Data gaps were named.")
    assert lines(text) == []   # valid YAML: the editor sees nothing but in lint
    assert load(text).data["sessions"][0]["body"] == [
        "Trends were discussed. - Data gaps were named."]
    assert warnings(text, "item-in-text") == [
        ("15:8: this line was joined to the text above it, not read as a new list item: its "
        "dash is in column 8, the dash above in column 7; line the dashes up")]


def test_mixed_quotes_flag_the_rarer_kind():
    text = edit(PARAGRAPH, "      - Canada's partners and the city's police met.\n"
                           "      - The RCMP’s role was discussed.")
    assert warnings(text, "mixed-quotes") == [
        ("15:13: curly ’ in 'RCMP’s', while the outline's other apostrophes and single quotes "
        "are straight (2); use one kind throughout")]
    assert warnings(edit(PARAGRAPH, "      - The RCMP’s role."), "mixed-quotes") == []


# -- any slip, anywhere: a message, never a traceback --------------------------------

EXAMPLE = (ROOT / "examples" / "fall-2019-winnipeg.yaml").read_text(encoding="utf-8")
ROWS = EXAMPLE.split("\n")


def _slipped():
    row = st.integers(0, len(ROWS) - 1)
    return st.one_of(
        st.tuples(row, st.sampled_from(list(INDICATORS) + [": ", " #", "\t"])).map(
            lambda a: _at_text(a[0], a[1])),                                   # slip at a text
        st.tuples(row, st.sampled_from([-1, 1])).map(lambda a: _shift(*a)),    # one space off
    )


def _at_text(index: int, slip: str) -> str:
    rows = list(ROWS)
    m = re.match(r"(\s*(?:- )?(?:\w+: )?)(.*)", rows[index])
    rows[index] = m.group(1) + slip + m.group(2)
    return "\n".join(rows)


def _shift(index: int, by: int) -> str:
    rows = list(ROWS)
    rows[index] = " " + rows[index] if by > 0 else re.sub("^ ", "", rows[index])
    return "\n".join(rows)


@settings(max_examples=examples(80), deadline=None)
@given(_slipped())
def test_any_slip_gets_a_message_at_a_place_in_the_file(text):
    source = load(text)
    rows = text.split("\n")
    for problem in validate(source):
        assert 1 <= problem.line <= len(rows)
        assert 1 <= problem.column <= len(rows[problem.line - 1]) + 1
        assert problem.message
    if source.ok and not validate(source):
        lint(source)


# -- the reference's "Common mistakes" table: what it shows is what happens ----------

def _mistakes_table() -> list[tuple[str, str]]:
    reference = (ROOT / "docs" / "outline.md").read_text(encoding="utf-8")
    section = reference.split("## Common mistakes", 1)[1].split("\n## ", 1)[0]
    pairs = []
    for row in re.findall(r"^\| (.*) \|$", section, re.MULTILINE)[2:]:
        wrote, _, fix = row.split(" | ")
        spans = [re.findall(r"`([^`]+)`", cell) for cell in (wrote, fix)]
        if spans[0] and spans[1] and spans[0][0][:2] == spans[1][-1][:2]:
            pairs.append((spans[0][0], spans[1][-1]))
    return pairs


MISTAKES = _mistakes_table()


def _in_outline(snippet: str) -> str:
    if snippet.startswith("- "):
        return edit(PARAGRAPH, "      " + snippet)
    return edit("  - title: Trends", "  - " + snippet)


def test_the_reference_shows_the_slips_with_their_fixes():
    assert len(MISTAKES) == 5


@pytest.mark.parametrize(("wrote", "fix"), MISTAKES)
def test_each_mistake_in_the_reference_is_caught_and_its_fix_is_valid(wrote, fix):
    caught = validate(load(_in_outline(wrote))) or \
        [p for p in lint(load(_in_outline(wrote))) if p.rule == "comment-in-text"]
    assert caught != []
    fixed = load(_in_outline(fix))
    assert validate(fixed) == []
    assert [p for p in lint(fixed) if p.rule == "comment-in-text"] == []


def test_the_reference_quotes_a_message_as_validate_prints_it():
    reference = (ROOT / "docs" / "outline.md").read_text(encoding="utf-8")
    assert f"\n{SLIPS['colon in a title'][1]}\n" in reference


@pytest.mark.parametrize("head", ["", "# from a JSON tool\n---\n", "%YAML 1.2\n--- # JSON\n"])
def test_an_outline_in_flow_style_is_not_taken_for_a_paragraph(head):
    """A `{` that opens the document is an outline written as JSON: the parser's words at
    its place, not 'this paragraph starts with {'."""
    text = head + '{"rtdraft": 1, "meeting": {"title": "Spring", "host": *who}}\n'
    line = head.count("\n") + 1
    assert lines(text) == [(f"outline.yaml:{line}:55: error: invalid YAML: alias '*who' "
                            "names no anchor")]


def test_a_mapping_open_across_lines_is_ordinary_in_json():
    """Pretty-printed JSON opens { on one line and closes it lines below: a missing comma
    is said where the parser finds it, not as a mapping 'not closed on its line'."""
    text = '{\n  "rtdraft": 1,\n  "meeting": {\n    "title": "x"\n    "host": "y"\n  }\n}\n'
    assert lines(text) == [("outline.yaml:5:5: error: invalid YAML: did not find expected "
                            "',' or '}' (while parsing a flow mapping)")]


def test_a_slip_in_a_value_of_the_top_level_names_its_key():
    """The message names the key whose value slipped, at the top level as below it
    (`opening_remarks` was "this value", as an unknown key is)."""
    assert lines('opening_remarks: "a" b\n') == [
        ("outline.yaml:1:18: error: this opening remarks starts with \", which YAML reads as "
         "the start of a quoted value, which ends at the next \"; put the whole opening "
         "remarks in quotes: '\"a\" b' (YAML parser: did not find expected key, while parsing "
         "a block mapping)")]


def test_the_known_keys_are_every_key_name_of_the_json_schema(monkeypatch):
    """explain tells a key from the first words of a text by the outline format's key
    names: the same names as the published JSON schema's properties, at every level."""
    import json

    from rtdraft.outline import explain
    names: set[str] = set()

    def properties(node):
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for value in node.values():
                properties(value)
        elif isinstance(node, list):
            for value in node:
                properties(value)
    properties(json.loads((ROOT / "schema" / "rtdraft-1.schema.json").read_text("utf-8")))
    monkeypatch.setattr(explain, "_KNOWN", None)     # made again, not the cached set
    assert explain.known_keys() == names
