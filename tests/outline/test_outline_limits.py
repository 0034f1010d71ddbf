"""Each limit of an outline at its edge and one past it: the last value taken is taken,
the first one over is refused with its exact line, column and message (docs/refusals.md,
docs/outline.md). A bound moved by one either way fails here."""

import pytest
from support.outlines import MINIMAL, edit, lines, load

from rtdraft.outline import source
from rtdraft.outline.source import Source, parse_bytes, read

NOTE = "outline.yaml:1:1: note: validation stops at 100 errors; fix these and validate again"


def _errors(where: str, count: int) -> str:
    """An outline with `count` errors of one kind, each on a line of its own."""
    if where == "unknown keys":
        return MINIMAL + "".join(f"k{i}: {i}\n" for i in range(count))
    if where == "list items":
        return edit("    - Partners agreed to meet again.\n",
                    "".join(f"    - [x{i}]\n" for i in range(count)))
    if where == "footnotes never cited":   # the rules across keys, after cerberus
        return MINIMAL + "footnotes:\n" + "".join(f"  n{i}: Note.\n" for i in range(count))
    # found while reading the YAML: MINIMAL holds the first conclusion
    return MINIMAL + "conclusion: x\n" * count


LAST = {"unknown keys": "outline.yaml:120:1: error: k99: unknown key 'k99'; expected one of: ",
        "list items": ("outline.yaml:116:7: error: outcomes.items[99]: must be text or a "
                       "mapping, not a list"),
        "footnotes never cited": ("outline.yaml:121:3: error: footnotes.n99: footnote 'n99' "
                                  "is never cited; cite it with [^n99] or remove it"),
        "duplicate keys": ("outline.yaml:120:1: error: conclusion: duplicate key 'conclusion' "
                           "(first at line 18)")}


@pytest.mark.parametrize("where", sorted(LAST))
def test_a_hundred_errors_are_all_reported_without_the_note(where):
    found = lines(_errors(where, 100))
    assert len(found) == 100
    assert all(": error: " in line for line in found)
    assert found[-1].startswith(LAST[where])
    assert NOTE not in found


@pytest.mark.parametrize("where", sorted(LAST))
def test_the_hundred_and_first_error_gives_the_note_instead(where):
    found = lines(_errors(where, 101))
    assert len(found) == 101
    assert found[-2].startswith(LAST[where])   # the same hundred as above
    assert found[-1] == NOTE
    assert sum(": error: " in line for line in found) == 100


def test_nesting_of_64_levels_loads_and_65_is_refused():
    # the top mapping is the first level, each '[' one more
    assert load("a: " + "[" * 63 + "]" * 63 + "\n").problems == []
    [p] = load("a: " + "[" * 64 + "]" * 64 + "\n").problems
    assert (p.line, p.column, p.rule) == (1, 67, "depth-limit")   # at the 65th level's '['
    assert p.message == "values are nested more than 64 levels deep"


def _aliases(count: int) -> str:
    return "a: &x 1\nb: [" + ", ".join(["*x"] * count) + "]\n"


def test_ten_thousand_alias_values_load_and_one_more_is_refused_at_its_alias():
    assert load(_aliases(10_000)).problems == []
    assert load(_aliases(10_000)).data["b"] == [1] * 10_000
    [p] = load(_aliases(10_001)).problems
    # 'b: [' then '*x, ' per alias: the 10,001st stands at column 5 + 4 * 10,000
    assert (p.line, p.column, p.rule) == (2, 40_005, "alias-limit")
    assert p.message == ("aliases expand to more than 10000 values (a 'billion laughs' "
                         "document?); use fewer aliases")


def _alias_text(pad: int) -> str:
    """100 aliases of a 9,850-character text, padded by a comment of `pad` characters."""
    return (f"a: &x {'y' * 9850}\n#{'z' * pad}\nb: [" + ", ".join(["*x"] * 100) + "]\n")


def test_aliased_text_up_to_the_floor_loads_and_one_character_more_is_refused():
    # a file under 20,000 characters may expand to 1,000,000 characters (the floor): its
    # own text plus what the aliases repeat
    pad = 1_000_000 - 100 * 9850 - len(_alias_text(0))
    assert len(_alias_text(pad)) < 20_000
    assert len(_alias_text(pad)) + 100 * 9850 == 1_000_000
    assert load(_alias_text(pad)).problems == []
    [p] = load(_alias_text(pad + 1)).problems
    assert (p.line, p.column, p.rule) == (3, 5 + 4 * 99, "alias-limit")   # the 100th alias
    assert p.message == ("alias '*x' makes the outline's text longer than 1,000,000 "
                         "characters (aliases repeat their anchor's text); use fewer aliases")


