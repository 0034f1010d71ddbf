"""French (Canada): the words, dates, typography and lint vocabularies of a French summary."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from . import Language, join_words
from .typography import french

LABELS = {
    "subtitle": "Résumé de la réunion",
    "introduction": "Introduction",
    "opening_remarks": "Mot d'ouverture",
    "outcomes": "Principaux résultats",
    "conclusion": "Conclusion",
    "contents": "Table des matières",
    "appendix": "Annexe {letter} : {title}",
    "session_plenary": "Séance plénière {n}",
    "session_breakout": "Séance en petits groupes {n}",
    "session_panel": "Table ronde {n}",
    "session_workshop": "Atelier {n}",
    "session_other": "{kind} {n}",
    "session_heading": "{label} : {title}",
    "presenters": "Conférenciers : {names}",
    "speakers": "Intervenants : {names}",
    "on_behalf_of": "au nom de {person}",
    "virtual": "Réunion virtuelle",
    "hosted_by": "Organisée par {host}",
    "hosted_with_support": "Organisée par {host} avec le soutien de {supporter}",
    "with_support": "Avec le soutien de {supporter}",
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
    # the text alternatives of the cover's symbols (render/symbols.py)
    "signature_alt": "Gouvernement du Canada",
    "wordmark_alt": "Symbole du gouvernement du Canada",
    "agenda_time": "Heure",
    "agenda_item": "Point",
    "agenda_speakers": "Conférenciers",
    "and": "et",
    "page": "Page {n}",
    "months": "janvier février mars avril mai juin juillet août septembre octobre "
              "novembre décembre",
    "web_skip": "Passer au contenu principal",
    "web_footnotes": "Notes de bas de page",
    "web_footnote": "Note de bas de page",
    "web_return": "Retour à la référence de la note de bas de page",
    "web_referrer": "",
    "web_date_modified": "Date de modification\u00a0:",
    "web_about": "À propos de cette publication",
}


def _day(d: date) -> str:
    return "1er" if d.day == 1 else str(d.day)


def one_date(d: date, months: list[str]) -> str:
    """29 mars 2019; 1er octobre 2019."""
    return f"{_day(d)} {months[d.month - 1]} {d.year}"


def days(dates: list[date], months: list[str], word: str) -> str:
    """A date line, without article (Le guide du rédacteur): 29 mars 2019; 8 et 9 octobre
    2019; du 8 au 10 octobre 2019; 22 septembre et 13 octobre 2021 (one year for the dates
    of one year). Running text ("le 8 octobre 2019") is the editor's."""
    if len(dates) == 1:
        return one_date(dates[0], months)
    first, last = dates[0], dates[-1]
    consecutive = all(b - a == timedelta(days=1) for a, b in pairwise(dates))
    same_month = all((d.year, d.month) == (first.year, first.month) for d in dates)
    same_year = all(d.year == first.year for d in dates)

    def short(d: date) -> str:   # without its year
        return f"{_day(d)} {months[d.month - 1]}"

    if consecutive and len(dates) > 2:
        start = _day(first) if same_month else short(first) if same_year \
            else one_date(first, months)
        return f"du {start} au {one_date(last, months)}"
    if same_month:
        return f"{join_words([_day(d) for d in dates], word)} {months[first.month - 1]} " \
            f"{first.year}"
    if same_year:
        return f"{join_words([short(d) for d in dates], word)} {first.year}"
    return join_words([one_date(d, months) for d in dates], word)


# The Canadian Centre on Substance Use and Addiction's guidance, in French.
STIGMA = [
    (r"\btoxicomanes?\b", ("personne qui consomme des drogues (ou personne ayant un trouble lié "
     "à l'usage de substances)")),
    (r"\bdrogués?\b|\bjunkies?\b", "personne qui consomme des drogues"),
    (r"\babus\s+(?:de\s+|d['’])(?:drogues?|substances?|alcool|opioïdes)\b",
     "usage (ou usage problématique) de substances"),
    (r"\btoxicomanie\b", "trouble lié à l'usage de substances (ou usage de substances)"),
    (r"\busagers?\s+de\s+(?:drogues?|substances?)\b",
     "personnes qui consomment des drogues (ou des substances)"),
    (r"\b(?:tests?|échantillons?|résultats?)\s+(?:propres?|sales?)\b",
     "résultat négatif (ou positif)"),
]

LANGUAGE = Language(
    code="fr", name="French", locale="fr-CA", other_locale="en-CA", labels=LABELS,
    catalogue_letter="F",
    one_date=one_date, days=days, typography=french,
    vocabulary={
        "spelling": "fr_CA",   # the Enchant (Hunspell) dictionary: lint's spelling rule
        "reading_level": ("Kandel-Moles", "fr"),   # formula, Pyphen's: lint/readability.py
        "stigma": STIGMA,
        "stigma_words": ("peut stigmatiser", ("le Centre canadien sur les dépendances et "
                                              "l'usage de substances suggère")),
        "initials_skip": {"de", "du", "des", "la", "le", "les", "et"},
        "small_words": {"de", "du", "des", "la", "le", "les", "et", "à", "au", "aux", "en",
                        "sur", "pour", "par", "dans", "d", "l", "ou"},
        "repeatable": {"nous", "vous"},   # vous vous souvenez: pronominal verbs
    },
)
