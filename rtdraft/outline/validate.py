"""Validate a loaded outline: cerberus with our schema, then the rules across keys."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import cerberus
import cerberus.schema
from cerberus import errors

from .. import languages
from ..document import inline
from ..languages import labels
from ..languages.dates import parse_date, written_dates
from ..languages.labels import LABELS, PLACEHOLDERS
from ..problems import MAX_ERRORS, Problem, limited
from . import schema
from .normal import normalise
from .source import Source
from .walk import reading_order

# Our own error: info is (rule id, message, where): where is None (the value itself),
# an offset into the string, or the name of a key of the mapping.
CHECK = errors.ErrorDefinition(0x1000, None)

_TYPE_NAMES = {"string": "text", "integer": "a whole number", "boolean": "true or false",
               "list": "a list", "dict": "a mapping", "float": "a number"}
_YEAR = re.compile(r"^\d{4}$")


def _catalogue() -> re.Pattern:
    """A catalogue number; its language letter is one of the languages' (E, F)."""
    letters = languages.catalogue_letters()
    return re.compile(
        rf"^[A-Z][A-Za-z]{{0,3}}\d+-\d+(?:-\d+)?(?:/\d{{4}})?(?P<lang>[{letters}])(?:-[A-Z]+)?$")


class OutlineValidator(cerberus.Validator):
    """cerberus plus the `variants` rule and our named checks."""

    # true and false are ints to Python, not whole numbers to an editor (or to JSON Schema).
    types_mapping = {**cerberus.Validator.types_mapping,  # noqa: RUF012 (cerberus' own form)
                     "integer": cerberus.TypeDefinition("integer", (int,), (bool,))}

    def _validate_variants(self, shapes, field, value):
        """{'type': 'list'}"""
        if value is None:
            return   # the nullable rule speaks of empty values
        chosen = _choose(shapes, value)
        if isinstance(chosen, str):
            self._error(field, CHECK, "shape", chosen, None)
            return
        child = self._get_child_validator(schema={field: chosen}, allow_unknown=False)
        if not child({field: value}, normalize=False):
            self._error(child._errors)

    def _error(self, *args):
        if len(args) >= 2 and args[1] is errors.UNKNOWN_FIELD:
            import difflib  # only on an error: the rest of a run never needs it

            from . import explain
            field = args[0]
            known = [str(k) for k in self._resolve_schema(self.schema)]
            places = [] if difflib.get_close_matches(str(field), known, n=1, cutoff=0.6) \
                else explain.elsewhere(field, tuple(self.document_path))
            self._error(field, CHECK, "unknown-key", explain.misplaced_key(field, places)
                        if places else unknown_key_message(field, known), None)
            return
        if len(args) >= 2 and not self._spend(args[1]):
            return
        super()._error(*args)

    def _spend(self, definition) -> bool:
        """Whether the outline's error budget takes one more error. A group (a child
        validator's errors, each counted when made) costs nothing; so does a custom message,
        which cerberus passes on as an error of its own."""
        budget = self._config.get("budget")
        if budget is None or not isinstance(definition, errors.ErrorDefinition) or \
                definition.code & errors.ERROR_GROUP.code:
            return True
        if budget.left <= 0:
            budget.dropped = True
            return False
        budget.left -= 1
        return True

    def _validate_regex(self, pattern, field, value):
        """{'type': 'string'}"""
        # the whole text must match: cerberus' `$` would let "plenary\n" through
        if isinstance(value, str) and not re.fullmatch(pattern, value):
            self._error(field, errors.REGEX_MISMATCH)

    def _validate_check_with(self, checks, field, value):
        if value is not None:   # an empty value: the nullable rule speaks of it
            super()._validate_check_with(checks, field, value)

    _validate_check_with.__doc__ = cerberus.Validator._validate_check_with.__doc__

    def _fail(self, field, rule: str, message: str, where: int | str | None = None) -> None:
        self._error(field, CHECK, rule, message, where)

    def _check_with_date(self, field, value):
        path = (*self.document_path, field)
        if path[:2] == ("meeting", "dates") and isinstance(value, str) and \
                PLACEHOLDER.fullmatch(value):
            return   # `rtdraft new` writes [[YYYY-MM-DD]]: a draft's dates to come
        if parse_date(value) is None:
            self._fail(field, "date", f"{_shown(value)} is not a date; write YYYY-MM-DD "
                       "(or YYYY-MM)")

    def _check_with_publication_date(self, field, value):
        if not _YEAR.fullmatch(value) and parse_date(value) is None:
            self._fail(field, "date", f"{_shown(value)} is not a date; write YYYY-MM-DD, "
                       "YYYY-MM or a year")

    def _check_with_isbn(self, field, value):
        message = isbn_problem(str(value))
        if message:
            self._fail(field, "isbn", message)

    def _check_with_language(self, field, value):
        if value not in languages.codes():
            self._fail(field, "allowed", f"{_shown(value)} is not allowed; use one of: "
                       + ", ".join(languages.codes()))

    def _check_with_catalogue_number(self, field, value):
        if not _catalogue().fullmatch(value):
            self._fail(field, "catalogue-number", f"{_shown(value)} is not a catalogue number "
                       "of the form PS18-55/2019E-PDF (letters, series, -sequence, optional /year, "
                       "E or F, optional -FORMAT)")

    def _check_with_label(self, field, value):
        found = labels.problem(value, {"n"})
        if found:
            self._fail(field, "label", _label_message(found, "a session label",
                                                      "may use only {n}, not"), found.offset)

    def _check_with_label_key(self, field, value):
        if value not in LABELS["en"]:
            self._fail(field, "unknown-key", unknown_key_message(value, list(LABELS["en"])))

    def _check_with_rule_id(self, field, value):
        from .rules import rule_ids
        if value not in rule_ids():
            self._fail(field, "unknown-rule",
                       unknown_key_message(value, rule_ids(), "unknown lint rule"))

    def _check_with_inline(self, field, value):
        try:
            inline.parse(value)
        except inline.MarkupError as exc:
            self._fail(field, "markup", str(exc), exc.offset)

    def _check_with_appendix(self, field, value):
        present = [k for k in ("agenda", "organizations", "body") if k in value]
        if not present:
            self._fail(field, "appendix-content", "an appendix needs one of agenda, "
                       "organizations or body")
        for extra in present[1:]:
            self._fail(field, "appendix-content", f"an appendix has exactly one of agenda, "
                       f"organizations or body; it already has {present[0]}", extra)


