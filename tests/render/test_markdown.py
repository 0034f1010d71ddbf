"""The Markdown writer: metadata, escaping that pandoc reads back as written, templates."""

import json
import subprocess
from datetime import date

import pytest
from support.outlines import MINIMAL, build, load
from support.readers import need

from rtdraft.errors import TemplateError
from rtdraft.render import markdown

TRICKY = "Breakout #2: a_b 2 * 3 * 4 <b>x</b> {{ name }} & $5 -- 1. \"q\" 'a' ... \\ | @cite ^sup~ [x]"


def render(text=MINIMAL, template_dir=None) -> str:
    return markdown.render(build(load(text).data, today=date(2021, 6, 1)), template_dir).decode()


def pandoc_json(text: str) -> dict:
    need("pandoc")
    result = subprocess.run(["pandoc", "-f", "markdown", "-t", "json"], input=text,
                            capture_output=True, check=False, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def stringify(node) -> str:
    """The text pandoc sees in a JSON AST fragment."""
    if isinstance(node, list):
        return "".join(stringify(n) for n in node)
    if not isinstance(node, dict):
        return ""
    kind, content = node.get("t"), node.get("c")
    if kind == "Str":
        return content
    if kind in ("Space", "SoftBreak"):
        return " "
    if kind == "Quoted":
        quote = '"' if content[0]["t"] == "DoubleQuote" else "'"
        return quote + stringify(content[1]) + quote
    if kind in ("Link", "Span", "Image"):
        return stringify(content[1])
    if kind == "Note":
        return ""
    if kind in ("Emph", "Strong", "Para", "Plain"):
        return stringify(content)
    if kind == "Header":
        return stringify(content[2])
    if kind == "MetaInlines":
        return stringify(content)
    return f"<{kind}>"


def test_metadata_block():
    text = render()
    assert text.startswith('---\ntitle: "Spring 2021 Law Enforcement Roundtable on Drugs"\n'
                           'subtitle: "Meeting Summary"\nlang: "en-CA"\ndate: "June 1, 2021"\n---\n')
    meta = pandoc_json(text)["meta"]
    assert stringify(meta["title"]) == "Spring 2021 Law Enforcement Roundtable on Drugs"
    assert stringify(meta["lang"]) == "en-CA"


def test_every_character_comes_out_as_written():
    outline = MINIMAL.replace("    - The roundtable met once.\n",
                              "    - " + json.dumps(TRICKY) + "\n").replace(
        "  - title: Trends\n", "  - title: " + json.dumps(TRICKY) + "\n")
    ast = pandoc_json(render(outline))
    blocks = ast["blocks"]
    paragraphs = [stringify(b) for b in blocks if b["t"] == "Para"]
    assert TRICKY in paragraphs
    headers = [stringify(b) for b in blocks if b["t"] == "Header"]
    assert f"Plenary Session 1: {TRICKY}" in headers
    assert not any(b["t"] in ("RawBlock", "CodeBlock", "OrderedList") for b in blocks[:6])


def test_paragraph_that_looks_like_a_list_stays_a_paragraph():
    outline = MINIMAL.replace("    - The roundtable met once.\n",
                              "    - \"1. Not a list\"\n    - \"- Not a bullet\"\n    - \"# Not a heading\"\n")
    ast = pandoc_json(render(outline))
    texts = [stringify(b) for b in ast["blocks"] if b["t"] == "Para"]
    assert {"1. Not a list", "- Not a bullet", "# Not a heading"} <= set(texts)


def test_footnotes_links_lists():
    outline = MINIMAL.replace("    - The roundtable met once.\n", """\
    - See [the *report*](https://canada.ca/r?a=1&b=2)[^n] and <https://example.ca>.
    - numbered: [a, b]
    - numbered: [c, d]
    - bullets:
        - text: top
          numbered: [inner]
""") + "footnotes:\n  n: A note.\n"
    text = render(outline)
    assert "See [the *report*](https://canada.ca/r?a=1&b=2)[^1] and <https://example.ca>." in text
    assert "1. a\n2. b\n\n<!-- end of list -->\n\n1. c\n2. d" in text
    assert "- top\n    1. inner" in text
    assert text.endswith("[^1]: A note.\n")
    blocks = pandoc_json(text)["blocks"]
    lists = [b for b in blocks if b["t"] == "OrderedList"]
    assert [l["c"][0][0] for l in lists] == [1, 1]   # both start at 1


def test_template_dir_overrides_a_template(tmp_path):
    (tmp_path / "summary.md.j2").write_text("# {{ doc.title }}\n{{ meta.lang }}\n")
    assert render(template_dir=tmp_path) == ("# Spring 2021 Law Enforcement Roundtable on Drugs\n"
                                             '"en-CA"\n')


def test_undefined_template_variable_is_a_template_error(tmp_path):
    (tmp_path / "summary.md.j2").write_text("{{ doc.nothing_here }}\n")
    with pytest.raises(TemplateError) as info:
        render(template_dir=tmp_path)
    assert info.value.exit_code == 4
    assert "template error" in info.value.message


def test_template_reaching_for_python_internals_is_refused(tmp_path):
    (tmp_path / "summary.md.j2").write_text("{{ doc.__class__.__mro__ }}\n")
    with pytest.raises(TemplateError) as info:
        render(template_dir=tmp_path)
    assert info.value.exit_code == 4


def test_template_syntax_error_names_file_and_line(tmp_path):
    (tmp_path / "summary.md.j2").write_text("line\n{% if %}\n")
    with pytest.raises(TemplateError) as info:
        render(template_dir=tmp_path)
    assert info.value.message.startswith(f"{tmp_path / 'summary.md.j2'}:2: template error:")


def test_headings_starting_with_a_digit_are_headings_to_pandoc():
    outline = MINIMAL.replace("  dates: 2021-03-29\n", "  dates: [2021-03-29, 2021-03-30]\n") + \
        "appendices:\n  - title: Ordre du jour\n    agenda:\n" \
        "      - {date: 2021-03-29, title: Ouverture}\n      - {date: 2021-03-30, title: Fin}\n"
    outline = outline.replace("  department: Public Safety Canada\n",
                              "  department: Public Safety Canada\n  language: fr\n")
    text = render(outline)
    assert "## 29 mars 2021 {#mars-2021}" in text and "## 30 mars 2021 {#mars-2021-1}" in text
    headers = [b for b in pandoc_json(text)["blocks"] if b["t"] == "Header"]
    assert [(h["c"][1][0], stringify(h)) for h in headers if h["c"][0] == 2] == [
        ("mars-2021", "29 mars 2021"), ("mars-2021-1", "30 mars 2021")]
