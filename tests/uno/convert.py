"""Test job: open SOURCE (read with LOAD_FILTER, if given) and store it as TARGET with
SAVE_FILTER: a web page as a DOCX whose styles are LibreOffice's, an rtdraft DOCX as
LibreOffice saves it again, or a Word 97-2003 .doc (an OLE2 file, as an encrypted DOCX is).
Arguments: pipe, SOURCE, TARGET, SAVE_FILTER [LOAD_FILTER]."""

import sys

from unoconn import connect, leave, props, url

desktop = connect(sys.argv[1])
source, target, save_filter = sys.argv[2:5]
load = {"FilterName": sys.argv[5]} if len(sys.argv) > 5 else {}
document = desktop.loadComponentFromURL(url(source), "_blank", 0, props(Hidden=True, **load))
try:
    document.storeToURL(url(target), props(FilterName=save_filter, Overwrite=True))
finally:
    document.close(True)
leave()