def _choose(shapes: list[dict], value: Any) -> dict | str:
    """The rules for the shape the value has, or a message saying which shapes exist."""
    by_type = {"string": str, "list": list, "mapping": dict}
    keyed = [s for s in shapes if s["when"] not in by_type and s["when"] != "integer"]
    for shape in shapes:
        when = shape["when"]
        if when == "integer" and isinstance(value, int) and not isinstance(value, bool):
            return shape["rules"]
        if when in by_type and isinstance(value, by_type[when]):
            return shape["rules"]
    if isinstance(value, dict) and keyed:
        found = [s for s in keyed if s["when"] in value]
        if not found:
            from . import explain  # here and below: imported for an error only
            read_as_key = explain.paragraph_read_as_key(value)
            if read_as_key:
                return read_as_key
        if len(found) == 1:
            return found[0]["rules"]
        names = ", ".join(s["when"] for s in keyed)
        if found:
            return f"has more than one of {names}; give exactly one"
        import difflib
        for key in value:
            close = difflib.get_close_matches(str(key), [s["when"] for s in keyed], n=1)
            if close:
                return f"needs one of {names}; '{key}' is unknown: did you mean '{close[0]}'?"
        return f"needs one of {names}" + (f", found {', '.join(map(str, value))}" if value else "")
    if [s["when"] for s in shapes] == ["string"] and isinstance(value, dict) \
            and {"bullets", "numbered"} & value.keys():   # the deepest list_item
        return (f"lists nest at most {schema.MAX_LIST_DEPTH} levels, and this item would open "
                f"level {schema.MAX_LIST_DEPTH + 1}: make it plain text, and move its items up "
                "a level")
    names = [_shape_name(s["when"]) for s in shapes]
    return f"must be {' or '.join(dict.fromkeys(names))}, not {_type_of(value)}"


