"""The outline schema, format 1, defined once in cerberus' terms.

Every key carries its description (and default) under `meta`, so the editors'
reference and the JSON Schema can be generated from this one definition.

Two rules are ours (see validate.OutlineValidator):
- `variants`: a value that may take several shapes (a paragraph or a list, a
  person or an organization). The shape is picked from the value itself, so an
  error speaks of the shape the editor meant instead of "no definition matched".
- `check_with`: named checks for what types cannot say (dates, ISBN, ...).
"""

from __future__ import annotations

from ..languages.labels import LABELS

VERSION = 1
DEFAULT_LANGUAGE = "en"
MAX_LIST_DEPTH = 3          # List Bullet, List Bullet 2, List Bullet 3
# What `rtdraft new` leaves to be replaced, [[like this]]: refused in a final outline
# (validate), flagged by lint. No [ inside, so that a run of [ is read in linear time.
PLACEHOLDER = r"\[\[[^[\]]*\]\]"
MAX_ITEMS = 10_000          # items in one list: far past any summary, short of a runaway file
SLUG = r"^[a-z][a-z0-9_-]*$"
ARTWORK = r"^.+\.([sS][vV][gG]|[pP][nN][gG])$"   # publication.signature
FOOTNOTE_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


def _meta(description: str, default=None) -> dict:
    meta = {"description": description}
    if default is not None:
        meta["default"] = default
    return {"meta": meta}


def text(description: str, *, required: bool = False, default=None, **rules) -> dict:
    """A non-empty string; optional ones may be left empty (null) to mean absent."""
    return {"type": "string", "empty": False, "required": required,
            "nullable": not required, **rules, **_meta(description, default)}


def boolean(description: str, default: bool) -> dict:
    return {"type": "boolean", "nullable": True, **_meta(description, default)}


def mapping(description: str, keys: dict, *, required: bool = False, **rules) -> dict:
    return {"type": "dict", "required": required, "nullable": not required,
            "schema": keys, **rules, **_meta(description)}


def listing(description: str, item: dict, *, required: bool = False, **rules) -> dict:
    """A list; a required one must not be empty, and no item may be empty (null)."""
    extra = {"minlength": 1} if required else {}
    return {"type": "list", "required": required, "nullable": not required,
            "maxlength": MAX_ITEMS, "schema": {**item, "nullable": False}, **extra, **rules,
            **_meta(description)}


def variants(description: str, *shapes: tuple[str, dict], required: bool = False) -> dict:
    """A value of one of several shapes, each (selector, rules).

    The selector is 'string', 'integer', 'list' or 'mapping' (by the value's type),
    or a key name: a mapping holding that key.
    """
    return {"required": required, "nullable": not required,
            "variants": [{"when": when, "rules": rules} for when, rules in shapes],
            **_meta(description)}


# -- values --------------------------------------------------------------------

def _person_keys() -> dict:
    return {
        "name": text("The person's name as it should be printed.", required=True),
        "title": text("Their position, e.g. 'Director General'."),
        "organization": text("Their organization."),
        "on_behalf_of": mapping("The person they spoke for (same keys).", {
            "name": text("The person's name.", required=True),
            "title": text("Their position."),
            "organization": text("Their organization."),
        }),
    }


PERSON = mapping("A person: name, and optionally title, organization, on_behalf_of.",
                 _person_keys())

PERSON_OR_ORGANIZATION = variants(
    "A person (a mapping with `name`) or an organization (plain text).",
    ("string", text("An organization.")),
    ("mapping", PERSON),
)


def list_item(level: int = 1) -> dict:
    """A list item: text, or text with a nested list (at most MAX_LIST_DEPTH levels)."""
    plain = text("The item's text (inline markup allowed).", check_with="inline")
    if level >= MAX_LIST_DEPTH:
        return variants("A list item (text). Lists nest at most three levels.",
                        ("string", plain))
    nested = {"text": text("The item's text (inline markup allowed).", required=True,
                           check_with="inline")}
    shapes = [("string", plain)]
    for kind in ("bullets", "numbered"):
        keys = dict(nested)
        keys[kind] = listing(f"The nested {kind} list.", list_item(level + 1), required=True)
        shapes.append((kind, mapping(f"A list item with a nested {kind} list.", keys)))
    return variants("A list item: text, or {text, bullets} / {text, numbered} for a nested list.",
                    *shapes)


