"""Answering a reminder: Taken / Snooze / Skip from a notification or the reminder
window, and after a dose taken from a reminder, where the user stands against their
own limits."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from desktop.scheduling.service import ReminderService
    from desktop.storage.journal import Journal
    from desktop.storage.reminders import Reminders, StoredOccurrence
    from desktop.ui.controllers.clock import JournalClock
    from desktop.ui.windows.entry_dialogs import EntryDialogs

log = logging.getLogger(__name__)


class ReminderAnswers(QObject):
    """``tell(message)`` shows a short message (the tray's balloon); ``refresh_views``
    shows the reminder's new state."""

    def __init__(
        self,
        journal: Journal,
        reminders: Reminders,
        service: ReminderService,
        dialogs: EntryDialogs,
        clock: JournalClock,
        tell: Callable[[str], None],
        refresh_views: Callable[[], None],
    ) -> None:
        super().__init__()
        self._journal = journal
        self._reminders = reminders
        self._service = service
        self._dialogs = dialogs
        self._clock = clock
        self._tell = tell
        self._refresh_views = refresh_views

    def on_action(self, key: str, what: str) -> None:
        """Taken / Snooze / Skip from a notification or the reminder window."""
        from desktop.core.errors import ValidationError
        from desktop.words.errors import error_message

        try:
            if what == "skip":
                self._service.skipped(key)
            elif what.startswith("snooze"):
                minutes = int(what.partition(":")[2] or 30)
                self._service.snooze(key, minutes)
            elif what == "taken":
                self.taken(key)
        except ValidationError as exc:
            log.info("reminder %s: %s", key, exc)
            self._tell(error_message(exc))
        self._refresh_views()

    def taken(self, key: str) -> None:
        """The first button of a reminder opens what it asks for: the dose dialog (the
        usual amount filled in when the user set one, editable; otherwise empty), the
        0-10 pain prompt, or the sleep diary. The reminder counts as taken once the
        entry is saved; closing the dialog leaves the reminder as it was."""
        occurrence = self._reminders.get(key)
        if occurrence is None:
            return

        # Saving the entry marks the reminder taken in the same transaction
        # (JournalChanges.save).
        if occurrence.kind in ("checkin", "followup"):
            source = "follow-up" if occurrence.kind == "followup" else "scheduled"
            self._dialogs.pain(source=source, answers=key)
        elif occurrence.kind == "sleep_diary":
            self._fill_in_diary(occurrence)
        elif occurrence.substance is None:
            self._service.taken(key)
            self._refresh_views()
        else:
            name = occurrence.substance
            self._dialogs.dose(
                selected=name, source="reminder", on_saved=lambda: self.tell_limits(name), answers=key
            )

    def _fill_in_diary(self, occurrence: StoredOccurrence) -> None:
        """A blank diary for the night; a night already logged opens its diary to
        correct, and the reminder is done."""
        from desktop.core.planning.checkins import diary_night

        night = diary_night(occurrence.reason_data)
        record = None if night is None else self._journal.night_record(night)
        if record is None:
            self._dialogs.sleep(answers=occurrence.key)
            return
        self._service.close_if_logged(occurrence)
        self._dialogs.edit(record)
        self._refresh_views()

    def tell_limits(self, name: str) -> None:
        """After a dose: where the user stands against their own limits."""
        from desktop.services.limits import after_dose

        note = after_dose(self._journal, name, datetime.now(UTC), self._clock.zone())
        used = self.tr("%n dose(s), {total} {unit} in the last 24 h", None, note.doses).format(
            total=f"{note.total:g}", unit=note.unit
        )
        if note.within_again_at is not None:
            message = self.tr("Logged. Within your limits again from {time} · {used}").format(
                time=f"{note.within_again_at:%H:%M}", used=used
            )
        else:
            message = self.tr("Logged · {used}").format(used=used)
        self._tell(message)
        log.info("dose logged; limits told")
