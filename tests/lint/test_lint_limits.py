"""lint's limits and the bounds of its settings, at their edge and one past it
(docs/lint.md, `plain-language`; docs/outline.md, `lint`): the longest sentence (35 words
unless set), the shortest paragraph given a reading level (30 words), the reading grade a
paragraph may reach, and the values each setting and bounded number may take."""

import itertools
import math

import pytest
from support.outlines import MINIMAL, edit, lines
from test_lint import outline, warnings

from rtdraft import languages
from rtdraft.lint import readability


def words(count: int, word: str = "word") -> str:
    return " ".join([word] * (count - 1)) + " end."


@pytest.mark.parametrize(("setting", "longest"), [("", 35), ("lint:\n  sentence_length: 10\n", 10)])
def test_the_longest_sentence_passes_and_one_word_more_is_a_note(setting, longest):
    assert warnings(outline(f"    - {words(longest)}\n", extra=setting), "plain-language") == []
    assert warnings(outline(f"    - {words(longest + 1)}\n", extra=setting),
                    "plain-language") == [
        (f"10:7: sentence of {longest + 1} words, from 'word word word ...'; plain language "
        f"keeps sentences to {longest} words or fewer (lint: sentence_length)")]


def test_a_paragraph_of_29_words_has_no_reading_level_and_one_of_30_has():
    assert warnings(outline(f"    - {words(29, 'organizational')}\n"), "plain-language") == []
    assert warnings(outline(f"    - {words(30, 'organizational')}\n"), "plain-language") == [
        ("10:7: reading level grade 64.9 (Flesch-Kincaid, 30 words in 1 sentence); Canada.ca "
        "aims for grade 8, this outline's limit is 16 (lint: reading_grade)")]


def test_a_paragraph_at_the_reading_grade_passes_and_above_it_is_a_note():
    text = ("Participants considered organizational priorities and discussed the "
            "considerable challenges of coordinating investigations across jurisdictions, "
            "and they agreed to continue sharing information with partners in every region "
            "of the whole country.")
    found = readability.measure(text, languages.get("en"))
    assert found.words >= 30 and not found.grade.is_integer()
    above, below = math.floor(found.grade), math.ceil(found.grade)
    assert warnings(outline(f"    - {text}\n", extra=f"lint:\n  reading_grade: {below}\n"),
                    "plain-language") == []
    assert warnings(outline(f"    - {text}\n", extra=f"lint:\n  reading_grade: {above}\n"),
                    "plain-language") == [
        (f"10:7: reading level grade {found.grade:.1f} (Flesch-Kincaid, {found.words} words in "
        f"1 sentence); Canada.ca aims for grade 8, this outline's limit is {above} (lint: "
        "reading_grade)")]


@pytest.mark.parametrize(("where", "key", "lowest", "highest"), [
    ("lint", "sentence_length", 10, 1000),
    ("lint", "reading_grade", 1, 30),
    ("meeting", "edition", 1, None),
    ("publication", "date", 1900, 2999),
])
def test_bounded_numbers_take_their_bounds_and_refuse_one_past(where, key, lowest, highest):
    def outline_with(value):
        if where == "lint":
            return MINIMAL + f"lint:\n  {key}: {value}\n"
        anchor = {"meeting": "  dates: 2021-03-29\n",
                  "publication": "  department: Public Safety Canada\n"}[where]
        return edit(anchor, anchor + f"  {key}: {value}\n")
    place = {"lint": "22", "meeting": "6", "publication": "8"}[where]
    column = 3 + len(key) + 2
    assert lines(outline_with(lowest)) == []
    assert lines(outline_with(lowest - 1)) == [
        f"outline.yaml:{place}:{column}: error: {where}.{key}: must be at least {lowest}"]
    if highest is not None:
        assert lines(outline_with(highest)) == []
        assert lines(outline_with(highest + 1)) == [
            f"outline.yaml:{place}:{column}: error: {where}.{key}: must be at most {highest}"]


@pytest.mark.parametrize(("before", "hint"), [(49, "; did you mean 'government'?"), (50, "")])
def test_the_first_fifty_words_reported_are_given_suggestions_and_no_more(before, hint):
    """docs/lint.md, `spelling`: 'goverment' as the 50th word reported is given its
    suggestion, as the 51st none."""
    unknown = ["zq" + "".join(letters) for letters in
               itertools.product("bcdfghjklmnpvwx", repeat=3)][:before]
    found = warnings(outline("    - " + " ".join(unknown) + " goverment.\n"), "spelling")
    assert len(found) == before + 1
    assert found[-1] == (f"10:{7 + 6 * before}: 'goverment' is not in the en-CA dictionary"
                         f"{hint}")
