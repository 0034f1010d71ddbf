"""The lint rules that match words, in lower case, title case and capitals: each finds
what it finds whatever the case where its rule reads words (docs/lint.md), quoting the
words as written, at their exact line and column; and the rules whose words are
capitals only (placeholders) or names (spelling-mix) keep to that."""

import pytest
from support.outlines import MINIMAL
from test_lint import SPEAKER, outline, warnings

CASES = ["lower", "title", "upper"]


def cased(text: str, case: str) -> str:
    return {"lower": text.lower(), "title": text.title(), "upper": text.upper()}[case]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(("words", "better"), [
    ("e.g.", "for example (or such as)"), ("i.e.", "that is"),
    ("etc.", "and so on (or a complete list)")])
def test_latin_abbreviations(case, words, better):
    written = cased(words, case)
    assert warnings(outline(f"    - Crimes ({written} fraud) rose.\n"),
                    "latin-abbreviation") == [
        f"10:15: '{written}': write '{better}' (Canada.ca Content Style Guide)"]


@pytest.mark.parametrize("case", CASES)
def test_number_doubling(case):
    written = cased("twenty-nine percent (29%)", case)
    assert warnings(outline(f"    - A {written} rise.\n"), "number-doubling") == [
        f"10:9: '{written}' gives the number twice; write it once, in numerals: 29%"]


@pytest.mark.parametrize("words", ["the the", "The the", "THE THE", "the The", "The THE"])
def test_repeated_word(words):
    assert warnings(outline(f"    - Heard from {words} police.\n"), "repeated-word") == [
        f"10:18: '{words.split()[0]}' is repeated"]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(("words", "better"), [
    ("substance users", "people who use drugs (or substances)"),
    ("addict", "person who uses drugs (or person with a substance use disorder)"),
    ("substance abuse", ("substance use (or problematic substance use, substance use "
                        "disorder)"))])
def test_stigmatizing_language(case, words, better):
    written = cased(words, case)
    assert warnings(outline(f"    - We met {written} today.\n"), "stigmatizing-language") == [
        (f"10:14: '{written}' can stigmatize; the Canadian Centre on Substance Use and "
        f"Addiction suggests: {better}")]


@pytest.mark.parametrize("case", CASES)
def test_lorem_ipsum_in_any_case_is_a_placeholder(case):
    written = cased("lorem ipsum", case)
    assert warnings(outline(f"    - The date is {written} now.\n"), "placeholder") == [
        f"10:19: '{written}' is a placeholder; replace it with the final text"]


@pytest.mark.parametrize("word", ["TODO", "TBD", "TBC", "FIXME", "XXX"])
def test_the_placeholder_abbreviations_are_capitals_only(word):
    """TODO, TBD ... as an editor writes them to be found; 'tbd' or 'Todo' in running
    text is left alone."""
    assert warnings(outline(f"    - The date is {word} now.\n"), "placeholder") == [
        f"10:19: '{word}' is a placeholder; replace it with the final text"]
    for other in (word.lower(), word.title()):
        assert warnings(outline(f"    - The date is {other} now.\n"), "placeholder") == []


@pytest.mark.parametrize("case", CASES)
def test_spelling_mix_reads_a_word_in_any_case_at_the_start_of_a_sentence(case):
    written = cased("behavior", case)
    text = outline(f"    - Good behaviour.\n    - {written} was noted.\n")
    assert warnings(text, "spelling-mix") == [
        (f"11:7: '{written}' is spelled 'behaviour' elsewhere; Canadian federal spelling: "
        "behaviour")]


@pytest.mark.parametrize(("case", "found"), [("lower", True), ("title", False),
                                             ("upper", False)])
def test_spelling_mix_takes_a_capitalized_word_inside_a_sentence_for_a_name(case, found):
    written = cased("behavior", case)
    text = outline(f"    - Good behaviour.\n    - The {written} Centre spoke.\n")
    assert warnings(text, "spelling-mix") == ([
        (f"11:11: '{written}' is spelled 'behaviour' elsewhere; Canadian federal spelling: "
        "behaviour")] if found else [])


def organizations(*names: str) -> str:
    return MINIMAL + "appendices:\n  - title: O\n    organizations:\n" + \
        "".join(f"      - {name}\n" for name in names)


@pytest.mark.parametrize("case", CASES)
def test_duplicate_organization_whatever_the_case(case):
    written = cased("Canadian Police Association", case)
    assert warnings(organizations("Canadian Police Association", written),
                    "duplicate-organization") == [
        f"25:9: '{written}' is already listed (item 1); remove one"]


@pytest.mark.parametrize("case", CASES)
def test_alphabetical_order_ignores_case(case):
    written = cased("Calgary Police Service", case)
    assert warnings(organizations("Canadian Police Association", written),
                    "unsorted-organizations") == [
        (f"25:9: '{written}' should come before 'Canadian Police Association' "
        "(alphabetical order)")]
    # in order once case is ignored: 'canadian' after 'Calgary', 'calgary' before 'CANADIAN'
    assert warnings(organizations(written, cased("Canadian Police Association", "lower")),
                    "unsorted-organizations") == []
    assert warnings(organizations(cased("Calgary Police Service", "lower"),
                                  cased("Canadian Police Association", case)),
                    "unsorted-organizations") == []


@pytest.mark.parametrize("written", ["TREVOR BHUPSINGH", "Trevor bhupsingh",
                                     "Trevor BhupSingh"])
def test_a_name_in_another_case_is_a_variant(written):
    text = outline().replace("outcomes:", SPEAKER + "outcomes:").replace(
        "    - The event concluded.\n",
        f"    - The event concluded with remarks from {written}.\n")
    assert warnings(text, "name-variant") == [
        f"23:45: '{written}' is spelled 'Trevor Bhupsingh' elsewhere in the outline"]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(("words", "message"), [
    ("three plenary sessions", "the text says {} but the outline has 1 plenary session"),
    ("two-day", "the text says '{}' but the meeting has 1 date"),
    ("over two days", "the text says '{}' but the meeting has 1 date")])
def test_count_mismatch_reads_the_counts_in_any_case(case, words, message):
    """'Three Plenary Sessions' or 'TWO-DAY' were passed over: the patterns read any case,
    but a shortcut before them looked for 'session' and 'day' in lower case only."""
    written = cased(words, case)
    assert warnings(outline(f"    - There were {written} here.\n"), "count-mismatch") == [
        "10:18: " + message.format(written)]
