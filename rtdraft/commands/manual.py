"""`rtdraft docs`: the documentation that comes with an install, not only with a checkout.

docs/*.md are installed as package data (rtdraft/docs); in a checkout they are
read from docs/ itself.
"""

from __future__ import annotations

from pathlib import Path

from ..resources import default_path

_HERE = Path(__file__).resolve().parent.parent   # rtdraft/
_PLACES = (_HERE / "docs", _HERE.parent / "docs")   # installed, then checkout


def folder() -> Path:
    for place in _PLACES:
        if (place / "outline.md").is_file():
            return place
    return _PLACES[-1]


def topics() -> dict[str, str]:
    """Each topic's name and title (its first heading), in name order."""
    out = {}
    for path in sorted(folder().glob("*.md")):
        first = path.read_text(encoding="utf-8").partition("\n")[0]
        out[path.stem] = first.lstrip("# ").strip()
    return out


def text(topic: str) -> str | None:
    path = folder() / f"{topic}.md"
    if topic not in topics():
        return None
    return path.read_text(encoding="utf-8")


def listing() -> str:
    known = topics()
    width = max(map(len, known), default=0)
    lines = [f"{name:<{width}}  {title}" for name, title in known.items()]
    lines += ["", "Read one with: rtdraft docs TOPIC",
              f"The files: {folder()}",
              ("The default reference document (copy it to change the styles): "
               f"{default_path('reference.docx')}")]
    return "\n".join(lines) + "\n"
