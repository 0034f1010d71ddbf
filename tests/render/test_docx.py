"""The DOCX writer, read back as its parts' XML and as (style, text) pairs."""

import io
import re
import zipfile
from datetime import date

import docx
import pytest
from lxml import etree
from support.outlines import EXAMPLES, MINIMAL, ROOT, build, load

from rtdraft.errors import TemplateError
from rtdraft.render import docx as writer

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}

RICH = MINIMAL.replace("  department: Public Safety Canada\n", """\
  department: Public Safety Canada
  date: 2021-03-01
  toc: true
""").replace("    - The roundtable met once.\n", """\
    - See [the report](https://canada.ca/report)[^one] and <https://example.ca>.
    - numbered: [a, b]
    - Between lists.
    - numbered: [c, d]
    - bullets:
        - text: level one
          bullets:
            - text: level two
              bullets: [level three]
""") + """\
appendices:
  - title: Agenda
    agenda:
      - {time: "13:00", title: Opening}
footnotes:
  one: The **first** note, see <https://note.ca>.
"""


def render(text=MINIMAL, reference=None) -> bytes:
    return writer.render(build(load(text).data, today=date(2021, 6, 1)), reference)


def part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def pairs(data: bytes):
    document = docx.Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in document.paragraphs]


def test_style_and_text_pairs_of_the_minimal_outline():
    assert pairs(render()) == [
        ("Cover Signature", ""),     # the signature's art (test_the_cover_carries_...)
        ("Cover Wordmark", ""),      # the Canada wordmark, in a frame at the page's foot
        ("Cover Department", "Public Safety Canada"),
        ("Title", "Spring 2021 Law Enforcement Roundtable on Drugs"),
        ("Subtitle", "Meeting Summary"),
        ("Cover Details", "March 29, 2021"),
        ("Copyright", "© Her Majesty the Queen in Right of Canada, 2021"),
        ("Heading 1", "Introduction"),
        ("Normal", "The roundtable met once."),
        ("Heading 1", "Plenary Session 1: Trends"),
        ("Normal", "Trends were discussed."),
        ("Heading 1", "Key Outcomes"),
        ("Outcome", "Partners agreed to meet again."),
        ("Heading 1", "Conclusion"),
        ("Normal", "The event concluded."),
    ]


def test_footnotes_are_real_word_footnotes():
    data = render(RICH)
    notes = part(data, "word/footnotes.xml")
    ids = [n.get(f"{{{W}}}id") for n in notes.findall("w:footnote", NS)]
    assert ids == ["-1", "0", "1"]
    text = "".join(notes.xpath("//w:footnote[@w:id='1']//w:t/text()", namespaces=NS))
    assert text == " The first note, see https://note.ca."
    assert notes.xpath("//w:footnote[@w:id='1']//w:footnoteRef", namespaces=NS)
    body = part(data, "word/document.xml")
    refs = body.xpath("//w:footnoteReference/@w:id", namespaces=NS)
    assert refs == ["1"]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        note_rels = z.read("word/_rels/footnotes.xml.rels").decode()
    assert "wordprocessingml.footnotes+xml" in types
    assert 'relationships/footnotes" Target="footnotes.xml"' in rels
    assert 'Target="https://note.ca" TargetMode="External"' in note_rels


def test_links_are_real_hyperlinks():
    data = render(RICH)
    body = part(data, "word/document.xml")
    links = body.xpath("//w:hyperlink[@r:id]", namespaces=NS)
    texts = ["".join(link.xpath(".//w:t/text()", namespaces=NS)) for link in links]
    assert texts == ["the report", "https://example.ca"]
    rels = part(data, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    assert [targets[link.get(f"{{{R}}}id")] for link in links] == [
        "https://canada.ca/report", "https://example.ca"]
    styles = body.xpath("//w:hyperlink[@r:id]//w:rStyle/@w:val", namespaces=NS)
    assert set(styles) == {"Hyperlink"}


def test_numbered_lists_restart_at_one():
    data = render(RICH)
    body = part(data, "word/document.xml")
    num_ids = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='ListNumber']/w:pPr/w:numPr/w:numId/@w:val",
                         namespaces=NS)
    assert len(num_ids) == 4 and num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]
    numbering = part(data, "word/numbering.xml")
    for num_id in set(num_ids):
        start = numbering.xpath(f"//w:num[@w:numId='{num_id}']/w:lvlOverride/w:startOverride/@w:val",
                                namespaces=NS)
        assert start == ["1", "1", "1"]   # every level of each list starts at 1


