"""A draft typed in Word's built-in styles, not in rtdraft's (issue 26): what its parts are
by their usual titles, in English and French ("Opening Remarks", "Mot d'ouverture",
"Highlights from Plenary Sessions", "Principaux résultats", "Annexe A : ..."), its place
line, an appendix of one name per line, an agenda table's columns.

The words here are those of the published summaries (the seeds, the examples) and the
titles editors give the same parts; a title not known is placed by its order (outline.py).
"""

from __future__ import annotations

import re

from ..document import inline
from ..languages.typography import folded
from .read import MARKS, Head, ListPara, Para, quoted

# A part's usual titles, folded (lower case, no accents, one space): part -> {title: language}
# ("" for a title both languages write).
TITLES = {
    "introduction": {"introduction": "", "context": "en", "background": "en",
                     "contexte": "fr"},
    "opening_remarks": {"opening remarks": "en", "welcoming remarks": "en",
                        "welcome and opening remarks": "en", "opening and welcoming remarks": "en",
                        "mot d'ouverture": "fr", "mots d'ouverture": "fr",
                        "allocution d'ouverture": "fr", "discours d'ouverture": "fr",
                        "mot de bienvenue": "fr", "remarques liminaires": "fr"},
    "outcomes": {"key outcomes": "en", "outcomes": "en", "key takeaways": "en",
                 "key findings": "en", "principaux resultats": "fr", "resultats": "fr",
                 "resultats cles": "fr", "principales conclusions": "fr"},
    "conclusion": {"conclusion": "", "conclusions": "", "conclusion and next steps": "en",
                   "next steps": "en", "closing remarks": "en",
                   "conclusion et prochaines etapes": "fr", "prochaines etapes": "fr",
                   "mot de la fin": "fr"},
}

# A part holding sessions, by the words of its title: the kind of its sessions.
GROUPS = [
    (re.compile(r"\bplenar(?:y|ies)\b|\bplenieres?\b"), "plenary"),
    (re.compile(r"\bbreakouts?\b|\bpetits groupes\b"), "breakout"),
    (re.compile(r"\bpanels?\b|\btables? rondes?\b"), "panel"),
    (re.compile(r"\bworkshops?\b|\bateliers?\b"), "workshop"),
]
GROUP_WORDS = re.compile(r"^(?:the )?(?:plenaries|breakouts|panels|workshops|ateliers|"
                         r"tables rondes)$|"
                         r"^(?:highlights (?:from|of) (?:the )?|faits saillants (?:des|de la|"
                         r"du) |summary of (?:the )?|resume des )?(?:\w+ )?(?:sessions?|"
                         r"seances?|discussions?)\b|^highlights\b|^faits saillants\b|"
                         r"\b(?:sessions|seances)\b")
LANGUAGE_OF_GROUP = re.compile(r"\b(?:seances?|faits saillants|plenieres?|petits groupes|"
                               r"ateliers?|tables? rondes?)\b")

# A session's label and title parted by a dash or a stop: 'Plenary Session 1 – Title',
# 'Breakout #2 - Title', 'Atelier 3. Titre' (the label: a few words and its number).
DASHED_LABEL = re.compile(r"(?P<label>\D{1,40}?#?\d{1,3})(?:\s*[\u2013\u2014]\s*|\s+-\s+|\.\s+)"
                          r"(?P<title>\S.*)", re.DOTALL)

# Appendix headings an editor types: "Appendix A: Title", "Appendix: Title", "Annex B -
# Title", "Annexe A : Titre", "Appendix A" followed by its title after a dash or a stop.
APPENDIX = re.compile(r"(?P<word>appendix|annex|annexe)(?:\s+(?P<letter>[A-Z]|\d{1,2}))?"
                      r"\s*[:.\u2013\u2014-]\s*(?P<title>\S.*)", re.IGNORECASE | re.DOTALL)


