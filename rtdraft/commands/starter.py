"""`rtdraft new NAME.docx`: a Word starter, for an editor who drafts in Word and never sees
YAML.

It is the starter outline rendered by the DOCX writer, in the house style: every part of
a summary in order, each holding a short instruction written as a placeholder
([[Replace with ...]]) that `rtdraft lint` reports until it is replaced. `rtdraft import`
reads it back (untouched, or filled in) to an outline that validates.
"""

from __future__ import annotations

from datetime import date

from .. import pipeline
from ..outline.source import Source, parse_text
from ..render import docx
from . import new

# The instructions, by language. No colon or semicolon in them: French typography and
# the Presenters line's reading would split or change them on the way back.
WORDS = {
    "en": {
        "title": "Replace with the meeting's title, for example Fall 2022 Law Enforcement "
                 "Roundtable on Drugs",
        "host": "Replace with the host, for example Public Safety Canada",
        "dates": "Replace with the meeting's dates, for example October 8 and 9, 2019",
        "location": "Replace with the city and province, for example Winnipeg, Manitoba",
        "department": "Replace with the publishing department",
        "introduction": "Replace with why the meeting was held, who took part, what it "
                        "covered",
        "footnote": "Replace with the footnote's text, or delete the footnote",
        "speaker": "Replace with the speaker's name",
        "speaker_title": "the speaker's title",
        "remarks": "Replace with what the opening remarks said",
        "plenary_heading": "Highlights from Plenary Sessions",
        "breakout_heading": "Highlights from Breakout Sessions",
        "session_title": "Replace with the session's title",
        "presenters": "Replace with the presenters' names, with their organizations",
        "session_body": "Replace with what the session covered. For another session, copy "
                        "this heading and its paragraphs",
        "group_intro": "Replace with an introduction to these sessions, or delete it",
        "outcomes_intro": "Replace with a lead-in, for example The event resulted in a "
                          "number of key takeaways. These include",
        "outcome": "Replace with a key outcome, one per bullet",
        "conclusion": "Replace with how the meeting ended and what comes next",
        "agenda": "Agenda",
        "time": "for example 9:00-9:15",
        "agenda_item": "Replace with an agenda item, one per row",
        "agenda_speakers": "Replace with its speakers",
        "organizations": "Organizations Represented at the Roundtable",
        "organization": "Replace with an organization's name, one per bullet",
        "appendix_body": "Replace with the appendix's text",
    },
    "fr": {
        "title": "Remplacer par le titre de la réunion, p. ex. Table ronde des organismes "
                 "d'application de la loi sur les drogues de l'automne 2022",
        "host": "Remplacer par l'hôte, p. ex. Sécurité publique Canada",
        "dates": "Remplacer par les dates de la réunion, p. ex. 8 et 9 octobre 2019",
        "location": "Remplacer par la ville et la province, p. ex. Winnipeg (Manitoba)",
        "department": "Remplacer par le ministère qui publie le résumé",
        "introduction": "Remplacer par le but de la réunion, les participants et les sujets "
                        "abordés",
        "footnote": "Remplacer par le texte de la note, ou supprimer la note",
        "speaker": "Remplacer par le nom de l'intervenant",
        "speaker_title": "titre de l'intervenant",
        "remarks": "Remplacer par le contenu du mot d'ouverture",
        "plenary_heading": "Faits saillants des séances plénières",
        "breakout_heading": "Faits saillants des séances en petits groupes",
        "session_title": "Remplacer par le titre de la séance",
        "presenters": "Remplacer par le nom des conférenciers, avec leur organisme",
        "session_body": "Remplacer par le contenu de la séance. Pour une autre séance, copier "
                        "ce titre et ses paragraphes",
        "group_intro": "Remplacer par une introduction à ces séances, ou la supprimer",
        "outcomes_intro": "Remplacer par une phrase d'introduction, p. ex. L'événement a "
                          "donné lieu à plusieurs constats importants, dont les suivants",
        "outcome": "Remplacer par un résultat, un par puce",
        "conclusion": "Remplacer par la fin de la réunion et les prochaines étapes",
        "agenda": "Ordre du jour",
        "time": "p. ex. 9 h à 9 h 15",
        "agenda_item": "Remplacer par un point de l'ordre du jour, un par ligne",
        "agenda_speakers": "Remplacer par ses conférenciers",
        "organizations": "Organisations représentées à la table ronde",
        "organization": "Remplacer par le nom d'un organisme, un par puce",
        "appendix_body": "Remplacer par le texte de l'annexe",
    },
}
LANGUAGES = tuple(WORDS)


