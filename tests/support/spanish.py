"""A third language, as one module: what a new language (or a regional variant) needs.

Not shipped: tests/test_languages.py registers it to show that nothing else changes.
"""

from datetime import date

from rtdraft.languages import Language, join_words

LABELS = {
    "subtitle": "Resumen de la reunión",
    "introduction": "Introducción",
    "opening_remarks": "Palabras de apertura",
    "outcomes": "Resultados principales",
    "conclusion": "Conclusión",
    "contents": "Índice",
    "appendix": "Anexo {letter}: {title}",
    "session_plenary": "Sesión plenaria {n}",
    "session_breakout": "Taller {n}",
    "session_panel": "Mesa redonda {n}",
    "session_workshop": "Taller práctico {n}",
    "session_other": "{kind} {n}",
    "session_heading": "{label}: {title}",
    "presenters": "Ponentes: {names}",
    "speakers": "Oradores: {names}",
    "on_behalf_of": "en nombre de {person}",
    "virtual": "Reunión virtual",
    "hosted_by": "Organizada por {host}",
    "hosted_with_support": "Organizada por {host} con el apoyo de {supporter}",
    "with_support": "Con el apoyo de {supporter}",
    "draft": "BORRADOR",
    "catalogue_number": "N.º de catálogo: {value}",
    "isbn": "ISBN: {value}",
    "copyright_king": "© Su Majestad el Rey en nombre de Canadá, representado por {minister}, "
                      "{year}",
    "copyright_queen": "© Su Majestad la Reina en nombre de Canadá, representada por "
                       "{minister}, {year}",
    "copyright_king_plain": "© Su Majestad el Rey en nombre de Canadá, {year}",
    "copyright_queen_plain": "© Su Majestad la Reina en nombre de Canadá, {year}",
    "other_language": "Also available in English under the title: {title}",
    "wordmark": "Canada",
    "signature_alt": "Gobierno de Canadá",
    "wordmark_alt": "Símbolo del Gobierno de Canadá",
    "agenda_time": "Hora",
    "agenda_item": "Punto",
    "agenda_speakers": "Oradores",
    "and": "y",
    "page": "Página {n}",
    "months": "enero febrero marzo abril mayo junio julio agosto septiembre octubre "
              "noviembre diciembre",
    "web_skip": "Saltar al contenido principal",
    "web_footnotes": "Notas",
    "web_footnote": "Nota",
    "web_return": "Volver a la nota",
    "web_referrer": "",
    "web_date_modified": "Fecha de modificación:",
    "web_about": "Acerca de esta publicación",
}


def one_date(d: date, months: list[str]) -> str:
    return f"{d.day} de {months[d.month - 1]} de {d.year}"


def days(dates: list[date], months: list[str], word: str) -> str:
    if all((d.year, d.month) == (dates[0].year, dates[0].month) for d in dates):
        return f"{join_words([str(d.day) for d in dates], word)} de " \
            f"{months[dates[0].month - 1]} de {dates[0].year}"
    return join_words([one_date(d, months) for d in dates], word)


LANGUAGE = Language(code="es", name="Spanish", locale="es-US", other_locale="en-US",
                    labels=LABELS,
                    catalogue_letter="S", one_date=one_date, days=days,
                    vocabulary={"small_words": {"de", "del", "la", "y"}})
