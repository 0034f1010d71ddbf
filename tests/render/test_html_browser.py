"""Every example's web page in a real browser: WCAG 2.1 AA by axe-core, links that land,
nothing fetched, no overflow at phone width or 200% zoom, screenshots."""

import pytest
from support.browser import run_script
from support.outlines import EXAMPLES, MINIMAL, build, load

from rtdraft.outline.source import read
from rtdraft.outline.validate import validate
from rtdraft.render import html

# Starts LibreOffice, a browser, pip or npm: `python -m pytest -m 'not system'` leaves it out.
pytestmark = pytest.mark.system

# What the examples lack: an agenda over two days, organizations, a draft, nested and
# numbered lists, a subheading, a link, session groups; in both languages.
EVERY_PART = MINIMAL.replace("""  - title: Trends
    body:
      - Trends were discussed.
""", """  - title: Trends
    body:
      - Trends were discussed.[^fy] See <https://www.canada.ca/en.html>.
      - subheading: Regional views
      - bullets:
          - text: Prairies
            numbered: [Meth, Opioids]
          - Atlantic
  - title: Youth
    kind: breakout
    presenters: [{name: Jane Doe, title: Director, organization: Youth Services}]
    body:
      - Youth were discussed.[^fy]
""") + """session_groups:
  breakout:
    heading: Breakout Sessions
footnotes:
  fy: In the United States, the fiscal year runs from 1 October to 30 September.
appendices:
  - title: Organizations Represented
    organizations: [Calgary Police Service, Halifax Regional Police]
  - title: Agenda
    agenda:
      - {date: 2021-03-29, time: "9:00-9:15", title: Opening remarks, speakers: [Jane Doe]}
      - {date: 2021-03-29, time: "9:15-10:00", title: Trends}
      - date: 2021-03-30
        time: "9:00-9:30"
        title: Youth and the illicit drug trade in the Prairie provinces
        speakers: [Youth Services, Royal Canadian Mounted Police "D" Division]
"""
EVERY_PART = EVERY_PART.replace("  dates: 2021-03-29", "  dates: [2021-03-29, 2021-03-30]") \
    .replace("  department: Public Safety Canada\n", "  department: Public Safety Canada\n"
             "  toc: true\n")
FRENCH = EVERY_PART.replace("  department: Public Safety Canada", """\
  department: Sécurité publique Canada
  language: fr
  other_language_title: Spring 2021 Roundtable""").replace(
    "- Trends were discussed.[^fy] See <https://www.canada.ca/en.html>.",
    "- 'Les tendances : « drogues » ?[^fy] Voir <https://www.canada.ca/fr.html>.'")


def constructed(folder):
    for name, text in (("every-part", EVERY_PART), ("toutes-les-parties", FRENCH)):
        source = load(text)
        assert validate(source) == []
        page = folder / f"{name}.html"
        page.write_bytes(html.render(build(source.data)))
        yield page


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    pages = []
    for example in EXAMPLES:
        page = folder / f"{example.stem}.html"
        page.write_bytes(html.render(build(read(example).data)))
        pages.append(page)
    pages += constructed(folder)
    return {r["file"].rsplit("/", 1)[-1][:-5]: r for r in run_script("check_pages.js", folder,
                                                                       *pages)}


@pytest.fixture(params=["every-part", "toutes-les-parties"])
def with_contents(request, results):
    return results[request.param]


@pytest.fixture(params=[e.stem for e in EXAMPLES] + ["every-part", "toutes-les-parties"])
def result(request, results):
    return results[request.param]


def test_both_languages_are_checked(results):
    assert {r["structure"]["lang"] for r in results.values()} == {"en-CA", "fr-CA"}


def test_no_axe_violations(result):
    assert result["axe"]["violations"] == []
    assert result["axe"]["passes"] > 10     # the rules did run


def test_nothing_is_fetched(result):
    # Every request was intercepted: the page's own file (loaded again for each look),
    # nothing else; nothing had to be refused.
    assert result["refused"] == [] and result["consoleErrors"] == []
    assert result["url"].startswith("file:///")
    assert result["requests"] and set(result["requests"]) == {result["url"]}


NAMES = {"en-CA": ("Government of Canada", "Symbol of the Government of Canada",
                   "Government of Canada / Gouvernement du Canada"),
         "fr-CA": ("Gouvernement du Canada", "Symbole du gouvernement du Canada",
                   "Gouvernement du Canada / Government of Canada")}


