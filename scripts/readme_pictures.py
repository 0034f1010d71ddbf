"""Make the README's pictures (docs/*.png) again from what rtdraft renders now, so they
stay true: run it after a change to the output, and commit the pictures it writes.

    python scripts/readme_pictures.py          # writes docs/*.png
    python scripts/readme_pictures.py --web    # only the web page's and the preview's

The PDF pages come from `rtdraft render --format pdf` (LibreOffice) of the Fall 2019
example with its table of contents, made PNG by poppler's pdftoppm at 60 dpi; the web
pictures are Debian's chromium through puppeteer-core (`npm ci` first): the English web
page at desktop width (its top, and its foot), the French one at phone width, and
`rtdraft preview` showing a problem above the last good rendering.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLE = ROOT / "examples" / "fall-2019-winnipeg.yaml"
FRENCH = ROOT / "examples" / "automne-2019-winnipeg.yaml"
RTDRAFT = [sys.executable, "-m", "rtdraft"]
# PDF page -> picture: the cover, the contents; and the first page with a session heading
# and a footnote at its foot, found by its text
PAGES = {1: "fall-2019-cover.png", 3: "fall-2019-contents.png"}
BODY_PAGE = "fall-2019-page.png"


def with_toc(text: str) -> str:
    return re.sub(r"^publication:\n", "publication:\n  toc: true\n", text, count=1,
                  flags=re.MULTILINE)


def pdf_pages(folder: Path) -> None:
    outline = folder / EXAMPLE.name
    outline.write_text(with_toc(EXAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    subprocess.run([*RTDRAFT, "render", str(outline), "--format", "pdf", "-o", str(folder)],
                   check=True)
    pdf = folder / "fall-2019-winnipeg.pdf"
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout).group(1))
    body = 1
    for body in range(1, count + 1):
        words = subprocess.run(["pdftotext", "-f", str(body), "-l", str(body), str(pdf), "-"],
                               capture_output=True, text=True, check=True).stdout
        if "Plenary Session" in words and "the fiscal year runs" in words:
            print(f"the body page is page {body}")
            break
    for page, name in [*PAGES.items(), (body, BODY_PAGE)]:
        stem = folder / f"page-{page}"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", str(page),
                        "-l", str(page), str(pdf), str(stem)], check=True)
        shutil.copyfile(stem.with_suffix(".png"), DOCS / name)


def web_pictures(folder: Path) -> None:
    for example in (EXAMPLE, FRENCH):
        subprocess.run([*RTDRAFT, "render", str(example), "--format", "html", "-o",
                        str(folder / example.with_suffix(".html").name)], check=True)
    # the preview: a good outline first (the page below the problems), then a bad date
    outline = folder / "good.yaml"
    text = with_toc(EXAMPLE.read_text(encoding="utf-8"))
    outline.write_text(text, encoding="utf-8")
    broken = folder / "broken.yaml"
    broken.write_text(text.replace("2019-10-09]", "2019-13-09]", 1), encoding="utf-8")
    preview = subprocess.Popen([*RTDRAFT, "preview", outline.name], stdout=subprocess.PIPE,
                               text=True, cwd=folder)
    try:
        url = re.search(r"http://\S+", preview.stdout.readline()).group(0)
        subprocess.run(["node", str(ROOT / "scripts" / "screenshots.js"), str(DOCS),
                        str(folder / "fall-2019-winnipeg.html"),
                        str(folder / "automne-2019-winnipeg.html"), url, str(outline),
                        str(broken)], check=True, cwd=ROOT, timeout=180)
    finally:
        preview.terminate()
        preview.wait(timeout=10)


def main() -> None:
    web_only = sys.argv[1:] == ["--web"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not web_only:
            pdf_pages(folder)
        web_pictures(folder)
    pdf = [] if web_only else [*PAGES.values(), BODY_PAGE]
    for name in [*pdf, "html-desktop.png", "html-phone-fr.png", "html-footer.png",
                 "preview-problems.png"]:
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