def test_a_list_style_naming_numbering_the_document_lacks(tmp_path):
    reference = docx.Document(str(ROOT / "templates" / "reference.docx"))
    numbering = reference.part.numbering_part.element
    num_id = reference.styles["List Number"].element.pPr.numPr.numId.val
    numbering.remove(numbering.num_having_numId(num_id))
    house = tmp_path / "house.docx"
    reference.save(str(house))
    data = render(RICH, reference=house)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert not [name for name in z.namelist() if b'w:val="None"' in z.read(name)]
    body = part(data, "word/document.xml")
    assert body.xpath("//w:p[w:pPr/w:pStyle/@w:val='ListNumber']/w:pPr/w:numPr",
                      namespaces=NS) == []   # numbered as the style says, not restarted


def test_nested_lists_use_the_builtin_list_styles():
    styles = [s for s, t in pairs(render(RICH)) if t.startswith("level")]
    assert styles == ["List Bullet", "List Bullet 2", "List Bullet 3"]


def test_a_sub_item_is_a_level_of_its_parents_list():
    data = render(RICH)
    body = part(data, "word/document.xml")
    items = body.xpath("//w:p[starts-with(w:r/w:t, 'level')]", namespaces=NS)
    levels = [(p.xpath("string(w:pPr/w:numPr/w:ilvl/@w:val)", namespaces=NS),
               p.xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS)) for p in items]
    assert [level for level, _ in levels] == ["0", "1", "2"]
    assert len({num for _, num in levels}) == 1
    numbering = part(data, "word/numbering.xml")
    abstract = numbering.xpath(f"string(//w:num[@w:numId='{levels[0][1]}']/w:abstractNumId/@w:val)",
                               namespaces=NS)
    glyphs = numbering.xpath(f"//w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl/w:lvlText/@w:val",
                             namespaces=NS)
    assert glyphs[:3] == ["\u2022", "\u25e6", "\u25aa"]


def test_a_sub_list_whose_parent_style_has_no_numbering(tmp_path):
    """A house reference where List Bullet 2 numbers on its own, at level 0 of its own
    list (as in some Word templates), and List Bullet has no numbering."""
    reference = docx.Document(str(ROOT / "templates" / "reference.docx"))
    reference.styles["List Bullet"].element.pPr.remove(
        reference.styles["List Bullet"].element.pPr.numPr)
    reference.styles["List Bullet 2"].element.pPr.numPr.ilvl.val = 0
    house = tmp_path / "house.docx"
    reference.save(str(house))
    body = part(render(RICH, reference=house), "word/document.xml")
    one, two = (body.xpath(f"//w:p[w:r/w:t='{text}']", namespaces=NS)[0]
                for text in ("level one", "level two"))
    assert one.xpath("w:pPr/w:numPr", namespaces=NS) == []
    assert two.xpath("string(w:pPr/w:numPr/w:ilvl/@w:val)", namespaces=NS) == "0"


def test_word_builtin_styles_keep_words_ids_and_names():
    styles = part(render(RICH), "word/styles.xml")
    names = dict(zip(styles.xpath("//w:style/@w:styleId", namespaces=NS),
                     styles.xpath("//w:style/w:name/@w:val", namespaces=NS)))
    assert {k: names[k] for k in ("TOC1", "TOC2", "FootnoteText", "FootnoteReference", "Hyperlink",
                                  "ListBullet", "ListBullet2", "Heading1", "Title", "Header",
                                  "TOCHeading", "TableGrid")} == {
        "TOC1": "toc 1", "TOC2": "toc 2", "FootnoteText": "footnote text",
        "FootnoteReference": "footnote reference", "Hyperlink": "Hyperlink",
        "ListBullet": "List Bullet", "ListBullet2": "List Bullet 2", "Heading1": "heading 1",
        "Title": "Title", "Header": "header", "TOCHeading": "TOC Heading",
        "TableGrid": "Table Grid"}
    lower = [name.lower() for name in names.values()]
    assert len(lower) == len(set(lower))     # no second "TOC 1" beside Word's "toc 1"
    customs = styles.xpath("//w:style[@w:customStyle='1']/w:name/@w:val", namespaces=NS)
    assert not {"toc 1", "footnote text", "Hyperlink", "List Bullet", "heading 1"} & set(customs)


