"""Test job: a reviewer's pass over a rendered DOCX, the way one would make it in Word.

Arguments: pipe, input DOCX, output DOCX, edits as JSON: {"author": NAME, "edits":
[...]}, each edit one of
  {"op": "replace", "old": TEXT, "new": TEXT}     a few words in a body paragraph
  {"op": "delete", "starts": TEXT}                the whole paragraph starting so
  {"op": "insert", "after": TEXT, "text": TEXT}   text inserted after TEXT
  {"op": "footnote", "old": TEXT, "new": TEXT}    a few words in a footnote's text
  {"op": "comment", "on": TEXT, "text": TEXT}     a comment anchored over TEXT
Change tracking is on for every edit (comments are not changes). Saved as DOCX; prints
the number of tracked changes and of comments LibreOffice holds before saving.
"""

import json
import sys
import time

import uno
import unoconn
from unoconn import connect, leave, props, save_docx, url


def set_user(name: str) -> None:
    """Tracked changes and comments carry the profile's user name as their author."""
    provider = unoconn._context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", unoconn._context)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        props(nodepath="/org.openoffice.UserProfile/Data"))
    given, _, family = name.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def now():
    stamp = time.gmtime()
    value = uno.createUnoStruct("com.sun.star.util.DateTime")
    value.Year, value.Month, value.Day = stamp.tm_year, stamp.tm_mon, stamp.tm_mday
    value.Hours, value.Minutes, value.Seconds = stamp.tm_hour, stamp.tm_min, stamp.tm_sec
    return value


def open_model(path: str):
    """The document without a window. With a view, adding a comment makes LibreOffice
    build the comment's sidebar from .ui files that the -nogui packages do not ship,
    and soffice aborts (7.4)."""
    document = unoconn._context.ServiceManager.createInstanceWithContext(
        "com.sun.star.text.TextDocument", unoconn._context)
    document.load(props(URL=url(path), FilterName="MS Word 2007 XML"))
    return document


def paragraphs(text):
    """Every paragraph of `text`, tables' cells included."""
    found = text.createEnumeration()
    while found.hasMoreElements():
        element = found.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            yield element
        elif element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                yield from paragraphs(element.getCellByName(name).getText())


def find(text, words: str):
    """A text cursor over the first occurrence of `words` within one paragraph."""
    for paragraph in paragraphs(text):
        at = paragraph.getString().find(words)
        if at >= 0:
            cursor = text.createTextCursorByRange(paragraph.getStart())
            cursor.goRight(at, False)
            cursor.goRight(len(words), True)
            return cursor, paragraph
    raise SystemExit(f"review: not found: {words!r}")


def in_footnotes(document, words: str):
    notes = document.getFootnotes()
    for index in range(notes.getCount()):
        note = notes.getByIndex(index)
        if words in note.getString():
            return find(note.getText(), words)[0]
    raise SystemExit(f"review: not in any footnote: {words!r}")


def apply(document, edit: dict) -> None:
    body = document.getText()
    op = edit["op"]
    if op == "replace":
        find(body, edit["old"])[0].setString(edit["new"])
    elif op == "footnote":
        in_footnotes(document, edit["old"]).setString(edit["new"])
    elif op == "insert":
        cursor = find(body, edit["after"])[0]
        cursor.collapseToEnd()
        cursor.setString(edit["text"])
    elif op == "delete":
        _, paragraph = find(body, edit["starts"])
        cursor = body.createTextCursorByRange(paragraph.getStart())
        cursor.gotoEndOfParagraph(True)
        cursor.goRight(1, True)   # and its paragraph mark: the paragraph goes
        cursor.setString("")
    elif op == "comment":
        cursor = find(body, edit["on"])[0]
        note = document.createInstance("com.sun.star.text.textfield.Annotation")
        note.Author = edit.get("author") or AUTHOR
        note.Content = edit["text"]
        note.DateTimeValue = now()   # else LibreOffice writes the date 0-00-00
        body.insertTextContent(cursor, note, True)   # absorbs the range: anchored over it
    else:
        raise SystemExit(f"review: unknown edit {op!r}")


desktop = connect(sys.argv[1])
source, target, spec = sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
AUTHOR = spec.get("author", "Reviewer")
set_user(AUTHOR)
document = open_model(source)
try:
    for edit in spec["edits"]:
        document.RecordChanges = edit["op"] != "comment"
        apply(document, edit)
    fields = document.getTextFields().createEnumeration()
    comments = 0
    while fields.hasMoreElements():
        comments += fields.nextElement().supportsService("com.sun.star.text.textfield.Annotation")
    print(document.getRedlines().getCount(), comments)
    save_docx(document, target)
finally:
    document.close(True)
leave()
