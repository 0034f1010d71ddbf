"""For job scripts run by the Python that has LibreOffice's uno module (see office/process.py):
connect to the running soffice, open and store documents. Standard library and uno only."""

import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

_context = None   # the remote component context, once connected


def connect(pipe: str, wait: float = 60):
    """The desktop of the soffice listening on `pipe`, waiting for it to start."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + wait
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    global _context
    _context = context
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def props(**values) -> tuple:
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


def url(path: str) -> str:
    return uno.systemPathToFileUrl(path)


def open_document(desktop, path: str):
    return desktop.loadComponentFromURL(url(path), "_blank", 0, props(Hidden=True))


def save_docx(document, path: str) -> None:
    document.storeToURL(url(path), props(FilterName="MS Word 2007 XML", Overwrite=True))


def dispatch(document, command: str, **arguments) -> None:
    """Run a .uno: command on the document's frame, as its menu item would."""
    helper = _context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.DispatchHelper", _context)
    helper.executeDispatch(document.CurrentController.Frame, command, "", 0,
                           props(**arguments))


def leave() -> None:
    """End a job whose work is done. pyuno may crash while Python tears the bridge down
    (seen: SIGSEGV, "double free or corruption"), which would fail a finished job."""
    sys.stdout.flush()
    os._exit(0)
