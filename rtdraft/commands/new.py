"""`rtdraft new`: a new outline that validates as written, with placeholders to fill in.

Placeholders are written [[like this]]; `rtdraft lint` flags every one left.
With a previous outline, the new one keeps that meeting's structure
(publication, session kinds and groups, appendix titles and organizations)
and replaces its text with placeholders.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from ..outline import schema
from ..outline.yaml_writer import scalar
from ..output import resolved

MODELINE = "# yaml-language-server: $schema={schema}"


# The meeting's dates are to come: not today's, which read as true (validate accepts this
# placeholder in a draft's meeting.dates; a final outline must replace it).
DATES = "[[YYYY-MM-DD, one per day of the meeting]]"
# Last year's organizations are kept, to edit: this first item says so until removed.
CHECK_ORGANIZATIONS = "[[Last year's organizations: check them against this year's, then " \
    "remove this line]]"


def fresh(today: date) -> dict:
    """The data of a new outline with nothing from an earlier meeting."""
    return {
        "rtdraft": 1,
        "meeting": {"title": "[[Meeting title, e.g. Fall 2022 Law Enforcement Roundtable on "
                             "Drugs]]",
                    "host": "[[Host, e.g. Public Safety Canada]]",
                    "dates": [DATES],
                    "location": "[[City, Province]]"},
        "publication": {"department": "[[Publishing department]]",
                        "language": schema.DEFAULT_LANGUAGE,
                        "status": "draft"},
        "introduction": {"body": [("[[Why the meeting was held, who took part, what it "
                                  "covered.]]")]},
        "opening_remarks": {"speakers": [{"name": "[[Speaker's name]]",
                                          "title": "[[Speaker's title]]"}],
                            "body": ["[[What the opening remarks said.]]"]},
        "sessions": [{"kind": "plenary", "title": "[[Title of plenary session 1]]",
                      "body": ["[[What the session covered.]]"]}],
        "outcomes": {"intro": "[[The event resulted in a number of key takeaways. These "
                              "include:]]",
                     "items": ["[[A key outcome.]]"]},
        "conclusion": {"body": ["[[How the meeting ended and what comes next.]]"]},
        "appendices": [{"title": "Organizations Represented at the Roundtable",
                        "organizations": ["[[An organization]]"]}],
    }


def follow(previous: dict, today: date) -> dict:
    """The next meeting's outline: the previous one's structure, its text as placeholders
    (`previous`: a valid outline's normalised data, as the pipeline hands it on)."""
    data = fresh(today)
    meeting = previous["meeting"]
    data["meeting"] = {k: v for k, v in {
        "title": "[[Meeting title]]", "host": meeting["host"],
        "supported_by": meeting.get("supported_by"),
        "edition": meeting["edition"] + 1 if meeting.get("edition") else None,
        "dates": [DATES],
        "location": None if meeting.get("virtual") else "[[City, Province]]",
        "virtual": meeting.get("virtual"),
    }.items() if v is not None}
    # department_fr: format 1's name, carried over as department_other (normal.py)
    drop = ("date", "catalogue_number", "isbn", "other_language_title", "status", "department_fr")
    data["publication"] = {k: v for k, v in previous["publication"].items()
                           if k not in drop and v is not None}
    data["publication"]["status"] = "draft"
    for key in ("introduction", "opening_remarks", "outcomes", "conclusion"):
        section = previous.get(key)
        if not section:
            data.pop(key, None)
            continue
        data[key] = {k: v for k, v in data[key].items()}
        if section.get("title"):
            data[key]["title"] = section["title"]
        if key == "opening_remarks":
            data[key]["speakers"] = [{"name": f"[[Speaker {i + 1}]]"}
                                     for i, _ in enumerate(section.get("speakers") or [])]
            if not data[key]["speakers"]:
                del data[key]["speakers"]
    groups = previous.get("session_groups")
    if groups:
        data["session_groups"] = {
            kind: {k: (["[[Introduction to these sessions.]]"] if k == "intro" else v)
                   for k, v in group.items() if v is not None}
            for kind, group in groups.items()}
    counts: dict[str, int] = {}
    data["sessions"] = []
    for session in previous["sessions"]:
        kind = session["kind"]
        counts[kind] = counts.get(kind, 0) + 1
        data["sessions"].append({"kind": kind,
                                 "title": f"[[Title of {kind} session {counts[kind]}]]",
                                 "body": ["[[What the session covered.]]"]})
    data["appendices"] = [_appendix(a) for a in previous.get("appendices") or []]
    if not data["appendices"]:
        del data["appendices"]
    for key in ("labels", "lint"):
        if previous.get(key):
            data[key] = previous[key]
    return data


def _appendix(appendix: dict) -> dict:
    if appendix.get("organizations"):
        return {"title": appendix["title"],
                "organizations": [CHECK_ORGANIZATIONS, *appendix["organizations"]]}
    if appendix.get("agenda"):
        return {"title": appendix["title"], "agenda": [
            {k: v for k, v in {"time": item.get("time"),
                               "title": f"[[Agenda item {i + 1}]]"}.items() if v}
            for i, item in enumerate(appendix["agenda"])]}
    return {"title": appendix["title"], "body": ["[[Text of the appendix.]]"]}


SCHEMA_NAME = "rtdraft-1.schema.json"


def schema_reference(file: Path) -> tuple[str, Path | None]:
    """What the new outline's modeline names, and a schema file to write if there is none.

    One schema serves a folder of outlines, or a whole project: the nearest
    rtdraft-1.schema.json (or schema/rtdraft-1.schema.json) in FILE's folder or
    above it, up to the top of the project (a folder with .git) is used; only
    when there is none is one written beside FILE.
    """
    folder = resolved(file).parent
    for parent in (folder, *folder.parents):
        for found in (parent / SCHEMA_NAME, parent / "schema" / SCHEMA_NAME):
            if found.is_file():
                return Path(os.path.relpath(found, folder)).as_posix(), None
        if (parent / ".git").exists():
            break
    return SCHEMA_NAME, folder / SCHEMA_NAME


# -- YAML with a comment on each part ----------------------------------------------

def dump(data: dict, schema_ref: str) -> str:
    lines = [MODELINE.format(schema=schema_ref),
             "# A meeting summary outline for rtdraft: replace every [[placeholder]], then run",
             "# `rtdraft validate` and `rtdraft lint`. Every key and the common mistakes:",
             "# `rtdraft docs outline`.", ""]
    order = list(schema.OUTLINE)
    for key in sorted(data, key=order.index):
        value, rules = data[key], schema.OUTLINE[key]
        lines.append(f"# {_description(rules)}")
        lines += _entry(key, value, 0, rules)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _description(rules: dict) -> str:
    return (rules.get("meta") or {}).get("description", "")


def _entry(key: str, value: Any, indent: int, rules: dict) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        out = [f"{pad}{key}:"]
        keys = rules.get("schema") or {}
        for sub, item in value.items():
            described = _description(keys.get(sub, {})) if indent == 0 else ""
            if described:
                out.append(f"{pad}  # {described}")
            out += _entry(sub, item, indent + 2, keys.get(sub, {}))
        return out
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value) and \
                len(", ".join(map(_flow_item, value))) < 60:
            return [f"{pad}{key}: [{', '.join(map(_flow_item, value))}]"]
        out = [f"{pad}{key}:"]
        for item in value:
            if isinstance(item, dict):
                first = True
                for sub, v in item.items():
                    lines = _entry(sub, v, indent + 4, {})
                    lines[0] = (f"{pad}  - " if first else f"{pad}    ") + lines[0].lstrip()
                    out += lines
                    first = False
            else:
                out.append(f"{pad}  - {scalar(item)}")
        return out
    return [f"{pad}{key}: {scalar(value)}"]




def _flow_item(value: Any) -> str:
    return scalar(value, flow=True)
