"""Editing a journal entry through its dialog: the edit replaces the entry, undo restores it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from desktop.core.validation import validate_pain
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal
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


def dose_journal(tmp_path) -> tuple[Journal, int]:
    """A journal with kratom limited to 2 doses / 8 g a day, two doses logged (2 g each)."""
    from desktop.core.model import SubstanceKind
    from desktop.core.validation import validate_dose, validate_substance

    journal = Journal(open_journal(tmp_path / "journal.db"), clock=lambda: NOW)
    journal.add_substance(validate_substance("Kratom", SubstanceKind.KRATOM, "g", max_per_day=2, daily_cap=8))
    kratom = journal.substance("Kratom").substance
    journal.add_entry(
        validate_dose(kratom, 2, datetime(2026, 3, 2, 7, 0, tzinfo=BERLIN), NOW), zone="Europe/Berlin"
    )
    second = journal.add_entry(
        validate_dose(kratom, 2, datetime(2026, 3, 2, 8, 0, tzinfo=BERLIN), NOW), zone="Europe/Berlin"
    )
    return journal, second


def open_edit(qtbot, tmp_path):
    """The app's way: the dose dialog whose limit check leaves the edited dose out."""
    from functools import partial

    from desktop.ui.dialogs import DoseDialog

    journal, entry_id = dose_journal(tmp_path)

    def save(value: object) -> None:
        journal.replace_entry(entry_id, value, zone="Europe/Berlin")  # type: ignore[arg-type]

    dialog = DoseDialog(
        save,
        lambda: NOW,
        BERLIN,
        substances=[s.substance for s in journal.substances()],
        check_limits=partial(journal.limit_verdict, exclude_id=entry_id),
    )
    qtbot.addWidget(dialog)
    dialog.load(journal.entry(entry_id))
    dialog.show()
    return journal, entry_id, dialog


def test_an_edit_within_the_limits_saves_without_counting_the_dose_twice(qtbot, tmp_path) -> None:
    # The second of two allowed doses: counted against itself it would be a third.
    journal, entry_id, dialog = open_edit(qtbot, tmp_path)
    dialog.amount.setText("3")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    edited = journal.entry(entry_id)
    assert (edited["amount"], edited["warnings"]) == (3.0, [])


def test_an_edit_beyond_the_limits_warns_first_and_saves_with_the_reasons(qtbot, tmp_path) -> None:
    journal, entry_id, dialog = open_edit(qtbot, tmp_path)
    dialog.amount.setText("7")  # 2 + 7 g > the 8 g daily cap
    dialog.submit()
    assert dialog.isVisible() and journal.entry(entry_id)["amount"] == 2.0
    assert "daily cap of 8 g" in dialog.warning.text()
    assert dialog.save_button.text() == "&Save anyway"
    dialog.submit()
    edited = journal.entry(entry_id)
    assert (edited["amount"], edited["warnings"]) == (7.0, ["max_amount_24h"])
