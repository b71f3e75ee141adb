"""Ebb's log: a size-rotated file in the platform log folder, private to the user."""

from __future__ import annotations

import logging
import os
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path

MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFile(RotatingFileHandler):
    """A :class:`RotatingFileHandler` whose file is created 0600, whatever the umask:
    the standard handler opens with the umask's mode, and a log may name what the user
    logged. Rotated copies are the same files renamed, so they stay 0600."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def configure_logging(folder: Path, verbose: bool = False) -> logging.Handler:
    """Log to ``folder``/ebb.log (the folder 0700, every log file 0600)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)
    for existing in folder.glob("ebb.log*"):
        existing.chmod(0o600)  # written by an older Ebb, or loosened by hand
    handler = PrivateRotatingFile(folder / "ebb.log")
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # tzlocal warns at each reading of a system whose /etc/timezone and /etc/localtime
    # disagree (Ebb follows the link); once a minute would fill the log in two days.
    logging.getLogger("tzlocal").setLevel(logging.ERROR)
    return handler
