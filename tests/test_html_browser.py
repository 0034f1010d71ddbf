"""Every example's web page in a real browser: WCAG 2.1 AA by axe-core, links that land,
nothing fetched, no overflow at phone width or 200% zoom, screenshots."""

import pytest
from browser import run_script
from conftest import EXAMPLES

from rtdraft.model import build
from rtdraft.render import html
from rtdraft.source import read


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    pages = []
    for example in EXAMPLES:
        page = folder / f"{example.stem}.html"
        page.write_bytes(html.render(build(read(example).data)))
        pages.append(page)
    return {r["file"].rsplit("/", 1)[-1][:-5]: r for r in run_script("check_pages.js", folder,
                                                                       *pages)}


@pytest.fixture(params=[e.stem for e in EXAMPLES])
def result(request, results):
    return results[request.param]


def test_both_languages_are_checked(results):
    assert {r["structure"]["lang"] for r in results.values()} == {"en-CA", "fr-CA"}


def test_no_axe_violations(result):
    assert result["axe"]["violations"] == []
    assert result["axe"]["passes"] > 10     # the rules did run


def test_nothing_is_fetched(result):
    assert result["requests"] == [] and result["consoleErrors"] == []


def test_every_footnote_and_contents_link_lands(result):
    links = result["links"]
    assert links["missed"] == []
    assert result["structure"]["navLinks"] >= 10


def test_footnote_links_both_ways_were_followed(results):
    for name in ("fall-2019-winnipeg", "automne-2019-winnipeg"):
        assert {"#fn1", "#fn1-rf"} <= set(results[name]["links"]["hrefs"])


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