def _key(text: str) -> str:
    """A heading's words as the tables above write them."""
    text = folded(MARKS.sub("", inline.unescape(text)).replace("’", "'"))
    return " ".join(re.sub(r"[\s\u00a0\u202f]+", " ", text).strip(" :.").split())


def part_of(text: str) -> tuple[str, str] | None:
    """(part, language: 'en', 'fr' or '') a heading's title names, or None: 'sessions:KIND'
    for a part holding sessions of one kind."""
    key = _key(text)
    for part, titles in TITLES.items():
        if key in titles:
            return part, titles[key]
    if appendix(text):
        word = appendix(text)["word"].lower()
        return "appendix", "fr" if word == "annexe" else "en"
    kind = group_kind(text)
    if kind:
        return f"sessions:{kind}", "fr" if LANGUAGE_OF_GROUP.search(key) else "en"
    return None


def group_kind(text: str) -> str | None:
    """The kind of session a part's title says it holds ('Highlights from Plenary
    Sessions', 'Séances en petits groupes', 'Breakout Sessions'), or None."""
    key = _key(text)
    if not GROUP_WORDS.search(key) or re.search(r"\d", key):
        return None
    for pattern, kind in GROUPS:
        if pattern.search(key):
            return kind
    return None


def appendix(text: str) -> re.Match | None:
    return APPENDIX.fullmatch(MARKS.sub("", text).strip())


def language_of(titles: list[str]) -> str | None:
    """The language the parts' titles are in, when they say so: 'fr' or 'en', else None."""
    votes = {"en": 0, "fr": 0}
    for title in titles:
        found = part_of(title)
        if found and found[1]:
            votes[found[1]] += 1
    if votes["en"] == votes["fr"]:
        return None
    return max(votes, key=votes.get)


def place_line(text: str) -> bool:
    """A line that can be a meeting's place: 'Winnipeg, Manitoba', 'Winnipeg (Manitoba)',
    'Ottawa, Ontario, Canada': short, no sentence, no digits."""
    words = text.split()
    return 0 < len(words) <= 8 and len(text) <= 80 and not re.search(r"[\d.;:!?]$|\d", text)


def name_lines(blocks: list) -> list[str] | None:
    """The names of an appendix of one name per line (plain paragraphs or one bullet
    list, no formatting, no sentence), or None."""
    names = []
    for block in blocks:
        if isinstance(block, Para):
            name = block.plain.strip()
            if block.text != inline.escape(name):
                return None   # formatted: not a plain name
        elif isinstance(block, ListPara) and block.depth == 1 and not block.numbered and \
                block.plain:
            name = block.words.strip()
        else:
            return None
        words = MARKS.sub("", name).strip()   # a comment's mark goes with the name
        if not words or len(words) > 150 or words.endswith((".", ":", ";")):
            return None
        names.append(name)
    return names if len(names) >= 2 else None


# Agenda columns by their header's words, folded.
COLUMNS = {
    "time": {"time", "times", "heure", "heures", "horaire", "when", "quand"},
    "title": {"item", "items", "agenda item", "title", "topic", "session", "activity",
              "description", "event", "point", "sujet", "titre", "activite", "seance",
              "theme", "objet", "point a l'ordre du jour"},
    "speakers": {"speakers", "speaker", "presenters", "presenter", "presented by", "lead",
                 "who", "conferenciers", "conferencier", "intervenants", "intervenant",
                 "presentateurs", "animateur", "animateurs"},
}


def agenda_columns(header: list[str]) -> dict[str, int] | None:
    """Which column of a table is the time, the item and the speakers, by its header
    ('Time | Item', 'Heure | Point | Conférenciers'); None unless time and item are there."""
    found: dict[str, int] = {}
    for at, cell in enumerate(header):
        key = _key(cell)
        for column, names in COLUMNS.items():
            if key in names and column not in found:
                found[column] = at
    return found if {"time", "title"} <= found.keys() else None