def test_no_leftovers_of_another_template():
    data = render(RICH)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        app = z.read("docProps/app.xml").decode()
        everything = b"".join(z.read(n) for n in names)
    assert not [n for n in names if "thumbnail" in n or "customXml" in n
                or "stylesWithEffects" in n]
    assert "Macintosh" not in app and b"w14:docId" not in everything
    settings = part(data, "word/settings.xml")
    assert settings.xpath("//w:compatSetting[@w:name='compatibilityMode']/@w:val",
                          namespaces=NS) == ["15"]
    assert settings.xpath("//w:proofState", namespaces=NS) == []


def test_other_language_runs_carry_their_language():
    french = render(MINIMAL.replace("  department: Public Safety Canada\n", """\
  department: Sécurité publique Canada
  department_other: Public Safety Canada
  language: fr
  other_language_title: Spring 2021 Roundtable
"""))
    body = part(french, "word/document.xml")
    marked = {"".join(r.xpath("w:t/text()", namespaces=NS))
              for r in body.xpath("//w:r[w:rPr/w:lang/@w:val='en-CA']", namespaces=NS)}
    notice = build(load(MINIMAL).data).other_notice
    # the signature is art now (its names are in the picture): the notice is the one run
    assert marked == {"Also available in English under the title: Spring 2021 Roundtable"}
    assert notice == "" or notice not in marked   # the English outline's own notice is not it


def test_table_of_contents_is_a_field_with_linked_entries():
    data = render(RICH)
    body = part(data, "word/document.xml")
    instr = "".join(body.xpath("//w:instrText/text()", namespaces=NS))
    assert 'TOC \\o "1-2" \\h \\z \\u' in instr
    anchors = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='TOC1']//w:hyperlink/@w:anchor",
                         namespaces=NS)
    entries = ["".join(p.xpath(".//w:hyperlink/w:r/w:t/text()", namespaces=NS))
               for p in body.xpath("//w:p[w:pPr/w:pStyle/@w:val='TOC1']", namespaces=NS)]
    assert entries == ["Introduction", "Plenary Session 1: Trends", "Key Outcomes", "Conclusion",
                       "Appendix A: Agenda"]
    bookmarks = dict(zip(body.xpath("//w:bookmarkStart/@w:name", namespaces=NS),
                         body.xpath("//w:bookmarkStart/../w:r/w:t/text()", namespaces=NS)))
    assert [bookmarks[a] for a in anchors] == entries
    assert body.xpath("//w:fldChar[@w:fldCharType='begin']/@w:dirty", namespaces=NS)[0] == "true"


def test_language_on_the_styles_and_in_the_properties():
    data = render()
    styles = part(data, "word/styles.xml")
    assert styles.xpath("//w:docDefaults//w:lang/@w:val", namespaces=NS) == ["en-CA"]
    assert set(styles.xpath("//w:style//w:lang/@w:val", namespaces=NS)) == {"en-CA"}
    core = docx.Document(io.BytesIO(data)).core_properties
    assert (core.language, core.title, core.subject, core.author, core.keywords) == (
        "en-CA", "Spring 2021 Law Enforcement Roundtable on Drugs", "Meeting Summary",
        "Public Safety Canada", "Trends")
    assert core.created.isoformat() == "2021-06-01T00:00:00+00:00"


def test_agenda_table_has_a_repeating_header_row():
    body = part(render(RICH), "word/document.xml")
    rows = body.xpath("//w:tbl/w:tr", namespaces=NS)
    assert rows[0].xpath("w:trPr/w:tblHeader", namespaces=NS)
    assert all(r.xpath("w:trPr/w:cantSplit", namespaces=NS) for r in rows)
    grid = body.xpath("//w:tbl/w:tblGrid/w:gridCol/@w:w", namespaces=NS)
    for row in rows:
        assert row.xpath("w:tc/w:tcPr/w:tcW/@w:w", namespaces=NS) == grid
    assert sum(map(int, grid)) <= 12240 - 2 * 1440      # within the margins
    assert ["".join(r.xpath(".//w:t/text()", namespaces=NS)) for r in rows] == [
        "TimeItemSpeakers", "13:00Opening"]


