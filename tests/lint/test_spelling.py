"""The spelling rule: Hunspell's Canadian dictionaries through Enchant, the field's words,
the outline's own words, each finding at the word's line and column."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.outlines import EXAMPLES, MINIMAL, english, french, load

from rtdraft.lint import lint
from rtdraft.lint import spelling as spelling_rule
from rtdraft.lint.dictionaries import PACKAGES, dictionary


def findings(text: str, name: str = "outline.yaml") -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in lint(load(text, name))
            if p.rule == "spelling"]


@pytest.mark.parametrize("tag", sorted(PACKAGES))
def test_the_dictionaries_are_installed(tag):
    # CI installs them (.ci/run): a missing one fails here, it is not skipped.
    assert dictionary(tag).check("Canada")


def test_english_misspellings_at_their_line_and_column_with_suggestions():
    text = english("""\
    - >-
      The commitee met in the centre of the
      neighbourhood; its recomendations follow.
""")
    assert findings(text) == [
        ("11:11: 'commitee' is not in the en-CA dictionary; did you mean 'committee'?"),
        ("12:26: 'recomendations' is not in the en-CA dictionary; did you mean "
        "'recommendations'?")]


def test_french_misspellings_at_their_line_and_column_with_suggestions():
    text = french("""\
    - >-
      Les corps policiers ont discuté de la
      sécuritée publique et des drogues synthetiques.
