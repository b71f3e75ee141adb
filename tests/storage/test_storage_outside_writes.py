"""The app hears of other processes' commits through PRAGMA data_version, never of its own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.storage.database import open_journal
from desktop.storage.journal import Journal
from desktop.storage.outside_writes import OutsideWrites


def test_only_another_connections_commit_counts_and_only_once(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    db = open_journal(path)
    try:
        outside = OutsideWrites(db)
        Journal(db).set_setting("checkin_times", "09:00")  # the app's own write
        assert not outside.happened()
        other = sqlite3.connect(path)
        with other:
            other.execute("UPDATE settings SET value = '10:00' WHERE key = 'checkin_times'")
        other.close()
        assert outside.happened()
        assert not outside.happened()  # heard once
    finally:
        db.close()
