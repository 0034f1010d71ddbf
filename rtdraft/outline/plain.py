"""How rtdraft reads a plain (unquoted) YAML scalar: YAML 1.2's core schema. Its own
module so that both the reader (source) and the writer (yaml_writer) use it, neither
importing the other."""

from __future__ import annotations

import re
from typing import Any

NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
INT = re.compile(r"^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$")
FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


def resolve_plain(text: str) -> Any:
    """A plain scalar by YAML 1.2's core schema (no yes/no/on/off, no 13:00, no dates)."""
    if NULL.match(text):
        return None
    if text in BOOL:
        return BOOL[text]
    if INT.match(text):
        return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
    if FLOAT.match(text) and any(c.isdigit() for c in text):
        return float(text)
    if text in (".inf", "+.inf", ".Inf", "+.Inf", ".INF", "+.INF"):
        return float("inf")
    if text in ("-.inf", "-.Inf", "-.INF"):
        return float("-inf")
    return text
