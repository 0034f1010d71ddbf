"""Writing files so that nothing the user had is lost: all or nothing, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    path = Path(path)
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except OSError as exc:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create folder {folder}: {exc.strerror or exc}") from None


def targets_for(outline: Path, suffixes: dict[str, str], output: Path | None) -> dict[str, Path]:
    """Where each format goes: beside the outline, into the folder `output`, or, with one
    format and an `output` that is not a folder, to that file."""
    if output is not None and not output.is_dir() and len(suffixes) == 1:
        make_folder(output.parent)
        return {name: output for name in suffixes}
    folder = output if output is not None else outline.parent
    make_folder(folder)
    return {name: folder / (outline.stem + suffix) for name, suffix in suffixes.items()}


def write_all(files: dict[Path, bytes]) -> None:
    """Write several files all or none: each goes to its temporary file first, and only when
    every one is complete are they renamed into place."""
    # A first version: the checks against inputs and special files are issue 12's.
    for path, data in files.items():
        write_atomic(path, data)