def test_the_symbols_are_named_in_the_pages_language(result):
    signature, wordmark, link = NAMES[result["structure"]["lang"]]
    # as the browser's accessibility tree reads them: two images, and the signature's link
    assert result["accessible"]["images"] == [signature, wordmark]
    assert result["accessible"]["names"] == [{"name": signature, "landmark": "header"},
                                             {"name": wordmark, "landmark": "footer"}]
    assert result["accessible"]["links"][1] == link      # after the skip link


# The GC Design System's sizes (@gcds-core/tokens): the signature 1.21875rem high, and
# 2.09375rem from 64em up; the footer's wordmark 10.25rem wide, 6.25rem in a band of
# 30em or less. rem = 16 CSS pixels.
@pytest.mark.parametrize(("width", "signature_height", "wordmark_width"),
                         [("desktop", 2.09375 * 16, 10.25 * 16), ("phone", 1.21875 * 16,
                                                                  6.25 * 16)])
def test_the_header_shows_the_signature_and_the_footer_the_wordmark(result, width,
                                                                     signature_height,
                                                                     wordmark_width):
    look = result["sizes"][width]
    signature, wordmark = look["signature"], look["wordmark"]
    assert look["rem"] == 16
    assert signature["height"] == signature_height
    assert signature["width"] == pytest.approx(signature_height * 819 / 78, abs=0.5)
    assert wordmark["width"] == wordmark_width
    assert wordmark["height"] == pytest.approx(wordmark_width * 34 / 143, abs=0.5)
    # top left, above the title, aligned with it; the wordmark at the right of the
    # page's last band, as Canada.ca's footer has it
    assert signature["top"] == 8 and signature["left"] == look["h1"]["left"]
    assert signature["top"] + signature["height"] < look["h1"]["top"]
    assert wordmark["right"] == look["page"]["width"] - look["h1"]["left"]
    assert look["footer"]["top"] < wordmark["top"] < look["footer"]["top"] + 40
    assert wordmark["top"] + wordmark["height"] < look["page"]["height"]


def test_every_footnote_and_contents_link_lands(result):
    assert result["links"]["missed"] == []


def test_contents_links_are_there_to_land(with_contents):
    assert with_contents["structure"]["navLinks"] >= 10


def test_contents_follow_publication_toc(results):
    # the examples have no `toc: true`: their pages have no contents block either
    assert {name: r["structure"]["navLinks"] for name, r in results.items()} == {
        **{e.stem: 0 for e in EXAMPLES}, "every-part": 11, "toutes-les-parties": 11}


def test_an_agendas_columns_are_the_same_width_every_day(results):
    for name in ("every-part", "toutes-les-parties"):
        first, second = results[name]["structure"]["columnWidths"]
        assert first == second and len(first) == 3


def test_footnote_links_both_ways_were_followed(results):
    for name in ("fall-2019-winnipeg", "automne-2019-winnipeg", "every-part"):
        assert {"#fn1", "#fn1-rf"} <= set(results[name]["links"]["hrefs"])
    assert "#fn1-rf-1" in results["toutes-les-parties"]["links"]["hrefs"]   # a second mark


def test_constructed_pages_have_every_part(results):
    for name in ("every-part", "toutes-les-parties"):
        assert results[name]["structure"]["tables"] == 2       # the agenda's two days
        # title; contents, introduction, plenary, its subheading, breakout group, its
        # session, outcomes, conclusion, appendices A and B, B's two days; notes, about
        assert results[name]["structure"]["headings"] == [1, 2, 2, 2, 3, 2, 3, 2, 2, 2, 2,
                                                           3, 3, 2, 2]
    assert results["toutes-les-parties"]["structure"]["otherLanguage"] == ["en-CA"]


def test_structure_and_typography(result):
    s = result["structure"]
    assert s["h1"] == 1 and s["main"] == 1
    assert all(b <= a + 1 for a, b in zip(s["headings"], s["headings"][1:]))
    assert s["fonts"]["heading"].startswith("Lato,")
    assert s["fonts"]["text"].startswith('"Noto Sans",')
    assert 60 <= s["paragraphWidthCh"] <= 70


def test_readable_at_phone_width_and_200_percent(result):
    # 640 CSS pixels is a 1280-pixel window at 200%; 320 is WCAG's reflow width.
    assert result["overflow"] == {"320": 0, "640": 0}


def test_screenshots(result):
    for name, width in (("desktop", 1280), ("phone", 720)):
        with open(result["screenshots"][name], "rb") as png:
            head = png.read(24)
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(head[16:20], "big") == width