BLOCK = variants(
    "A block of a body: a paragraph (text), {bullets: [...]}, {numbered: [...]} or "
    "{subheading: text}.",
    ("string", text("A paragraph (inline markup allowed).", check_with="inline")),
    ("bullets", mapping("A bulleted list.", {
        "bullets": listing("The list's items.", list_item(), required=True)})),
    ("numbered", mapping("A numbered list; it restarts at 1.", {
        "numbered": listing("The list's items.", list_item(), required=True)})),
    ("subheading", mapping("A heading one level below its section.", {
        "subheading": text("The subheading's text.", required=True)})),
)


def body(description: str, *, required: bool = True) -> dict:
    return listing(description, BLOCK, required=required)


DATE = text("A date: YYYY-MM-DD, or YYYY-MM when only the month is known.",
            check_with="date")


# -- the outline ---------------------------------------------------------------

MEETING = mapping("The meeting the summary reports on.", {
    "title": text("The meeting's full title.", required=True),
    "host": text("Who hosted the meeting.", required=True),
    "supported_by": text("An organization that supported the meeting ('with support from ...')."),
    "edition": {"type": "integer", "min": 1, "nullable": True,
                **_meta("Which edition of the (annual) roundtable this was: 3 for the third.")},
    "dates": variants("The meeting's date, or a list of every day of it, in order.",
                      ("string", DATE),
                      ("list", listing("Every day of the meeting, in order.", DATE,
                                       required=True)),
                      required=True),
    "location": text("Where the meeting was held, e.g. 'Winnipeg, Manitoba'; leave out for "
                     "virtual meetings."),
    "virtual": boolean("Whether the meeting was held online.", False),
}, required=True)

PUBLICATION = mapping("How the summary is published.", {
    "department": text("The publishing department.", required=True),
    "department_other": text("The department's name in the other official language, for "
                             "the bilingual signature."),
    "department_fr": text("Format 1's name for department_other (still read; lint suggests "
                          "the new name)."),
    "language": {"type": "string", "check_with": "language", "nullable": True,
                 **_meta("The language of this edition: en or fr.", DEFAULT_LANGUAGE)},
    "subtitle": text("The subtitle under the title.", default="Meeting Summary (by language)"),
    "tagline": text("A tagline printed on the cover, e.g. 'Building a Safe and Resilient "
                    "Canada'."),
    "date": variants("The publication date (YYYY-MM-DD or YYYY-MM) or year; it gives the "
                     "copyright year and the document dates. Default: today.",
                     ("string", text("A publication date or year.", check_with="publication_date")),
                     ("integer", {"type": "integer", "min": 1900, "max": 2999,
                                  **_meta("A publication year.")})),
    "minister": text("The minister named in the copyright line, e.g. 'the Minister of Public "
                     "Safety and Emergency Preparedness'."),
    "catalogue_number": text("The catalogue number, e.g. PS18-55/2019E-PDF; its E or F "
                             "matches the language.", check_with="catalogue_number"),
    "isbn": variants("The ISBN-13, with or without hyphens; its check digit is verified.",
                     ("string", text("An ISBN-13.", check_with="isbn")),
                     ("integer", {"type": "integer", "check_with": "isbn"})),
    "other_language_title": text("The title of the edition in the other official language, "
                                 "for the 'also available' notice."),
    "status": {"type": "string", "allowed": ["draft", "final"], "nullable": True,
               **_meta("draft or final; drafts carry DRAFT in the page header.", "draft")},
    "toc": boolean("Whether to print a table of contents after the copyright page.", False),
    "signature": text("The department's own signature (flag symbol and its names), an .svg "
                      "file with its .png beside it, or a .png, from the outline's folder; "
                      "default: the Government of Canada signature.",
                      regex=ARTWORK),
}, required=True)

SESSION_GROUP = mapping("How one kind of session is presented.", {
    "heading": text("A heading above the group's sessions, e.g. 'Highlights from Plenary "
                    "Sessions'."),
    "intro": body("Text under the group heading.", required=False),
    "label": text("The session label; {n} is the session's number within its kind, e.g. "
                  "'Breakout #{n}'.", check_with="label"),
})

SESSION = mapping("One session of the meeting.", {
    "kind": text("The kind of session: plenary, breakout, panel, workshop or another word.",
                 default="plenary", regex=SLUG),
    "title": text("The session's title.", required=True),
    "date": DATE,
    "presenters": listing("Who presented: persons or organizations.", PERSON_OR_ORGANIZATION),
    "body": body("What the session covered."),
})

AGENDA_ITEM = mapping("One line of an agenda.", {
    "date": DATE,
    "time": text("The time, e.g. \"13:00-13:15\" (quote it)."),
    "title": text("The agenda item.", required=True),
    "speakers": listing("Who spoke: persons or organizations.", PERSON_OR_ORGANIZATION),
})