def _shape_name(when: str) -> str:
    return {"string": "text", "integer": "a whole number", "list": "a list"}.get(when, "a mapping")


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    for kind, name in ((str, "text"), (int, "a number"), (float, "a number"),
                       (list, "a list"), (dict, "a mapping")):
        if isinstance(value, kind):
            return name
    return "an empty value"


def _shown(value: Any) -> str:
    """A value quoted for a one-line message: escapes for what cannot be printed."""
    text = str(value)
    return f"'{text}'" if text.isprintable() else repr(text)


def _label_message(found: labels.LabelError, what: str, cannot: str) -> str:
    if str(found) == "unbalanced":
        return (f"{what} has an unbalanced brace: a placeholder is written {{name}}, and a "
                "brace itself {{ or }}")
    field = str(found)
    return f"{what} {cannot} {field if field.isprintable() else repr(field)}"


def _placeholders(value: str) -> set[str]:
    return set(re.findall(r"\{([^{}]*)\}", value))


def unknown_key_message(key: Any, known: list[str], what: str = "unknown key") -> str:
    import difflib
    close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
    if close:
        return f"{what} '{key}'; did you mean '{close[0]}'?"
    return f"{what} '{key}'; expected one of: {', '.join(known)}"


def isbn_problem(value: str) -> str | None:
    digits = re.sub(r"[-\s]", "", value)
    if not re.fullmatch(r"\d{13}", digits):
        return f"ISBN '{value}' must have 13 digits (ISBN-13), hyphens optional"
    if digits[:3] not in ("978", "979"):
        return f"ISBN '{value}' must start with 978 or 979"
    check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits[:12])) % 10) % 10
    if int(digits[12]) != check:
        return f"ISBN '{value}' has check digit {digits[12]}; the digits before it give {check}"
    return None


class _CheckedSchema(cerberus.schema.DefinitionSchema):
    """The outline schema without cerberus' check of the schema itself at every start.

    That check costs more than validating an outline; the test suite makes it
    (tests/test_validate.py: test_the_schema_is_a_valid_cerberus_schema).
    """

    def validate(self, schema=None):
        pass


def outline_validator() -> OutlineValidator:
    validator = OutlineValidator()
    validator.schema = _CheckedSchema(validator, schema.OUTLINE)
    return validator


_VALIDATOR = None


def validate(source: Source) -> list[Problem]:
    """Every problem of a loaded outline, in file order (loading problems included)."""
    return checked(source)[0]


def checked(source: Source) -> tuple[list[Problem], dict | None]:
    """Every problem of a loaded outline, in file order, and, when none is an error, its
    normalised data (normal.py: every default filled in, here and only here), which
    everything after validation reads; `source` is left as it was."""
    if not source.ok:
        return limited(source.file, source.problems, source.more), None
    data = source.data
    version = data.get("rtdraft")
    if "rtdraft" in data and version != schema.VERSION:
        line, column = source.position(("rtdraft",))
        return limited(source.file, source.problems + [Problem(
            source.file, line, column, "error", ("rtdraft",),
            f"unsupported outline format version {version!r}; this rtdraft reads format "
            f"{schema.VERSION}", "version")], source.more), None
    global _VALIDATOR
    if _VALIDATOR is None:
        _VALIDATOR = outline_validator()
    validator = _VALIDATOR
    # shared with every child validator through cerberus' configuration
    validator._config["budget"] = budget = _Budget(MAX_ERRORS)
    problems = list(source.problems)
    checked = source
    if not validator.validate(data, normalize=False):
        found = list(_leaves(validator._errors))
        problems += [_problem(source, e) for e in found]
        if budget.dropped:   # wrong values may be left in: the rules across keys wait too
            return limited(source.file, problems, more=True), None
        # the rules across keys read only what has the shape the schema asks for: a wrong
        # value is left empty, a wrong key goes
        keys = {tuple(e.document_path) for e in found if _about_key(e)}
        checked = dataclasses.replace(source, data=_without(
            data, {tuple(e.document_path) for e in found} - keys, keys) or {})
        _read_as_meant(checked.data, data, problems)
    problems += cross_checks(checked)
    problems = _folded(problems)
    valid = not any(p.level == "error" for p in problems)
    # from here on, defaults need no `or`
    return limited(source.file, problems, source.more), normalise(data) if valid else None


