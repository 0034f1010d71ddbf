"""Job: open a web page (or any file LibreOffice reads) in Writer and save it as DOCX:
a report whose styles are LibreOffice's, not rtdraft's. Arguments: SOURCE TARGET."""

import os
import sys

from unoconn import connect, props, save_docx, url

desktop = connect(sys.argv[1])
document = desktop.loadComponentFromURL(url(sys.argv[2]), "_blank", 0,
                                        props(Hidden=True, FilterName="HTML (StarWriter)"))
try:
    save_docx(document, sys.argv[3])
finally:
    document.close(True)
sys.stdout.flush()
os._exit(0)
