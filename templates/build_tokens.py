"""Build templates/gcds-tokens.css, the GC Design System tokens the web page uses.

Run it after `npm ci` when package.json changes @gcds-core/tokens's version, or when
summary.css starts using another token: `python templates/build_tokens.py`. It reads
every custom property of the package's tokens.css and writes, unchanged, the ones
summary.css names in a var(), and only those: the page carries a few dozen lines,
not the package's thousand. A name summary.css uses that the package lacks stops
the build, so a typing slip or a token the package dropped cannot reach the page.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOKENS = HERE.parent / "node_modules" / "@gcds-core" / "tokens"
SOURCE = TOKENS / "build" / "web" / "css" / "tokens.css"
STYLE = HERE / "summary.css"
OUT = HERE / "gcds-tokens.css"

DECLARATION = re.compile(r"^\s*(--gcds-[a-z0-9-]+):\s*([^;]+);", re.MULTILINE)
USE = re.compile(r"var\((--gcds-[a-z0-9-]+)\)")


def tokens(css: str) -> dict[str, str]:
    return dict(DECLARATION.findall(css))


def used(css: str) -> list[str]:
    return sorted(set(USE.findall(css)))


def text(style: str, source: str, version: str) -> str:
    known = tokens(source)
    names = used(style)
    missing = [name for name in names if name not in known]
    if missing:
        raise SystemExit(f"{STYLE.name} uses tokens {SOURCE.name} lacks: {', '.join(missing)}")
    lines = [f"  {name}: {known[name]};" for name in names]
    return (f"/* @gcds-core/tokens {version} (MIT): the tokens summary.css uses, written by\n"
            "   templates/build_tokens.py; do not edit, run it again. */\n"
            ":root {\n" + "\n".join(lines) + "\n}\n")


def build(out: Path = OUT) -> None:
    if not SOURCE.is_file():
        sys.exit(f"{SOURCE} is missing: run `npm ci --no-audit --no-fund` first")
    version = json.loads((TOKENS / "package.json").read_text(encoding="utf-8"))["version"]
    out.write_text(text(STYLE.read_text(encoding="utf-8"),
                        SOURCE.read_text(encoding="utf-8"), version), encoding="utf-8")


if __name__ == "__main__":
    build()
