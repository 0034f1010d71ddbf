"""Hypothesis strategies: random valid outlines, prose with markup and footnotes, text that
looks like Markdown structure; and the YAML dumper that writes them as rtdraft reads them."""

import re
import string

import yaml
from hypothesis import assume
from hypothesis import strategies as st

from rtdraft.outline.source import resolve_plain

from .outlines import MINIMAL, load

WORDS = st.text(alphabet=string.ascii_letters + string.digits + "éàç’'\"#_*$&<>{}%@!?;:-., ",
                min_size=1, max_size=40).map(str.strip).filter(bool)


MARKUP = st.sampled_from(["**bold words**", "*italic words*", "[a link](https://canada.ca)",
                          "<https://example.org/x>"])


CITATION = st.sampled_from(["[^n1]", "[^n2]", "[^note-3]"])


@st.composite
def prose(draw, notes: bool = True):
    """A paragraph; with notes, it may cite footnotes (defined by outlines())."""
    markup = st.one_of(MARKUP, CITATION) if notes else MARKUP
    parts = draw(st.lists(st.one_of(WORDS, markup), min_size=1, max_size=5))
    return " ".join(parts).strip() or "text"


def cited_notes(value) -> list[str]:
    """The footnote ids cited anywhere in the data, in order of first citation."""
    if isinstance(value, str):
        return re.findall(r"\[\^([^\]]+)\]", value)
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) \
        else ()
    return list(dict.fromkeys(i for v in items for i in cited_notes(v)))


@st.composite
def outlines(draw):
    paragraph = prose()
    item = st.one_of(paragraph, st.fixed_dictionaries(
        {"text": paragraph, "bullets": st.lists(paragraph, min_size=1, max_size=3)}))
    block = st.one_of(paragraph, st.fixed_dictionaries({"bullets": st.lists(item, min_size=1,
                                                                            max_size=3)}),
                      st.fixed_dictionaries({"numbered": st.lists(item, min_size=1, max_size=3)}),
                      st.fixed_dictionaries({"subheading": WORDS}))
    body = st.lists(block, min_size=1, max_size=4)
    kinds = st.sampled_from(["plenary", "breakout", "panel", "peer-support"])
    data = {
        "rtdraft": 1,
        "meeting": {"title": draw(WORDS), "host": draw(WORDS),
                    "dates": draw(st.sampled_from(["2021-03-29", ["2021-09", "2021-10"],
                                                   ["2019-10-08", "2019-10-09"]])),
                    "virtual": draw(st.booleans())},
        "publication": {"department": draw(WORDS), "language": draw(st.sampled_from(["en", "fr"])),
                        "status": draw(st.sampled_from(["draft", "final"])),
                        "toc": draw(st.booleans()),
                        "date": draw(st.sampled_from([2021, "2022-09-08", "2020-05"]))},
        "introduction": {"body": draw(body)},
        "sessions": draw(st.lists(st.fixed_dictionaries(
            {"kind": kinds, "title": WORDS, "body": body,
             "presenters": st.lists(st.one_of(WORDS, st.fixed_dictionaries(
                 {"name": WORDS, "title": WORDS})), max_size=2)}), min_size=1, max_size=4)),
        "outcomes": {"items": draw(st.lists(item, min_size=1, max_size=3))},
        "conclusion": {"body": draw(body)},
        "appendices": [{"title": draw(WORDS),
                        "organizations": draw(st.lists(WORDS, min_size=1, max_size=5))},
                       {"title": draw(WORDS), "agenda": [{"time": "13:00", "title": draw(WORDS)}]}],
    }
    cited = cited_notes(data)
    if cited:
        data["footnotes"] = {note: draw(prose(notes=False)) for note in cited}
    return yaml.dump(data, Dumper=CoreDumper, allow_unicode=True, sort_keys=False)


class CoreDumper(yaml.SafeDumper):
    """PyYAML writes by YAML 1.1: it leaves `0E0` plain, which YAML 1.2 (and rtdraft) reads as
    a number. Quote every string that would not read back as that string."""


CoreDumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text,
    style='"' if resolve_plain(text) != text else None))



STARTS = ["(a) ", "(ii) ", "i. ", "iv) ", "a. ", "B) ", "2) ", "1. ", "12. ", "- ", "+ ",
          "* ", "# ", "## ", "> ", "    ", "  ", "\t", ": ", "#. ", "(@) ", "| ", "~~~ ",
          "``` ", "--- ", "=== ", "% ", "<!-- ", "1\\. ", "A.  "]


WORD = st.text(alphabet="abcdefghij ABC0123.,;()", min_size=1, max_size=12)


@st.composite
def structural_text(draw):
    """Text that starts, or has a line that starts, with what Markdown reads as structure."""
    parts = [draw(st.sampled_from(STARTS)), draw(WORD)]
    for _ in range(draw(st.integers(0, 2))):
        parts += [draw(st.sampled_from(["\n", "\n\n", " "])), draw(st.sampled_from(STARTS)),
                  draw(WORD)]
    text = "".join(parts)
    assume(text.strip())
    return text


@st.composite
def outlines_with_structure(draw):
    data = load(MINIMAL).data
    text = structural_text()
    data["meeting"]["title"] = draw(text)
    session = data["sessions"][0]
    session["title"] = draw(text)
    session["presenters"] = [draw(text)]
    session["body"] = [draw(text), {"subheading": draw(text)},
                       {"bullets": [draw(text), {"text": draw(text),
                                                 "numbered": [draw(text)]}]},
                       draw(text)]
    data["outcomes"] = {"intro": draw(text), "items": [draw(text), draw(text)]}
    data["appendices"] = [{"title": draw(text), "organizations": [draw(text)]}]
    return yaml.dump(data, Dumper=CoreDumper, allow_unicode=True, sort_keys=False)

