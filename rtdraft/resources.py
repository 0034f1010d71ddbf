"""Where the default templates are: installed as package data (rtdraft/templates), or in
a checkout's templates/. Found by path: importlib.resources would cost more at start-up
than the whole lookup."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
_PLACES = (_HERE / "templates", _HERE.parent / "templates")   # installed, then checkout


def default_path(name: str) -> Path:
    for folder in _PLACES:
        if (folder / name).exists():
            return folder / name
    return _PLACES[-1] / name


def default_dir() -> Path:
    return default_path("summary.md.j2").parent