# -- one cause, one error --------------------------------------------------------------

_MEANT = re.compile(r"unknown key '(.+)'; did you mean '(.+)'\?$")


def _meant(problem: Problem) -> str | None:
    """The key a misspelled one was meant to be ('foonotes' -> 'footnotes')."""
    m = _MEANT.search(problem.message) if problem.rule == "unknown-key" else None
    return m[2] if m and m[1] == str(problem.path[-1]) else None


def _read_as_meant(checked: dict, data: dict, problems: list[Problem]) -> None:
    """The rules across keys read misspelled `footnotes:` as meant: its citations are not
    'not defined' because of a typo already reported."""
    for problem in problems:
        if len(problem.path) == 1 and _meant(problem) == "footnotes":
            notes = data.get(problem.path[0])
            if "footnotes" not in checked and isinstance(notes, dict) and \
                    all(isinstance(v, str) for v in notes.values()):
                checked["footnotes"] = notes


def _folded(problems: list[Problem]) -> list[Problem]:
    """Errors that follow only from another left out or folded under it, so the first
    error printed is the cause: 'sessions: required field is missing' beside 'sesions:
    did you mean sessions?'; one wrong date copied to sessions and agenda items."""
    meant = {p.path[:-1] + (_meant(p),) for p in problems if _meant(p)}
    out = [p for p in problems if not (p.rule == "required" and p.path in meant)]
    firsts: dict[str, int] = {}
    again: dict[int, list[Problem]] = {}
    kept = []
    for problem in sorted(out):
        if problem.rule == "date":
            first = firsts.setdefault(problem.message, len(kept))
            if first != len(kept):
                again.setdefault(first, []).append(problem)
                continue
        kept.append(problem)
    for index, copies in again.items():
        lines = ", ".join(str(p.line) for p in copies)
        word = "line" if len(copies) == 1 else "lines"
        kept[index] = dataclasses.replace(
            kept[index], message=f"{kept[index].message} (the same date on {word} {lines})")
    return kept


@dataclasses.dataclass
class _Budget:
    left: int               # errors the outline may still collect
    dropped: bool = False   # whether one was not collected


def _without(data: Any, paths: set[tuple], keys: set[tuple]) -> Any:
    """A copy of data with the value at each path left empty and each key at keys gone."""
    if () in paths:
        return None
    heads = {p[0] for p in paths | keys}
    if isinstance(data, dict):
        return {k: _without(v, {p[1:] for p in paths if p[0] == k},
                            {p[1:] for p in keys if p[0] == k and p[1:]})
                if k in heads else v for k, v in data.items() if (k,) not in keys}
    if isinstance(data, list):
        return [_without(v, {p[1:] for p in paths if p[0] == i}, {p[1:] for p in keys
                                                                    if p[0] == i and p[1:]})
                if i in heads else v for i, v in enumerate(data)]
    return data


def _about_key(error) -> bool:
    return "keysrules" in error.schema_path or (error.code == CHECK.code and
                                                 error.info[0] in ("unknown-key", "key"))


def _leaves(errs) -> Iterator[cerberus.errors.ValidationError]:
    for error in errs:
        if error.is_group_error:
            yield from _leaves(error.child_errors)
        else:
            yield error


def _problem(source: Source, error) -> Problem:
    path = tuple(error.document_path)
    rule, message, where = _message(error)
    if rule == "required":
        line, column = source.position(path[:-1])
    elif rule in ("unknown-key", "key") or "keysrules" in error.schema_path:
        line, column = source.position(path, key=True)   # about the key, not its value
    elif isinstance(where, str):
        line, column = source.position(path + (where,), key=True)
    elif where is not None:
        line, column = source.locate_at(path, error.value, where)
    else:
        line, column = source.position(path)
    return Problem(source.file, line, column, "error", path, message, rule)


