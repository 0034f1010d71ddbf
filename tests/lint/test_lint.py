"""Every lint rule: a case it flags at an exact line and column, and correct text it leaves alone."""

import json
import subprocess
import sys

import pytest
from support.cli import run
from support.outlines import EXAMPLES, MINIMAL, ROOT, load

from rtdraft.lint import RULES, lint, reference, rule_ids
from rtdraft.outline.normal import normalise


def outline(intro: str = "", extra: str = "", session: str = "Trends were discussed.") -> str:
    text = MINIMAL
    if intro:
        text = text.replace("    - The roundtable met once.\n", intro)
    text = text.replace("      - Trends were discussed.\n", f"      - {session}\n")
    return text + extra


def warnings(text: str, rule: str | None = None) -> list[str]:
    source = load(text)
    return [f"{p.line}:{p.column}: {p.message}" for p in lint(source)
            if rule is None or p.rule == rule]


# -- acronym-undefined / -conflict / -redefined -----------------------------------------

def test_abbreviation_used_before_its_definition():
    text = outline("""\
    - >-
      The CBSA met partners. Later the Canada Border
      Services Agency (CBSA) spoke.
""")
    assert warnings(text, "acronym-undefined") == [
        "11:11: 'CBSA' is used before it is defined; move the definition here, to its first use"]


CBSA = MINIMAL.replace("""\
  - title: Trends
    body:
      - Trends were discussed.
""", """\
  - title: Trends
    body:
      - Trends were discussed.
  - kind: breakout
    title: Ports
    body:
      - The Canada Border Services Agency (CBSA) spoke.
  - title: Borders
    body:
      - The CBSA seized parcels.
""")


def test_abbreviations_are_read_in_the_order_the_summary_prints_them():
    # The summary prints the plenary sessions (Trends, Borders), then the breakout (Ports):
    # the reader meets 'CBSA' in Borders before its definition in Ports.
    assert warnings(CBSA, "acronym-undefined") == [
        ("21:13: 'CBSA' is used before it is defined; move the definition here, to its "
        "first use")]
    swapped = CBSA.replace("The Canada Border Services Agency (CBSA) spoke.", "The CBSA spoke.")
    swapped = swapped.replace("The CBSA seized parcels.",
                              "The Canada Border Services Agency (CBSA) seized parcels.")
    assert warnings(swapped, "acronym-undefined") == []


def test_lint_reads_the_texts_of_the_model():
    from support.outlines import build
    document = build(load(CBSA).data, places=load(CBSA).places)
    sessions = [(t.path, t.line, t.column) for t in document.texts if t.path[0] == "sessions"
                and t.role == "prose"]
    assert sessions == [(("sessions", 0, "body", 0), 14, 9), (("sessions", 2, "body", 0), 21, 9),
                        (("sessions", 1, "body", 0), 18, 9)]
    [borders] = [b for b in document.headings if b.text.endswith("Borders")]
    assert borders.text == "Plenary Session 2: Borders"
    assert (borders.origin.path, borders.origin.line, borders.origin.column) == (
        ("sessions", 2, "title"), 19, 12)


def test_abbreviation_never_defined_and_close_to_a_defined_one():
    text = outline("    - The United States Postal Inspection Service (USPIS), USPIIS and RCMP.\n")
    assert warnings(text, "acronym-undefined") == [
        "10:60: 'USPIIS' is never defined; did you mean USPIS, defined earlier?",
        ("10:71: 'RCMP' is never defined; write the full name followed by (RCMP) where it is "
        "first used")]


def test_abbreviations_defined_first_known_or_declared_are_fine():
    text = outline("    - >-\n      Organized crime groups (OCGs) grow; OCG activity, U.S. and "
                   "UN data, UPS parcels; the Joint Criminal Opioid and Darknet Enforcement "
                   "(J-CODE) team; J-CODE works.\n",
                   extra="lint:\n  abbreviations: [UPS]\n")
    assert warnings(text, "acronym-undefined") == []


