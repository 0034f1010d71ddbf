"""Where the default templates are: installed as package data, or in a checkout's templates/."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "templates"


def default_path(name: str) -> Path:
    try:
        installed = Path(str(resources.files("rtdraft.templates") / name))
        if installed.exists():
            return installed
    except ModuleNotFoundError:
        pass
    return _CHECKOUT / name


def default_dir() -> Path:
    return default_path("summary.md.j2").parent
