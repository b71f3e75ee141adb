"""The base of the classes that keep Ebb's tables: a sqlite-utils ``Database`` and a UTC
clock, shared by the journal (:class:`desktop.storage.journal.Journal`) and the
reminders (:class:`desktop.storage.reminders.Reminders`).

The clock is injected so that tests can fix the moments stored in ``*_utc`` columns.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from desktop.core.times import to_utc_text

Clock = Callable[[], datetime]
Row = dict[str, Any]  # a row read by column name; its values are whatever SQLite holds


def utc_now() -> datetime:
    return datetime.now(UTC)


class Store:
    """A sqlite-utils Database opened by :func:`desktop.storage.database.open_journal`,
    and a UTC clock."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock

    def _now_text(self) -> str:
        return to_utc_text(self.clock())
