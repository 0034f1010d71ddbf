"""Readable ids for parametrized tests (a pytest hook, taken into tests/conftest.py)."""

import unicodedata


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
