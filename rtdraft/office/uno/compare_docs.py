"""Job: open NEW, compare it with OLD (Edit > Track Changes > Compare Document) and save the
result, every difference a tracked change, to OUT; print the number of tracked changes."""

import sys

from unoconn import connect, dispatch, leave, open_document, save_docx, url

desktop = connect(sys.argv[1])
new, old, out = sys.argv[2:5]
document = open_document(desktop, new)
try:
    dispatch(document, ".uno:CompareDocuments", URL=url(old), NoAcceptDialog=True)
    print(document.getRedlines().getCount())
    save_docx(document, out)
finally:
    document.close(True)
leave()
