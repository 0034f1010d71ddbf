"""The house as drawn: rtdraft's folders are the stages its data flows through, and a
module imports only from the layers below its own (or from its own folder). Imports made
inside functions count too: a lazy import that runs back up is still a tie back up.

Read from the source with ast, so a new module or an import that breaks the drawing fails
here, naming the file, the line and both layers."""

import ast
from pathlib import Path

import pytest
from support.outlines import ROOT

PACKAGE = ROOT / "rtdraft"

# A room is a folder, or a few modules of the package's top that belong together; inside a
# room modules may import each other (but not in a loop).
ROOMS = {
    "ground": ["rtdraft.errors", "rtdraft.problems", "rtdraft.output", "rtdraft.resources"],
    "languages": ["rtdraft.languages"],
    "ooxml": ["rtdraft.ooxml"],
    "document": ["rtdraft.document"],
    "outline": ["rtdraft.outline"],
    "pipeline": ["rtdraft.pipeline"],
    "lint": ["rtdraft.lint"],
    "render": ["rtdraft.render"],
    "office": ["rtdraft.office"],
    "importer": ["rtdraft.importer"],
    "commands": ["rtdraft.commands"],
    "face": ["rtdraft.cli", "rtdraft.entry", "rtdraft.__main__"],
}
# Bottom to top. Rooms on one layer are siblings: neither imports the other.
LAYERS = [
    ["ground"],
    ["languages", "ooxml"],
    ["document"],
    ["outline"],
    ["pipeline"],
    ["lint", "render"],
    ["office", "importer"],
    ["commands"],
    ["face"],
]
# Scripts LibreOffice's own Python runs (office.process starts them): they import no rtdraft.
OUTSIDE = ("rtdraft.office.uno",)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))
           if not module_name(p).startswith(OUTSIDE)}


def room(name: str) -> str | None:
    """The room a module stands in."""
    return next((r for r, prefixes in ROOMS.items() for prefix in prefixes
                 if name == prefix or name.startswith(prefix + ".")), None)


def layer(name: str) -> int:
    return next(i for i, rooms in enumerate(LAYERS) if room(name) in rooms)


def imports(name: str) -> list[tuple[int, str]]:
    """(line, module) for every rtdraft module `name` imports, at any depth of its code."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("rtdraft")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "rtdraft":
                continue
            for alias in node.names:   # `from . import x` imports the module x
                full = f"{target}.{alias.name}"
                found.append((node.lineno, full if full in MODULES else target))
    return found


GRAPH = {name: sorted({target for _, target in imports(name)} - {name}) for name in MODULES}


def test_every_module_stands_in_a_room():
    assert [name for name in MODULES if name != "rtdraft" and room(name) is None] == []


def test_at_most_ten_layers_and_every_room_on_one():
    assert len(LAYERS) <= 10
    assert sorted(r for rooms in LAYERS for r in rooms) == sorted(ROOMS)


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n != "rtdraft"))
def test_imports_run_down_only(name):
    """A module imports from a lower layer, or from its own room; never up, never sideways."""
    wrong = []
    for line, target in imports(name):
        if target == "rtdraft" or room(target) == room(name):
            continue
        assert target in MODULES, f"{MODULES[name]}:{line}: no module {target}"
        if layer(target) >= layer(name):
            wrong.append(f"{MODULES[name].relative_to(ROOT)}:{line}: {room(name)} (layer "
                         f"{layer(name) + 1}) imports {target} (layer {layer(target) + 1})")
    assert wrong == []


def test_no_circle():
    """No modules import each other in a loop, inside a room either."""
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(v):   # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in GRAPH:
        if v not in index:
            visit(v)
    assert circles == []


def test_the_check_sees_the_imports():
    """The walk over imports finds what it must: the model reads inline markup below it,
    and the writers import the model."""
    assert "rtdraft.document.inline" in GRAPH["rtdraft.document.model"]
    assert "rtdraft.document.model" in GRAPH["rtdraft.render.docx"]
    assert layer("rtdraft.render.docx") > layer("rtdraft.document.model")


def test_only_the_face_prints():
    """Stages take values and return values: click (which prints and exits) is imported by
    cli and by errors (its exceptions are click's), print() called only by the face and
    `python -m rtdraft.lint` (which writes docs/lint.md)."""
    clicks, prints = set(), set()
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import) and any(a.name == "click" for a in node.names) \
                    or isinstance(node, ast.ImportFrom) and (node.module or "") == "click":
                clicks.add(name)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                prints.add(name)
    assert clicks == {"rtdraft.cli", "rtdraft.errors"}
    assert prints <= {"rtdraft.entry", "rtdraft.lint.__main__"}


def test_the_readme_draws_the_same_layers():
    """README, "How the code is laid out": the table, top to bottom, is LAYERS."""
    import re
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("### How the code is laid out", 1)[1].split("\n\n")[2]
    drawn = [set(re.findall(r"`([^`]+)`", row.split("|")[2]))
             for row in table.splitlines()[2:]]

    def shown(prefix: str) -> str:
        relative = prefix.removeprefix("rtdraft.").replace(".", "/")
        return relative + "/" if (PACKAGE / relative).is_dir() else relative + ".py"

    expected = [{shown(p) for room in rooms for p in ROOMS[room]} for rooms in LAYERS]
    assert drawn == expected[::-1]
