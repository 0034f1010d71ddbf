"""Writing files so that nothing the user had is lost: all or nothing, never half.

An output is never one of the inputs (the same file, also through a symbolic or a hard
link), and a special file (a character device such as /dev/null, a FIFO) is written
into, never renamed over: the rename that makes a regular file's update atomic would
replace the device with a regular file. So is a symbolic link, unless it leads to a
regular file in its own folder (then that file is replaced, and the link kept): the
rename would replace the link itself, and for /dev/stdout (a link into /proc) as root,
every later writer to /dev/stdout would write into that file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError


def write_atomic(path: Path, data: bytes, inputs: Iterable[Path] = ()) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    write_all({Path(path): data}, inputs=inputs)


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:   # a file, or a link to nothing or in a loop
        kind = "a link that leads to no folder" if os.path.islink(exc.filename) else "a file"
        raise OutputError(f"cannot create folder {folder}: {exc.filename} is {kind}") from None
    except OSError as exc:
        raise OutputError(f"cannot create folder {folder}: {exc.strerror or exc}") from None


def targets_for(outline: Path, suffixes: dict[str, str], output: Path | None,
                one_file: bool = False) -> dict[str, Path]:
    """Where each format goes: beside the outline, into the folder `output`, or, when the
    caller found that `output` names one file (see `names_one_file`), to that file."""
    if output is not None and one_file and len(suffixes) == 1:
        make_folder(output.parent)
        return {name: output for name in suffixes}
    folder = output if output is not None else outline.parent
    make_folder(folder)
    return {name: folder / (outline.stem + suffix) for name, suffix in suffixes.items()}


def names_one_file(output: str, outlines: int, formats: int) -> bool:
    """Whether -o names the one file to write rather than a folder to write into: only for
    one outline in one format, and not when it is a folder or ends with a slash (`-o new/`
    makes the folder new)."""
    return (outlines == 1 and formats == 1 and not output.endswith(("/", os.sep))
            and not os.path.isdir(output))   # False for a name too long (Path's raises)


def write_all(files: dict[Path, bytes], inputs: Iterable[Path] = ()) -> None:
    """Write several files all or none: each goes to its temporary file first, and only when
    every one is complete are they renamed into place. Nothing is written when any target
    is an input or cannot take the output."""
    files = {Path(path): data for path, data in files.items()}
    inputs = [Path(p) for p in inputs]
    special = []
    named: dict[Path, Path] = {}   # the file each name resolves to: two names, one file
    renamed: dict[Path, Path] = {}   # the name each output is renamed to
    for path in files:
        refuse_input(path, inputs)
        first = named.setdefault(resolved(path), path)
        if first is not path:
            raise OutputError(f"refusing to write {path}: it is the same file as {first}, "
                              "which this command also writes")
        if _is_special(path):
            special.append(path)
        else:
            into = _link_destination(path)
            if into is None:
                special.append(path)
            else:
                renamed[path] = into
    temps: dict[Path, str] = {}
    try:
        for path, data in files.items():
            if path not in special:
                temps[renamed[path]] = _temporary(renamed[path], data)
        for path in special:
            _write_into(path, files[path])
    except BaseException:   # an OutputError, or Ctrl-C: nothing is left behind
        _remove(temps.values())
        raise
    _move_in(temps)


def _move_in(temps: dict[Path, str]) -> None:
    """Rename every temporary file into place; when one rename fails, put back what the
    ones before it replaced (kept as hard links until all are in place)."""
    done: list[tuple[Path, str | None]] = []
    try:
        for path, temp in temps.items():
            done.append((path, _keep_old(path)))
            os.replace(temp, path)
    except BaseException as exc:   # Ctrl-C too: all or none still holds
        for replaced, old in done[:-1]:
            try:
                if old:
                    os.replace(old, replaced)
                else:
                    os.unlink(replaced)
            except OSError:
                pass
        _remove([old for _, old in done[-1:] if old])
        _remove(temps.values())
        if not isinstance(exc, OSError):
            raise
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    _remove([old for _, old in done if old])


def _keep_old(path: Path) -> str | None:
    """A hard link to the file at path, if there is one, to put back on failure."""
    if not path.is_file():
        return None
    keep = path.parent / f".{path.name}.{os.getpid()}.old.tmp"
    try:
        os.link(path, keep)
    except OSError:
        return None
    return str(keep)


def resolved(path: Path) -> Path:
    """The file an output name stands for, links followed; an OutputError for a loop."""
    try:
        return path.resolve()
    except RuntimeError:   # a loop of symbolic links, as Python before 3.13 says it
        raise OutputError(f"cannot write {path}: Too many levels of symbolic links") from None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def same_file(first: Path, second: Path) -> bool:
    """Whether both name one existing file (os.path.samefile: also through links)."""
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):   # either does not exist (yet): not the same file
        return False


def refuse_input(path: Path, inputs: Iterable[Path]) -> None:
    """An OutputError when `path` is one of the inputs (the same file, also through
    links)."""
    for source in inputs:
        if same_file(path, source):
            what = "the input itself" if path == source else f"the same file as the input {source}"
            raise OutputError(f"refusing to write {path}: it is {what}; give another output "
                              "(-o)")


def _is_special(path: Path) -> bool:
    """False for a regular file (or none yet); True for a character device or a FIFO,
    which are written into; an OutputError for what cannot take a file's content."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    if stat.S_ISREG(mode):
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    kind = ("Is a directory" if stat.S_ISDIR(mode) else "it is a socket" if stat.S_ISSOCK(mode)
            else "it is a block device" if stat.S_ISBLK(mode) else "it is not a regular file")
    raise OutputError(f"cannot write {path}: {kind}")


def _link_destination(path: Path) -> Path | None:
    """The name to rename the new file to: path itself when it is no link; for a link, the
    regular file (or none yet) it leads to in the link's own folder; None (write into it)
    for a link that passes through /proc or /dev, or leads anywhere else."""
    if not os.path.islink(path):
        return path
    folder, hop = resolved(path.parent), Path(os.path.abspath(path))   # out.md: from its folder
    for _ in range(40):   # the kernel's own limit on links in a row
        if not os.path.islink(hop):
            break
        hop = Path(os.path.join(os.path.dirname(hop), os.readlink(hop)))
        if os.path.normpath(hop).startswith(("/proc/", "/dev/")):
            return None
    target = resolved(path)
    if target.parent != folder or (target.exists() and not target.is_file()):
        return None
    return target


def _temporary(path: Path, data: bytes) -> str:
    try:
        # a part of the name only: a name of up to 255 bytes must still have a temporary
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:64]}.",
                                    suffix=".tmp")
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
    except BaseException as exc:   # Ctrl-C too: the temporary goes
        _remove([temp])
        if not isinstance(exc, OSError):
            raise
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    return temp


def _write_into(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _remove(temps: Iterable[str]) -> None:
    for temp in temps:
        try:
            os.unlink(temp)
        except OSError:
            pass