def test_a_list_of_ten_thousand_items_validates_and_one_more_is_refused():
    def outline(count):
        items = "".join(f"      - Organization {i}\n" for i in range(count))
        return MINIMAL + "appendices:\n  - title: Organizations\n    organizations:\n" + items
    assert lines(outline(10_000)) == []
    assert lines(outline(10_001)) == [
        ("outline.yaml:24:7: error: appendices[0].organizations: has 10001 items; a list "
        "holds at most 10000")]


NESTED = {3: ("    - text: A\n      bullets:\n        - text: B\n          bullets:\n"
              "            - C\n"),
          4: ("    - text: A\n      bullets:\n        - text: B\n          bullets:\n"
              "            - text: C\n              bullets:\n                - D\n")}


def test_lists_nest_three_levels_and_a_fourth_is_refused():
    assert lines(edit("    - Partners agreed to meet again.\n", NESTED[3])) == []
    assert lines(edit("    - Partners agreed to meet again.\n", NESTED[4])) == [
        ("outline.yaml:21:15: error: outcomes.items[0].bullets[0].bullets[0]: lists nest at "
        "most 3 levels, and this item would open level 4: make it plain text, and move its "
        "items up a level")]


@pytest.mark.parametrize("sign", ["", "-", "+"])
def test_a_whole_number_of_4300_digits_loads_and_4301_is_refused(sign):
    assert load(f"a: {sign}{'9' * 4300}\n").problems == []
    [p] = load(f"a: {sign}{'9' * 4301}\n").problems
    assert (p.line, p.column, p.rule) == (1, 4, "size-limit")
    assert p.message == ("a whole number of 4,301 digits; rtdraft reads numbers of at most "
                         "4,300 digits (quote it to make it text)")


@pytest.mark.parametrize("count", [11, 13])
def test_months_are_exactly_twelve(count):
    def outline(n):
        return MINIMAL + "labels:\n  months: " + " ".join(f"M{i}" for i in range(n)) + "\n"
    assert lines(outline(12)) == []
    assert lines(outline(count)) == [
        ("outline.yaml:22:11: error: labels.months: 'months' needs exactly twelve month names, "
        f"separated by spaces; it has {count}")]


@pytest.mark.parametrize("how", ["file", "stream"])
def test_an_outline_of_exactly_the_size_limit_is_read_and_one_byte_more_is_refused(
        tmp_path, monkeypatch, how):
    monkeypatch.setattr(source, "MAX_BYTES", len(MINIMAL.encode()) + 10)
    at_limit = MINIMAL + "# 1234567\n"
    assert len(at_limit.encode()) == source.MAX_BYTES
    results = []
    for text in (at_limit, at_limit + "8"):
        path = tmp_path / "o.yaml"
        path.write_text(text)
        if how == "file":
            results.append(read(path, "o.yaml"))
        else:
            with open(path, "rb") as handle:
                results.append(parse_bytes(source.read_bounded(handle), Source("o.yaml")))
    taken, refused = results
    assert taken.problems == [] and taken.data["rtdraft"] == 1
    [p] = refused.problems
    assert (p.line, p.column, p.rule) == (1, 1, "size-limit")
    limit = f"{source.MAX_BYTES:,}"
    assert p.message == (f"file is {source.MAX_BYTES + 1:,} bytes; an outline may be at most "
                         f"{limit} bytes" if how == "file" else
                         f"input is more than {limit} bytes; an outline may be at most "
                         f"{limit} bytes")


@pytest.mark.parametrize(("base", "under", "over"), [
    ("hexadecimal", "0x" + hex(10 ** 4300 - 1)[2:], "0x" + hex(10 ** 4300)[2:]),
    ("octal", "0o" + oct(10 ** 4300 - 1)[2:], "0o" + oct(10 ** 4300)[2:])])
def test_a_hexadecimal_or_octal_number_is_bounded_by_its_decimal_digits(base, under, over):
    """Python reads 0x... at any length but prints only 4,300 decimal digits: a longer one
    gave a traceback where a message quoted it (an ISBN, the format version)."""
    assert load(f"a: {under}\n").problems == []
    [p] = load(f"rtdraft: {over}\n").problems
    assert (p.line, p.column, p.rule) == (1, 10, "size-limit")
    assert p.message == (f"a whole number of more than 4,300 digits (written in {base}); "
                         "rtdraft reads numbers of at most 4,300 digits (quote it to make it "
                         "text)")
