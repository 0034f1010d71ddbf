"""The Federal Identity Program's symbols as the writers get them: the packaged art of the
outline's language, its PNG fallback, its size and its text alternative."""

from datetime import date

import pytest
from lxml import etree
from support.outlines import MINIMAL, build, load

from rtdraft.render import artwork, symbols

SVG = "{http://www.w3.org/2000/svg}"


def document(text=MINIMAL):
    return build(load(text).data, today=date(2021, 6, 1))


@pytest.mark.parametrize("language, signature, wordmark, title", [
    ("en", "Government of Canada", "Symbol of the Government of Canada", "Government of Canada"),
    ("fr", "Gouvernement du Canada", "Symbole du gouvernement du Canada",
     "Gouvernement du Canada"),
])
def test_each_language_has_its_signature_and_wordmark_and_their_alternatives(
        language, signature, wordmark, title):
    text = MINIMAL.replace("  department: Public Safety Canada\n",
                           f"  department: Public Safety Canada\n  language: {language}\n")
    sig, mark = symbols.load(document(text))
    assert (sig.kind, sig.alt, sig.name) == ("signature", signature, f"signature-{language}.svg")
    assert (mark.kind, mark.alt, mark.name) == ("wordmark", wordmark, f"wordmark-{language}.svg")
    # the art is the language's: its own title says so (the French signature reads French first)
    assert etree.fromstring(sig.svg).find(f"{SVG}title").text == title
    assert (sig.width, sig.height) == (819, 78)
    assert (mark.width, mark.height) == (143, 34)


def test_the_png_fallback_is_the_same_picture_at_print_resolution():
    for symbol in symbols.load(document()):
        width, height = artwork.check_png(symbol.png)
        assert height >= 272     # 300 dpi at the height the cover prints it
        assert abs(width / height - symbol.aspect) < 0.01, symbol.name


def test_an_outline_may_reword_the_text_alternatives():
    text = MINIMAL + "labels:\n  signature_alt: Government of Canada signature\n"
    sig, mark = symbols.load(document(text))
    assert sig.alt == "Government of Canada signature"
    assert mark.alt == "Symbol of the Government of Canada"


def test_the_png_check_refuses_what_is_not_a_png():
    with pytest.raises(ValueError, match="not a PNG file"):
        artwork.check_png(b"GIF89a" + bytes(30))
