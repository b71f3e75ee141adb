"""Writing new entries: one at a time (:meth:`JournalWrites.add_entry`) or in bulk from an
import (:meth:`JournalWrites.import_all`), with the checks that must hold before anything
is stored: one live sleep diary a night, and a known substance for every dose.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.model import Substance
from desktop.storage.journal_rows import DETAIL_TABLES, detail_row, time_columns
from desktop.storage.journal_substances import JournalSubstances
from desktop.storage.records import Entry, Record, entry_record, entry_time, new_uid
from desktop.storage.store import Row
from desktop.storage.transactions import write_transaction

_NO_NIGHTS: Mapping[str, int] = {}
_IMPORT_CHUNK = 1000  # entries an import writes at a time


class JournalWrites(JournalSubstances):
    """Adding entries to ``entries`` and their detail tables."""

    def add_entry(
        self, value: Entry, *, zone: str | None, uid: str | None = None, recorded: str | None = None
    ) -> int:
        """Store a validated entry in one transaction; returns its id."""
        with write_transaction(self.db):
            return self._insert_entries([(value, zone, uid or new_uid(), recorded or self._now_text())])[0]

    def _insert_entries(self, items: Sequence[tuple[Entry, str | None, str, str]]) -> list[int]:
        """Store validated (entry, zone, uid, recorded) tuples with one ``insert_all`` into
        ``entries`` and one per detail table; returns their ids, in order.

        The ids are given here, each one past the largest in use as SQLite would give
        them, so that the detail rows can name their entries: every caller holds the
        write lock, so no other writer takes one meanwhile. Nothing is written before
        every entry passed the checks (a free night, a known substance)."""
        first_id = next(self.db.query("SELECT coalesce(max(id), 0) + 1 AS id FROM entries"))["id"]
        entry_rows: list[Row] = []
        detail_rows: dict[str, list[Row]] = {kind: [] for kind in DETAIL_TABLES}
        nights: dict[str, int] = {}  # the diaries of this write, not stored yet
        substance_ids: dict[str, int] = {}
        for entry_id, (value, zone, uid, recorded) in enumerate(items, start=first_id):
            record = entry_record(value, zone=zone, uid=uid, recorded=recorded)
            kind = record["kind"]
            if kind == "sleep":
                self._check_night_free(record["night"], exclude_id=None, pending=nights)
                nights[record["night"]] = entry_id
            entry_rows.append(
                {
                    "id": entry_id,
                    "uid": uid,
                    "kind": kind,
                    **time_columns(entry_time(value)),
                    "zone": zone,
                    "note": record["note"],
                    "recorded_utc": recorded,
                }
            )
            detail_rows[kind].append(detail_row(entry_id, record, self._substance_id(record, substance_ids)))
        self.db.table("entries").insert_all(entry_rows)
        for kind, rows in detail_rows.items():
            self.db.table(DETAIL_TABLES[kind]).insert_all(rows)
        return [row["id"] for row in entry_rows]

    def _check_night_free(
        self, night: str, exclude_id: int | None, pending: Mapping[str, int] = _NO_NIGHTS
    ) -> None:
        """Refuse a second live diary for ``night`` (but entry ``exclude_id``), counting
        the diaries of the current write not stored yet (``pending``, by night)."""
        diary = pending.get(night)
        if diary is None:
            rows = self.db.query(
                "SELECT e.id FROM sleeps sl JOIN entries e ON e.id = sl.entry_id "
                "WHERE sl.night = ? AND e.deleted_utc IS NULL AND e.id IS NOT ?",
                [night, exclude_id],
            )
            diary = next((row["id"] for row in rows), None)
        if diary is not None:
            raise ValidationError(
                "night",
                QT_TRANSLATE_NOOP("Errors", "{night} already has a sleep diary (entry {diary})"),
                night=night,
                diary=diary,
            )

    def _substance_id(self, record: Record, known: dict[str, int]) -> int | None:
        """A dose record's substance id (None for other kinds), remembered in ``known``."""
        if record["kind"] != "dose":
            return None
        name = record["substance"]
        if name not in known:
            stored = self._substance_row(name)
            if stored is None:
                raise ValidationError(
                    "substance", QT_TRANSLATE_NOOP("Errors", "{name!a} is not a known substance"), name=name
                )
            known[name] = stored["id"]
        return known[name]

    def uids(self) -> set[str]:
        """Every entry uid ever stored, deleted ones included."""
        return {row["uid"] for row in self.db.table("entries").rows_where(select="uid")}

    def import_all(
        self,
        substances: Sequence[tuple[str, Substance]],
        entries: Iterable[tuple[Entry, str | None, str, str]],
    ) -> tuple[int, int, int]:
        """Add substances and entries not yet present (by name / uid) in one transaction.

        Returns (substances added, entries added, entries already present).
        """
        added_substances = added = present = 0
        with write_transaction(self.db):
            for uid, substance in substances:
                row = self._substance_row(substance.name)
                if row is None:
                    self.add_substance(substance, uid=uid)
                    added_substances += 1
                elif row["unit"] != substance.unit:
                    raise ValidationError(
                        "unit",
                        QT_TRANSLATE_NOOP(
                            "Errors", "{name} is in {unit} in this journal but in {file_unit} in the file"
                        ),
                        name=substance.name,
                        unit=row["unit"],
                        file_unit=substance.unit,
                    )
            known = self.uids()
            new: list[tuple[Entry, str | None, str, str]] = []
            for item in entries:
                if item[2] in known:  # the uid
                    present += 1
                    continue
                known.add(item[2])
                new.append(item)
                if len(new) == _IMPORT_CHUNK:
                    added += len(self._insert_entries(new))
                    new = []
            if new:
                added += len(self._insert_entries(new))
        return added_substances, added, present
