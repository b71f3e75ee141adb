"""Storage failures (a full disk, a read-only folder, permissions) in words a user can
act on, for the command line and the app alike."""

from __future__ import annotations

from pathlib import Path


class JournalUnreadable(Exception):
    """The journal file exists but Ebb will not open it; the file was left untouched."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def _nearly_full(folder: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


def _read_only(folder: Path) -> bool:
    import os

    # access(2) answers EROFS for a read-only mount even to root.
    return folder.exists() and not os.access(folder, os.W_OK)


def storage_problem(exc: BaseException, folder: Path) -> str:
    """A storage error in words a user can act on (SQLite's own words are often vague:
    a full disk can come back as "disk I/O error", a read-only folder as "unable to open")."""
    import errno

    text = str(exc)
    code = exc.errno if isinstance(exc, OSError) else None
    if code == errno.ENOSPC or "disk is full" in text or ("disk I/O error" in text and _nearly_full(folder)):
        return "the disk is full (free some space and try again)"
    if code == errno.EROFS or "readonly" in text or "read-only" in text or _read_only(folder):
        return "the data folder is read-only"
    if code in (errno.EACCES, errno.EPERM):
        return f"permission denied ({exc.filename if isinstance(exc, OSError) else 'the data folder'})"
    return " ".join(text.split())
