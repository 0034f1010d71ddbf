"""Build templates/fip/, the Federal Identity Program symbols rtdraft places.

Run it after `npm ci` when package.json changes the GC Design System's
version: `python templates/build_fip.py`. It takes the Government of Canada
signature (English and French) and the Canada wordmark from the
`gcds-signature` component of @gcds-core/components, and their colours from
@gcds-core/tokens. The component colours its art with CSS classes
(fip_flag, fip_text); a DOCX or PDF has no stylesheet, so the colours are
written into each path as a fill. Nothing else changes: paths, view box and
title are the component's own. The package carries the result, so render
never needs node or the network.

Each symbol also gets its PNG, the fallback a DOCX carries beside the SVG for
readers that show no vectors (Word before 2016, python-docx, mammoth). They are
drawn here, once, by CairoSVG (a build tool, in the test extra: render never
rasterizes the default art), at about 300 dpi for the largest size the cover
prints them. Cairo writes no date or name into a PNG, so the bytes are the same
on every build with the same Cairo.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent
NODE = HERE.parent / "node_modules" / "@gcds-core"
ASSETS = NODE / "components" / "dist" / "collection" / "components" / "gcds-signature" / "assets"
TOKENS = NODE / "tokens" / "build" / "web" / "css" / "components" / "signature.css"
OUT = HERE / "fip"
SVG = "http://www.w3.org/2000/svg"

# The PNG fallback's height in pixels, by symbol: 300 dpi at the cover's height (docs/
# federal-identity.md), rounded up to a whole multiple of the view box.
PNG_HEIGHT = {"signature": 312, "wordmark": 272}

# rtdraft's name -> the component's file.
SYMBOLS = {
    "signature-en.svg": "sig-blk-en.svg",
    "signature-fr.svg": "sig-blk-fr.svg",
    "wordmark-en.svg": "wmms-spl-en.svg",
    "wordmark-fr.svg": "wmms-spl-fr.svg",
}


def colours(css: str) -> dict[str, str]:
    """The flag and text colours of the signature tokens, by the class they fill."""
    found = dict(re.findall(r"--gcds-signature-color-(flag|text):\s*(#[0-9a-fA-F]{6})", css))
    if set(found) != {"flag", "text"}:
        raise SystemExit(f"{TOKENS}: no flag and text colours in the signature tokens")
    return {"fip_flag": found["flag"].upper(), "fip_text": found["text"].upper()}


def coloured(svg: bytes, fills: dict[str, str]) -> bytes:
    ElementTree.register_namespace("", SVG)
    root = ElementTree.fromstring(svg)
    for element in root.iter():
        fill = fills.get(element.get("class", ""))
        if fill:
            element.set("fill", fill)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def png(svg: bytes, height: int) -> bytes:
    # a build tool only: `pip install -e ".[test]"` brings it
    import cairosvg

    return cairosvg.svg2png(bytestring=svg, output_height=height)


def version(package: str) -> str:
    return json.loads((NODE / package / "package.json").read_text(encoding="utf-8"))["version"]


def build(out: Path = OUT) -> None:
    if not ASSETS.is_dir():
        sys.exit(f"{ASSETS} is missing: run `npm ci --no-audit --no-fund` first")
    fills = colours(TOKENS.read_text(encoding="utf-8"))
    out.mkdir(exist_ok=True)
    for name, source in SYMBOLS.items():
        svg = coloured((ASSETS / source).read_bytes(), fills)
        (out / name).write_bytes(svg)
        height = PNG_HEIGHT[name.split("-")[0]]
        (out / name).with_suffix(".png").write_bytes(png(svg, height))
    (out / "SOURCE.json").write_text(json.dumps({
        "@gcds-core/components": version("components"),
        "@gcds-core/tokens": version("tokens"),
        "files": SYMBOLS,
        "colours": fills,
    }, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
