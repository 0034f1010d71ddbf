"""Make the README's pictures (docs/*.png) again from what rtdraft renders now, so they
stay true: run it after a change to the output, and commit the pictures it writes.

    python scripts/readme_pictures.py          # writes docs/*.png
    python scripts/readme_pictures.py --web    # only the web page's and the preview's

The PDF pages come from `rtdraft render --format pdf` (LibreOffice) of the Fall 2019
example with its table of contents, made PNG by poppler's pdftoppm at 60 dpi; the web
pictures are Debian's chromium through puppeteer-core (`npm ci` first): the English web
page at desktop width (its top, and its foot), the French one at phone width, and
`rtdraft preview` showing a problem above the last good rendering. The Word starter
(`rtdraft new starter.docx`) is made PDF by LibreOffice: its cover and its first body
page. docs/writing-in-word.md's pictures: the example Word draft
(examples/word/first-draft.docx) as LibreOffice prints its first page, and what `rtdraft
import --check` says of it, its real output set as a terminal shows it and photographed by
chromium headless. `--web` makes the web pictures alone.
"""

from __future__ import annotations

import html
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
# the Word starter's PDF page -> picture
STARTER = {1: "word-starter-cover.png", 3: "word-starter.png"}


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


def starter_pages(folder: Path) -> None:
    subprocess.run([*RTDRAFT, "new", str(folder / "starter.docx")], check=True)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder / 'lo-profile'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    str(folder / "starter.docx")], check=True, capture_output=True, timeout=300)
    for page, name in STARTER.items():
        stem = folder / f"starter-{page}"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", str(page),
                        "-l", str(page), str(folder / "starter.pdf"), str(stem)], check=True)
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


WORD_DRAFT = ROOT / "examples" / "word" / "first-draft.docx"
WORD_PICTURES = ("word-draft.png", "import-check.png")


def word_pictures(folder: Path) -> None:
    """The example Word draft's first page, and `import --check`'s output on it."""
    profile = (folder / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(WORD_DRAFT)],
                   check=True, capture_output=True, timeout=180)
    stem = folder / "word-draft"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", "1", "-l", "1",
                    str(folder / "first-draft.pdf"), str(stem)], check=True)
    shutil.copyfile(stem.with_suffix(".png"), DOCS / WORD_PICTURES[0])
    command = ["import", "--check", WORD_DRAFT.name]
    said = subprocess.run([*RTDRAFT, *command], capture_output=True, text=True,
                          cwd=WORD_DRAFT.parent, check=False)   # its exit code is shown
    text = f"$ rtdraft {' '.join(command)}\n{said.stdout}{said.stderr}$ echo $?\n" \
           f"{said.returncode}\n"
    page = folder / "import-check.html"
    page.write_text(
        "<!doctype html><meta charset=utf-8><style>body{margin:0;background:#1e1e1e}"
        "pre{margin:0;padding:16px;color:#e8e8e8;font:15px/1.35 'DejaVu Sans Mono',"
        "monospace;white-space:pre-wrap;width:1008px}</style><pre>" + html.escape(text)
        + "</pre>", encoding="utf-8")
    lines = sum(1 + len(line) // 112 for line in text.splitlines())
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--hide-scrollbars",
                    f"--user-data-dir={folder / 'chromium'}",
                    f"--screenshot={DOCS / WORD_PICTURES[1]}",
                    f"--window-size=1040,{32 + lines * 21}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)


def main() -> None:
    web_only = sys.argv[1:] == ["--web"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not web_only:
            pdf_pages(folder)
            starter_pages(folder)
            word_pictures(folder)
        web_pictures(folder)
    office = [] if web_only else [*PAGES.values(), BODY_PAGE, *STARTER.values(),
                                  *WORD_PICTURES]
    for name in [*office, "html-desktop.png", "html-phone-fr.png", "html-footer.png",
                 "preview-problems.png"]:
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
