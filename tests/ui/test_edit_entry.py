"""Editing a journal entry through its dialog: the edit replaces the entry, undo restores it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from desktop.core.validation import validate_pain
from desktop.storage.database import open_journal
from desktop.storage.repository import Journal
from desktop.ui.dialogs import PainDialog

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN)


def test_edit_pain_through_the_dialog_then_undo_restores_it(qtbot, tmp_path) -> None:
    journal = Journal(open_journal(tmp_path / "journal.db"), clock=lambda: NOW)
    at = datetime(2026, 3, 2, 8, 15, tzinfo=BERLIN)
    entry_id = journal.add_entry(validate_pain(5, at, NOW, note="morning"), zone="Europe/Berlin")
    record = journal.entry(entry_id)

    def save(value: object) -> None:
        journal.replace_entry(record["id"], value, zone="Europe/Berlin")  # type: ignore[arg-type]

    dialog = PainDialog(save, lambda: NOW, BERLIN)
    qtbot.addWidget(dialog)
    dialog.load(record)
    dialog.show()
    assert dialog.score.value() == 5
    dialog.score.set_value(7)
    dialog.submit()

    assert dialog.result() == dialog.DialogCode.Accepted
    edited = journal.entry(entry_id)
    assert (edited["score"], edited["note"], edited["uid"]) == (7, "morning", record["uid"])
    assert datetime.fromisoformat(edited["at"]) == at
    assert len(journal.entries()) == 1

    assert journal.undo() is not None
    restored = journal.entry(entry_id)
    assert restored["score"] == 5
    assert restored == record
