"""A DOCX as Word saves it again, made from rtdraft's own by editing its XML: what Word is
documented to change on saving (Word is not on this machine). Each change is a function;
`as_word_saves` applies them all.

- revision ids (w:rsidR, w:rsidRPr, w:rsidRDefault, 17.3.1.27), with runs split where an
  editing session began (Word splits a run at each rsid change);
- proofing marks (w:proofErr, 17.13.8.1) around words, and w:lastRenderedPageBreak
  (17.3.3.13) where the last layout broke pages;
- smart tags (w:smartTag, 17.5.1.9) around a run, as Word 2003-2007 wrote them;
- hyperlinks as HYPERLINK fields (17.16.5.25): one as a w:fldSimple, the others as
  complex fields (w:fldChar begin / w:instrText / separate / end), as Word writes a link
  typed or pasted;
- bookmarks moved: Word puts a heading's _Toc bookmark around its runs, not at the start;
- styles with Word's localized ids ("berschrift1" for heading 1 in German) and, for a
  copy made by another program, localized names ("Überschrift 1", "Titel");
- direct formatting on every run and paragraph (fonts, size, language, spacing);
- content controls (w:sdt) around a paragraph, a table and a run.
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def _el(name: str, **attrs: str):
    element = etree.Element(w(name))
    for key, value in attrs.items():
        element.set(w(key), value)
    return element


def rsids(body) -> None:
    for n, p in enumerate(body.iter(w("p"))):
        p.set(w("rsidR"), f"00{n:06X}")
        p.set(w("rsidRDefault"), "00A1B2C3")
    for n, r in enumerate(list(body.iter(w("r")))):
        r.set(w("rsidRPr"), f"00{n:06X}")
        texts = r.findall(w("t"))
        # a run split in two where an editing session began
        if len(texts) == 1 and len(r) in (1, 2) and len(texts[0].text or "") > 3:
            text = texts[0].text
            half = len(text) // 2
            second = copy.deepcopy(r)
            texts[0].text = text[:half]
            texts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t2 = second.find(w("t"))
            t2.text = text[half:]
            t2.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            second.set(w("rsidR"), "00FFEEDD")
            r.addnext(second)


def proofing(body) -> None:
    for n, r in enumerate(list(body.iter(w("r")))):
        if n % 3 == 0 and r.find(w("t")) is not None:
            r.addprevious(_el("proofErr", type="spellStart"))
            r.addnext(_el("proofErr", type="spellEnd"))
        if n % 7 == 0 and r.find(w("t")) is not None:
            r.insert(1 if r.find(w("rPr")) is not None else 0, _el("lastRenderedPageBreak"))


def smart_tags(body) -> None:
    for n, r in enumerate(list(body.iter(w("r")))):
        if n % 5 == 2 and r.getparent().tag == w("p") and r.find(w("t")) is not None:
            tag = _el("smartTag", uri="urn:schemas-microsoft-com:office:smarttags",
                      element="place")
            r.addprevious(tag)
            tag.append(r)


def hyperlink_fields(body, rels: dict[str, str]) -> None:
    """Every external w:hyperlink becomes a HYPERLINK field: the first a w:fldSimple."""
    links = [link for link in body.iter(w("hyperlink")) if link.get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id") in rels]
    for n, link in enumerate(links):
        rid = link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        instruction = f' HYPERLINK "{rels[rid]}" '
        runs = list(link)
        if n == 0:
            field = _el("fldSimple", instr=instruction)
            for run in runs:
                field.append(run)
            link.addprevious(field)
        else:
            begin = _el("r")
            begin.append(_el("fldChar", fldCharType="begin"))
            instr = _el("r")
            text = _el("instrText")
            text.text = instruction
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.append(text)
            separate = _el("r")
            separate.append(_el("fldChar", fldCharType="separate"))
            end = _el("r")
            end.append(_el("fldChar", fldCharType="end"))
            for element in [begin, instr, separate, *runs, end]:
                link.addprevious(element)
        link.getparent().remove(link)


def bookmarks_moved(body) -> None:
    """A heading's bookmark around its runs (after the first run begins, as Word puts a
    bookmark a reviewer's edit moved)."""
    for p in body.iter(w("p")):
        for start in p.findall(w("bookmarkStart")):
            end = next((e for e in p.findall(w("bookmarkEnd"))
                        if e.get(w("id")) == start.get(w("id"))), None)
            runs = p.findall(w("r"))
            if end is None or not runs:
                continue
            p.remove(start)
            p.remove(end)
            runs[-1].addnext(end)
            runs[0].addprevious(start)


