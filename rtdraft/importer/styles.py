"""What each paragraph style of a DOCX stands for, by what survives another editor's save.

rtdraft's parts are told by their styles (Heading 1, Cover Department, List Bullet 2 ...).
Word and LibreOffice keep a style but not always its name: Word writes a built-in style's
name in English and its id in the user's language ("heading 1", id "berschrift1"), other
programs write the localized name itself ("Überschrift 1", "Titre 1"); LibreOffice renames
ids ("Contents1" for "TOC 1") and may add aliases. A style is known by the first of its
name, its aliases (w:aliases) and its id that names a style the importer knows, in English
or in one of the languages below; failing that, a style with an outline level (w:outlineLvl
0-8) is a heading of that level, as Word's navigation pane reads it.
"""

from __future__ import annotations

import re

from . import ooxml_read as ox

# Names the reader acts on, as Word's English names, lower case.
KNOWN = {"title", "subtitle", "normal", "copyright", "presenters", "draft mark",
         "cover tagline", "cover department", "cover details", "cover signature",
         "cover wordmark", "toc heading", "body text", "list paragraph", "footnote text"}
# The styles of rtdraft's style gallery, named for what an editor picks (Session Heading,
# Outcome), read as the style each stands in for: a paragraph typed in Session Heading is
# a heading under its group's heading, as a session's is. Older rtdraft documents use the
# styles themselves (Heading 2, List Bullet) and are read as before.
GALLERY = {"session heading": "heading 2", "outcome": "list bullet"}
NUMBERED = re.compile(r"^(heading|toc|list bullet|list number) ?([1-9])?$")

# Word's localized names of the built-in styles an outline uses (the user interface's
# names, as Word for Windows shows them): German, French, Spanish, Italian, Dutch,
# Portuguese. {n} is the level.
LOCALIZED = {
    "heading {n}": ["überschrift {n}", "titre {n}", "título {n}", "titolo {n}", "kop {n}"],
    "title": ["titel", "titre", "título", "titolo"],
    "subtitle": ["untertitel", "sous-titre", "subtítulo", "sottotitolo", "ondertitel"],
    "list bullet": ["aufzählungszeichen", "listepuces", "liste à puces", "listaconviñetas",
                    "lista con viñetas", "puntoelenco", "punto elenco", "lijstopsommingsteken"],
    "list bullet {n}": ["aufzählungszeichen {n}", "listepuces{n}", "liste à puces {n}",
                        "lista con viñetas {n}", "punto elenco {n}"],
    "list number": ["listennummer", "listenumros", "liste numéros", "listaconnúmeros",
                    "lista con números", "numeroelenco", "numero elenco"],
    "list number {n}": ["listennummer {n}", "liste numéros {n}", "lista con números {n}",
                        "numero elenco {n}"],
    "toc {n}": ["verzeichnis {n}", "tm {n}", "tdc {n}", "sommario {n}", "inhopg {n}",
                "contents {n}"],
}


def _squeezed(text: str) -> str:
    """A name as an id is made of it: lower case, no spaces (Word also drops letters
    outside ASCII from a localized id: "Überschrift 1" is "berschrift1")."""
    return re.sub(r"[\s_-]+", "", text.lower())


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for name in KNOWN:
        table[name] = name
    table.update(GALLERY)
    for n in ["", *map(str, range(1, 10))]:
        for base in ("heading", "toc", "list bullet", "list number"):
            if base in ("heading", "toc") and not n:
                continue
            name = f"{base} {n}".strip()
            table[name] = name
    for english, names in LOCALIZED.items():
        for local in names:
            for n in range(1, 10) if "{n}" in english else [None]:
                key = english.format(n=n) if n else english
                table[local.format(n=n) if n else local] = key
    # ids: the names squeezed, with and without the letters outside ASCII
    for name, key in list(table.items()):
        table.setdefault(_squeezed(name), key)
        table.setdefault(re.sub(r"[^\x00-\x7f]", "", _squeezed(name)), key)
    return table


TABLE = _table()


def known_name(style) -> str | None:
    """The English name of what a python-docx style stands for, or None."""
    element = style.element
    aliases = element.find(ox.ALIASES)
    candidates = [style.name or ""]
    if aliases is not None:
        candidates += (ox.attr(aliases, "val") or "").split(",")
    candidates.append(style.style_id or "")
    for candidate in candidates:
        low = " ".join(candidate.lower().split())
        found = TABLE.get(low) or TABLE.get(_squeezed(low))
        if found:
            return found
    return None


def outline_level(style) -> int:
    """The heading level (1-9) a style's w:outlineLvl gives, 0 if none."""
    level = style.element.find(f"{ox.PPR}/{ox.OUTLINE_LVL}")
    if level is None:
        return 0
    try:
        value = int(ox.attr(level, "val") or "")
    except ValueError:
        return 0
    return value + 1 if 0 <= value < 9 else 0


def names(document) -> dict[str, str]:
    """styleId -> the name the reader goes by (lower case): a known style's English name,
    an unknown style with an outline level 'heading N', else its own name."""
    out = {}
    for style in document.styles:
        name = known_name(style)
        if name is None and outline_level(style):
            name = f"heading {outline_level(style)}"
        out[style.style_id] = name or (style.name or style.style_id or "").lower()
    return out
