"""Every fixed word of a rendered summary, one table per official language.

An outline may replace any entry with its `labels:` mapping. Entries with
{placeholders} are filled in by the renderers.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "subtitle": "Meeting Summary",
        "introduction": "Introduction",
        "opening_remarks": "Opening Remarks",
        "outcomes": "Key Outcomes",
        "conclusion": "Conclusion",
        "contents": "Table of Contents",
        "appendix": "Appendix {letter}: {title}",
        "session_plenary": "Plenary Session {n}",
        "session_breakout": "Breakout Session {n}",
        "session_panel": "Panel {n}",
        "session_workshop": "Workshop {n}",
        "session_other": "{kind} {n}",
        "session_heading": "{label}: {title}",
        "presenters": "Presenters: {names}",
        "speakers": "Speakers: {names}",
        "on_behalf_of": "on behalf of {person}",
        "virtual": "Virtual meeting",
        "draft": "DRAFT",
        "catalogue_number": "Cat. No.: {value}",
        "isbn": "ISBN: {value}",
        "copyright_king": "© His Majesty the King in Right of Canada, as represented by "
                          "{minister}, {year}",
        "copyright_queen": "© Her Majesty the Queen in Right of Canada, as represented by "
                           "{minister}, {year}",
        "copyright_king_plain": "© His Majesty the King in Right of Canada, {year}",
        "copyright_queen_plain": "© Her Majesty the Queen in Right of Canada, {year}",
        "other_language": "Aussi disponible en français sous le titre : {title}",
        "wordmark": "Canada",
        "agenda_time": "Time",
        "agenda_item": "Item",
        "agenda_speakers": "Speakers",
        "and": "and",
        "page": "Page {n}",
        "months": "January February March April May June July August September October "
                  "November December",
    },
    "fr": {
        "subtitle": "Résumé de la réunion",
        "introduction": "Introduction",
        "opening_remarks": "Mot d'ouverture",
        "outcomes": "Principaux résultats",
        "conclusion": "Conclusion",
        "contents": "Table des matières",
        "appendix": "Annexe {letter} : {title}",
        "session_plenary": "Séance plénière {n}",
        "session_breakout": "Atelier {n}",
        "session_panel": "Table ronde {n}",
        "session_workshop": "Atelier pratique {n}",
        "session_other": "{kind} {n}",
        "session_heading": "{label} : {title}",
        "presenters": "Conférenciers : {names}",
        "speakers": "Intervenants : {names}",
        "on_behalf_of": "au nom de {person}",
        "virtual": "Réunion virtuelle",
        "draft": "ÉBAUCHE",
        "catalogue_number": "Nº de catalogue : {value}",
        "isbn": "ISBN : {value}",
        "copyright_king": "© Sa Majesté le Roi du chef du Canada, représenté par {minister}, "
                          "{year}",
        "copyright_queen": "© Sa Majesté la Reine du chef du Canada, représentée par "
                           "{minister}, {year}",
        "copyright_king_plain": "© Sa Majesté le Roi du chef du Canada, {year}",
        "copyright_queen_plain": "© Sa Majesté la Reine du chef du Canada, {year}",
        "other_language": "Also available in English under the title: {title}",
        "wordmark": "Canada",
        "agenda_time": "Heure",
        "agenda_item": "Point",
        "agenda_speakers": "Conférenciers",
        "and": "et",
        "page": "Page {n}",
        "months": "janvier février mars avril mai juin juillet août septembre octobre "
                  "novembre décembre",
    },
}

# The placeholders each label may use; an override using others is an error.
PLACEHOLDERS: dict[str, set[str]] = {
    key: {part.split("}")[0] for part in value.split("{")[1:]}
    for key, value in LABELS["en"].items()
}


def labels_for(language: str, overrides: dict | None = None) -> dict[str, str]:
    table = dict(LABELS[language])
    table.update(overrides or {})
    return table