def test_capitals_of_a_tagline_are_not_abbreviations():
    text = MINIMAL.replace("  department: Public Safety Canada\n",
                           "  department: Public Safety Canada\n  tagline: BUILDING A SAFE "
                           "AND RESILIENT CANADA\n")
    assert warnings(text, "acronym-undefined") == []


def test_conflicting_and_repeated_definitions():
    text = outline("    - Organized Crime Groups (OCGs) and Outlaw Crime Gangs (OCGs).\n"
                   "    - Drug Analysis Service (DAS) and Drug Analysis Service (DAS).\n")
    assert warnings(text, "acronym-conflict") == [
        ("10:60: 'OCGs' stands for 'Outlaw Crime Gangs' here but for 'Organized Crime Groups' "
        "earlier")]
    assert warnings(text, "acronym-redefined") == [
        ("11:61: 'DAS' is defined again; it was defined as 'Drug Analysis Service' earlier, so "
        "'DAS' alone will do")]


# -- name-variant -------------------------------------------------------------------------

SPEAKER = """\
opening_remarks:
  speakers: [{name: Trevor Bhupsingh}]
  body: [Trevor Bhupsingh opened.]
"""


def test_person_spelled_two_ways():
    text = outline().replace("outcomes:", SPEAKER + "outcomes:").replace(
        "    - The event concluded.\n",
        "    - The event concluded with remarks from Trevor\n      Bhup Singh.\n")
    assert warnings(text, "name-variant") == [
        "23:45: 'Trevor Bhup Singh' is spelled 'Trevor Bhupsingh' elsewhere in the outline"]


def test_organization_variants_against_the_appendix():
    appendix = """\
appendices:
  - title: Organizations
    organizations:
      - Abbotsford Police Service
      - Ministry of Corrections & Policing, Saskatchewan
      - Saginaw-Chippewa Indian Tribe
"""
    text = outline("    - The Abbotsford Police Department, the Ministry of Corrections and "
                   "Policing, Saskatchewan and the Saginaw Chippewa court met.\n",
                   extra=appendix)
    assert warnings(text, "name-variant") == [
        ("10:11: 'Abbotsford Police Department' is named 'Abbotsford Police Service' elsewhere "
        "in the outline"),
        ("10:45: 'Ministry of Corrections and Policing, Saskatchewan' is spelled 'Ministry of "
        "Corrections & Policing, Saskatchewan' elsewhere in the outline"),
        "10:104: 'Saginaw Chippewa' is spelled 'Saginaw-Chippewa' elsewhere in the outline"]


def test_names_as_given_and_possessives_are_fine():
    text = outline("    - The Calgary Police Service's team and the Calgary Police Service "
                   "met; police services agreed.\n",
                   extra="appendices:\n  - title: O\n    organizations: [Calgary Police Service]\n")
    assert warnings(text, "name-variant") == []


# -- organizations ----------------------------------------------------------------------------

def test_duplicate_and_unsorted_organizations():
    text = MINIMAL + """\
appendices:
  - title: Organizations
    organizations:
      - The Abbotsford Police Service
      - Canadian Police Association
      - Calgary Police Service
      - Canadian police association
      - École nationale de police
"""
    assert warnings(text, "duplicate-organization") == [
        "27:9: 'Canadian police association' is already listed (item 2); remove one"]
    assert warnings(text, "unsorted-organizations") == [
        ("26:9: 'Calgary Police Service' should come before 'Canadian Police Association' "
        "(alphabetical order)")]


# -- spelling, stigma, placeholders ---------------------------------------------------------

def test_spelling_mix_points_at_the_non_canadian_spelling():
    text = outline("    - Impulsive behavior was noted.\n    - Stigmatizing behaviours were too; "
                   "the Center for Disease Control spoke.\n    - The centre opened.\n")
    assert warnings(text, "spelling-mix") == [
        ("10:17: 'behavior' is spelled 'behaviours' elsewhere; Canadian federal spelling: "
        "behaviour")]


