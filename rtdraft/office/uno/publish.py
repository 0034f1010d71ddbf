"""Job: publish.py PIPE DOCX PDF KEYWORDS (one a line). Open rtdraft's DOCX, update every index (the
table of contents gets the page numbers of this layout), export a tagged PDF/UA file, and
print each table-of-contents line as "heading<TAB>page" for rtdraft to put in its own DOCX.

LibreOffice reads rtdraft's TOC field as its own content index; updating it after layout
writes the page number (as printed in the footer) of each heading."""

import os
import sys
import tempfile
import zipfile

import uno
import unoconn
from unoconn import connect, leave, open_document, props, url


def vector_symbols(document, source: str) -> None:
    """LibreOffice 7.4 reads the PNG of a DOCX picture, not its SVG (asvg:svgBlip): give
    rtdraft's cover symbols (pictures named signature and wordmark) their SVG back from
    the DOCX, so that the PDF draws them as vectors. Their alternative text stays."""
    provider = unoconn._context.ServiceManager.createInstanceWithContext(
        "com.sun.star.graphic.GraphicProvider", unoconn._context)
    graphics = document.GraphicObjects
    with zipfile.ZipFile(source) as docx:
        for name in ("signature", "wordmark"):
            part = f"word/media/{name}.svg"
            if part not in docx.namelist() or not graphics.hasByName(name):
                continue   # a department's signature given as a PNG only
            with tempfile.NamedTemporaryFile(suffix=".svg", delete=False) as svg:
                svg.write(docx.read(part))
            picture = graphics.getByName(name)
            title, description = picture.Title, picture.Description
            try:
                picture.Graphic = provider.queryGraphic(props(URL=url(svg.name)))
                # the tagged PDF's /Alt is "title - description" when both are set
                picture.Title, picture.Description = title, description
            finally:
                os.unlink(svg.name)

pipe, source, target, keywords = sys.argv[1:5]
desktop = connect(pipe)
document = open_document(desktop, source)
try:
    vector_symbols(document, source)
    indexes = document.DocumentIndexes
    for i in range(indexes.Count):
        indexes.getByIndex(i).update()
    document.refresh()
    contents = []
    for i in range(indexes.Count):
        index = indexes.getByIndex(i)
        if index.supportsService("com.sun.star.text.ContentIndex"):
            contents += [line for line in index.Anchor.String.splitlines() if "\t" in line]
    # LibreOffice splits the DOCX's keywords at every space and comma, so the PDF would list
    # single words; the session titles are given as they are written.
    document.DocumentProperties.Keywords = tuple(keywords.splitlines())
    filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", props(
        UseTaggedPDF=True, PDFUACompliance=True, ExportBookmarks=True,
        DisplayPDFDocumentTitle=True, ExportLinksRelativeFsys=False,
        ExportNotes=False, UseLosslessCompression=True))
    uno.invoke(document, "storeToURL", (url(target), props(
        FilterName="writer_pdf_Export", FilterData=filter_data)))
    for line in contents:
        print(line)
finally:
    document.close(True)
leave()