""")
    assert findings(text) == [
        ("13:7: 'sécuritée' is not in the fr-CA dictionary; did you mean 'sécurité', "
        "'sécurisée' or 'sécurités'?"),
        "13:41: 'synthetiques' is not in the fr-CA dictionary; did you mean 'synthétiques'?"]


def test_a_word_is_reported_once_with_how_many_more_times():
    text = english("    - The commitee and the commitee's chair met; the commitee agreed.\n")
    assert findings(text) == [
        ("10:11: 'commitee' is not in the en-CA dictionary; did you mean 'committee'? (and 2 more times)")]


def test_canadian_spellings_are_not_flagged():
    text = english("    - The centre's neighbourhood program needs a licence; to license a "
                   "colour labour cheque, the organization travelled to its defence "
                   "catalogue.\n")
    assert findings(text) == []


def test_field_words_are_not_flagged():
    text = english("    - Carfentanil, nitazenes, xylazine, benzodiazepines, fentanyl and "
                   "methamphetamine precursors reached Nunavut, Iqaluit and Akwesasne; the "
                   "RCMP, the CBSA, the Sûreté du Québec, Haudenosaunee and Mi'kmaq "
                   "communities, and the Métis met at the roundtable on cybercrime.\n")
    assert findings(text) == []
    fr = french("    - Le carfentanil, les nitazènes et la xylazine inquiètent la GRC et "
                "l’ASFC à Montréal.\n")
    assert findings(fr) == []


def test_markup_numbers_and_abbreviations_are_not_checked():
    text = english("    - See [the repport](https://exemple.ca/documnts) or "
                   "<https://wwww.gc.ca/xyzzy>, write to qwerty@exemple.ca or visit "
                   "www.asdfgh.ca; [[nom du partenaire]] met at 13:00 on the 3rd with "
                   "COVID-19, OCGs and the XYZQ.[^n]\n",
                   "footnotes:\n  n: A note.\n")
    assert findings(text) == [
        ("10:16: 'repport' is not in the en-CA dictionary; did you mean 'report' or "
        "'rapport'?")]


def test_the_outlines_own_words():
    text = english("    - Zorblatt and Quixby met the Frobnitz team.\n",
                   "lint:\n  words: [Zorblatt, Frobnitz]\n")
    assert findings(text) == [
        "10:20: 'Quixby' is not in the en-CA dictionary"]   # nothing one edit away
    people = MINIMAL.replace("  - title: Trends\n", "  - title: Trends\n    presenters:\n"
                             "      - {name: Quixby Zorblatt, organization: Frobnitz Police}\n")
    people = people.replace("Trends were discussed.", "Quixby of Frobnitz Police spoke.")
    assert findings(people) == []


def test_a_words_file_beside_the_outline(tmp_path):
    (tmp_path / "rtdraft-words.txt").write_text("# our names\nZorblatt\nQuixby  # a chief\n",
                                               encoding="utf-8")
    text = english("    - Zorblatt and Quixby met the Frobnitz team.\n")
    name = str(tmp_path / "outline.yaml")
    assert findings(text, name) == [
        "10:35: 'Frobnitz' is not in the en-CA dictionary"]
    assert len(findings(text, "-")) == 3   # standard input: no folder, no words file
    (tmp_path / "rtdraft-words.txt").write_bytes(b"\xff\xfe bad")
    assert findings(english("    - The team met.\n"), name) == [
        (f"1:1: {tmp_path / 'rtdraft-words.txt'} was not read: 'utf-8' codec can't decode "
        "byte 0xff in position 0: invalid start byte")]


def test_the_other_language_title_is_checked_in_the_other_language():
    text = MINIMAL.replace(
        "  department: Public Safety Canada\n",
        "  department: Public Safety Canada\n"
        "  other_language_title: Tabel ronde des forces de l’ordre sur les drogues\n")
    assert findings(text) == [
        ("8:25: 'Tabel' is not in the fr-CA dictionary; did you mean 'Table', 'Babel' or "
        "'Label'?")]


def test_a_missing_dictionary_is_said_once(monkeypatch):
    def missing(tag):
        raise spelling_rule.Missing(f"no {tag} spelling dictionary is installed "
                                    f"({PACKAGES[tag]})")
    monkeypatch.setattr(spelling_rule, "dictionary", missing)
    assert findings(english("    - The commitee met.\n")) == [
        ("7:3: spelling not checked: no en_CA spelling dictionary is installed "
        "(hunspell-en-ca)")]


# What the published reports' own text raises: real slips, listed in docs/lint.md.
SLIPS = {
    "fall-2019-winnipeg.yaml": [
        ("84:60: 'fueling' is not in the en-CA dictionary; did you mean 'fuelling', "
        "'feeling' or 'fulling'?"),
        "108:68: 'behavior' is not in the en-CA dictionary; did you mean 'behaviour'?",
        ("190:83: 'wellbeing' is not in the en-CA dictionary; did you mean 'well-being' "
        "or 'well being'? (and 2 more times)"),
        "272:11: 'Panelists' is not in the en-CA dictionary; did you mean 'Panellists'?",
        "788:54: 'Bhup' is not in the en-CA dictionary; did you mean 'Whup'?"],
    "spring-2019-halifax.yaml": [],
    "automne-2019-winnipeg.yaml": [],
}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_raise_only_the_slips_of_the_published_text(path):
    assert findings(path.read_text(encoding="utf-8"), str(path)) == SLIPS[path.name]


@settings(max_examples=60, deadline=None)
@given(before=st.lists(st.sampled_from(["the", "centre", "met", "partners", "and", "its",
                                        "don't", "well-being", "RCMP", "[[x]]", "2019",
                                        "**bold**", "*it*"]), max_size=25),
       after=st.lists(st.sampled_from(["today", "in", "Winnipeg", "program", "licence"]),
                      max_size=10),
       width=st.integers(min_value=20, max_value=60),
       style=st.sampled_from([">-", "|-", "plain", "'", '"']))
def test_a_finding_points_at_its_word_in_the_file(before, after, width, style):
    """Wherever the word stands in a folded, literal, plain or quoted text, its line and
    column are the word's own in the file."""
    words = [*before, "commitee", *after]
    if style in (">-", "|-"):
        lines, line = [], []
        for word in words:
            if line and len(" ".join([*line, word])) > width:
                lines.append(" ".join(line))
                line = []
            line.append(word)
        lines.append(" ".join(line))
        body = "".join(f"      {text}\n" for text in lines)
        paragraph = f"    - {style}\n{body}"
    else:
        text = " ".join(words)
        if style == "'":
            text = text.replace("'", "''")   # YAML's escape: the value is shorter
        elif style == "plain" and text[:1] in "[*":
            style = '"'
        quote = "" if style == "plain" else style
        paragraph = f"    - {quote}{text}{quote}\n"
    outline = english(paragraph)
    [found] = findings(outline)
    line, column = map(int, found.split(":")[:2])
    assert outline.splitlines()[line - 1][column - 1:].startswith("commitee"), found


def test_the_departments_name_in_the_other_language_is_checked_in_it():
    text = MINIMAL.replace("  department: Public Safety Canada\n",
                           "  department: Public Safety Canada\n"
                           "  department_other: Sécurité publique Canda\n")
    assert findings(text) == [
        ("8:39: 'Canda' is not in the fr-CA dictionary; did you mean 'Cana', 'Canada' or "
        "'Candi'?")]
    assert findings(text.replace("Canda", "Canada")) == []
