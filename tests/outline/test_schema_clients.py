"""Two real clients of the JSON Schema agree with `rtdraft validate`.

check-jsonschema (Python, the pre-commit world) and ajv in strict mode (JavaScript,
the YAML language server's world, with the `yaml` package as a YAML 1.2 loader)
read the published schema and the same outlines the tests already use: the
examples and the reference's example, which validate accepts, and the
structurally invalid outlines, which it refuses.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.outlines import EXAMPLES, INVALID, MINIMAL, ROOT, VALID, load, reference_example

from rtdraft.outline.validate import validate

SCHEMA_FILE = ROOT / "schema" / "rtdraft-1.schema.json"
AJV_CHECK = ROOT / "tests" / "js" / "ajv_check.mjs"


def outlines() -> dict[str, str]:
    out = {f"valid-{i}": text for i, text in enumerate(VALID.values())}
    out |= {f"example-{p.stem}": p.read_text(encoding="utf-8") for p in EXAMPLES}
    out["docs-example"] = reference_example()
    out |= {f"invalid-{i}": text for i, text in enumerate(INVALID.values())}
    return out


OUTLINES = outlines()


def verdicts_of_validate() -> dict[str, bool]:
    return {name: validate(load(text)) == [] for name, text in OUTLINES.items()}


def test_the_outlines_cover_both_verdicts():
    verdicts = verdicts_of_validate()
    assert sum(verdicts.values()) == len(VALID) + len(EXAMPLES) + 1
    assert list(verdicts.values()).count(False) == len(INVALID)


def test_check_jsonschema_agrees_with_validate(tmp_path):
    command = Path(sys.executable).parent / "check-jsonschema"
    assert command.exists(), "check-jsonschema is a test requirement: pip install -e '.[test]'"
    files = []
    for name, text in OUTLINES.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
        files.append(f"{name}.yaml")
    result = subprocess.run([str(command), "--schemafile", str(SCHEMA_FILE), "-o", "json",
                             *files], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120, check=False)
    report = json.loads(result.stdout)
    assert report["parse_errors"] == []
    failing = {Path(e["filename"]).stem for e in report["errors"]}
    assert {name: name not in failing for name in OUTLINES} == verdicts_of_validate()


@pytest.mark.system
def test_ajv_strict_compiles_the_schema_and_agrees_with_validate():
    node = shutil.which("node")
    assert node, "node is needed (Debian package nodejs)"
    assert (ROOT / "node_modules" / "ajv").is_dir(), "run `npm ci` at the repository root"
    request = json.dumps({"schema": str(SCHEMA_FILE), "outlines": OUTLINES})
    result = subprocess.run([node, str(AJV_CHECK)], input=request, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr   # strict mode refuses a schema by throwing
    results = json.loads(result.stdout)["results"]
    assert {name: errors == [] for name, errors in results.items()} == verdicts_of_validate()


@pytest.mark.system
def test_ajv_reads_yaml_1_2():
    """`host: no` is text to validate; a YAML 1.1 loader would make it false and fail it."""
    text = MINIMAL.replace("  host: Public Safety Canada", "  host: no")
    assert validate(load(text)) == []
    request = json.dumps({"schema": str(SCHEMA_FILE), "outlines": {"no": text}})
    result = subprocess.run(["node", str(AJV_CHECK)], input=request, capture_output=True,
                            text=True, timeout=120, check=False)
    assert json.loads(result.stdout)["results"] == {"no": []}
