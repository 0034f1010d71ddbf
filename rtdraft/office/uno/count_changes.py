"""Job: print the number of tracked changes LibreOffice sees in each document given."""

import sys

from unoconn import connect, leave, open_document

desktop = connect(sys.argv[1])
for path in sys.argv[2:]:
    document = open_document(desktop, path)
    try:
        print(document.getRedlines().getCount())
    finally:
        document.close(True)
leave()