def _message(error) -> tuple[str, str, int | None]:
    code, constraint, value = error.code, error.constraint, error.value
    if code == CHECK.code:
        return error.info[0], error.info[1], error.info[2]
    if code == errors.REQUIRED_FIELD.code:
        return "required", "required field is missing", None
    if code in (errors.EMPTY_NOT_ALLOWED.code, errors.NOT_NULLABLE.code):
        return "empty", "must not be empty", None
    if code == errors.MIN_LENGTH.code:
        return "empty", "must not be empty" if constraint == 1 else \
            f"must have at least {constraint} items", None
    if code == errors.BAD_TYPE.code:
        from . import explain
        read_as_key = explain.paragraph_read_as_key(value, "text") if constraint == "string" \
            else None
        if read_as_key:
            return "type", read_as_key, None
        wanted = constraint if isinstance(constraint, list) else [constraint]
        names = " or ".join(_TYPE_NAMES.get(t, t) for t in wanted)
        return "type", f"must be {names}, not {_type_of(value)}", None
    if code == errors.UNALLOWED_VALUE.code:
        return "allowed", f"{_shown(value)} is not allowed; use one of: " + \
            ", ".join(map(str, constraint)), None
    if code == errors.MAX_LENGTH.code:
        return "size-limit", f"has {len(value)} items; a list holds at most {constraint}", None
    if code == errors.MIN_VALUE.code:
        return "range", f"must be at least {constraint}", None
    if code == errors.MAX_VALUE.code:
        return "range", f"must be at most {constraint}", None
    if code == errors.REGEX_MISMATCH.code:
        value = _shown(value)
        if constraint == schema.SLUG:
            return "key", (f"{value} must be a lowercase word (letters, digits, - or _), "
                           "e.g. breakout"), None
        if constraint == schema.ARTWORK:
            return "schema", (f"{value} must be an .svg or a .png file (the department's "
                              "signature)"), None
        return "key", f"{value} is not a valid id: use letters, digits, '-', '_' or '.'", None
    return "schema", f"invalid value ({error.rule})", None


# -- rules across keys -----------------------------------------------------------

def cross_checks(source: Source) -> list[Problem]:
    data, out = source.data, []

    def add(path, message, rule, *, key=False, at=None):
        line, column = at or source.position(path, key=key)
        out.append(Problem(source.file, line, column, "error", tuple(path), message, rule))

    _check_characters(data, add)
    _check_footnotes(source, add)
    _check_dates(data, add)
    _check_catalogue_language(data, add)
    _check_labels(source, add)
    _check_final(source, add)
    return out


PLACEHOLDER = re.compile(schema.PLACEHOLDER)


def _check_final(source: Source, add) -> None:
    """A final summary goes out as it is: a [[placeholder]] left in it is an error."""
    publication = source.data.get("publication")
    if not isinstance(publication, dict) or publication.get("status") != "final":
        return
    for i, value in enumerate(written_dates(source.data)):
        if isinstance(value, str) and PLACEHOLDER.fullmatch(value):
            many = isinstance(source.data["meeting"].get("dates"), list)
            add(("meeting", "dates", i) if many else ("meeting", "dates"),
                f"'{value}' is a placeholder, and the outline is final; write the meeting's "
                "dates (YYYY-MM-DD) or set publication.status to draft", "final-placeholder")
    for piece in reading_order(source.data):
        for m in PLACEHOLDER.finditer(piece.text):
            add(piece.path, f"'{m.group(0)}' is a placeholder, and the outline is final; "
                "replace it or set publication.status to draft", "final-placeholder",
                at=source.locate_at(piece.path, piece.text, m.start(), m.group(0)))


