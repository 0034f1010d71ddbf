"""Every session kind the schema allows validates, renders in every format and lints:
`other` and `heading` share a name with a label that is no kind's own (session_other,
session_heading), and once made render and lint stop with KeyError: 'kind'."""

import re

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from support.outlines import MINIMAL, examples
from support.readers import pandoc, pdf_text

from rtdraft.cli import main
from rtdraft.languages.labels import labels_for, session_label
from rtdraft.outline.schema import SLUG

KINDS = ["plenary", "breakout", "panel", "workshop", "other", "heading", "roundtable",
         "peer-support", "q_and_a"]
SESSIONS = "sessions:\n  - title: Trends\n    body:\n      - Trends were discussed.\n"


def outline(kinds, language="en"):
    text = MINIMAL.replace(SESSIONS, "sessions:\n" + "".join(
        f"  - kind: {kind}\n    title: Topic {i}\n    body: [Text {i}.]\n"
        for i, kind in enumerate(kinds)))
    if language == "fr":
        text = text.replace("  department: Public Safety Canada\n",
                            "  department: Sécurité publique Canada\n  language: fr\n")
    return text


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


# the label each kind's session prints, in English and French
EXPECTED = {
    "en": ["Plenary Session 1", "Breakout Session 1", "Panel 1", "Workshop 1", "Other 1",
           "Heading 1", "Roundtable 1", "Peer support 1", "Q and a 1"],
    "fr": ["Séance plénière 1", "Séance en petits groupes 1", "Table ronde 1", "Atelier 1",
           "Other 1", "Heading 1", "Roundtable 1", "Peer support 1", "Q and a 1"],
}


@pytest.mark.system   # the PDF is made by LibreOffice
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_kind_renders_in_every_format_and_lints(tmp_path, language):
    path = tmp_path / "kinds.yaml"
    path.write_text(outline(KINDS, language), encoding="utf-8")
    assert run("validate", path).exit_code == 0
    result = run("render", path, "--format", "md,docx,html,pdf", "-o", tmp_path / "out/")
    assert result.exit_code == 0, result.output
    colon = " :" if language == "fr" else ":"
    headings = [f"{label}{colon} Topic {i}" for i, label in enumerate(EXPECTED[language])]
    markdown = (tmp_path / "out/kinds.md").read_text(encoding="utf-8")
    found = re.findall(r"^# (.+?) \{#", markdown, re.MULTILINE)
    assert [h.replace("\u00a0", " ") for h in found if "Topic" in h] == headings
    for text in (pandoc(tmp_path / "out/kinds.docx"),
                 pandoc(tmp_path / "out/kinds.html", source="html"),
                 pdf_text(tmp_path / "out/kinds.pdf")):
        flat = " ".join(text.replace("\u00a0", " ").split())
        assert all(heading in flat for heading in headings), flat
    result = run("lint", path)
    assert result.exit_code in (0, 1) and "Traceback" not in result.output


@settings(max_examples=examples(60), deadline=None)
@given(kind=st.from_regex(SLUG, fullmatch=True), number=st.integers(1, 99),
       language=st.sampled_from(["en", "fr"]))
def test_any_slug_has_a_label(kind, number, language):
    label = session_label(labels_for(language), kind, number)
    assert label.endswith(str(number)) and "{" not in label


def test_a_group_label_is_filled_for_any_kind():
    assert session_label(labels_for("en"), "other", 3, "Table #{n}") == "Table #3"


def test_a_kind_in_another_script_has_a_label_though_the_schema_refuses_it():
    # the schema's kinds are ASCII slugs (validate refuses 'круглый-стол' with one line);
    # the label machinery itself takes any word
    assert session_label(labels_for("fr"), "круглый-стол", 2) == "Круглый стол 2"
