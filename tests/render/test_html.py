"""The HTML writer: a Canada.ca content page, read back by Python's HTML parser."""

import re
from datetime import date
from html.parser import HTMLParser
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.outlines import EXAMPLES, MINIMAL, ROOT, build, examples, load

from rtdraft.errors import TemplateError
from rtdraft.outline.source import read
from rtdraft.render import WRITERS, html

FOOTNOTED = MINIMAL.replace("    - Trends were discussed.",
                            "    - Trends were discussed.[^a] Again.[^a]") + """\
footnotes:
  a: See <https://example.org/a?b=1&c=2>.
appendices:
  - title: Agenda
    agenda:
      - {time: "9:00", title: Welcome <b>, speakers: [Jane Doe]}
"""


class Page(HTMLParser):
    """Tags with their attributes, and the text of each element by id."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[str, dict]] = []
        self.raw = text
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def all(self, tag: str) -> list[dict]:
        return [a for t, a in self.tags if t == tag]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if "id" in a}


def render(text=MINIMAL, template_dir=None) -> str:
    return html.render(build(load(text).data, today=date(2021, 6, 1)), template_dir).decode()


def test_registered_as_a_writer():
    assert WRITERS["html"][0] == ".html"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_have_the_content_page_structure(example):
    document = build(read(example).data)
    page = Page(html.render(document).decode())
    assert page.raw.startswith(f'<!DOCTYPE html>\n<html lang="{document.locale}">')
    assert len(page.all("h1")) == 1 and len(page.all("main")) == 1
    levels = [int(t[1]) for t, _ in page.tags if t in ("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in pairwise(levels)), levels   # no level skipped
    targets = [a["href"][1:] for a in page.all("a") if a.get("href", "").startswith("#")]
    assert targets and set(targets) <= page.ids()
    assert [a for a in page.all("th") if a.get("scope") != "col"] == []
    # Nothing is fetched: no script, no link element, no image, and a policy saying so.
    assert not page.all("script") and not page.all("link") and not page.all("img")
    assert ("meta", {"http-equiv": "Content-Security-Policy", "content": html.CSP}) in page.tags
    assert not any(word in page.raw for word in ("url(", "@import", "@font-face", "src="))
    year = document.published.year     # the examples give a year: so does the page
    assert f'<dd><time datetime="{year}">{year}</time></dd>' in page.raw


def test_footnotes_link_both_ways():
    page = Page(render(FOOTNOTED))
    assert page.raw.count('<a class="fn-lnk" href="#fn1">') == 2
    assert {"fn1-rf", "fn1-rf-1", "fn1"} <= page.ids()
    returns = [a["href"] for a in page.all("a") if a.get("class") == "fn-rtn"]
    assert returns == ["#fn1-rf", "#fn1-rf-1"]
    assert '<a href="https://example.org/a?b=1&amp;c=2">' in page.raw


def test_agenda_is_a_table_with_caption_and_header_scopes():
    page = render(FOOTNOTED)
    assert '<caption class="wb-inv">Appendix A: Agenda</caption>' in page
    assert '<th scope="col">Time</th>' in page
    assert "<td>Welcome &lt;b&gt;</td>" in page


def test_french_non_breaking_spaces_are_entities():
    text = MINIMAL.replace("  department: Public Safety Canada",
                           "  department: Sécurité publique Canada\n  language: fr\n"
                           "  other_language_title: Spring Roundtable")
    text = text.replace("Trends were discussed.", "'Les tendances : « drogues » ?'")
    page = render(text)
    assert "<p>Les tendances&nbsp;: «&nbsp;drogues&nbsp;»?</p>" in page   # Canadian: none before ?
    assert page.startswith('<!DOCTYPE html>\n<html lang="fr-CA">')
    assert '<p lang="en-CA">Also available in English under the title: Spring Roundtable</p>' \
        in page
    assert "Date de modification&nbsp;:" in page


def test_values_are_escaped_and_templates_are_sandboxed(tmp_path):
    page = render(MINIMAL.replace("Trends were discussed.", "<script>x</script> & {{ 1 }}"))
    assert "<p>&lt;script&gt;x&lt;/script&gt; &amp; {{ 1 }}</p>" in page
    (tmp_path / "summary.html.j2").write_text("{{ doc.__class__.__mro__ }}")
    with pytest.raises(TemplateError, match="template refused"):
        render(template_dir=tmp_path)


def test_template_dir_overrides_one_template(tmp_path):
    (tmp_path / "block.html.j2").write_text("[{{ block.kind }}]\n")
    page = render(template_dir=tmp_path)
    assert "[heading]" in page and "<main" in page    # the default page, the user's block
    (tmp_path / "summary.html.j2").write_text("{% for b in blocks %}{{ b.kind }}|{% endfor %}")
    assert render(template_dir=tmp_path).startswith("heading|paragraph|")


class Texts(HTMLParser):
    """The text of each <p> of <main>, entities resolved, as a browser reads it."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.depth, self.tags = [], 0, []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "p":
            self.paragraphs.append("")

    def handle_data(self, data):
        if self.tags and self.tags[-1] == "p":
            self.paragraphs[-1] += data

    def handle_endtag(self, tag):
        if self.tags and self.tags[-1] == tag:
            self.tags.pop()


words = st.text(st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="*[]<\\"),
                min_size=1, max_size=60).filter(lambda s: s.strip())