def test_one_spelling_throughout_is_fine():
    assert warnings(outline("    - Behavior and behaviors.\n"), "spelling-mix") == []


def test_stigmatizing_terms_with_alternatives():
    text = outline("    - Substance users and an addict; substance abuse; a clean test.\n"
                   "    - Elder abuse, domestic abuse and clean water are other senses.\n")
    assert warnings(text, "stigmatizing-language") == [
        ("10:7: 'Substance users' can stigmatize; the Canadian Centre on Substance Use and "
        "Addiction suggests: people who use drugs (or substances)"),
        ("10:30: 'addict' can stigmatize; the Canadian Centre on Substance Use and Addiction "
        "suggests: person who uses drugs (or person with a substance use disorder)"),
        ("10:38: 'substance abuse' can stigmatize; the Canadian Centre on Substance Use and "
        "Addiction suggests: substance use (or problematic substance use, substance use "
        "disorder)"),
        ("10:57: 'clean test' can stigmatize; the Canadian Centre on Substance Use and "
        "Addiction suggests: negative (or positive) test result")]


def test_placeholders():
    text = outline("    - The date is TBD.\n    - \"[[Summarize the session.]]\"\n")
    assert {p.level for p in lint(load(text))} == {"warning"}
    assert warnings(text, "placeholder") == [
        "10:19: 'TBD' is a placeholder; replace it with the final text",
        "11:8: '[[Summarize the session.]]' is a placeholder; replace it with the final text"]
    assert warnings(text, "acronym-undefined") == []


# -- counts and appendix references ----------------------------------------------------------

def test_session_and_day_counts():
    text = outline("    - There were three plenary sessions over two days, in a two-day event.\n")
    assert warnings(text, "count-mismatch") == [
        "10:18: the text says three plenary sessions but the outline has 1 plenary session",
        "10:41: the text says 'over two days' but the meeting has 1 date",
        "10:61: the text says 'two-day' but the meeting has 1 date"]


def test_counts_that_match_are_fine():
    assert warnings(outline("    - The agenda had 1 plenary sessions over a one-day event.\n"),
                    "count-mismatch") == []


def test_appendix_references():
    appendix = "appendices:\n  - title: Agenda\n    agenda: [{title: Opening}]\n"
    text = outline("    - See Appendix A for a list of organizations and Appendix C.\n",
                   extra=appendix)
    assert warnings(text, "appendix-reference") == [
        ("10:11: 'Appendix A for a list of organizations' points at 'Agenda', which is not an "
        "organizations list"),
        "10:54: 'Appendix C' does not exist; the outline has appendices only A"]
    assert warnings(outline("    - See Appendix A for the agenda.\n", extra=appendix),
                    "appendix-reference") == []


# -- Canada.ca style ----------------------------------------------------------------------------

def test_style_points():
    text = outline("    - Crimes (e.g. fraud) on October 8th, 2019; a twenty-nine percent (29%) "
                   "rise; the the end.\n")
    assert warnings(text, "latin-abbreviation") == [
        "10:15: 'e.g.': write 'for example (or such as)' (Canada.ca Content Style Guide)"]
    assert warnings(text, "ordinal-date") == [
        "10:30: 'October 8th': write 'October 8' (no ordinal suffix in dates)"]
    assert warnings(text, "number-doubling") == [
        ("10:51: 'twenty-nine percent (29%)' gives the number twice; write it once, in "
        "numerals: 29%")]
    assert warnings(text, "repeated-word") == ["10:83: 'the' is repeated"]


def test_heading_case():
    text = outline().replace("sessions:\n", """\
sessions:
  - title: Current Drug Trends and Organized Crime
    body: [x]
  - title: Leveraging existing data and addressing gaps
    body: [x]
""")
    assert warnings(text, "heading-case") == [
        ("14:12: 'Leveraging existing data and addressing gaps' is in sentence case; the other "
        "headings are in title case")]


