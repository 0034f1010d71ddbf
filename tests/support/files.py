"""Files made wrong on purpose, for the readers of untrusted input."""

import struct
from pathlib import Path


def lie_about_size(path: Path, part: str, size: int) -> None:
    """Make the zip at `path` state `size` as `part`'s uncompressed size, in its central
    directory and in its local header: a directory that lies."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    central = data.rfind(b"PK\x01\x02", 0, data.rindex(name))
    struct.pack_into("<I", data, central + 24, size)
    local = data.rfind(b"PK\x03\x04", 0, data.index(name))
    struct.pack_into("<I", data, local + 22, size)
    path.write_bytes(bytes(data))
