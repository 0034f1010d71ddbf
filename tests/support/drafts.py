"""First drafts typed in Word's built-in styles, without rtdraft's styles (issue 26), as
three programs make them: python-docx with its default template, LibreOffice from a web
page, pandoc from Markdown. One draft, in English and in French, is a list of lines:
(what it is, its text); `DRAFTS[language]` holds it, `WANTED[language]` the outline values
it must import to."""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

import docx

# (kind, text): title, subtitle, line (a plain paragraph), h1, h2, bullet, bullet2, number,
# table (rows as a list of lists)
DRAFTS = {
    "en": [
        ("title", "Fall 2019 Law Enforcement Roundtable on Illicit Drugs"),
        ("subtitle", "Meeting Summary"),
        ("line", "October 30 – November 1, 2019"),
        ("line", "Winnipeg, Manitoba"),
        ("h1", "Introduction"),
        ("line", "The roundtable met for three days in Winnipeg."),
        ("bullet", "Current drug trends"),
        ("bullet", "Supply reduction"),
        ("bullet2", "Precursor chemicals"),
        ("h1", "Opening Remarks"),
        ("line", "The Director General welcomed participants."),
        ("h1", "Highlights from Plenary Sessions"),
        ("h2", "Plenary Session 1: Cannabis legalization"),
        ("line", "Discussion covered edibles and retail."),
        ("number", "Train officers"),
        ("number", "Share data"),
        ("h2", "Plenary Session 2: Opioids and fentanyl"),
        ("line", "Fentanyl analogues were discussed."),
        ("h1", "Breakout Sessions"),
        ("h2", "Breakout Session 1: Gender and diversity"),
        ("line", "Participants shared approaches."),
        ("h1", "Key Outcomes"),
        ("line", "The roundtable agreed on the following:"),
        ("bullet", "More data sharing"),
        ("bullet", "A national forum"),
        ("h1", "Conclusion"),
        ("line", "The meeting closed with thanks."),
        ("h1", "Appendix A: Organizations Represented"),
        ("line", "Royal Canadian Mounted Police"),
        ("line", "Winnipeg Police Service"),
        ("line", "Health Canada"),
        ("h1", "Appendix B: Agenda"),
        ("table", [["Time", "Item"], ["9:00-9:30", "Welcome and opening remarks"],
                   ["9:30-10:30", "Plenary Session 1: Cannabis legalization"]]),
    ],
    "fr": [
        ("title", ("Table ronde des organismes d'application de la loi sur les drogues "
                  "illicites de l'automne 2019")),
        ("subtitle", "Résumé de la réunion"),
        ("line", "5 et 6 novembre 2019"),
        ("line", "Winnipeg (Manitoba)"),
        ("h1", "Introduction"),
        ("line", "La table ronde s'est réunie pendant deux jours à Winnipeg."),
        ("bullet", "Tendances actuelles en matière de drogues"),
        ("bullet", "Réduction de l'offre"),
        ("bullet2", "Précurseurs chimiques"),
        ("h1", "Mot d'ouverture"),
        ("line", "Le directeur général a souhaité la bienvenue aux participants."),
        ("h1", "Faits saillants des séances plénières"),
        ("h2", "Séance plénière 1 : Légalisation du cannabis"),
        ("line", "La discussion a porté sur les produits comestibles."),
        ("number", "Former les agents"),
        ("number", "Échanger des données"),
        ("h2", "Séance plénière 2 : Opioïdes et fentanyl"),
        ("line", "Les analogues du fentanyl ont été abordés."),
        ("h1", "Faits saillants des séances en petits groupes"),
        ("h2", "Séance en petits groupes 1 : Genre et diversité"),
        ("line", "Les participants ont échangé leurs approches."),
        ("h1", "Principaux résultats"),
        ("line", "Les participants ont convenu de ce qui suit :"),
        ("bullet", "Échanger davantage de données"),
        ("bullet", "Un forum national"),
        ("h1", "Conclusion"),
        ("line", "La réunion s'est terminée par des remerciements."),
        ("h1", "Annexe A : Organisations représentées"),
        ("line", "Gendarmerie royale du Canada"),
        ("line", "Service de police de Winnipeg"),
        ("line", "Santé Canada"),
        ("h1", "Annexe B : Ordre du jour"),
        ("table", [["Heure", "Point"], ["9 h - 9 h 30", "Mot de bienvenue"],
                   ["9 h 30 - 10 h 30", "Séance plénière 1 : Légalisation du cannabis"]]),
    ],
}

