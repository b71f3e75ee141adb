"""An unreadable journal at start-up: the app offers the latest good backup; restoring
keeps the unreadable file byte for byte, and the restored journal opens."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop.start import offer_restore
from desktop.storage.backups import BackupInfo, backup_to
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal
from desktop.storage.problems import JournalUnreadable
from desktop.system.paths import Paths
from desktop.ui.windows.restore_offer import RestoreOffer


def test_with_a_backup_the_offer_names_it_and_enter_does_not_restore(qtbot) -> None:
    backup = BackupInfo(Path("/data/backups/journal-daily-2026-03-01.db"), 1000, datetime(2026, 3, 1, 9, 30))
    offer = RestoreOffer("database disk image is malformed", backup)
    qtbot.addWidget(offer)
    assert "cannot be read: database disk image is malformed" in offer.text()
    assert "2026-03-01 09:30" in offer.informativeText() and str(backup.path) in offer.informativeText()
    assert offer.defaultButton() is offer.quit_button
    offer.show()
    offer.quit_button.click()
    assert not offer.chose_restore()


def test_without_a_backup_there_is_nothing_to_restore(qtbot) -> None:
    offer = RestoreOffer("file is not a database", None)
    qtbot.addWidget(offer)
    assert offer.restore_button is None and "No readable backup" in offer.informativeText()


@pytest.mark.parametrize("choose", [True, False])
def test_restoring_keeps_the_unreadable_file_and_the_journal_opens(
    qtbot, tmp_path, monkeypatch, choose
) -> None:
    paths = Paths(tmp_path / "data")
    journal = Journal(open_journal(paths.journal))
    journal.set_setting("timezone", "UTC")
    backup = backup_to(journal.db, paths.backups / "journal-daily-2026-03-01.db")
    journal.db.close()
    damaged = b"SQLite format 3\x00" + b"\xff" * 5000  # a header, then garbage
    paths.journal.write_bytes(damaged)
    for suffix in ("-wal", "-shm"):
        Path(f"{paths.journal}{suffix}").unlink(missing_ok=True)
    with pytest.raises(JournalUnreadable) as unreadable:
        open_journal(paths.journal)

    def answer(offer: RestoreOffer) -> int:
        (offer.restore_button if choose else offer.quit_button).click()
        return 0

    monkeypatch.setattr(RestoreOffer, "exec", answer)
    assert offer_restore(paths, unreadable.value, "20260302T090000Z") is choose
    if not choose:
        assert paths.journal.read_bytes() == damaged  # untouched
        return
    kept = paths.journal.with_name("journal.db.before-restore-20260302T090000Z")
    assert kept.read_bytes() == damaged
    restored = Journal(open_journal(paths.journal))
    assert restored.stored_settings().get("timezone") == "UTC"
    assert backup.exists()