# -- settings, CLI, examples, documentation --------------------------------------------------------

def test_outline_can_disable_a_rule_or_ignore_a_path():
    base = outline("    - Crimes (e.g. fraud).\n    - Also (e.g. theft).\n")
    assert len(warnings(base, "latin-abbreviation")) == 2
    assert warnings(base + "lint:\n  disable: [latin-abbreviation]\n") == []
    ignored = base + ("lint:\n  ignore:\n    - {rule: latin-abbreviation, path: "
                      "'introduction.body[1]', reason: quoted}\n")
    assert warnings(ignored, "latin-abbreviation") == [
        "10:15: 'e.g.': write 'for example (or such as)' (Canada.ca Content Style Guide)"]


def test_outline_sets_a_rule_level():
    text = outline("    - The date is TBD (e.g. soon).\n",
                   extra="lint:\n  levels: {placeholder: error, latin-abbreviation: note}\n")
    assert [(p.rule, p.level, p.line, p.column) for p in lint(load(text))] == [
        ("placeholder", "error", 10, 19), ("latin-abbreviation", "note", 10, 24)]


def test_levels_name_known_rules_and_levels():
    from rtdraft.outline.validate import validate
    problems = validate(load(MINIMAL + "lint:\n  levels: {placeholders: error, placeholder: "
                             "fatal}\n"))
    assert [(p.line, p.column, p.message) for p in problems] == [
        (22, 12, "unknown lint rule 'placeholders'; did you mean 'placeholder'?"),
        (22, 46, "'fatal' is not allowed; use one of: error, warning, note")]


def test_department_fr_is_read_with_a_note():
    text = MINIMAL.replace("  department: Public Safety Canada\n",
                           "  department: Public Safety Canada\n  department_fr: Sécurité "
                           "publique Canada\n")
    [problem] = lint(load(text))
    assert (problem.level, problem.line, problem.column, problem.rule) == (
        "note", 8, 3, "department-fr")
    assert problem.message == ("department_fr is now called department_other (the "
                               "department's name in the other official language); rename "
                               "the key")
    assert normalise(load(text).data)["publication"]["department_other"] == \
        "Sécurité publique Canada"


def test_unknown_rule_in_settings_is_an_error():
    from rtdraft.outline.validate import validate
    [problem] = validate(load(MINIMAL + "lint:\n  disable: [latin-abbreviations]\n"))
    assert problem.message == ("unknown lint rule 'latin-abbreviations'; did you mean "
                               "'latin-abbreviation'?")
    assert (problem.line, problem.column) == (22, 13)


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.yaml").write_text(MINIMAL)
    (tmp_path / "warn.yaml").write_text(outline("    - Crimes (e.g. fraud).\n"))
    (tmp_path / "bad.yaml").write_text(MINIMAL.replace("rtdraft: 1", "rtdraft: 1\nzzz: 1"))
    return tmp_path



def test_cli_exit_codes(files):
    assert (run("lint", "ok.yaml").exit_code, run("lint", "ok.yaml").stdout) == (0, "")
    result = run("lint", "warn.yaml")
    assert result.stderr == "1 file, 1 problem (1 warning)\n"
    assert (result.exit_code, result.stdout) == (0, ("warn.yaml:10:15: warning: introduction."
                                                 "body[0]: 'e.g.': write 'for example (or such "
                                                 "as)' (Canada.ca Content Style Guide)\n"))
    assert run("lint", "--strict", "warn.yaml").exit_code == 3
    assert run("lint", "--strict", "ok.yaml").exit_code == 0
    assert run("lint", "--strict", "--disable", "latin-abbreviation", "warn.yaml").exit_code == 0
    result = run("lint", "warn.yaml", "bad.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1] == ("bad.yaml:2:1: error: zzz: unknown key 'zzz'; "
                                             "expected one of: rtdraft, meeting, publication, "
                                             "introduction, opening_remarks, session_groups, "
                                             "sessions, outcomes, conclusion, appendices, "
                                             "footnotes, lint, labels")