WANTED = {
    "en": {
        "meeting": {"title": "Fall 2019 Law Enforcement Roundtable on Illicit Drugs",
                    "dates": ["2019-10-30", "2019-10-31", "2019-11-01"],
                    "location": "Winnipeg, Manitoba"},
        "introduction": {"body": [
            "The roundtable met for three days in Winnipeg.",
            {"bullets": ["Current drug trends",
                         {"text": "Supply reduction", "bullets": ["Precursor chemicals"]}]}]},
        "opening_remarks": {"body": ["The Director General welcomed participants."]},
        "session_groups": {"plenary": {"heading": "Highlights from Plenary Sessions"},
                           "breakout": {"heading": "Breakout Sessions"}},
        "sessions": [
            {"kind": "plenary", "title": "Cannabis legalization",
             "body": ["Discussion covered edibles and retail.",
                      {"numbered": ["Train officers", "Share data"]}]},
            {"kind": "plenary", "title": "Opioids and fentanyl",
             "body": ["Fentanyl analogues were discussed."]},
            {"kind": "breakout", "title": "Gender and diversity",
             "body": ["Participants shared approaches."]}],
        "outcomes": {"intro": "The roundtable agreed on the following:",
                     "items": ["More data sharing", "A national forum"]},
        "conclusion": {"body": ["The meeting closed with thanks."]},
        "appendices": [
            {"title": "Organizations Represented",
             "organizations": ["Royal Canadian Mounted Police", "Winnipeg Police Service",
                               "Health Canada"]},
            {"title": "Agenda",
             "agenda": [{"time": "9:00-9:30", "title": "Welcome and opening remarks"},
                        {"time": "9:30-10:30",
                         "title": "Plenary Session 1: Cannabis legalization"}]}],
    },
    "fr": {
        "meeting": {"title": "Table ronde des organismes d'application de la loi sur les "
                             "drogues illicites de l'automne 2019",
                    "dates": ["2019-11-05", "2019-11-06"],
                    "location": "Winnipeg (Manitoba)"},
        "introduction": {"body": [
            "La table ronde s'est réunie pendant deux jours à Winnipeg.",
            {"bullets": ["Tendances actuelles en matière de drogues",
                         {"text": "Réduction de l'offre", "bullets": ["Précurseurs chimiques"]}]}]},
        "opening_remarks": {"body": [("Le directeur général a souhaité la bienvenue aux "
                                     "participants.")]},
        "session_groups": {"plenary": {"heading": "Faits saillants des séances plénières"},
                           "breakout": {"heading": "Faits saillants des séances en petits "
                                                   "groupes"}},
        "sessions": [
            {"kind": "plenary", "title": "Légalisation du cannabis",
             "body": ["La discussion a porté sur les produits comestibles.",
                      {"numbered": ["Former les agents", "Échanger des données"]}]},
            {"kind": "plenary", "title": "Opioïdes et fentanyl",
             "body": ["Les analogues du fentanyl ont été abordés."]},
            {"kind": "breakout", "title": "Genre et diversité",
             "body": ["Les participants ont échangé leurs approches."]}],
        "outcomes": {"intro": "Les participants ont convenu de ce qui suit :",
                     "items": ["Échanger davantage de données", "Un forum national"]},
        "conclusion": {"body": ["La réunion s'est terminée par des remerciements."]},
        "appendices": [
            {"title": "Organisations représentées",
             "organizations": ["Gendarmerie royale du Canada", "Service de police de Winnipeg",
                               "Santé Canada"]},
            {"title": "Ordre du jour",
             "agenda": [{"time": "9 h - 9 h 30", "title": "Mot de bienvenue"},
                        {"time": "9 h 30 - 10 h 30",
                         "title": "Séance plénière 1 : Légalisation du cannabis"}]}],
    },
}