def test_two_tables_in_a_row_stay_two_tables():
    """An agenda's dated items, then its undated ones: two tables, which Word and
    LibreOffice show as one, its header row again in the middle, unless a paragraph parts
    them."""
    text = RICH.replace('      - {time: "13:00", title: Opening}\n',
                        '      - {date: 2021-03-29, time: "9:00", title: Welcome}\n'
                        '      - {time: "13:00", title: Opening}\n')
    body = part(render(text), "word/document.xml").find("w:body", NS)
    tags = [etree.QName(child).localname for child in body]
    first = tags.index("tbl")
    assert tags[first:first + 3] == ["tbl", "p", "tbl"]
    assert body[first + 1].xpath("string(.)") == ""


def test_space_after_a_list_comes_from_the_styles():
    data = render(RICH)
    styles = part(data, "word/styles.xml")
    for style_id in ("ListBullet", "ListBullet2", "ListBullet3", "ListNumber"):
        style = styles.xpath(f"//w:style[@w:styleId='{style_id}']", namespaces=NS)[0]
        assert style.xpath("w:pPr/w:contextualSpacing", namespaces=NS)
        assert int(style.xpath("string(w:pPr/w:spacing/@w:after)", namespaces=NS)) > 0
    body = part(data, "word/document.xml")
    empty = [p for p in body.xpath("/w:document/w:body/w:p", namespaces=NS)
             if not p.xpath(".//w:t | .//w:sectPr | .//w:drawing", namespaces=NS)]
    assert empty == []


def test_no_space_between_an_item_and_an_item_of_another_level():
    """Contextual spacing joins items of one style only: an item followed by a sub-item,
    or a last sub-item followed by its parent's next item, has no space after; the list's
    last item keeps its style's."""
    nested = RICH.replace("              bullets: [level three]\n",
                          "              bullets: [level three]\n        - one again\n")
    body = part(render(nested), "word/document.xml")
    after = {p.xpath("string(w:r/w:t)", namespaces=NS):
             p.xpath("string(w:pPr/w:spacing/@w:after)", namespaces=NS)
             for p in body.xpath("//w:p[w:pPr/w:numPr]", namespaces=NS)}
    assert [after[t] for t in ("level one", "level two", "level three", "one again")] == [
        "0", "0", "0", ""]
    assert after["a"] == "" and after["b"] == ""   # one level: the style's spacing


def test_each_appendix_starts_a_new_page():
    body = part(render(RICH.replace("footnotes:\n", """\
  - title: Organizations
    organizations: [A, B]
footnotes:
""")), "word/document.xml")
    appendices = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Heading1']"
                            "[starts-with(string(.), 'Appendix')]", namespaces=NS)
    assert len(appendices) == 2
    assert all(p.xpath("w:pPr/w:pageBreakBefore", namespaces=NS) for p in appendices)


def test_draft_header_and_page_numbers():
    draft = docx.Document(io.BytesIO(render()))
    assert draft.sections[0].header.paragraphs[0].text == "DRAFT"
    assert draft.sections[1].header.is_linked_to_previous
    footer = draft.sections[1].footer._element
    assert "PAGE" in "".join(footer.xpath(".//w:instrText/text()"))
    final = docx.Document(io.BytesIO(render(MINIMAL.replace(
        "  department: Public Safety Canada\n", "  department: Public Safety Canada\n"
        "  status: final\n"))))
    assert all(p.text == "" for s in final.sections for p in s.header.paragraphs)


