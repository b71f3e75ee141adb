"""The quick dialogs for new entries and for edits, filled from the journal and saved
through the app (which re-plans after each change)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QWidget

if TYPE_CHECKING:
    from desktop.storage.journal import Journal
    from desktop.storage.records import Entry, Record

log = logging.getLogger(__name__)


class OpenWindows:
    """Dialogs and windows shown without blocking (a reminder may arrive while one is
    open): kept referenced until closed, and raised so the keyboard goes to them."""

    def __init__(self) -> None:
        self.open: list[QWidget] = []

    def show(self, dialog: QWidget, on_saved: Callable[[], None] | None = None) -> None:
        self.open.append(dialog)

        def finished(result: int) -> None:
            self.open.remove(dialog)
            if result and on_saved is not None:
                on_saved()
            dialog.deleteLater()

        dialog.finished.connect(finished)  # type: ignore[attr-defined]
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()


def _now() -> datetime:
    return datetime.now(UTC)


class EntryDialogs:
    """``save(entry, answers)`` stores a new entry (and marks the reminder it answers
    taken, in the same transaction); ``replace(entry_id, entry)`` edits one in place."""

    def __init__(
        self,
        journal: Journal,
        windows: OpenWindows,
        save: Callable[..., int],
        replace: Callable[[int, Entry], None],
        zone: Callable[[], tzinfo],
        today: Callable[[], date],
    ) -> None:
        self.journal = journal
        self.windows = windows
        self._save = save
        self._replace = replace
        self._zone = zone
        self._today = today

    def pain(self, source: str = "manual", on_saved: Any = None, answers: str | None = None) -> None:
        from desktop.ui.dialogs import PainDialog

        dialog = PainDialog(
            partial(self._save, answers=answers),
            _now,
            self._zone(),
            source=source,
            one_tap=source != "manual",  # answering a reminder: one click on a score
            suggestions=self.journal.used_words(),
        )
        self.windows.show(dialog, on_saved)

    def dose(
        self,
        selected: str | None = None,
        source: str = "manual",
        on_saved: Any = None,
        answers: str | None = None,
    ) -> None:
        from desktop.ui.dialogs import DoseDialog

        dialog = DoseDialog(
            partial(self._save, answers=answers),
            _now,
            self._zone(),
            substances=[s.substance for s in self.journal.substances() if s.substance.active],
            check_limits=self.journal.limit_verdict,
            selected=selected,
            source=source,
            suggestions=self.journal.used_words(),
        )
        self.windows.show(dialog, on_saved)

    def sleep(self, on_saved: Any = None, answers: str | None = None) -> None:
        from desktop.core.planning.day_times import wake_time
        from desktop.core.planning.inputs import PlanConfig
        from desktop.core.settings import effective_settings
        from desktop.ui.dialogs import SleepDialog

        config = PlanConfig.from_settings(effective_settings(self.journal.stored_settings()))
        dialog = SleepDialog(
            partial(self._save, answers=answers),
            _now,
            self._zone(),
            bedtime=config.bed,
            wake_time=wake_time(config, self._today()),
        )
        self.windows.show(dialog, on_saved)

    def effect(self) -> None:
        from desktop.ui.dialogs import EffectDialog

        self.windows.show(EffectDialog(self._save, _now, self._zone()))

    def note(self) -> None:
        from desktop.ui.dialogs import NoteDialog

        self.windows.show(NoteDialog(self._save, _now, self._zone()))

    def edit(self, record: Record) -> bool:
        """The entry's dialog filled with its values; saving replaces the entry in place
        (undoably: Ctrl+Z in the journal restores it). False for a kind with no dialog."""
        from desktop.ui.dialogs import DoseDialog, EffectDialog, NoteDialog, PainDialog, SleepDialog

        save = partial(self._replace, record["id"])
        kind, zone = record["kind"], self._zone()
        dialog: QDialog
        if kind == "dose":
            # Every substance, inactive ones too: an old dose may be of one no longer in use.
            dialog = DoseDialog(
                save,
                _now,
                zone,
                substances=[s.substance for s in self.journal.substances()],
                check_limits=partial(self.journal.limit_verdict, exclude_id=record["id"]),
                suggestions=self.journal.used_words(),
            )
        elif kind == "pain":
            dialog = PainDialog(save, _now, zone, suggestions=self.journal.used_words())
        elif kind == "sleep":
            dialog = SleepDialog(save, _now, zone)
        elif kind == "effect":
            dialog = EffectDialog(save, _now, zone)
        elif kind == "note":
            dialog = NoteDialog(save, _now, zone)
        else:
            return False
        dialog.load(record)
        self.windows.show(dialog)
        return True

    def edit_or_warn(self, record: Record) -> None:
        """:meth:`edit`, with a warning in the log for a kind that has no dialog."""
        if not self.edit(record):
            log.warning("cannot edit an entry of kind %r", record["kind"])