def python_docx(language: str, path: Path) -> Path:
    """The draft typed with python-docx's default template (Word's built-in styles)."""
    document = docx.Document()
    styles = {"subtitle": "Subtitle", "line": None, "bullet": "List Bullet",
              "bullet2": "List Bullet 2", "number": "List Number"}
    for kind, text in DRAFTS[language]:
        if kind == "title":
            document.add_heading(text, 0)
        elif kind in ("h1", "h2"):
            document.add_heading(text, int(kind[1]))
        elif kind == "table":
            table = document.add_table(rows=len(text), cols=len(text[0]))
            for r, row in enumerate(text):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(text, style=styles[kind])
    document.save(path)
    return path


def web_page(language: str) -> str:
    """The draft as a web page LibreOffice opens as a Writer document: the title a plain
    first line, h1 and h2 headings, lists (nested and numbered), a table."""
    out = [f'<html lang="{language}-CA"><head><meta charset="utf-8"></head><body>']
    open_list = []
    for kind, text in DRAFTS[language] + [("end", "")]:
        wanted = {"bullet": ["ul"], "bullet2": ["ul", "ul"], "number": ["ol"]}.get(kind, [])
        while open_list and (len(open_list) > len(wanted) or
                             open_list != wanted[:len(open_list)]):
            out.append(f"</{open_list.pop()}>")
        while len(open_list) < len(wanted):
            open_list.append(wanted[len(open_list)])
            out.append(f"<{open_list[-1]}>")
        if kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row)
                           + "</tr>" for row in text)
            out.append(f"<table>{rows}</table>")
        elif kind in ("h1", "h2"):
            out.append(f"<{kind}>{html.escape(text)}</{kind}>")
        elif wanted:
            out.append(f"<li>{html.escape(text)}</li>")
        elif kind != "end":
            out.append(f"<p>{html.escape(text)}</p>")
    return "\n".join(out + ["</body></html>"])


def markdown(language: str) -> str:
    """The draft as Markdown for pandoc: the title, subtitle and dates in its metadata
    block (pandoc writes them in the styles Title, Subtitle and Date), the place a line."""
    lines = DRAFTS[language]
    meta = {kind: text for kind, text in lines[:3]}
    out = ["---", f"title: \"{meta['title']}\"", f"subtitle: \"{meta['subtitle']}\"",
           f"date: \"{meta['line']}\"", f"lang: {language}-CA", "---", ""]
    for kind, text in lines[3:]:
        if kind in ("h1", "h2", "line") and out[-1] != "":
            out.append("")
        if kind == "h1":
            out += [f"# {text}", ""]
        elif kind == "h2":
            out += [f"## {text}", ""]
        elif kind in ("bullet", "bullet2", "number"):
            prefix = {"bullet": "- ", "bullet2": "    - ", "number": "1. "}[kind]
            out.append(prefix + text)
        elif kind == "table":
            out += ["", "| " + " | ".join(text[0]) + " |",
                    "|" + "---|" * len(text[0])]
            out += ["| " + " | ".join(row) + " |" for row in text[1:]]
            out.append("")
        else:
            out += [text, ""]
    return "\n".join(out) + "\n"


def pandoc(language: str, path: Path) -> Path:
    source = path.with_suffix(".md")
    source.write_text(markdown(language), encoding="utf-8")
    subprocess.run(["pandoc", "-f", "markdown-smart", "-o", str(path), str(source)], check=True,
                   timeout=120)
    return path
