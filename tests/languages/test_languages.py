"""Languages: each one object in one module; a third one needs nothing but its module."""

import json
from datetime import date

import pytest
from support import spanish
from support.outlines import MINIMAL, build, load

from rtdraft import languages
from rtdraft.languages.labels import LABELS, labels_for
from rtdraft.lint import lint
from rtdraft.outline import schema_json
from rtdraft.outline.validate import validate
from rtdraft.render import markdown


@pytest.fixture
def third():
    languages.register(spanish.LANGUAGE)
    yield spanish.LANGUAGE
    languages.unregister("es")


def in_spanish(extra: str = "") -> str:
    return MINIMAL.replace("  dates: 2021-03-29\n", "  dates: [2021-03-29, 2021-03-30]\n") \
        .replace("  department: Public Safety Canada\n",
                 "  department: Public Safety Canada\n  language: es\n" + extra) \
        .replace("    - The roundtable met once.\n",
                 "    - The roundtable met once (e.g. in person).\n")


def test_the_shipped_languages_are_modules_of_the_package():
    assert languages.codes() == ("en", "fr")
    assert [lang.locale for lang in languages.shipped()] == ["en-CA", "fr-CA"]
    assert LABELS["fr"] is languages.get("fr").labels
    assert set(LABELS["en"]) == set(LABELS["fr"]) == set(spanish.LABELS)


def test_a_language_unknown_to_rtdraft_is_refused():
    [problem] = validate(load(in_spanish()))
    assert problem.message == "'es' is not allowed; use one of: en, fr"


def test_a_third_language_is_one_module(third):
    source = load(in_spanish("  catalogue_number: PS18-55/2021S-PDF\n"))
    assert validate(source) == []
    document = build(source.data, today=date(2021, 6, 1))
    assert (document.locale, document.subtitle, document.cover.when) == (
        "es-US", "Resumen de la reunión", "29 y 30 de marzo de 2021")
    assert document.front[1] == "N.º de catálogo: PS18-55/2021S-PDF"
    assert [h.text for h in document.headings][:2] == [
        "Introducción", "Sesión plenaria 1: Trends"]
    text = markdown.render(document).decode()
    assert 'lang: "es-US"' in text and "# Introducción {#introducción}" in text
    # lint: the English-only rules need English vocabularies; Spanish has none of them
    assert [p.rule for p in lint(source)] == []
    assert labels_for("es")["and"] == "y"
    enum = json.loads(schema_json.text())["properties"]["publication"]["properties"][
        "language"]["enum"]
    assert enum == ["en", "fr", "es", None]   # None: `language: ~` is the default


def test_the_language_letter_of_a_third_language(third):
    [problem] = validate(load(in_spanish("  catalogue_number: PS18-55/2021E-PDF\n")))
    assert problem.message == ("catalogue number has language letter E but "
                               "publication.language is es; expected S")
