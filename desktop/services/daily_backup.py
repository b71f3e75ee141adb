"""The day's backup for people who use only the app: taken when it starts and after the
first change of each day, as the command line takes one after each writing command."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.storage.backups import auto_backup
from desktop.storage.journal import Journal

log = logging.getLogger(__name__)


class DailyBackup:
    def __init__(self, journal: Journal, folder: Path, today: Callable[[], date]) -> None:
        self._journal = journal
        self._folder = folder
        self._today = today
        self._taken_on: date | None = None

    def take(self) -> Path | None:
        """Today's copy (and the rotation) unless this day's is done; the new file, if any.

        A copy that cannot be written is logged and tried again at the next change: the
        journal itself is not touched by a failed backup."""
        day = self._today()
        if self._taken_on == day:
            return None
        try:
            created = auto_backup(self._journal.db, self._folder, day)
        except (OSError, sqlite3.Error) as exc:
            log.warning("the daily backup could not be written: %s", exc)
            return None
        self._taken_on = day
        if created is not None:
            log.info("daily backup written to %s", created)
        return created
