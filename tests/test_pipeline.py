"""read -> validate -> normalise -> build, in one place (rtdraft/pipeline.py)."""

import ast

from support.outlines import MINIMAL, ROOT, load

from rtdraft import pipeline


def test_a_valid_outline_is_handed_on_with_its_defaults_filled_in():
    source = load(MINIMAL)
    assert "kind" not in source.data["sessions"][0]
    outline = pipeline.check(source)
    assert (outline.valid, outline.problems) == (True, [])
    data = outline.source.data
    assert data["sessions"][0]["kind"] == "plenary"
    assert {k: data["publication"][k] for k in ("language", "status", "toc")} == {
        "language": "en", "status": "draft", "toc": False}
    assert data["meeting"]["virtual"] is False
    assert "kind" not in source.data["sessions"][0]       # the Source given is as it was
    assert outline.source.places is source.places         # every value keeps its place
    document = pipeline.build(outline)
    assert [h.text for h in document.headings][:2] == ["Introduction",
                                                     "Plenary Session 1: Trends"]
    assert document.texts[0].line > 0


def test_an_invalid_outline_is_not_normalised_nor_built():
    broken = pipeline.check(load(MINIMAL.replace("  host: Public Safety Canada\n", "")))
    assert not broken.valid and broken.problems != []
    assert "kind" not in broken.source.data["sessions"][0]


def test_read_takes_a_file_through_it(tmp_path):
    path = tmp_path / "spring.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    outline = pipeline.read(str(path))
    assert outline.valid and outline.source.file == str(path)


def test_the_model_is_built_from_validated_data_in_one_place():
    """Commands and the preview build through pipeline.build; lint builds for itself only
    when it is not given the document (its own tests)."""
    builders = set()
    for path in (ROOT / "rtdraft").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("model") \
                    and any(a.name == "build" for a in node.names):
                builders.add(str(path.relative_to(ROOT / "rtdraft")))
            if isinstance(node, ast.Attribute) and node.attr == "build" and \
                    isinstance(node.value, ast.Name) and node.value.id == "model":
                builders.add(str(path.relative_to(ROOT / "rtdraft")))
    assert builders == {"pipeline.py", "lint/__init__.py"}
