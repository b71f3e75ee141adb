"""Changing entries already stored, undoably: a delete is soft (``deleted_utc``) and an
edit overwrites in place (same id and uid); both leave the entry as it was in
``undo_log``, and :meth:`JournalEdits.undo` walks that back, newest first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.model import SleepEntry
from desktop.storage.journal_reads import JournalReads
from desktop.storage.journal_rows import DETAIL_TABLES, detail_row, time_columns
from desktop.storage.journal_writes import JournalWrites
from desktop.storage.records import Entry, Record, entry_kind, entry_record
from desktop.storage.transactions import write_transaction


@dataclass(frozen=True)
class UndoResult:
    """What an undo restored: the entry and whether a delete or an edit was undone."""

    action: str  # "delete" or "edit"
    entry_id: int
    kind: str


class JournalEdits(JournalReads, JournalWrites):
    """Deletes, edits and their undo."""

    def delete_entry(self, entry_id: int) -> Record:
        """Delete an entry (undoably). Returns what was deleted."""
        with write_transaction(self.db):
            record = self.entry(entry_id)
            now = self._now_text()
            self.db.table("entries").update(entry_id, {"deleted_utc": now})
            self._log_undo("delete", entry_id, record, now)
            return record

    def replace_entry(self, entry_id: int, value: Entry, *, zone: str | None) -> Record:
        """Edit an entry in place (undoably): same id and uid, new content."""
        with write_transaction(self.db):
            before = self.entry(entry_id)
            if before["kind"] != entry_kind(value):
                raise ValidationError(
                    "kind",
                    QT_TRANSLATE_NOOP("Errors", "cannot change a {old} entry into a {new}"),
                    old=before["kind"],
                    new=entry_kind(value),
                )
            if isinstance(value, SleepEntry):
                self._check_night_free(value.night.isoformat(), exclude_id=entry_id)
            now = self._now_text()
            after = entry_record(value, zone=zone, uid=before["uid"], recorded=before["recorded"])
            self._overwrite(entry_id, after)
            self._log_undo("edit", entry_id, before, now)
            return self.entry(entry_id)

    def _log_undo(self, action: str, entry_id: int, before: Record, now: str) -> None:
        self.db.table("undo_log").insert(
            {"action": action, "entry_id": entry_id, "before": json.dumps(before), "done_utc": now}
        )

    def _overwrite(self, entry_id: int, record: Record) -> None:
        at = datetime.fromisoformat(record["at"])
        self.db.table("entries").update(
            entry_id, {**time_columns(at), "zone": record["zone"], "note": record["note"]}
        )
        details = self.db.table(DETAIL_TABLES[record["kind"]])
        # delete_where, not delete: a missing detail row is no error here (delete() is).
        details.delete_where("entry_id = ?", [entry_id])
        details.insert(detail_row(entry_id, record, self._substance_id(record, {})))

    def undo(self) -> UndoResult | None:
        """Undo the most recent delete or edit not yet undone; None if there is none."""
        with write_transaction(self.db):
            undo_log = self.db.table("undo_log")
            row = next(undo_log.rows_where("undone_utc IS NULL", order_by="id DESC", limit=1), None)
            if row is None:
                return None
            entry_id = row["entry_id"]
            before = json.loads(row["before"])
            # Undoing an edit can move a diary back to a night taken since, as can
            # undoing a delete: both must keep one diary per night.
            if before["kind"] == "sleep":
                self._check_night_free(before["night"], exclude_id=entry_id)
            if row["action"] == "delete":
                self.db.table("entries").update(entry_id, {"deleted_utc": None})
            else:
                self._overwrite(entry_id, before)
            undo_log.update(row["id"], {"undone_utc": self._now_text()})
            return UndoResult(row["action"], entry_id, before["kind"])
