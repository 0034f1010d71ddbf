"""The French edition: labels, typography, dates, language, lint, and `compare` of twins."""

import io
import zipfile
from datetime import date

import docx
import pytest
from click.testing import CliRunner
from support.outlines import MINIMAL, ROOT, build, load
from support.readers import pandoc

from rtdraft.cli import main
from rtdraft.languages.dates import meeting_dates
from rtdraft.languages.labels import LABELS
from rtdraft.languages.typography import NBSP, france, french
from rtdraft.lint import lint
from rtdraft.render import docx as docx_writer
from rtdraft.render import markdown

FR = ROOT / "examples" / "automne-2019-winnipeg.yaml"
EN = ROOT / "examples" / "fall-2019-winnipeg.yaml"
FRENCH_MINIMAL = MINIMAL.replace("  department: Public Safety Canada\n",
                                 "  department: Sécurité publique Canada\n  language: fr\n")


def test_typography_is_canadian():
    # The Translation Bureau's: a no-break space before ":" and inside « », none before ; ? !
    assert french("Séance 1 : Tendances; Quoi? Oui! « citation »") == (
        f"Séance 1{NBSP}: Tendances; Quoi? Oui! «{NBSP}citation{NBSP}»")
    # France-style spaces an editor typed are taken out
    assert french(f"Prairies ; Quoi{NBSP}? « Oui ! »") == f"Prairies; Quoi? «{NBSP}Oui!{NBSP}»"
    assert french("à 13:00, voir https://canada.ca et 5:1") == "à 13:00, voir https://canada.ca et 5:1"
    assert french(f"déjà{NBSP}: fait") == f"déjà{NBSP}: fait"


def test_france_typography_is_there_for_a_variant():
    assert france("Séance 1 : Tendances; Quoi? Oui! « citation »") == (
        f"Séance 1{NBSP}: Tendances{NBSP}; Quoi{NBSP}? Oui{NBSP}! «{NBSP}citation{NBSP}»")


@pytest.mark.parametrize("days, months_only, expected", [
    (["2019-03-29"], False, "29 mars 2019"),
    (["2027-04-20", "2027-04-21"], False, "20 et 21 avril 2027"),
    (["2019-10-08", "2019-10-09", "2019-10-10"], False, "du 8 au 10 octobre 2019"),
    (["2019-09-30", "2019-10-01", "2019-10-02"], False, "du 30 septembre au 2 octobre 2019"),
    (["2019-12-31", "2020-01-01", "2020-01-02"], False,
     "du 31 décembre 2019 au 2 janvier 2020"),
    (["2021-09-22", "2021-10-13"], False, "22 septembre et 13 octobre 2021"),
    (["2021-12-08", "2022-01-12"], False, "8 décembre 2021 et 12 janvier 2022"),
    (["2019-10-01"], False, "1er octobre 2019"),
    (["2021-09-01", "2021-10-01"], True, "septembre et octobre 2021"),
])
def test_french_dates(days, months_only, expected):
    parsed = [date.fromisoformat(d) for d in days]
    assert meeting_dates(parsed, months_only, "fr", LABELS["fr"]) == expected


def test_every_label_has_a_french_version():
    assert set(LABELS["fr"]) == set(LABELS["en"])


def test_copyright_line_in_french():
    text = FRENCH_MINIMAL.replace("  language: fr\n", "  language: fr\n  date: 2022-09-08\n"
                                  "  minister: le ministre de la Sécurité publique\n")
    assert build(load(text).data).front[0] == (
        "© Sa Majesté le Roi du chef du Canada, représenté par le ministre de la Sécurité "
        "publique, 2022")
    earlier = text.replace("2022-09-08", "2021-03-01")
    assert build(load(earlier).data).front[0] == (
        "© Sa Majesté la Reine du chef du Canada, représentée par le ministre de la Sécurité "
        "publique, 2021")


def test_labels_can_be_overridden_in_french():
    text = FRENCH_MINIMAL + "labels:\n  session_plenary: Plénière {n}\n"
    headings = [b.text for b in build(load(text).data).headings]
    assert headings == ["Introduction", f"Plénière 1{NBSP}: Trends", "Principaux résultats",
                        "Conclusion"]


ENGLISH_WORDS = ["Plenary Session", "Appendix", "Meeting Summary", "Key Outcomes",
                 "Opening Remarks", "Cat. No.", "Presenters", "Her Majesty", "Virtual meeting",
                 "Table of Contents", "DRAFT"]