# -- direct formatting an editor uses instead of styles ---------------------------------------

# A bullet typed at the start of a paragraph (the markup escapes '*'); 'o' and '◦' are
# Word's second-level bullets.
_BULLET = re.compile(r"^(?:\\?[*•▪■·‣–-]|(?P<second>[◦o]))[ \t\u00a0]+(?=\S)")
_NUMBER = re.compile(r"^(?P<n>\d{1,2})[.)][ \t\u00a0]+(?=\S)")


def typed_structure(blocks: list, is_session, report) -> list:
    """The blocks with what an editor typed instead of a style read as it means: a
    paragraph beginning with a typed '•', '-', '*' ('o', '◦': the second level) or '1.'
    as a list item; a bold line alone after the first heading (or naming a part of a
    summary) as a heading: a part's title at level 1, a session's under a part of
    sessions at 2, any other a subheading of its part. Each heading so read is said by
    `report`; list items by their count."""
    out: list = []
    level, in_group, items, serial, counted = 0, False, 0, 0, 0
    for block in blocks:
        if isinstance(block, Head):
            level = block.level
            if level == 1:
                in_group = bool(group_kind(block.text))
            out.append(block)
            continue
        if not isinstance(block, Para):
            out.append(block)
            continue
        item, number = _typed_item(block, out[-1] if out else None, counted)
        counted = number
        if item is not None:
            if item.restart:
                serial += 1
            item.num_id = -serial
            items += 1
            out.append(item)
            continue
        head = _bold_line(block, level, in_group, is_session)
        if head is None:
            out.append(block)
            continue
        report(f"a bold line {quoted(head.text)} read as a heading (level {head.level})")
        if head.level == 1:
            level, in_group = 1, bool(group_kind(head.text))
        elif head.level == 2 and in_group:
            level = 2
        out.append(head)
    if items:
        report(f"{items} paragraph{'s' if items != 1 else ''} beginning with a typed bullet or "
               "number ('•', '-', '1.') read as list items")
    return out


def _typed_item(block: Para, before, counted: int) -> tuple[ListPara | None, int]:
    """The list item a paragraph's typed mark makes, and its number (0 for none). A typed
    number is a list's only when it counts from 1 (1, 2, 3 ...): a paragraph numbered
    '27.' keeps its number as text, a list would print 1."""
    words = block.plain.strip()
    bullet, number = _BULLET.match(block.text), _NUMBER.match(block.text)
    if bullet and _BULLET.match(words):
        depth = 2 if bullet["second"] else 1
        if depth == 2 and not isinstance(before, ListPara):
            return None, 0   # 'o ' opening a paragraph is a word, not a bullet
        text = block.text[bullet.end():]
        rest = words[_BULLET.match(words).end():]
        return ListPara(False, depth, text, 0, text == inline.escape(rest), None, rest), 0
    if number and _NUMBER.match(words):
        n = int(number["n"])
        if n != 1 and not (n == counted + 1 and isinstance(before, ListPara) and
                           before.numbered):
            return None, 0
        text = block.text[number.end():]
        rest = words[_NUMBER.match(words).end():]
        return ListPara(True, 1, text, 0, text == inline.escape(rest), None, rest,
                        n == 1), n
    return None, 0


def _bold_line(block: Para, level: int, in_group: bool, is_session) -> Head | None:
    words = block.plain.strip()
    # bold, and nothing else: no link, footnote or comment that a heading would lose
    if not words or block.text.strip() != f"**{inline.escape(words)}**" or \
            len(words) > 150 or words.endswith((".", ";", ",")):
        return None
    known = part_of(words)
    if known and not known[0].startswith("sessions:") or known and level:
        return Head(1, words)
    if not level:
        return None   # the cover's lines: the title is often bold
    if is_session(words):
        return Head(2 if in_group else 1, words)
    # a subheading one level below its part's; deeper, a bold line is emphasis
    return Head(level + 1, words) if level < 3 else None