def test_cli_levels_set_by_the_outline(files):
    (files / "levels.yaml").write_text(outline(
        "    - The date is TBD (e.g. soon).\n",
        extra="lint:\n  levels: {placeholder: error, latin-abbreviation: note}\n"))
    result = run("lint", "levels.yaml")
    assert result.exit_code == 1
    assert result.stderr == "1 file, 2 problems (1 error, 1 note)\n"
    assert result.stdout.splitlines() == [
        ("levels.yaml:10:19: error: introduction.body[0]: 'TBD' is a placeholder; replace it "
        "with the final text"),
        ("levels.yaml:10:24: note: introduction.body[0]: 'e.g.': write 'for example (or such "
        "as)' (Canada.ca Content Style Guide)")]
    (files / "note.yaml").write_text(outline(
        "    - Soon (e.g. now).\n", extra="lint:\n  levels: {latin-abbreviation: note}\n"))
    assert run("lint", "--strict", "note.yaml").exit_code == 0   # a note is not a warning
    result = run("lint", "--format", "github", "note.yaml")
    assert result.stdout.startswith("::notice file=note.yaml,line=10,col=13,")


def test_no_exit_is_hidden_in_the_command_line_layer():
    from rtdraft import cli
    text = (ROOT / "rtdraft" / "cli.py").read_text(encoding="utf-8")
    assert "sys.exit" not in text and "SystemExit" not in text
    assert cli.errors.InvalidOutline("").exit_code == 1
    assert cli.errors.StrictWarnings("").exit_code == 3


def test_cli_formats_and_unknown_rule(files):
    result = run("lint", "--format", "parsable", "warn.yaml")
    assert result.stdout.endswith("(latin-abbreviation)\n") and "[warning]" in result.stdout
    result = run("lint", "--format", "github", "warn.yaml")
    assert result.stdout.startswith("::warning file=warn.yaml,line=10,col=15,")
    result = run("lint", "--disable", "nope", "warn.yaml")
    assert result.exit_code == 2 and "no rule 'nope'" in result.output


def test_list_rules(files):
    result = run("lint", "--list-rules")
    assert result.output.splitlines()[0] == ("acronym-undefined: An abbreviation used before "
                                             "it is defined, or never defined.")
    assert len(result.output.splitlines()) == len(RULES)


def test_every_rule_is_documented_with_examples():
    for rule_id in rule_ids():
        doc = RULES[rule_id].__doc__
        assert "Bad:" in doc and "Good:" in doc, rule_id


def test_docs_lint_md_is_current():
    assert (ROOT / "docs" / "lint.md").read_text(encoding="utf-8") == reference(), \
        "run: python -m rtdraft.lint > docs/lint.md"


EXPECTED = {
    "spring-2019-halifax.yaml": [
        "123:59 latin-abbreviation",
        "302:81 name-variant",
        "311:12 heading-case",
        "440:9 unsorted-organizations",
        "466:9 unsorted-organizations",
    ],
}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_lint_without_errors(path):
    problems = lint(load(path.read_text(encoding="utf-8")))
    assert all(p.level == ("note" if p.rule == "plain-language" else "warning")
               for p in problems)
    # spelling: test_spelling.py; plain-language's advice: test_plain.py
    problems = [p for p in problems if p.rule not in ("spelling", "plain-language")]
    if path.name in EXPECTED:
        assert [f"{p.line}:{p.column} {p.rule}" for p in problems] == EXPECTED[path.name]


