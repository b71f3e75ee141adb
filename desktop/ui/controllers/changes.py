"""Writes to the journal from the dialogs and the journal list. A change can move
reminders (follow-ups, the pattern, limits), so each one re-plans and refreshes the views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.scheduling.service import ReminderService
    from desktop.storage.journal import Journal
    from desktop.storage.journal_edits import UndoResult
    from desktop.storage.records import Entry, Record
    from desktop.ui.controllers.clock import JournalClock


@dataclass(eq=False)
class JournalChanges:
    journal: Journal
    service: ReminderService
    clock: JournalClock
    refresh_views: Callable[[], None]
    daily_backup: Callable[[], object] = lambda: None  # the day's copy, after its first change

    def after_change(self) -> None:
        """A journal change can move reminders (follow-ups, pattern, limits)."""
        self.service.replan()
        self.refresh_views()
        self.daily_backup()

    def save(self, value: Entry, *, answers: str | None = None) -> int:
        """Store a new entry. ``answers``: the reminder the entry answers, marked taken
        in the same transaction, so that a crash can never leave a logged dose whose
        reminder would still ask for it."""
        from desktop.storage.transactions import write_transaction

        with write_transaction(self.journal.db):
            entry_id = self.journal.add_entry(value, zone=self.clock.zone_name())
            if answers is not None:
                self.service.taken(answers)
        self.after_change()
        return int(entry_id)

    def replace(self, entry_id: int, value: Entry) -> None:
        self.journal.replace_entry(entry_id, value, zone=self.clock.zone_name())
        self.after_change()

    def delete(self, entry_id: int) -> Record:
        record = self.journal.delete_entry(entry_id)
        self.after_change()
        return record

    def undo(self) -> UndoResult | None:
        result = self.journal.undo()
        self.after_change()
        return result
