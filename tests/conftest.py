"""Fixtures and options for every test (the shared helpers are in support/)."""

import pytest
from support import profiles  # noqa: F401   registers and loads the hypothesis profile
from support.cli import run
from support.ids import pytest_make_parametrize_id  # noqa: F401   readable test ids
from support.outlines import EXAMPLES, MINIMAL, ROOT


@pytest.fixture
def minimal() -> str:
    return MINIMAL


@pytest.fixture
def outline(tmp_path, monkeypatch):
    """The minimal outline as spring.yaml, in a fresh folder that is the working folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spring.yaml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path / "spring.yaml"


@pytest.fixture(scope="session")
def rendered_examples(tmp_path_factory):
    """Every example rendered once per session, as `rtdraft render` writes it: NAME.docx,
    NAME.md and NAME.html side by side in one folder. Read them; do not change them."""
    folder = tmp_path_factory.mktemp("examples")
    result = run("render", *EXAMPLES, "--format", "docx,md,html", "--output", folder)
    assert result.exit_code == 0, result.output
    return folder


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite the golden files in tests/golden/ from today's output "
                          "(then review them in the diff).")


@pytest.fixture
def golden(request):
    """golden(name, text): compare text with tests/golden/name, or rewrite it with
    --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if update:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; run pytest --update-golden"
        assert text == path.read_text(encoding="utf-8"), \
            f"{name} differs from its golden file; if the change is right, run pytest " \
            "--update-golden and review the diff"
    return check

