"""The web page's colours, type and spacing come from the GC Design System's tokens
(@gcds-core/tokens): summary.css names them, gcds-tokens.css defines them, built by
templates/build_tokens.py from the npm package."""

import importlib.util
import re

from support.outlines import ROOT

TEMPLATES = ROOT / "templates"
# Properties that carry a colour, a font, a size of type or a space.
DESIGN = re.compile(r"^(color|background|font|font-[a-z]+|margin|margin-[a-z]+|padding|"
                    r"padding-[a-z]+|border|border-(?!collapse)[a-z-]+|outline|"
                    r"outline-[a-z]+|text-decoration-thickness|scroll-margin-top)$")


def build_tokens():
    spec = importlib.util.spec_from_file_location("build_tokens",
                                                  TEMPLATES / "build_tokens.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tokens_are_built_by_their_script_from_the_gc_design_system(tmp_path):
    # node_modules comes from `npm ci` (the README's test command); without it the
    # script stops with a message and the test fails, as a missing tool must in CI.
    module = build_tokens()
    module.build(tmp_path / "gcds-tokens.css")
    built = (tmp_path / "gcds-tokens.css").read_text(encoding="utf-8")
    assert built == (TEMPLATES / "gcds-tokens.css").read_text(encoding="utf-8")
    assert built.startswith("/* @gcds-core/tokens 1.5.0 (MIT)")
    # the package's values, as it writes them
    assert "  --gcds-signature-signature-height: 1.21875rem;\n" in built
    assert "  --gcds-signature-signature-height-desktop: 2.09375rem;\n" in built
    assert "  --gcds-link-default: #1f497a;\n" in built


def test_exactly_the_tokens_summary_css_uses_are_defined():
    module = build_tokens()
    style = (TEMPLATES / "summary.css").read_text(encoding="utf-8")
    defined = module.tokens((TEMPLATES / "gcds-tokens.css").read_text(encoding="utf-8"))
    assert sorted(defined) == module.used(style) and len(defined) > 40


def test_a_token_the_package_lacks_stops_the_build():
    module = build_tokens()
    try:
        module.text("a { color: var(--gcds-colour-typo); }", "--gcds-link-default: #1f497a;",
                    "1.5.0")
    except SystemExit as stop:
        assert str(stop) == "summary.css uses tokens tokens.css lacks: --gcds-colour-typo"
    else:
        raise AssertionError("built")


def test_summary_css_types_no_colour_font_or_space_by_hand():
    style = (TEMPLATES / "summary.css").read_text(encoding="utf-8")
    style = re.sub(r"/\*.*?\*/", "", style, flags=re.DOTALL)
    style = re.sub(r"@media[^{]+", "", style)           # breakpoints cannot be tokens
    style = re.sub(r"\.wb-inv \{[^}]*\}", "", style)     # the visually-hidden pattern
    found = re.findall(r"([a-z-]+)\s*:\s*([^;{}]+)", style)
    checked = [(name, value) for name, value in found if DESIGN.match(name)]
    assert len(checked) > 50
    typed = [(name, value) for name, value in checked
             if re.search(r"#|\d*\.?\d+(px|rem|em|%)|[1-9]|Lato|Noto|Arial|serif",
                          re.sub(r"var\(--gcds-[a-z0-9-]+\)", "", value))]
    assert typed == []