def test_fall_2019_findings():
    path = ROOT / "examples" / "fall-2019-winnipeg.yaml"
    found = [(p.line, p.rule, p.message) for p in lint(load(path.read_text(encoding="utf-8")))
             if p.rule not in ("number-doubling", "spelling", "plain-language")]
    assert [f"{line} {rule}" for line, rule, _ in found] == [   # spelling: test_spelling.py
        "99 acronym-undefined", "108 spelling-mix", "127 mixed-quotes", "178 name-variant",
        "386 acronym-undefined",
        "414 acronym-undefined", "450 acronym-redefined", "494 name-variant",
        "554 acronym-undefined", "591 mixed-quotes", "616 acronym-undefined",
        "695 stigmatizing-language",
        "705 acronym-redefined", "724 name-variant", "788 name-variant",
        "802 unsorted-organizations", "806 unsorted-organizations",
        "809 duplicate-organization", "809 unsorted-organizations",
        "834 unsorted-organizations", "836 unsorted-organizations"]


def test_rule_ids_are_read_without_importing_the_rules():
    import subprocess
    import sys
    code = ("import sys; from rtdraft.outline.validate import validate; "
            "from rtdraft.outline.rules import rule_ids; ids = rule_ids(); "
            "print(len(ids), any(m.startswith('rtdraft.lint.') and m.split('.')[-1] not in "
            "('registry', 'text') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout == f"{len(RULES)} False\n"
    assert rule_ids() == list(RULES)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_model_meets_every_text_of_the_outline(path):
    """Lint reads Document.texts: it holds each text of the outline once, nothing left out."""
    from support.outlines import build

    from rtdraft.outline.walk import reading_order
    source = load(path.read_text(encoding="utf-8"))
    texts = [t.path for t in build(source.data, places=source.places).texts]
    assert len(texts) == len(set(texts))
    assert set(texts) == {p.path for p in reading_order(source.data)}


# -- texts built to make a rule's work grow faster than the text ----------------------------

HOSTILE = {   # paragraph -> how many findings of each rule; each took seconds to hours, or crashed
    "It's fine. It's fine. See " + "x" * 45 + "’s site.": {"mixed-quotes": 1, "spelling": 1},
    "The code " + "A" * 40 + "b was used.": {},                  # exponential
    "The code (" + "A" * 40 + " was used.": {},                   # exponential
    "Alpha Beta Gamma (ABG) text " * 2000: {"acronym-redefined": 1999, "plain-language": 2},
    "one " * 5000 + "x (5) end": {"repeated-word": 2500, "plain-language": 2},
    "one " * 5000 + "five (5) end": {"repeated-word": 2500, "number-doubling": 1, "plain-language": 2},
    "sessions " + "1" * 20000 + " x": {},
    "addicts " * 5000: {"stigmatizing-language": 5000, "repeated-word": 2500, "plain-language": 2},
}


@pytest.mark.parametrize("paragraph", list(HOSTILE), ids=lambda p: repr(p[:24]))
def test_texts_built_against_a_rule(paragraph):
    """Run in a process of its own with a time limit: a regression hangs it, not the suite."""
    code = ("import sys, json\nsys.path[:0] = ['tests', 'tests/lint']\nfrom test_lint import outline\n"
            "from support.outlines import load\nfrom rtdraft.lint import lint\nfound = lint(load("
            "outline(f'    - {json.loads(sys.argv[1])}\\n')))\nprint(json.dumps([(p.rule, "
            "p.column, p.message) for p in found]))")
    quoted = json.dumps(paragraph, ensure_ascii=False)   # YAML reads JSON's quoted strings
    done = subprocess.run([sys.executable, "-c", code, json.dumps(quoted)],
                          capture_output=True, text=True, timeout=60, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    counts = {rule: sum(1 for r, _, _ in found if r == rule) for rule, _, _ in found}
    assert counts == HOSTILE[paragraph]
    if "x" * 45 in paragraph:   # the word's own column, though it is long (a ValueError)
        assert [f for f in found if f[0] != "spelling"] == [["mixed-quotes", 34, "curly ’ in '" + "x" * 45 + "’s', while the "
                          "outline's other apostrophes and single quotes are straight (2); "
                          "use one kind throughout"]]
