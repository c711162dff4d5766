"""Writing files so that a reader never sees half a file: a temporary file, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A concurrent reader sees the old file or the new one, never a part; a crash leaves the old
    file in place. The temporary file is removed when writing fails. The file gets the mode a
    plain ``open(path, "w")`` would give (``0o666`` less the umask), not ``mkstemp``'s private
    ``0o600``, so a web server running as another user can read the built site.
    """
    target = Path(path)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    """:func:`write_bytes_atomic` for text."""
    return write_bytes_atomic(path, text.encode(encoding))
