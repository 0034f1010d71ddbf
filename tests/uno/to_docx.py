"""Job: open a web page in Writer (or, given a filter name, any file LibreOffice reads)
and save it as DOCX: a report whose styles are LibreOffice's, not rtdraft's, or an
rtdraft DOCX as LibreOffice saves it. Arguments: SOURCE TARGET [FILTER]."""

import os
import sys

from unoconn import connect, props, save_docx, url

desktop = connect(sys.argv[1])
document = desktop.loadComponentFromURL(url(sys.argv[2]), "_blank", 0,
                                        props(Hidden=True, FilterName=sys.argv[4] if len(sys.argv) > 4
                                              else "HTML (StarWriter)"))
try:
    save_docx(document, sys.argv[3])
finally:
    document.close(True)
sys.stdout.flush()
os._exit(0)
