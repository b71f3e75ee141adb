"""The journal: substances, entries, undoable deletes and edits, settings and bulk import,
stored through sqlite-utils.

One-table writes and simple reads go through the sqlite-utils table API (``insert_all``
for entries, ``insert``, ``update``, ``upsert``, ``rows_where``, ``delete_where``); the
joins are SQL read through ``Database.query``. Every row is read by column name, never
by position. Each public write is one
:func:`~desktop.storage.transactions.write_transaction`: it happens whole or not at
all. Deletes are soft (``deleted_utc``) and, like edits, recorded in ``undo_log`` so
they can be undone. JSON columns hold text made here with :func:`json.dumps` (never
sqlite-utils' own encoding), so the stored bytes stay those of earlier versions.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desktop.core.errors import ValidationError
from desktop.core.model import SleepEntry, Substance
from desktop.core.safety import DAY, PastDose, Verdict, check_dose
from desktop.core.times import from_stored, from_utc_text, offset_minutes, to_utc_text
from desktop.storage.records import (
    ENTRY_FIELDS,
    LIST_FIELDS,
    SUBSTANCE_FIELDS,
    Entry,
    Record,
    entry_kind,
    entry_record,
    entry_time,
    new_uid,
    parse_substance_record,
    substance_record,
)
from desktop.storage.transactions import write_transaction

if TYPE_CHECKING:  # the planner is imported only when planning: `ebb log` stays quick
    from desktop.core.planning.planner import JournalView

Clock = Callable[[], datetime]
Row = dict[str, Any]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class StoredSubstance:
    """A substance with its row id and its export-stable uid."""

    id: int
    uid: str
    substance: Substance


@dataclass(frozen=True)
class UndoResult:
    """What an undo restored: the entry and whether a delete or an edit was undone."""

    action: str  # "delete" or "edit"
    entry_id: int
    kind: str


# One SELECT per entry kind, each with the columns every entry has and only its own
# kind's detail columns, named as the record fields they become. Reading the kinds apart
# and merging them in time order (:meth:`Journal.iter_entries`) makes rows of 10 to 17
# columns instead of one 33-column row of mostly NULLs: on a 10-year journal that keeps
# reading rows by name as quick as the one wide LEFT JOIN was by position.
_ENTRY_COLUMNS = "e.id, e.uid, e.kind, e.at_utc, e.utc_offset_min, e.zone, e.note, e.recorded_utc"
_KIND_SELECTS = {
    "dose": f"SELECT {_ENTRY_COLUMNS}, s.name AS substance, d.amount, d.unit, d.form, d.product, d.batch, "
    "d.pain_before, d.source, d.warnings "
    "FROM entries e JOIN doses d ON d.entry_id = e.id JOIN substances s ON s.id = d.substance_id",
    "pain": f"SELECT {_ENTRY_COLUMNS}, p.score, p.locations, p.qualities, p.source "
    "FROM entries e JOIN pains p ON p.entry_id = e.id",
    "sleep": f"SELECT {_ENTRY_COLUMNS}, sl.night, sl.in_bed, sl.tried_sleep AS try_sleep, sl.sol_min, "
    "sl.awakenings, sl.waso_min, sl.final_wake, sl.out_of_bed, sl.quality "
    "FROM entries e JOIN sleeps sl ON sl.entry_id = e.id",
    "effect": f"SELECT {_ENTRY_COLUMNS}, ef.name, ef.severity "
    "FROM entries e JOIN effects ef ON ef.entry_id = e.id",
    "note": f"SELECT {_ENTRY_COLUMNS}, n.tags FROM entries e JOIN notes n ON n.entry_id = e.id",
}
_IN_TIME_ORDER = itemgetter("at_utc", "id")

_DETAIL_TABLES = {"dose": "doses", "pain": "pains", "sleep": "sleeps", "effect": "effects", "note": "notes"}
# Record fields stored under another column name (a dose's substance is its substance_id).
_DETAIL_COLUMNS = {"try_sleep": "tried_sleep"}
_NO_NIGHTS: Mapping[str, int] = {}
_IMPORT_CHUNK = 1000  # entries an import writes at a time


def _list(text: str) -> list[str]:
    # Most lists are empty; skipping the JSON decoder for them halves export time.
    return [] if text == "[]" else list(json.loads(text))


def _time_columns(at: datetime) -> Row:
    return {"at_utc": to_utc_text(at), "utc_offset_min": offset_minutes(at)}


def _row_to_record(row: Row) -> Record:
    """The record of a row of one of :data:`_KIND_SELECTS`."""
    kind = row["kind"]
    record: Record = {
        "id": row["id"],
        "uid": row["uid"],
        "kind": kind,
        "at": from_stored(row["at_utc"], row["utc_offset_min"]).isoformat(),
        "zone": row["zone"],
        "recorded": row["recorded_utc"],
        "note": row["note"],
    }
    for field in ENTRY_FIELDS[kind]:
        record[field] = _list(row[field]) if field in LIST_FIELDS else row[field]
    return record


def _detail_row(entry_id: int, record: Record, substance_id: int | None) -> Row:
    """The detail-table row of an entry record. Lists are stored as ``json.dumps`` text
    (as they always were: sqlite-utils' own encoding of a list would store other bytes)."""
    row: Row = {"entry_id": entry_id}
    for field in ENTRY_FIELDS[record["kind"]]:
        if field == "substance":
            row["substance_id"] = substance_id
        elif field in LIST_FIELDS:
            row[field] = json.dumps(record[field])
        else:
            row[_DETAIL_COLUMNS.get(field, field)] = record[field]
    return row


class Journal:
    """All reads and writes of journal data. Collaborators: a sqlite-utils Database
    opened by :func:`desktop.storage.database.open_journal`, and a UTC clock."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock

    def _now_text(self) -> str:
        return to_utc_text(self.clock())

    # ---- substances -----------------------------------------------------------------

    def add_substance(self, substance: Substance, *, uid: str | None = None) -> int:
        """Store a new substance; a name already in use (any case) is refused."""
        with write_transaction(self.db):
            if self._substance_row(substance.name) is not None:
                raise ValidationError("name", f"{substance.name!a} already exists")
            record = substance_record(substance, uid or new_uid())
            record["active"] = int(record["active"])
            record["created_utc"] = self._now_text()
            inserted = self.db.table("substances").insert(record)
            assert inserted.last_pk is not None
            return int(inserted.last_pk)

    def update_substance(self, name: str, substance: Substance) -> None:
        """Change a substance (its limits, usual amount, timing, alias, active flag or
        name). The unit cannot change once doses were logged: their amounts would then
        mean something else."""
        with write_transaction(self.db):
            row = self._substance_row(name)
            if row is None:
                raise ValidationError("substance", f"{name!a} is not a known substance")
            other = self._substance_row(substance.name)
            if other is not None and other["id"] != row["id"]:
                raise ValidationError("name", f"{substance.name!a} already exists")
            unit = row["unit"]
            if unit != substance.unit:
                doses = self.db.table("doses").count_where("substance_id = ?", [row["id"]])
                if doses:
                    raise ValidationError(
                        "unit",
                        f"stays {unit}: {doses} logged doses are in {unit}; add a new substance instead",
                    )
            record = substance_record(substance, row["uid"])
            record["active"] = int(record["active"])
            del record["uid"]
            self.db.table("substances").update(row["id"], record)

    def _substance_row(self, name: str) -> Row | None:
        """The id, uid and unit of the substance called ``name`` (any case)."""
        rows = self.db.table("substances").rows_where(
            "name = ? COLLATE NOCASE", [name], select="id, uid, unit", limit=1
        )
        return next(rows, None)

    def substances(self) -> list[StoredSubstance]:
        """All substances, by name."""
        rows = self.db.table("substances").rows_where(
            select=", ".join(("id", *SUBSTANCE_FIELDS)), order_by="name COLLATE NOCASE"
        )
        result = []
        for raw in rows:
            raw["active"] = bool(raw["active"])
            uid, substance = parse_substance_record(raw, "substance")
            result.append(StoredSubstance(raw["id"], uid, substance))
        return result

    def substance(self, name: str) -> StoredSubstance:
        """The substance called ``name`` (any case); unknown names are a ValidationError."""
        for stored in self.substances():
            if stored.substance.name.casefold() == name.casefold():
                return stored
        known = (
            ", ".join(s.substance.name for s in self.substances())
            or "none yet; add one with 'ebb substance add'"
        )
        raise ValidationError("substance", f"{ascii(name)[:60]} is not a known substance; known: {known}")

    # ---- entries --------------------------------------------------------------------

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
        detail_rows: dict[str, list[Row]] = {kind: [] for kind in _DETAIL_TABLES}
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
                    **_time_columns(entry_time(value)),
                    "zone": zone,
                    "note": record["note"],
                    "recorded_utc": recorded,
                }
            )
            detail_rows[kind].append(_detail_row(entry_id, record, self._substance_id(record, substance_ids)))
        self.db.table("entries").insert_all(entry_rows)
        for kind, rows in detail_rows.items():
            self.db.table(_DETAIL_TABLES[kind]).insert_all(rows)
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
            raise ValidationError("night", f"{night} already has a sleep diary (entry {diary})")

    def _substance_id(self, record: Record, known: dict[str, int]) -> int | None:
        """A dose record's substance id (None for other kinds), remembered in ``known``."""
        if record["kind"] != "dose":
            return None
        name = record["substance"]
        if name not in known:
            stored = self._substance_row(name)
            if stored is None:
                raise ValidationError("substance", f"{name!a} is not a known substance")
            known[name] = stored["id"]
        return known[name]

    def _records(
        self, conditions: Sequence[str], params: Sequence[Any], kind: str | None
    ) -> Iterator[Record]:
        """Live entries (of one kind or all) meeting ``conditions`` on ``e``, in time order."""
        where = " AND ".join(["e.kind = ?", "e.deleted_utc IS NULL", *conditions])
        streams = [
            self.db.query(f"{select} WHERE {where} ORDER BY e.at_utc, e.id", [each, *params])
            for each, select in _KIND_SELECTS.items()
            if kind in (None, each)
        ]
        return map(_row_to_record, heapq.merge(*streams, key=_IN_TIME_ORDER))

    def entry(self, entry_id: int) -> Record:
        """One live (not deleted) entry; unknown ids are a ValidationError."""
        record = next(self._records(["e.id = ?"], [entry_id], None), None)
        if record is None:
            raise ValidationError("id", f"{entry_id} is not an entry in the journal")
        return record

    def entries(
        self, *, kind: str | None = None, start: datetime | None = None, end: datetime | None = None
    ) -> list[Record]:
        """Live entries in time order, optionally of one kind and in [start, end)."""
        return list(self.iter_entries(kind=kind, start=start, end=end))

    def iter_entries(
        self, *, kind: str | None = None, start: datetime | None = None, end: datetime | None = None
    ) -> Iterator[Record]:
        conditions = []
        params = []
        if start is not None:
            conditions.append("e.at_utc >= ?")
            params.append(to_utc_text(start))
        if end is not None:
            conditions.append("e.at_utc < ?")
            params.append(to_utc_text(end))
        yield from self._records(conditions, params, kind)

    def uids(self) -> set[str]:
        """Every entry uid ever stored, deleted ones included."""
        return {row["uid"] for row in self.db.table("entries").rows_where(select="uid")}

    def doses_of(
        self, substance_name: str, start: datetime, end: datetime, *, exclude_id: int | None = None
    ) -> list[PastDose]:
        """Live doses of a substance with start <= at < end (for limit checks), leaving
        out entry ``exclude_id`` (the dose being edited, which must not count against itself)."""
        rows = self.db.query(
            "SELECT e.at_utc, d.amount FROM entries e JOIN doses d ON d.entry_id = e.id "
            "JOIN substances s ON s.id = d.substance_id "
            "WHERE s.name = ? COLLATE NOCASE AND e.deleted_utc IS NULL "
            "AND e.at_utc >= ? AND e.at_utc < ? AND e.id IS NOT ? ORDER BY e.at_utc",
            [substance_name, to_utc_text(start), to_utc_text(end), exclude_id],
        )
        return [PastDose(from_utc_text(row["at_utc"]), row["amount"]) for row in rows]

    def analysis_records(self) -> list[Record]:
        """Doses, pain readings and sleep diaries with only the fields insights read, for
        the whole journal. ``at`` is an aware datetime in the offset the user lived (not
        the ISO text of :meth:`entries`): on a 10-year journal this takes about a fifth of
        the time of building and re-parsing full records."""
        live = "e.deleted_utc IS NULL"
        records: list[Record] = [
            {
                "kind": "dose",
                "at": from_stored(row["at_utc"], row["utc_offset_min"]),
                "substance": row["substance"],
                "amount": row["amount"],
                "product": row["product"],
                "batch": row["batch"],
                "pain_before": row["pain_before"],
            }
            for row in self.db.query(
                "SELECT e.at_utc, e.utc_offset_min, s.name AS substance, d.amount, d.product, d.batch, "
                "d.pain_before FROM entries e JOIN doses d ON d.entry_id = e.id "
                f"JOIN substances s ON s.id = d.substance_id WHERE {live}"
            )
        ]
        records.extend(
            {"kind": "pain", "at": from_stored(row["at_utc"], row["utc_offset_min"]), "score": row["score"]}
            for row in self.db.query(
                "SELECT e.at_utc, e.utc_offset_min, p.score "
                f"FROM entries e JOIN pains p ON p.entry_id = e.id WHERE {live}"
            )
        )
        records.extend(
            {
                "kind": "sleep",
                "at": from_stored(row["at_utc"], row["utc_offset_min"]),
                "night": row["night"],
                "in_bed": row["in_bed"],
                "try_sleep": row["tried_sleep"],
                "sol_min": row["sol_min"],
                "waso_min": row["waso_min"],
                "final_wake": row["final_wake"],
                "out_of_bed": row["out_of_bed"],
                "quality": row["quality"],
            }
            for row in self.db.query(
                "SELECT e.at_utc, e.utc_offset_min, sl.night, sl.in_bed, sl.tried_sleep, sl.sol_min, "
                "sl.waso_min, sl.final_wake, sl.out_of_bed, sl.quality "
                f"FROM entries e JOIN sleeps sl ON sl.entry_id = e.id WHERE {live}"
            )
        )
        return records

    def first_entry_time(self) -> datetime | None:
        """When the earliest live entry happened (None: the journal is empty)."""
        rows = self.db.query("SELECT min(at_utc) AS first FROM entries WHERE deleted_utc IS NULL")
        first = next(rows)["first"]
        return None if first is None else from_utc_text(first)

    def used_words(self, limit: int = 40) -> dict[str, list[str]]:
        """The dose forms and products and the pain locations and qualities the user has
        written before, most recent first, to offer as completions in the dialogs."""
        words: dict[str, list[str]] = {}
        for field, table, column in (
            ("form", "doses", "form"),
            ("product", "doses", "product"),
            ("location", "pains", "locations"),
            ("quality", "pains", "qualities"),
        ):
            # Column and table names come from the literal table above, never from input.
            rows = self.db.query(
                f"SELECT t.{column} AS text FROM {table} t JOIN entries e ON e.id = t.entry_id "
                f"WHERE e.deleted_utc IS NULL AND t.{column} IS NOT NULL AND t.{column} NOT IN ('', '[]') "
                "ORDER BY e.at_utc DESC LIMIT 500"
            )
            seen: dict[str, str] = {}
            for row in rows:
                for word in _list(row["text"]) if table == "pains" else [row["text"]]:
                    seen.setdefault(word.casefold(), word)
            words[field] = list(seen.values())[:limit]
        return words

    def planner_view(self, since: datetime) -> JournalView:
        """What the planner needs: active substances, and pain readings, doses and
        sleep onsets from ``since`` on (times in the offset the user lived)."""
        from desktop.core.planning.pattern import PainReading
        from desktop.core.planning.planner import JournalView, LoggedDose

        since_text = [to_utc_text(since)]
        pains = [
            PainReading(from_stored(row["at_utc"], row["utc_offset_min"]), row["score"])
            for row in self.db.query(
                "SELECT e.at_utc, e.utc_offset_min, p.score FROM entries e JOIN pains p ON p.entry_id = e.id "
                "WHERE e.deleted_utc IS NULL AND e.at_utc >= ? ORDER BY e.at_utc",
                since_text,
            )
        ]
        doses = [
            LoggedDose(
                row["uid"], row["name"], from_stored(row["at_utc"], row["utc_offset_min"]), row["pain_before"]
            )
            for row in self.db.query(
                "SELECT e.uid, s.name, e.at_utc, e.utc_offset_min, d.pain_before FROM entries e "
                "JOIN doses d ON d.entry_id = e.id JOIN substances s ON s.id = d.substance_id "
                "WHERE e.deleted_utc IS NULL AND e.at_utc >= ? ORDER BY e.at_utc",
                since_text,
            )
        ]
        onsets = [
            (date.fromisoformat(row["night"]), datetime.fromisoformat(row["tried_sleep"]))
            for row in self.db.query(
                "SELECT sl.night, sl.tried_sleep FROM entries e JOIN sleeps sl ON sl.entry_id = e.id "
                "WHERE e.deleted_utc IS NULL AND e.at_utc >= ? ORDER BY e.at_utc",
                since_text,
            )
        ]
        substances = [(s.uid, s.substance) for s in self.substances() if s.substance.active]
        return JournalView(substances=substances, pains=pains, doses=doses, sleep_onsets=onsets)

    def limit_verdict(
        self, substance: Substance, amount: float, at: datetime, *, exclude_id: int | None = None
    ) -> Verdict:
        """A dose of ``amount`` at ``at`` against the user's own limits, given the doses
        logged within a day either side (but entry ``exclude_id``: an edit replaces it)."""
        history = self.doses_of(substance.name, at - DAY, at + DAY, exclude_id=exclude_id)
        return check_dose(substance.limits, history, at, amount)

    # ---- delete, edit, undo ---------------------------------------------------------

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
                    "kind", f"cannot change a {before['kind']} entry into a {entry_kind(value)}"
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
            entry_id, {**_time_columns(at), "zone": record["zone"], "note": record["note"]}
        )
        details = self.db.table(_DETAIL_TABLES[record["kind"]])
        # delete_where, not delete: a missing detail row is no error here (delete() is).
        details.delete_where("entry_id = ?", [entry_id])
        details.insert(_detail_row(entry_id, record, self._substance_id(record, {})))

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

    # ---- settings -------------------------------------------------------------------

    def stored_settings(self) -> dict[str, str]:
        """Settings the user has set (defaults are applied by core.settings)."""
        return {row["key"]: row["value"] for row in self.db.table("settings").rows_where(select="key, value")}

    def set_setting(self, key: str, value: str) -> None:
        with write_transaction(self.db):
            self.db.table("settings").upsert(
                {"key": key, "value": value, "updated_utc": self._now_text()}, pk="key"
            )

    # ---- bulk: export and import ----------------------------------------------------

    def substance_records(self) -> list[Record]:
        return [substance_record(s.substance, s.uid) for s in self.substances()]

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
                        f"{substance.name} is in {row['unit']} in this journal "
                        f"but in {substance.unit} in the file",
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
