"""Fixtures and options for every test (the shared helpers are in support/)."""

import unicodedata

import pytest
from support import profiles  # noqa: F401   registers and loads the hypothesis profile
from support.cli import run
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


def pytest_make_parametrize_id(config, val, argname):
    """A readable id for a parametrized string holding a backslash, a control character or
    a letter outside ASCII: pytest escapes those, and an escaped id cannot be named back
    on the command line, which is how mutmut runs the tests that reach a mutant."""
    if isinstance(val, bytes):
        val = val.decode("latin-1")
    if not isinstance(val, str) or all(" " <= ch <= "~" and ch != "\\" for ch in val):
        return None
    return "".join(ch if " " <= ch <= "~" and ch != "\\" else "{" + _char_name(ch) + "}"
                   for ch in val)


SHORT_NAMES = {"\\": "backslash", "\n": "newline", "\t": "tab", "\r": "return"}


def _char_name(ch: str) -> str:
    if ch in SHORT_NAMES:
        return SHORT_NAMES[ch]
    return unicodedata.name(ch, f"U+{ord(ch):04X}").lower().replace(" ", "-")
