"""Test job: save a DOCX as a Word 97-2003 .doc (an OLE2 compound file, as an encrypted
DOCX is). Arguments: pipe, input, output."""

import os
import sys

from unoconn import connect, open_document, props, url

desktop = connect(sys.argv[1])
source, target = sys.argv[2:4]
document = open_document(desktop, source)
try:
    document.storeToURL(url(target), props(FilterName="MS Word 97", Overwrite=True))
finally:
    document.close(True)
sys.stdout.flush()
os._exit(0)