def _p(text: str) -> str:
    return f"[[{text}]]"


def _session(kind: str, w: dict, presenters: bool = True) -> dict:
    session: dict = {"kind": kind, "title": _p(w["session_title"])}
    if presenters:
        session["presenters"] = [_p(w["presenters"])]
    session["body"] = [_p(w["session_body"])]
    return session


def fresh(language: str = "en") -> dict:
    """The starter's outline: every part of a summary, each with its instruction."""
    w = WORDS[language]
    return {
        "rtdraft": 1,
        "meeting": {"title": _p(w["title"]), "host": _p(w["host"]), "dates": [_p(w["dates"])],
                    "location": _p(w["location"])},
        "publication": {"department": _p(w["department"]), "language": language,
                        "status": "draft"},
        "introduction": {"body": [_p(w["introduction"]) + "[^note]"]},
        "opening_remarks": {"speakers": [{"name": _p(w["speaker"]),
                                          "title": _p(w["speaker_title"])}],
                            "body": [_p(w["remarks"])]},
        "session_groups": {"plenary": {"heading": w["plenary_heading"]},
                           "breakout": {"heading": w["breakout_heading"]}},
        "sessions": [_session("plenary", w), _session("breakout", w)],
        "outcomes": {"intro": _p(w["outcomes_intro"]), "items": [_p(w["outcome"])]},
        "conclusion": {"body": [_p(w["conclusion"])]},
        "appendices": [
            {"title": w["agenda"], "agenda": [{"time": _p(w["time"]),
                                               "title": _p(w["agenda_item"]),
                                               "speakers": [_p(w["agenda_speakers"])]}]},
            {"title": w["organizations"], "organizations": [_p(w["organization"])]}],
        "footnotes": {"note": _p(w["footnote"])},
    }


def follow(previous: dict) -> dict:
    """The next meeting's starter: the previous outline's structure (`new.follow`), its
    placeholders worded as the Word starter's instructions."""
    data = new.follow(previous, date.today())
    w = WORDS.get(data["publication"].get("language"), WORDS["en"])
    meeting = data["meeting"]
    meeting["title"], meeting["dates"] = _p(w["title"]), [_p(w["dates"])]
    if "location" in meeting:
        meeting["location"] = _p(w["location"])
    for key, word in (("introduction", "introduction"), ("opening_remarks", "remarks"),
                      ("conclusion", "conclusion")):
        if key in data:
            data[key]["body"] = [_p(w[word])]
    for i, speaker in enumerate(data.get("opening_remarks", {}).get("speakers") or []):
        speaker["name"] = _p(w["speaker"]) if i == 0 else _p(f"{w['speaker']} {i + 1}")
    for group in (data.get("session_groups") or {}).values():
        if "intro" in group:
            group["intro"] = [_p(w["group_intro"])]
    data["sessions"] = [_session(s["kind"], w, bool(old.get("presenters")))
                        for s, old in zip(data["sessions"], previous["sessions"])]
    if "outcomes" in data:
        data["outcomes"] = {**data["outcomes"], "intro": _p(w["outcomes_intro"]),
                            "items": [_p(w["outcome"])]}
    for appendix in data.get("appendices") or []:
        if "agenda" in appendix:
            appendix["agenda"] = [{**item, "title": _p(w["agenda_item"])}
                                  for item in appendix["agenda"]]
        elif "body" in appendix:
            appendix["body"] = [_p(w["appendix_body"])]
    return data


def render(data: dict, today: date) -> bytes:
    """The starter's DOCX: the outline through the pipeline and the DOCX writer, the same
    bytes for the same data and day."""
    checked = pipeline.check(parse_text(new.dump(data, new.SCHEMA_NAME), Source("starter")))
    assert checked.valid, checked.problems   # the starter is ours: it always validates
    return docx.render(pipeline.build(checked, today))