def test_rendering_twice_gives_identical_bytes():
    assert render(RICH) == render(RICH)
    # the same bytes because every date in the package is the publication date, not
    # because both renders fell within one two-second tick of the zip clock
    with zipfile.ZipFile(io.BytesIO(render(RICH))) as z:
        assert {info.date_time for info in z.infolist()} == {(2021, 3, 1, 0, 0, 0)}
    properties = part(render(RICH), "docProps/core.xml")
    dates = {e.text for e in properties if e.tag.endswith(("created", "modified"))}
    assert dates == {"2021-03-01T00:00:00Z"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_render(path):
    data = writer.render(build(load(path.read_text(encoding="utf-8")).data))
    assert pairs(data)[0] == ("Cover Signature", "")   # the art, then the words


def refused_reference(tmp_path, change) -> tuple:
    """The default reference document changed by `change(document)`, and the message
    rendering with it is refused with (exit 4)."""
    reference = docx.Document(str(ROOT / "templates" / "reference.docx"))
    change(reference)
    broken = tmp_path / "house.docx"
    reference.save(str(broken))
    with pytest.raises(TemplateError) as info:
        render(reference=broken)
    assert info.value.exit_code == 4
    return broken, info.value.message


def test_reference_document_missing_a_style(tmp_path):
    def drop(reference):
        style = reference.styles["Presenters"].element
        style.getparent().remove(style)
    broken, message = refused_reference(tmp_path, drop)
    assert message == (
        f"{broken}: the reference document lacks the style 'Presenters'; add it in Word "
        "(Styles pane) or start from templates/reference.docx")


def test_reference_document_without_body_page_setup_is_exit_4(tmp_path):
    def drop(reference):
        reference.element.body.remove(reference.element.body.sectPr)
    broken, message = refused_reference(tmp_path, drop)
    assert message == (
        f"{broken}: the reference document's body has no page setup (w:sectPr in "
        "word/document.xml); open it in Word and save it again, or start from "
        "templates/reference.docx")


def test_reference_document_that_is_not_a_docx(tmp_path):
    fake = tmp_path / "house.docx"
    fake.write_text("not a zip")
    with pytest.raises(TemplateError) as info:
        render(reference=fake)
    assert info.value.message == f"{fake}: not a Word document (.docx); a reference document must be one"


def _parts(path) -> dict[str, bytes]:
    """A package's parts, XML ones canonicalized (C14N): compared part by part."""
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith((".xml", ".rels")):
                data = etree.tostring(etree.fromstring(data), method="c14n")
            out[name] = data
    return out


def test_the_reference_document_is_built_by_its_script(tmp_path):
    import importlib.util
    script = ROOT / "templates" / "build_reference.py"
    spec = importlib.util.spec_from_file_location("build_reference", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path / "reference.docx")
    built, committed = _parts(tmp_path / "reference.docx"), _parts(script.parent / "reference.docx")
    assert sorted(built) == sorted(committed)
    assert [name for name in committed if built[name] != committed[name]] == []
    reference = docx.Document(str(script.parent / "reference.docx"))
    assert set(writer.STYLES) <= {s.name for s in reference.styles}


def test_the_writer_uses_python_docx_methods_not_its_private_writers():
    source = "".join(p.read_text(encoding="utf-8")
                     for folder in ("render", "ooxml")
                     for p in (ROOT / "rtdraft" / folder).glob("*.py"))
    for private in ("PackageWriter", "._target", "_write_parts", 'w:abstractNumId w:val="{'):
        assert private not in source, private


def test_the_fip_symbols_are_built_by_their_script_from_the_gc_design_system(tmp_path):
    # node_modules comes from `npm ci` (the README's test command); without it the
    # script stops with a message and the test fails, as a missing tool must in CI.
    import importlib.util
    script = ROOT / "templates" / "build_fip.py"
    spec = importlib.util.spec_from_file_location("build_fip", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path)
    committed = script.parent / "fip"
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["SOURCE.json", "signature-en.png", "signature-en.svg", "signature-fr.png",
                     "signature-fr.svg", "wordmark-en.png", "wordmark-en.svg",
                     "wordmark-fr.png", "wordmark-fr.svg"]
    assert [n for n in names if (tmp_path / n).read_bytes() != (committed / n).read_bytes()] == []
    assert b'<title id="signature-fr-title">Gouvernement du Canada</title>' in (
        committed / "signature-fr.svg").read_bytes()
    assert b'fill="#EB2D37"' in (committed / "wordmark-en.svg").read_bytes()


WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
PIC = {**NS, "wp": WP, "a": A, "asvg": ASVG}


def _frame(p):
    frame = p.find("w:pPr/w:framePr", NS)
    return None if frame is None else \
        {k.split("}")[1]: v for k, v in frame.attrib.items()}


def drawings(data: bytes):
    """(style, docPr id, descr, extent, PNG target, SVG target, frame) of each picture; the
    frame: where its paragraph's w:framePr puts it, if anywhere."""
    document = part(data, "word/document.xml")
    rels = {r.get("Id"): r.get("Target") for r in part(data, "word/_rels/document.xml.rels")}
    out = []
    for drawing in document.iter(f"{{{W}}}drawing"):
        p = next(a for a in drawing.iterancestors(f"{{{W}}}p"))
        style = p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val")
        doc_pr = drawing.find(".//wp:docPr", PIC)
        extent = drawing.find(".//wp:extent", PIC)
        blip = drawing.find(".//a:blip", PIC)
        svg = blip.find("a:extLst/a:ext[@uri='{96DAC541-7B7A-43D3-8B79-37D633B846F1}']"
                        "/asvg:svgBlip", PIC)
        out.append((style, doc_pr.get("id"), doc_pr.get("descr"),
                    (int(extent.get("cx")), int(extent.get("cy"))),
                    rels[blip.get(f"{{{R}}}embed")], rels[svg.get(f"{{{R}}}embed")],
                    _frame(p)))
    return out


@pytest.mark.parametrize("language, signature, wordmark", [
    ("en", "Government of Canada", "Symbol of the Government of Canada"),
    ("fr", "Gouvernement du Canada", "Symbole du gouvernement du Canada"),
])
def test_the_cover_carries_the_signature_and_wordmark_as_svg_with_png_fallback(
        language, signature, wordmark):
    text = MINIMAL.replace("  department: Public Safety Canada\n",
                           f"  department: Public Safety Canada\n  language: {language}\n")
    data = render(text)
    assert drawings(data) == [
        # 0.95 and 1.27 cm high, as wide as the view boxes say (819 x 78, 143 x 34)
        ("CoverSignature", "1", signature, (3591000, 342000), "media/signature.png",
         "media/signature.svg", None),
        # at the foot of the cover, on the right, text kept 0.95 cm (539 twips) away
        ("CoverWordmark", "2", wordmark, (1922929, 457200), "media/wordmark.png",
         "media/wordmark.svg", {"wrap": "notBeside", "vAnchor": "margin", "hAnchor": "margin",
                                "xAlign": "right", "yAlign": "bottom", "vSpace": "539"}),
    ]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = z.read("[Content_Types].xml").decode()
        # the parts are the packaged art of the outline's language, byte for byte
        fip = ROOT / "templates" / "fip"
        assert z.read("word/media/signature.svg") == (fip / f"signature-{language}.svg").read_bytes()
        assert z.read("word/media/signature.png") == (fip / f"signature-{language}.png").read_bytes()
        assert z.read("word/media/wordmark.png") == (fip / f"wordmark-{language}.png").read_bytes()
    assert 'PartName="/word/media/signature.svg" ContentType="image/svg+xml"' in types
    assert 'PartName="/word/media/wordmark.png" ContentType="image/png"' in types


def test_python_docx_sees_two_pictures_of_the_right_size():
    document = docx.Document(io.BytesIO(render()))
    assert [(s.width.cm, s.height.cm) for s in document.inline_shapes] == [
        (pytest.approx(9.975), pytest.approx(0.95)), (pytest.approx(5.3415, abs=0.001), pytest.approx(1.27))]
    images = sorted(str(p.partname) for p in document.part.package.iter_parts()
                    if str(p.partname).startswith("/word/media/"))
    assert images == ["/word/media/signature.png", "/word/media/signature.svg",
                      "/word/media/wordmark.png", "/word/media/wordmark.svg"]


def test_mammoth_gives_each_symbol_as_an_image_with_its_alt_text():
    import mammoth
    html = mammoth.convert_to_html(io.BytesIO(render())).value
    assert re.findall(r'<img alt="([^"]*)" src="data:image/png;base64,', html) == [
        "Government of Canada", "Symbol of the Government of Canada"]