# What XML 1.0, and so a Word document, cannot hold; YAML's escapes ("\x01") can make them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _check_characters(data: Any, add, path: tuple = ()) -> None:
    if isinstance(data, str):
        m = _NOT_XML.search(data)
        if m:
            add(path, f"contains the control character U+{ord(m.group(0)):04X}, which a "
                "document cannot hold; remove it", "control-character")
    elif isinstance(data, dict):
        for key, value in data.items():
            _check_characters(value, add, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _check_characters(value, add, path + (index,))


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _check_footnotes(source: Source, add) -> None:
    notes = source.data.get("footnotes")
    notes = notes if isinstance(notes, dict) else {}
    known, hints = list(map(str, notes)), MAX_ERRORS
    used = set()
    for piece in reading_order(source.data):
        if piece.role != "prose":
            continue
        path, text = piece.path, piece.text
        for ref, offset in inline.footnote_refs(text):
            at = source.locate_at(path, text, offset, f"[^{ref}]")
            if path[0] == "footnotes":
                add(path, f"a footnote cannot cite another footnote ([^{ref}])",
                    "footnote-nested", at=at)
            elif ref not in notes:
                hint = []
                if hints:   # each looks at every note: the first ones only, as are reported
                    import difflib
                    hint, hints = difflib.get_close_matches(ref, known, n=1), hints - 1
                add(path, f"footnote [^{ref}] is not defined in footnotes" +
                    (f"; did you mean [^{hint[0]}]?" if hint else ""), "footnote-undefined", at=at)
            used.add(ref)
    for key in notes:
        if key not in used:
            add(("footnotes", key), f"footnote '{key}' is never cited; cite it with [^{key}] "
                "or remove it", "footnote-unused", key=True)


def _check_dates(data: dict, add) -> None:
    meeting = data.get("meeting") if isinstance(data.get("meeting"), dict) else {}
    if isinstance(meeting.get("dates"), list):
        previous = None
        for i, value in enumerate(meeting["dates"]):
            day = parse_date(value)
            if day and previous and day == previous:
                add(("meeting", "dates", i), f"{value} is listed twice", "date-order")
            elif day and previous and day < previous:
                add(("meeting", "dates", i), f"{value} comes before the date above it; list "
                    "the meeting's days in order", "date-order")
            previous = day or previous
    days = [v for v in written_dates(data) if parse_date(v)]
    if not days:
        return
    # a meeting of many days: their range, not every one of them in every message
    allowed = ", ".join(map(str, days)) if len(days) <= 5 else \
        f"{len(days)} days from {days[0]} to {days[-1]}"
    known = set(days)

    def check(path, value):
        if isinstance(value, str) and parse_date(value) and value not in known:
            add(path, f"{value} is not one of the meeting's dates ({allowed})", "session-date")

    for i, session in enumerate(_list(data.get("sessions"))):
        if isinstance(session, dict):
            check(("sessions", i, "date"), session.get("date"))
    for i, appendix in enumerate(_list(data.get("appendices"))):
        if isinstance(appendix, dict):
            for j, item in enumerate(_list(appendix.get("agenda"))):
                if isinstance(item, dict):
                    check(("appendices", i, "agenda", j, "date"), item.get("date"))


def _check_catalogue_language(data: dict, add) -> None:
    publication = data.get("publication")
    if not isinstance(publication, dict) or \
            not isinstance(publication.get("catalogue_number"), str):
        return
    m = _catalogue().fullmatch(publication["catalogue_number"])
    language = publication.get("language") or schema.DEFAULT_LANGUAGE
    if language not in languages.codes():
        return   # reported as such
    expected = languages.get(language).catalogue_letter
    if m and m["lang"] != expected:
        add(("publication", "catalogue_number"), f"catalogue number has language letter "
            f"{m['lang']} but publication.language is {language}; expected {expected}",
            "catalogue-language")


def _check_labels(source: Source, add) -> None:
    table = source.data.get("labels")
    for key, value in (table.items() if isinstance(table, dict) else ()):
        path = ("labels", key)
        if key == "months" and isinstance(value, str) and len(value.split()) != 12:
            add(path, f"'months' needs exactly twelve month names, separated by "
                f"spaces; it has {len(value.split())}", "label")
        elif PLACEHOLDERS.get(key) and isinstance(value, str):   # filled by labels.fill
            found = labels.problem(value, PLACEHOLDERS[key])
            if found:
                allowed = ", ".join(f"{{{p}}}" for p in sorted(PLACEHOLDERS[key]))
                add(path, _label_message(found, f"label '{key}'", "cannot use")
                    + ("" if str(found) == "unbalanced" else f"; it may use: {allowed}"),
                    "label", at=source.locate_at(path, value, found.offset))
        elif key in PLACEHOLDERS and isinstance(value, str):   # printed as it is
            unknown = _placeholders(value)
            if unknown:
                add(path, f"label '{key}' cannot use {{{min(unknown)}}}; it may use: none",
                    "label")


__all__ = ["OutlineValidator", "isbn_problem", "validate"]