def direct_formatting(body) -> None:
    for r in body.iter(w("r")):
        rpr = r.find(w("rPr"))
        if rpr is None:
            rpr = _el("rPr")
            r.insert(0, rpr)
        rpr.insert(0, _el("rFonts", ascii="Calibri", hAnsi="Calibri", cs="Calibri"))
        for name, value in (("color", "1F1F1F"), ("sz", "22"), ("szCs", "22")):
            rpr.append(_el(name, val=value))
        rpr.append(_el("lang", val="en-CA"))
    for p in body.iter(w("p")):
        ppr = p.find(w("pPr"))
        if ppr is None:
            ppr = _el("pPr")
            p.insert(0, ppr)
        spacing = _el("spacing", after="160", line="259", lineRule="auto")
        style = ppr.find(w("pStyle"))
        at = 1 if style is not None else 0
        numbering = ppr.find(w("numPr"))
        if numbering is not None:
            at = list(ppr).index(numbering) + 1
        ppr.insert(at, spacing)


def content_controls(body) -> None:
    """A w:sdt around the first paragraph with words, the first table, and one run."""
    def wrap(element):
        sdt = _el("sdt")
        pr = _el("sdtPr")
        pr.append(_el("id", val="123456"))
        sdt.append(pr)
        content = _el("sdtContent")
        element.addprevious(sdt)
        sdt.append(content)
        content.append(element)
    paragraphs = [p for p in body.findall(w("p")) if p.find(f".//{w('t')}") is not None]
    wrap(paragraphs[len(paragraphs) // 2])
    table = body.find(w("tbl"))
    if table is not None:
        wrap(table)
    runs = [r for r in body.iter(w("r")) if r.getparent().tag == w("p") and
            r.find(w("t")) is not None]
    wrap(runs[len(runs) // 3])


# Word's ids of built-in styles in German and French (Word keeps the English name in
# w:name), and the localized names another program writes.
LOCALIZED = {
    "de": {"Heading1": ("berschrift1", "Überschrift 1"),
           "Heading2": ("berschrift2", "Überschrift 2"),
           "Heading3": ("berschrift3", "Überschrift 3"),
           "Title": ("Titel", "Titel"), "Subtitle": ("Untertitel", "Untertitel"),
           "ListBullet": ("Aufzhlungszeichen", "Aufzählungszeichen"),
           "ListBullet2": ("Aufzhlungszeichen2", "Aufzählungszeichen 2"),
           "ListNumber": ("Listennummer", "Listennummer"),
           "ListNumber2": ("Listennummer2", "Listennummer 2")},
    "fr": {"Heading1": ("Titre1", "Titre 1"), "Heading2": ("Titre2", "Titre 2"),
           "Heading3": ("Titre3", "Titre 3"), "Title": ("Titre", "Titre"),
           "Subtitle": ("Sous-titre", "Sous-titre"),
           "ListBullet": ("Listepuces", "Liste à puces"),
           "ListBullet2": ("Listepuces2", "Liste à puces 2"),
           "ListNumber": ("Listenumros", "Liste numéros"),
           "ListNumber2": ("Listenumros2", "Liste numéros 2")},
}


def restyle(parts: dict, language: str, names: bool) -> None:
    """Styles given Word's ids in a language; with names, the localized names too (and no
    outline level, so that only the name tells)."""
    styles = parts["word/styles.xml"]
    ids = {}
    for style in styles.findall(w("style")):
        old = style.get(w("styleId"))
        if old in LOCALIZED[language]:
            new_id, new_name = LOCALIZED[language][old]
            ids[old] = new_id
            style.set(w("styleId"), new_id)
            if names:
                style.find(w("name")).set(w("val"), new_name)
                for level in style.iter(w("outlineLvl")):
                    level.getparent().remove(level)
    for root in parts.values():
        for tag in ("pStyle", "basedOn", "next", "link", "rStyle"):
            for element in root.iter(w(tag)):
                if element.get(w("val")) in ids:
                    element.set(w("val"), ids[element.get(w("val"))])


def as_word_saves(source: Path, target: Path, language: str = "de",
                  localized_names: bool = False) -> None:
    with zipfile.ZipFile(source) as archive:
        entries = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    xml = ("word/document.xml", "word/styles.xml", "word/footnotes.xml")
    parts = {name: etree.fromstring(entries[name]) for name in xml if name in entries}
    rels_root = etree.fromstring(entries["word/_rels/document.xml.rels"])
    rels = {r.get("Id"): r.get("Target") for r in rels_root
            if r.get("TargetMode") == "External"}
    body = parts["word/document.xml"].find(w("body"))
    hyperlink_fields(body, rels)
    bookmarks_moved(body)
    smart_tags(body)
    rsids(body)
    proofing(body)
    direct_formatting(body)
    content_controls(body)
    restyle(parts, language, localized_names)
    for name, root in parts.items():
        entries[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                       standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    target.write_bytes(out.getvalue())