APPENDIX = mapping("An appendix; exactly one of agenda, organizations, body.", {
    "title": text("The appendix title, e.g. 'Organizations Represented at the Roundtable'.",
                  required=True),
    "agenda": listing("An agenda, printed as a table.", AGENDA_ITEM, required=True),
    "organizations": listing("Organizations, printed as a list in the order given.",
                             text("An organization."), required=True),
    "body": body("Free text."),
}, check_with="appendix")
for _key in ("agenda", "organizations", "body"):
    APPENDIX["schema"][_key]["required"] = False
    APPENDIX["schema"][_key]["nullable"] = False

OUTLINE = {
    "rtdraft": {"type": "integer", "required": True, "allowed": [VERSION],
                **_meta("The outline format version: 1.")},
    "meeting": MEETING,
    "publication": PUBLICATION,
    "introduction": mapping("The introduction.", {
        "title": text("Its heading.", default="Introduction (by language)"),
        "body": body("Its text."),
    }, required=True),
    "opening_remarks": mapping("The opening remarks.", {
        "title": text("Its heading.", default="Opening Remarks (by language)"),
        "speakers": listing("Who gave them.", PERSON),
        "body": body("What was said."),
    }),
    "session_groups": {"type": "dict", "nullable": True, "keysrules": {"type": "string",
                                                                       "regex": SLUG},
                       "valuesrules": SESSION_GROUP,
                       **_meta("How each kind of session is presented, by kind "
                               "(plenary, breakout, ...).")},
    "sessions": listing("The sessions, in the order they were held.", SESSION, required=True),
    "outcomes": mapping("The key outcomes.", {
        "title": text("Its heading.", default="Key Outcomes (by language)"),
        "intro": text("A lead-in paragraph.", check_with="inline"),
        "items": listing("The outcomes.", list_item(), required=True),
    }, required=True),
    "conclusion": mapping("The conclusion.", {
        "title": text("Its heading.", default="Conclusion (by language)"),
        "body": body("Its text."),
    }, required=True),
    "appendices": listing("Appendices, lettered A, B, C ... in order.", APPENDIX),
    "footnotes": {"type": "dict", "nullable": True,
                  "keysrules": {"type": "string", "regex": FOOTNOTE_ID},
                  "valuesrules": text("The footnote's text (inline markup allowed).",
                                      required=True, check_with="inline"),
                  **_meta("Footnotes by id; cite one with [^id] in any text.")},
    "lint": mapping("Settings for `rtdraft lint` in this outline.", {
        "abbreviations": listing("Abbreviations that need no definition in this outline, "
                                 "e.g. company names written in capitals.",
                                 text("An abbreviation.")),
        "words": listing("Words the spelling rule accepts in this outline (names, "
                         "terms of the field); a text may hold several words.",
                         text("A word, or words.")),
        "sentence_length": {"type": "integer", "min": 10, "max": 1000, "nullable": True,
                            **_meta("The plain-language rule's longest sentence, in words "
                                    "(default 35).")},
        "reading_grade": {"type": "integer", "min": 1, "max": 30, "nullable": True,
                          **_meta("The plain-language rule's highest reading level of a "
                                  "paragraph, as a school grade (default 16; Canada.ca "
                                  "aims for 8).")},
        "disable": listing("Lint rules not to run on this outline.",
                           text("A rule id.", check_with="rule_id")),
        "levels": {"type": "dict", "nullable": True,
                   "keysrules": {"type": "string", "check_with": "rule_id"},
                   "valuesrules": {"type": "string", "allowed": ["error", "warning", "note"]},
                   **_meta("A level for a rule in this outline, by rule id: error, warning "
                           "or note, e.g. {placeholder: error} to fail on a forgotten "
                           "placeholder.")},
        "ignore": listing("Warnings accepted deliberately: a rule at a path and below it.",
                          mapping("One accepted warning.", {
                              "rule": text("The rule id.", required=True,
                                           check_with="rule_id"),
                              "path": text("The path the warning names, e.g. "
                                           "sessions[2].body[0], or a part of it.",
                                           required=True),
                              "reason": text("Why it is accepted.")})),
    }),
    "labels": {"type": "dict", "nullable": True,
               "keysrules": {"type": "string", "check_with": "label_key"},
               "valuesrules": text("The replacement wording.", required=True),
               **_meta("Replacements for the fixed words of the output, by label key: "
                       + ", ".join(LABELS["en"]) + ".")},
}
