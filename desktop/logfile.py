"""Ebb's log: a size-rotated file in the platform log folder, private to the user.

A small handler of its own rather than ``logging.handlers.RotatingFileHandler``:
importing ``logging.handlers`` loads socket, pickle and queue (about 5 ms of every
start) for handlers Ebb never uses.
"""

from __future__ import annotations

import logging
import os
from io import TextIOWrapper
from pathlib import Path

MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFile(logging.FileHandler):
    """Appends to ``path`` until it would pass ``max_bytes``, then shifts it to
    ``path.1`` (``.1`` to ``.2`` …, dropping the oldest beyond ``backups``). The file
    and every rotated copy are created 0600, whatever the umask."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        self.max_bytes = max_bytes
        self.backups = backups
        super().__init__(path, mode="a", encoding="utf-8")

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record) + self.terminator  # formatted once, sized and written
            if self.stream is None:
                self.stream = self._open()
            written = self.stream.tell()
            if written and written + len(line.encode("utf-8", "replace")) > self.max_bytes:
                self._rotate()
            self.stream.write(line)
            self.stream.flush()
        except Exception:  # logging must never take the app down
            self.handleError(record)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for number in range(self.backups - 1, 0, -1):
            older = f"{base}.{number}"
            if os.path.exists(older):
                os.replace(older, f"{base}.{number + 1}")
        if self.backups > 0:
            os.replace(base, f"{base}.1")
        else:
            os.remove(base)
        self.stream = self._open()


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
    return handler
