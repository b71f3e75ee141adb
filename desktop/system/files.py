"""Private files: the data folder is 0700 and every file Ebb writes is 0600.

Files are created with their final mode before anything writes to them, so there is
no moment at which another user could open them.
"""

from __future__ import annotations

import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it 0700."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix" and (path.stat().st_mode & 0o777) != DIR_MODE:
        path.chmod(DIR_MODE)
    return path


def create_private_file(path: Path) -> bool:
    """Create an empty 0600 file if none exists. Returns True if it was created."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def open_private_for_writing(path: Path) -> int:
    """Open ``path`` for writing, created 0600 (truncating an existing file)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    if os.name == "posix":
        os.fchmod(fd, FILE_MODE)
    return fd


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a 0600 file atomically (temporary file, fsync, rename)."""
    temporary = path.with_name(f".{path.name}.tmp{os.getpid()}")
    fd = open_private_for_writing(temporary)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