@settings(max_examples=examples(30), deadline=None)
@given(paragraph=words, title=words)
def test_any_text_comes_out_as_written_and_adds_no_markup(paragraph, title):
    data = load(MINIMAL).data
    data["introduction"]["body"] = [paragraph]
    data["meeting"]["title"] = title
    page = html.render(build(data, today=date(2021, 6, 1))).decode()
    parsed = Texts(page)
    assert " ".join(paragraph.split()) in parsed.paragraphs
    tags = Page(page).tags
    assert [t for t, _ in tags].count("h1") == 1 and not Page(page).all("script")
    assert Page(page).all("title") and f"<h1 id=\"wb-cont\">{html.text(title)}</h1>" in page


def test_heading_ids_keep_clear_of_the_pages_own_ids():
    text = FOOTNOTED.replace("    - The roundtable met once.", """\
    - The roundtable met once.
    - subheading: About
    - subheading: FN1
    - subheading: fn1 rf
    - subheading: About section
    - subheading: GC signature title""")
    page = Page(render(text))
    ids = [a["id"] for _, a in page.tags if "id" in a]
    assert len(ids) == len(set(ids))
    assert {"about-section", "fn1-section", "fn1-rf-section", "about-section-section"} <= set(ids)
    assert "gc-signature-title-section" in ids     # the signature's title keeps its id


FRENCH = MINIMAL.replace("  department: Public Safety Canada",
                         "  department: Sécurité publique Canada\n  language: fr\n"
                         "  other_language_title: Spring Roundtable")


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


@pytest.mark.parametrize(("text", "lang", "signature", "other", "wordmark"), [
    (MINIMAL, "en", "Government of Canada", "Gouvernement du Canada",
     "Symbol of the Government of Canada"),
    (FRENCH, "fr", "Gouvernement du Canada", "Government of Canada",
     "Symbole du gouvernement du Canada"),
], ids=["en", "fr"])
def test_the_header_shows_the_signature_and_the_footer_the_wordmark(text, lang, signature,
                                                                     other, wordmark):
    from xml.etree import ElementTree
    page = render(text)
    header = _between(page, "<header", "</header>")
    footer = _between(page, "<footer", "</footer>")
    # The signature links to Canada.ca's home in the page's language, as Canada.ca does,
    # and the link reads both official languages (the other one hidden, in its language).
    other_lang = "en-CA" if lang == "fr" else "fr-CA"
    assert f'<a class="gc-signature" href="https://www.canada.ca/{lang}.html"><svg ' in header
    assert (f'<span class="wb-inv"> / <span lang="{other_lang}">{other}</span></span></a>'
            in header)
    for part, kind, name in ((header, "signature", signature), (footer, "wordmark", wordmark)):
        svg = Page(part).all("svg")     # attribute names as HTML reads them: lower case
        assert svg == [{"xmlns": "http://www.w3.org/2000/svg", "version": "1.1",
                        "viewbox": svg[0]["viewbox"], "preserveaspectratio": "xMinYMin meet",
                        "role": "img", "aria-labelledby": f"gc-{kind}-title"}]
        assert f'<title id="gc-{kind}-title">{name}</title>' in part
        # the art is the package's, path for path (templates/fip/)
        art = ElementTree.parse(ROOT / "templates" / "fip" / f"{kind}-{lang}.svg").getroot()
        paths = [e.get("d") for e in art.iter("{http://www.w3.org/2000/svg}path")]
        assert paths and [a["d"] for a in Page(part).all("path")] == paths
        assert svg[0]["viewbox"] == art.get("viewBox")
    assert page.count("<svg ") == 2 and "wmms" not in page      # the art's own ids are gone
    ids = [a["id"] for _, a in Page(page).tags if "id" in a]
    assert len(ids) == len(set(ids))
    # nothing the browser would fetch: only <a> has an address
    assert {tag for tag, a in Page(page).tags if {"href", "src", "xlink:href"} & set(a)} == {"a"}
    assert "Public Safety Canada |" not in page and ">Canada</p>" not in page   # text gone


def test_the_page_is_the_same_bytes_for_the_same_outline():
    document = build(load(FRENCH).data, today=date(2021, 6, 1))
    assert html.render(document) == html.render(build(load(FRENCH).data,
                                                      today=date(2021, 6, 1)))


def test_a_third_language_has_the_symbols_too():
    # a language beyond the two shipped (tests/support/spanish.py): its own names, the
    # English art (no art of its own) and Canada.ca's English home
    from support import spanish

    from rtdraft import languages
    languages.register(spanish.LANGUAGE)
    try:
        page = render(MINIMAL.replace("  department: Public Safety Canada\n",
                                      "  department: Public Safety Canada\n  language: es\n"))
    finally:
        languages.unregister("es")
    header = _between(page, "<header", "</header>")
    assert '<a class="gc-signature" href="https://www.canada.ca/en.html">' in header
    assert '<title id="gc-signature-title">Gobierno de Canadá</title>' in header
    assert '<span lang="en-US">Government of Canada</span>' in header
    art = (ROOT / "templates" / "fip" / "signature-en.svg").read_text(encoding="utf-8")
    assert [a["d"] for a in Page(header).all("path")] == re.findall(r' d="([^"]+)"', art)
    footer = _between(page, "<footer", "</footer>")
    assert f'<title id="gc-wordmark-title">{spanish.LABELS["wordmark_alt"]}</title>' in footer


def test_an_outline_may_reword_the_symbols_names():
    page = render(MINIMAL + "labels:\n  signature_alt: Government of Canada & Co\n")
    assert '<title id="gc-signature-title">Government of Canada &amp; Co</title>' in page
