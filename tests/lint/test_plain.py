"""The plain-language rule and the reading levels it and `lint --reading-level` report."""

from support.outlines import MINIMAL, english, french, load

from rtdraft import languages
from rtdraft.lint import lint
from rtdraft.lint.readability import ease_as_grade, measure, sentences

LONG = ("Given the multi-jurisdictional nature of organized crime, participants emphasized "
        "the importance of ensuring that intelligence-led, evidence-based enforcement "
        "strategies are coordinated across federal, provincial, territorial and municipal "
        "partners, including through information-sharing agreements and the "
        "operationalization of interoperable data governance frameworks.")
PLAIN = ("Organized crime crosses borders. Partners must plan their work together. "
         "They must share what they know.")
LONG_FR = ("Compte tenu de la nature multijuridictionnelle du crime organisé, les "
           "participants ont souligné l'importance de veiller à ce que les stratégies "
           "d'application de la loi fondées sur le renseignement et sur des données "
           "probantes soient coordonnées entre les partenaires fédéraux, provinciaux, "
           "territoriaux et municipaux, notamment au moyen d'ententes de communication "
           "de renseignements.")


def notes(text: str) -> list[str]:
    return [f"{p.line}:{p.column}: {p.level}: {p.message}" for p in lint(load(text))
            if p.rule == "plain-language"]


def test_a_long_abstract_sentence_is_a_note_and_a_plain_one_is_not():
    assert notes(english(f"    - >-\n      {LONG}\n")) == [
        ("11:7: note: reading level grade 35.0 (Flesch-Kincaid, 39 words in 1 sentence); "
        "Canada.ca aims for grade 8, this outline's limit is 16 (lint: reading_grade)"),
        ("11:7: note: sentence of 39 words, from 'Given the multi-jurisdictional ...'; plain "
        "language keeps sentences to 35 words or fewer (lint: sentence_length)")]
    assert notes(english(f"    - {PLAIN}\n")) == []


def test_the_note_stands_at_the_sentence_in_its_paragraph():
    # the paragraph's grade (4 sentences, 57 words) is under the outline's limit of 30
    text = english(f"    - >-\n      {PLAIN}\n      {LONG}\n", "lint:\n  reading_grade: 30\n")
    assert notes(text) == [
        ("12:7: note: sentence of 39 words, from 'Given the multi-jurisdictional ...'; plain "
        "language keeps sentences to 35 words or fewer (lint: sentence_length)")]


def test_the_outline_sets_the_limits():
    text = english(f"    - >-\n      {LONG}\n", "lint:\n  sentence_length: 60\n"
                   "  reading_grade: 25\n")
    assert notes(text) == [
        ("11:7: note: reading level grade 35.0 (Flesch-Kincaid, 39 words in 1 sentence); "
        "Canada.ca aims for grade 8, this outline's limit is 25 (lint: reading_grade)")]


def test_french_is_measured_with_kandel_moles():
    assert notes(french(f"    - >-\n      {LONG_FR}\n")) == [
        ("12:7: note: reading level grade 17.7 (Kandel-Moles, 52 words in 1 sentence); "
        "Canada.ca aims for grade 8, this outline's limit is 16 (lint: reading_grade)"),
        ("12:7: note: sentence of 52 words, from 'Compte tenu de ...'; plain language keeps "
        "sentences to 35 words or fewer (lint: sentence_length)")]


def test_flesch_kincaid_near_what_the_cmu_dictionary_gives():
    text = ("Public Safety Canada hosted the fourth Law Enforcement Roundtable on Drugs over "
            "two days. It focused on current drug trends and information sharing among "
            "partners.")
    found = measure(text, languages.get("en"))
    # textstat with the CMU pronouncing dictionary: 43 syllables, grade 9.6
    assert (found.words, found.sentences, found.syllables, found.grade) == (25, 2, 46, 11.0)


def test_sentences_do_not_end_at_abbreviations():
    text = 'Dr. Smith met the U.S. Customs team, e.g. in Winnipeg. It went well! Then "we left." Done'
    assert [text[a:b] for a, b in sentences(text)] == [
        "Dr. Smith met the U.S. Customs team, e.g. in Winnipeg.", "It went well!",
        'Then "we left."', "Done"]


def test_kandel_moles_ease_read_on_flesch_table():
    assert [ease_as_grade(e) for e in (100, 95, 70, 65, 30, -20)] == [
        4.0, 4.5, 7.0, 8.0, 16.0, 18.0]


def test_the_minimal_outline_is_plain():
    assert notes(MINIMAL) == []


def test_lint_reading_level_prints_each_part(tmp_path):
    from click.testing import CliRunner

    from rtdraft.cli import main
    path = tmp_path / "outline.yaml"
    path.write_text(english(f"    - >-\n      {LONG}\n"), encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "--reading-level", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{path}: reading level by part (Flesch-Kincaid grade; Canada.ca aims for 8)",
        "  introduction        grade  35.0      39 words   39.0 words a sentence",
        "  sessions[0] Trends  grade   5.2       3 words    3.0 words a sentence",
        "  outcomes            grade   5.2       5 words    5.0 words a sentence",
        "  conclusion          grade   9.2       3 words    3.0 words a sentence",
        "  the whole summary   grade  21.4      50 words   12.5 words a sentence"]


def test_the_preview_shows_each_parts_reading_level(tmp_path):
    from rtdraft.commands.preview import Preview, panel_html
    path = tmp_path / "outline.yaml"
    path.write_text(english(f"    - {PLAIN}\n"), encoding="utf-8")
    panel = panel_html(Preview(path).refresh())
    assert ('<summary>Reading level by part (Flesch-Kincaid grade; Canada.ca aims for 8)'
            '</summary>') in panel
    assert '<tr><th scope="row">introduction</th><td>4.2</td><td>16</td><td>5.3</td></tr>' \
        in panel
