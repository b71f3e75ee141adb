"""The app's daily backup: once a day, at start and after the first change of a day."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from desktop.services.daily_backup import DailyBackup
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal


def test_one_copy_a_day_and_a_new_one_the_next_day(tmp_path: Path) -> None:
    journal = Journal(open_journal(tmp_path / "journal.db"))
    days = [date(2026, 3, 2)]
    backup = DailyBackup(journal, tmp_path / "backups", lambda: days[0])
    try:
        first = backup.take()
        assert first is not None and first.name == "journal-daily-2026-03-02.db"
        assert backup.take() is None  # the day's copy is done
        days[0] += timedelta(days=1)
        assert backup.take() == tmp_path / "backups" / "journal-daily-2026-03-03.db"
    finally:
        journal.db.close()


def test_a_copy_that_cannot_be_written_is_tried_again(tmp_path: Path, caplog) -> None:
    journal = Journal(open_journal(tmp_path / "journal.db"))
    blocked = tmp_path / "backups"
    blocked.write_text("a file where the folder should be")
    backup = DailyBackup(journal, blocked, lambda: date(2026, 3, 2))
    try:
        assert backup.take() is None
        assert "could not be written" in caplog.text
        blocked.unlink()
        assert backup.take() is not None  # the next change tries again
    finally:
        journal.db.close()
