"""Test job: open a DOCX, print its number of tracked changes, accept or reject them all
(the second argument), and save the result as DOCX."""

import sys

from unoconn import connect, dispatch, leave, open_document, save_docx

desktop = connect(sys.argv[1])
path, decision, out = sys.argv[2:5]
document = open_document(desktop, path)
try:
    print(document.getRedlines().getCount())
    command = ".uno:AcceptAllTrackedChanges" if decision == "accept" else \
        ".uno:RejectAllTrackedChanges"
    dispatch(document, command)
    print(document.getRedlines().getCount())
    save_docx(document, out)
finally:
    document.close(True)
leave()
