"""The OPC package of a DOCX read as untrusted: its parts parsed without entities, DTD
or network, its relationships and content types read and written. References are to
ECMA-376 Part 2 (Open Packaging Conventions)."""

from __future__ import annotations

from lxml import etree

from .elements import quoteattr

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# No entities, no DTD, no network: the XML of a reference document is not trusted.
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                        huge_tree=False, remove_blank_text=False)


def parse_part(data: bytes):
    """A part's XML, or lxml's XMLSyntaxError; a DOCTYPE (where entity bombs live) is
    refused as a syntax error too: no part of a DOCX has one."""
    root = etree.fromstring(data, _SAFE)
    if root.getroottree().docinfo.doctype:
        raise etree.XMLSyntaxError("a DOCTYPE declaration (not allowed in a DOCX part)",
                                   None, 1, 1)
    return root


def relationships(root) -> list[tuple[str, str, str, bool]]:
    """(Id, Type, Target, external) of each relationship in a .rels part."""
    return [(rel.get("Id", ""), rel.get("Type", ""), rel.get("Target", ""),
             rel.get("TargetMode") == "External")
            for rel in root if rel.tag == f"{{{_RELS_NS}}}Relationship"]


def keep_relationships(root, ids: set[str]) -> bytes:
    """The .rels part with only the relationships whose Id is in ids."""
    for rel in list(root):
        if rel.get("Id") not in ids:
            root.remove(rel)
    return serialize(root)


def drop_references(root, ids: set[str]) -> None:
    """Remove every element that refers (r:id, r:embed, r:link, ...) to a dropped
    relationship: a reference left dangling makes Word call the file damaged."""
    if not ids:
        return
    # the elements with an attribute in the relationships namespace, found by libxml2:
    # looking at every attribute in Python took seconds on a large document
    for element in root.xpath("//*[@*[namespace-uri() = $ns]]", ns=_R_NS):
        if any(name.startswith(f"{{{_R_NS}}}") and value in ids
               for name, value in element.attrib.items()):
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)


def content_types(root) -> tuple[dict[str, str], dict[str, str]]:
    """The [Content_Types].xml part's defaults (extension -> type, lower case) and
    overrides (part name without its leading / -> type)."""
    defaults, overrides = {}, {}
    for item in root:
        if item.tag == f"{{{_TYPES_NS}}}Default":
            defaults[item.get("Extension", "").lower()] = item.get("ContentType", "")
        elif item.tag == f"{{{_TYPES_NS}}}Override":
            overrides[item.get("PartName", "").lstrip("/")] = item.get("ContentType", "")
    return defaults, overrides


def write_content_types(defaults, overrides) -> bytes:
    """The [Content_Types].xml part, with its XML declaration: every package rtdraft
    writes (the DOCX, the reference document, an untrusted package rebuilt) writes it here."""
    return (XML_HEAD + types_xml(defaults, overrides)).encode()


def types_xml(defaults, overrides) -> str:
    """The Types element for (extension, type) defaults and (part name, type) overrides,
    in the order given; a part name is written with its leading /, as OPC names it."""
    return (f'<Types xmlns="{_TYPES_NS}">'
            + "".join(f"<Default Extension={_attribute(extension)} "
                      f"ContentType={_attribute(kind)}/>" for extension, kind in defaults)
            + "".join(f'<Override PartName={_attribute("/" + name.lstrip("/"))} '
                      f"ContentType={_attribute(kind)}/>" for name, kind in overrides)
            + "</Types>")


def _attribute(value: str) -> str:
    # an untrusted package's names may hold a tab or a line break, which a reader would
    # read back as a space if written as they are
    return quoteattr(value).replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")


def serialize(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)



def application(app_xml: bytes) -> str | None:
    """The program docProps/app.xml says last saved the package (its Application), or
    None when the part is unreadable or does not say."""
    try:
        root = parse_part(app_xml)
    except Exception:   # noqa: BLE001 - an unreadable app.xml says nothing
        return None
    for element in root.iter():   # any namespace: Transitional's or Strict's
        if isinstance(element.tag, str) and element.tag.endswith("}Application"):
            return element.text
    return None


def written_by(path) -> str | None:
    """application() of a DOCX file, None when it is not a readable package. Reads that
    one small part only."""
    import zipfile
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/app.xml")
            if info.file_size > 1 << 20:
                return None
            data = archive.read(info)
    except Exception:   # noqa: BLE001 - any damage: it does not say
        return None
    return application(data)