def test_french_example_has_no_english_fixed_word(tmp_path):
    result = CliRunner().invoke(main, ["render", str(FR), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for suffix, reader in ((".docx", None), (".md", "markdown")):
        text = pandoc(tmp_path / f"automne-2019-winnipeg{suffix}", source=reader)
        assert [w for w in ENGLISH_WORDS if w in text] == []
        # The one English sentence is the notice that names the English edition.
        assert "Also available in English under the title: Fall 2019" in text
    plain = pandoc(tmp_path / "automne-2019-winnipeg.docx")
    for expected in ("Résumé de la réunion", "\n8 et 9 octobre 2019\n",
                     f"Séance plénière 1{NBSP}: Tendances actuelles",
                     f"Annexe A{NBSP}: Organisations représentées", (f"Nº de catalogue{NBSP}: "
                     "PS18-55/2019F-PDF"), ("© Sa Majesté la Reine du chef du Canada, représentée "
                     "par le ministre de la Sécurité publique et de la Protection civile, 2021"),
                     "Principaux résultats", "Mot d'ouverture"):
        assert expected in plain, expected


def test_french_language_on_styles_properties_and_markdown():
    document = build(load(FR.read_text(encoding="utf-8")).data)
    data = docx_writer.render(document)
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert 'w:lang w:val="fr-CA"' in styles and "en-CA" not in styles
    assert docx.Document(io.BytesIO(data)).core_properties.language == "fr-CA"
    assert 'lang: "fr-CA"' in markdown.render(document).decode()


def test_french_example_lints_clean():
    found = lint(load(FR.read_text(encoding="utf-8")))
    assert [p for p in found if p.rule != "plain-language"] == []
    assert {p.level for p in found} == {"note"}   # long sentences: advice, not warnings


def test_no_english_false_alarms_on_french_text():
    text = FRENCH_MINIMAL.replace("    - The roundtable met once.\n",
                                  "    - Le comportement (p. ex. la consommation) des "
                                  "toxicomanes; une séance plénière.\n")
    # (spelling reads the minimal outline's English titles as French: not these rules)
    found = [(p.rule, p.message) for p in lint(load(text)) if p.rule != "spelling"]
    assert found == [("stigmatizing-language",
                      ("'toxicomanes' peut stigmatiser; le Centre canadien sur les dépendances "
                      "et l'usage de substances suggère: personne qui consomme des drogues (ou "
                      "personne ayant un trouble lié à l'usage de substances)"))]


# -- compare ---------------------------------------------------------------------------------

def compare(tmp_path, english: str, french_text: str):
    (tmp_path / "en.yaml").write_text(english, encoding="utf-8")
    (tmp_path / "fr.yaml").write_text(french_text, encoding="utf-8")
    return CliRunner().invoke(main, ["compare", str(tmp_path / "en.yaml"),
                                     str(tmp_path / "fr.yaml")])


def test_compare_accepts_the_example_twins():
    result = CliRunner().invoke(main, ["compare", str(EN), str(FR)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "2 files, 0 problems\n")


def test_compare_rejects_a_missing_session(tmp_path):
    french_text = FR.read_text(encoding="utf-8")
    start = french_text.index("  - kind: plenary\n    title: Approches collaboratives")
    end = french_text.index("outcomes:")
    result = compare(tmp_path, EN.read_text(encoding="utf-8"), french_text[:start] + french_text[end:])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{tmp_path / 'fr.yaml'}:150:5: error: sessions[5]: {tmp_path / 'en.yaml'} has 7 sessions, "
        f"this edition 6: session 7 (plenary, 'Collaborative Approaches to Law Enforcement') is "
        "missing here\n")


def test_compare_catalogue_isbn_and_titles(tmp_path):
    english = EN.read_text(encoding="utf-8")
    french_text = FR.read_text(encoding="utf-8").replace(
        "PS18-55/2019F-PDF", "PS18-56/2019F-PDF").replace(
        "  other_language_title: Fall 2019 Law Enforcement Roundtable on Illicit Drugs\n",
        "  other_language_title: Fall 2019 Roundtable\n  isbn: 978-0-660-37168-9\n")
    result = compare(tmp_path, english, french_text)
    assert result.exit_code == 1
    lines = [line.split(": error: ", 1)[1] for line in result.stdout.splitlines()]
    assert lines == [
        (f"publication.catalogue_number: catalogue number PS18-56/2019F-PDF should differ from "
        f"{tmp_path / 'en.yaml'}'s PS18-55/2019E-PDF only in its E/F letter"),
        ("publication.other_language_title: other_language_title 'Fall 2019 Roundtable' is not "
        f"the title of {tmp_path / 'en.yaml'}: 'Fall 2019 Law Enforcement Roundtable on Illicit "
        "Drugs'"),
        (f"publication.isbn: ISBN 978-0-660-37168-9 is also {tmp_path / 'en.yaml'}'s; each "
        "edition has its own"),
    ]


def test_compare_an_invalid_outline_reports_its_errors(tmp_path):
    result = compare(tmp_path, EN.read_text(encoding="utf-8"), "rtdraft: 1\n")
    assert result.exit_code == 1 and "required field is missing" in result.stdout


@pytest.mark.parametrize("body", [
    "L'Agence des services frontaliers du Canada (ASFC) inspecte les colis. L'ASFC saisit.",
    "Selon l’Agence des services frontaliers du Canada (ASFC), l'ASFC saisit.",
    "Les représentants d'Emploi et Développement social Canada (EDSC) parlent. EDSC aussi.",
    "La Gendarmerie royale du Canada (« GRC ») enquête. La GRC saisit.",
    ("Le Service d'inspection postale des États-Unis (sigle anglais : USPIS) enquête; "
     "l'USPIS saisit."),
    "Le Service d'inspection postale des États-Unis (en anglais, USPIS) enquête. USPIS aussi.",
])
def test_french_definitions_are_definitions(body):
    text = FRENCH_MINIMAL.replace("    - The roundtable met once.\n", f'    - "{body}"\n')
    assert [p for p in lint(load(text)) if p.rule.startswith("acronym")] == []


def test_a_french_abbreviation_without_its_definition_is_still_found():
    text = FRENCH_MINIMAL.replace("    - The roundtable met once.\n", "    - L'ASFC saisit.\n")
    assert [(p.line, p.column, p.message) for p in lint(load(text))
            if p.rule == "acronym-undefined"] == [
        (11, 9, ("'ASFC' is never defined; write the full name followed by (ASFC) where it "
                 "is first used"))]


def test_compare_names_the_kinds_once(tmp_path):
    french_text = FR.read_text(encoding="utf-8").replace("  - kind: plenary\n", "  - kind: session\n", 1)
    result = compare(tmp_path, EN.read_text(encoding="utf-8"), french_text)
    assert result.exit_code == 1
    assert [line.split(": error: ", 1)[1] for line in result.stdout.splitlines()] == [
        (f"sessions[0].kind: session 1 is of kind 'session' here but 'plenary' in "
        f"{tmp_path / 'en.yaml'}")]


def test_compare_refuses_the_same_file_twice(tmp_path):
    (tmp_path / "fr.yaml").write_text(FR.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "again.yaml").symlink_to(tmp_path / "fr.yaml")
    for second in ("fr.yaml", "again.yaml"):
        result = CliRunner().invoke(main, ["compare", str(tmp_path / "fr.yaml"),
                                           str(tmp_path / second)])
        assert result.exit_code == 2
        assert result.stderr.endswith(
            f"Error: {tmp_path / 'fr.yaml'} and {tmp_path / second} are the same file; give "
            "the English and the French edition\n")


@pytest.mark.parametrize("kind, heading, found", [
    ("breakout", "Faits saillants des séances en petits groupes", []),
    ("breakout", "Faits saillants des ateliers", [
        (25, 14, ("the sessions under this heading are labelled 'Séance en petits groupes 1', "
                 "...: name them with the same term here, or change the label "
                 "(session_groups.breakout.label)"))]),
    ("workshop", "Faits saillants des ateliers", []),
])
def test_one_term_for_a_kind_of_session(kind, heading, found):
    text = FRENCH_MINIMAL.replace("  - title: Trends\n", f"  - title: Trends\n    kind: {kind}\n") \
        + f"session_groups:\n  {kind}:\n    heading: {heading}\n"
    assert [(p.line, p.column, p.message) for p in lint(load(text))
            if p.rule == "group-heading-term"] == found
    labels = [h.text for h in build(load(text).data).headings]
    assert labels[2] == f"{'Séance en petits groupes' if kind == 'breakout' else 'Atelier'} " \
        f"1{NBSP}: Trends"
