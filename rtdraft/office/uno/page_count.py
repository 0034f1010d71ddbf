"""Job: print the page count of each document given (a smoke test of the bridge)."""

import sys

from unoconn import connect, leave, open_document

desktop = connect(sys.argv[1])
for path in sys.argv[2:]:
    document = open_document(desktop, path)
    try:
        print(document.CurrentController.PageCount)
    finally:
        document.close(True)
leave()
