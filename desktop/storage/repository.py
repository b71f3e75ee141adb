"""The journal repository: every SQL statement Ebb runs against the journal lives here.

Each public write is one transaction: it happens whole or not at all. Deletes are
soft (``deleted_utc``) and, like edits, recorded in ``undo_log`` so they can be undone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desktop.core.errors import ValidationError
from desktop.core.model import SleepEntry, Substance
from desktop.core.safety import DAY, PastDose, Verdict, check_dose
from desktop.core.times import from_utc_text, to_utc_text, with_offset
from desktop.storage.records import (
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
    from desktop.core.planner import JournalView

Clock = Callable[[], datetime]
sqlite_row = tuple[Any, ...]


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


_ENTRY_SELECT = """
SELECT e.id, e.uid, e.kind, e.at_utc, e.utc_offset_min, e.zone, e.note, e.recorded_utc,
       s.name AS substance, d.amount, d.unit, d.form, d.product, d.batch, d.pain_before,
       d.source AS dose_source, d.warnings,
       p.score, p.locations, p.qualities, p.source AS pain_source,
       sl.night, sl.in_bed, sl.tried_sleep, sl.sol_min, sl.awakenings, sl.waso_min,
       sl.final_wake, sl.out_of_bed, sl.quality,
       ef.name AS effect_name, ef.severity, n.tags
FROM entries e
LEFT JOIN doses d ON d.entry_id = e.id
LEFT JOIN substances s ON s.id = d.substance_id
LEFT JOIN pains p ON p.entry_id = e.id
LEFT JOIN sleeps sl ON sl.entry_id = e.id
LEFT JOIN effects ef ON ef.entry_id = e.id
LEFT JOIN notes n ON n.entry_id = e.id
"""

_DETAIL_TABLES = {"dose": "doses", "pain": "pains", "sleep": "sleeps", "effect": "effects", "note": "notes"}


def _list(text: str) -> list[str]:
    # Most lists are empty; skipping the JSON decoder for them halves export time.
    return [] if text == "[]" else list(json.loads(text))


def _row_to_record(row: sqlite_row) -> Record:
    (
        entry_id,
        uid,
        kind,
        at_utc,
        offset,
        zone,
        note,
        recorded,
        substance,
        amount,
        unit,
        form,
        product,
        batch,
        pain_before,
        dose_source,
        warnings,
        score,
        locations,
        qualities,
        pain_source,
        night,
        in_bed,
        tried_sleep,
        sol,
        awakenings,
        waso,
        final_wake,
        out_of_bed,
        quality,
        effect_name,
        severity,
        tags,
    ) = row
    record: Record = {
        "id": entry_id,
        "uid": uid,
        "kind": kind,
        "at": with_offset(from_utc_text(at_utc), offset).isoformat(),
        "zone": zone,
        "recorded": recorded,
        "note": note,
    }
    if kind == "dose":
        record.update(
            substance=substance,
            amount=amount,
            unit=unit,
            form=form,
            product=product,
            batch=batch,
            pain_before=pain_before,
            source=dose_source,
            warnings=_list(warnings),
        )
    elif kind == "pain":
        record.update(score=score, locations=_list(locations), qualities=_list(qualities), source=pain_source)
    elif kind == "sleep":
        record.update(
            night=night,
            in_bed=in_bed,
            try_sleep=tried_sleep,
            sol_min=sol,
            awakenings=awakenings,
            waso_min=waso,
            final_wake=final_wake,
            out_of_bed=out_of_bed,
            quality=quality,
        )
    elif kind == "effect":
        record.update(name=effect_name, severity=severity)
    else:
        record.update(tags=_list(tags))
    return record


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
            cursor = self.db.execute(
                f"INSERT INTO substances ({', '.join(record)}) VALUES ({', '.join('?' * len(record))})",
                list(record.values()),
            )
            return int(cursor.lastrowid or 0)

    def update_substance(self, name: str, substance: Substance) -> None:
        """Change a substance (its limits, usual amount, timing, alias, active flag or
        name). The unit cannot change once doses were logged: their amounts would then
        mean something else."""
        with write_transaction(self.db):
            row = self._substance_row(name)
            if row is None:
                raise ValidationError("substance", f"{name!a} is not a known substance")
            other = self._substance_row(substance.name)
            if other is not None and other[0] != row[0]:
                raise ValidationError("name", f"{substance.name!a} already exists")
            unit, doses = self.db.execute(
                "SELECT unit, (SELECT count(*) FROM doses WHERE substance_id = ?) "
                "FROM substances WHERE id = ?",
                [row[0], row[0]],
            ).fetchone()
            if unit != substance.unit and doses:
                raise ValidationError(
                    "unit", f"stays {unit}: {doses} logged doses are in {unit}; add a new substance instead"
                )
            record = substance_record(substance, row[1])
            record["active"] = int(record["active"])
            del record["uid"]
            assignments = ", ".join(f"{key} = ?" for key in record)
            self.db.execute(f"UPDATE substances SET {assignments} WHERE id = ?", [*record.values(), row[0]])

    def _substance_row(self, name: str) -> sqlite_row | None:
        row: sqlite_row | None = self.db.execute(
            "SELECT id, uid FROM substances WHERE name = ? COLLATE NOCASE", [name]
        ).fetchone()
        return row

    def substances(self) -> list[StoredSubstance]:
        """All substances, by name."""
        columns = ("id", *SUBSTANCE_FIELDS)
        rows = self.db.execute(
            f"SELECT {', '.join(columns)} FROM substances ORDER BY name COLLATE NOCASE"
        ).fetchall()
        result = []
        for row in rows:
            raw = dict(zip(columns, row, strict=True))
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
            return self._insert(value, zone=zone, uid=uid or new_uid(), recorded=recorded or self._now_text())

    def _insert(self, value: Entry, *, zone: str | None, uid: str, recorded: str) -> int:
        if isinstance(value, SleepEntry):
            self._check_night_free(value.night.isoformat(), exclude_id=None)
        at = entry_time(value)
        offset = at.utcoffset()
        assert offset is not None
        record = entry_record(value, zone=zone, uid=uid, recorded=recorded)
        cursor = self.db.execute(
            "INSERT INTO entries (uid, kind, at_utc, utc_offset_min, zone, note, recorded_utc) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                uid,
                entry_kind(value),
                to_utc_text(at),
                int(offset.total_seconds() // 60),
                zone,
                record["note"],
                recorded,
            ],
        )
        entry_id = int(cursor.lastrowid or 0)
        self._write_detail(entry_id, record)
        return entry_id

    def _check_night_free(self, night: str, exclude_id: int | None) -> None:
        row = self.db.execute(
            "SELECT e.id FROM sleeps sl JOIN entries e ON e.id = sl.entry_id "
            "WHERE sl.night = ? AND e.deleted_utc IS NULL AND e.id IS NOT ?",
            [night, exclude_id],
        ).fetchone()
        if row is not None:
            raise ValidationError("night", f"{night} already has a sleep diary (entry {row[0]})")

    def _write_detail(self, entry_id: int, record: Record) -> None:
        kind = record["kind"]
        if kind == "dose":
            stored = self._substance_row(record["substance"])
            if stored is None:
                raise ValidationError("substance", f"{record['substance']!a} is not a known substance")
            columns: dict[str, Any] = {
                "substance_id": stored[0],
                "amount": record["amount"],
                "unit": record["unit"],
                "form": record["form"],
                "product": record["product"],
                "batch": record["batch"],
                "pain_before": record["pain_before"],
                "source": record["source"],
                "warnings": json.dumps(record["warnings"]),
            }
        elif kind == "pain":
            columns = {
                "score": record["score"],
                "locations": json.dumps(record["locations"]),
                "qualities": json.dumps(record["qualities"]),
                "source": record["source"],
            }
        elif kind == "sleep":
            columns = {
                "night": record["night"],
                "in_bed": record["in_bed"],
                "tried_sleep": record["try_sleep"],
                "sol_min": record["sol_min"],
                "awakenings": record["awakenings"],
                "waso_min": record["waso_min"],
                "final_wake": record["final_wake"],
                "out_of_bed": record["out_of_bed"],
                "quality": record["quality"],
            }
        elif kind == "effect":
            columns = {"name": record["name"], "severity": record["severity"]}
        else:
            columns = {"tags": json.dumps(record["tags"])}
        columns = {"entry_id": entry_id, **columns}
        self.db.execute(
            f"INSERT INTO {_DETAIL_TABLES[kind]} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            list(columns.values()),
        )

    def entry(self, entry_id: int) -> Record:
        """One live (not deleted) entry; unknown ids are a ValidationError."""
        row = self.db.execute(
            _ENTRY_SELECT + " WHERE e.id = ? AND e.deleted_utc IS NULL", [entry_id]
        ).fetchone()
        if row is None:
            raise ValidationError("id", f"{entry_id} is not an entry in the journal")
        return _row_to_record(row)

    def entries(
        self, *, kind: str | None = None, start: datetime | None = None, end: datetime | None = None
    ) -> list[Record]:
        """Live entries in time order, optionally of one kind and in [start, end)."""
        return list(self.iter_entries(kind=kind, start=start, end=end))

    def iter_entries(
        self, *, kind: str | None = None, start: datetime | None = None, end: datetime | None = None
    ) -> Iterator[Record]:
        where = ["e.deleted_utc IS NULL"]
        params: list[Any] = []
        if kind is not None:
            where.append("e.kind = ?")
            params.append(kind)
        if start is not None:
            where.append("e.at_utc >= ?")
            params.append(to_utc_text(start))
        if end is not None:
            where.append("e.at_utc < ?")
            params.append(to_utc_text(end))
        cursor = self.db.execute(
            _ENTRY_SELECT + " WHERE " + " AND ".join(where) + " ORDER BY e.at_utc, e.id", params
        )
        for row in cursor:
            yield _row_to_record(row)

    def uids(self) -> set[str]:
        """Every entry uid ever stored, deleted ones included."""
        return {row[0] for row in self.db.execute("SELECT uid FROM entries")}

    def doses_of(
        self, substance_name: str, start: datetime, end: datetime, *, exclude_id: int | None = None
    ) -> list[PastDose]:
        """Live doses of a substance with start <= at < end (for limit checks), leaving
        out entry ``exclude_id`` (the dose being edited, which must not count against itself)."""
        rows = self.db.execute(
            "SELECT e.at_utc, d.amount FROM entries e JOIN doses d ON d.entry_id = e.id "
            "JOIN substances s ON s.id = d.substance_id "
            "WHERE s.name = ? COLLATE NOCASE AND e.deleted_utc IS NULL "
            "AND e.at_utc >= ? AND e.at_utc < ? AND e.id IS NOT ? ORDER BY e.at_utc",
            [substance_name, to_utc_text(start), to_utc_text(end), exclude_id],
        ).fetchall()
        return [PastDose(from_utc_text(at), amount) for at, amount in rows]

    def analysis_records(self) -> list[Record]:
        """Doses, pain readings and sleep diaries with only the fields insights read, for
        the whole journal. ``at`` is an aware datetime in the offset the user lived (not
        the ISO text of :meth:`entries`): on a 10-year journal this takes about a fifth of
        the time of building and re-parsing full records."""
        live = "e.deleted_utc IS NULL"
        records: list[Record] = []
        for at_utc, offset, substance, amount, product, batch, pain_before in self.db.execute(
            "SELECT e.at_utc, e.utc_offset_min, s.name, d.amount, d.product, d.batch, d.pain_before "
            "FROM entries e JOIN doses d ON d.entry_id = e.id JOIN substances s ON s.id = d.substance_id "
            f"WHERE {live}"
        ):
            records.append(
                {
                    "kind": "dose",
                    "at": with_offset(from_utc_text(at_utc), offset),
                    "substance": substance,
                    "amount": amount,
                    "product": product,
                    "batch": batch,
                    "pain_before": pain_before,
                }
            )
        records.extend(
            {"kind": "pain", "at": with_offset(from_utc_text(at_utc), offset), "score": score}
            for at_utc, offset, score in self.db.execute(
                "SELECT e.at_utc, e.utc_offset_min, p.score "
                f"FROM entries e JOIN pains p ON p.entry_id = e.id WHERE {live}"
            )
        )
        columns = (
            "night",
            "in_bed",
            "try_sleep",
            "sol_min",
            "waso_min",
            "final_wake",
            "out_of_bed",
            "quality",
        )
        for at_utc, offset, *values in self.db.execute(
            "SELECT e.at_utc, e.utc_offset_min, sl.night, sl.in_bed, sl.tried_sleep, sl.sol_min, "
            "sl.waso_min, sl.final_wake, sl.out_of_bed, sl.quality "
            f"FROM entries e JOIN sleeps sl ON sl.entry_id = e.id WHERE {live}"
        ):
            records.append(
                {
                    "kind": "sleep",
                    "at": with_offset(from_utc_text(at_utc), offset),
                    **dict(zip(columns, values, strict=True)),
                }
            )
        return records

    def first_entry_time(self) -> datetime | None:
        """When the earliest live entry happened (None: the journal is empty)."""
        first = self.db.execute("SELECT min(at_utc) FROM entries WHERE deleted_utc IS NULL").fetchone()[0]
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
            rows = self.db.execute(
                f"SELECT t.{column} FROM {table} t JOIN entries e ON e.id = t.entry_id "
                f"WHERE e.deleted_utc IS NULL AND t.{column} IS NOT NULL AND t.{column} NOT IN ('', '[]') "
                "ORDER BY e.at_utc DESC LIMIT 500"
            ).fetchall()
            seen: dict[str, str] = {}
            for (text,) in rows:
                for word in _list(text) if table == "pains" else [text]:
                    seen.setdefault(word.casefold(), word)
            words[field] = list(seen.values())[:limit]
        return words

    def planner_view(self, since: datetime) -> JournalView:
        """What the planner needs: active substances, and pain readings, doses and
        sleep onsets from ``since`` on (times in the offset the user lived)."""
        from desktop.core.pattern import PainReading
        from desktop.core.planner import JournalView, LoggedDose

        since_text = to_utc_text(since)
        pains = [
            PainReading(with_offset(from_utc_text(at), offset), score)
            for at, offset, score in self.db.execute(
                "SELECT e.at_utc, e.utc_offset_min, p.score FROM entries e JOIN pains p ON p.entry_id = e.id "
                "WHERE e.deleted_utc IS NULL AND e.at_utc >= ? ORDER BY e.at_utc",
                [since_text],
            )
        ]
        doses = [
            LoggedDose(uid, name, with_offset(from_utc_text(at), offset), pain_before)
            for uid, name, at, offset, pain_before in self.db.execute(
                "SELECT e.uid, s.name, e.at_utc, e.utc_offset_min, d.pain_before FROM entries e "
                "JOIN doses d ON d.entry_id = e.id JOIN substances s ON s.id = d.substance_id "
                "WHERE e.deleted_utc IS NULL AND e.at_utc >= ? ORDER BY e.at_utc",
                [since_text],
            )
        ]
        onsets = [
            (date.fromisoformat(night), datetime.fromisoformat(tried))
            for night, tried in self.db.execute(
                "SELECT sl.night, sl.tried_sleep FROM entries e JOIN sleeps sl ON sl.entry_id = e.id "
                "WHERE e.deleted_utc IS NULL AND e.at_utc >= ? ORDER BY e.at_utc",
                [since_text],
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
            self.db.execute("UPDATE entries SET deleted_utc = ? WHERE id = ?", [now, entry_id])
            self.db.execute(
                "INSERT INTO undo_log (action, entry_id, before, done_utc) VALUES ('delete', ?, ?, ?)",
                [entry_id, json.dumps(record), now],
            )
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
            self.db.execute(
                "INSERT INTO undo_log (action, entry_id, before, done_utc) VALUES ('edit', ?, ?, ?)",
                [entry_id, json.dumps(before), now],
            )
            return self.entry(entry_id)

    def _overwrite(self, entry_id: int, record: Record) -> None:
        at = datetime.fromisoformat(record["at"])
        offset = at.utcoffset()
        assert offset is not None
        self.db.execute(
            "UPDATE entries SET at_utc = ?, utc_offset_min = ?, zone = ?, note = ? WHERE id = ?",
            [to_utc_text(at), int(offset.total_seconds() // 60), record["zone"], record["note"], entry_id],
        )
        self.db.execute(f"DELETE FROM {_DETAIL_TABLES[record['kind']]} WHERE entry_id = ?", [entry_id])
        self._write_detail(entry_id, record)

    def undo(self) -> UndoResult | None:
        """Undo the most recent delete or edit not yet undone; None if there is none."""
        with write_transaction(self.db):
            row = self.db.execute(
                "SELECT id, action, entry_id, before FROM undo_log WHERE undone_utc IS NULL "
                "ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            log_id, action, entry_id, before_text = row
            before = json.loads(before_text)
            # Undoing an edit can move a diary back to a night taken since, as can
            # undoing a delete: both must keep one diary per night.
            if before["kind"] == "sleep":
                self._check_night_free(before["night"], exclude_id=entry_id)
            if action == "delete":
                self.db.execute("UPDATE entries SET deleted_utc = NULL WHERE id = ?", [entry_id])
            else:
                self._overwrite(entry_id, before)
            self.db.execute("UPDATE undo_log SET undone_utc = ? WHERE id = ?", [self._now_text(), log_id])
            return UndoResult(action, entry_id, before["kind"])

    # ---- settings -------------------------------------------------------------------

    def stored_settings(self) -> dict[str, str]:
        """Settings the user has set (defaults are applied by core.settings)."""
        return {k: v for k, v in self.db.execute("SELECT key, value FROM settings")}

    def set_setting(self, key: str, value: str) -> None:
        with write_transaction(self.db):
            self.db.execute(
                "INSERT INTO settings (key, value, updated_utc) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_utc = excluded.updated_utc",
                [key, value, self._now_text()],
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
                else:
                    unit = self.db.execute("SELECT unit FROM substances WHERE id = ?", [row[0]]).fetchone()[0]
                    if unit != substance.unit:
                        raise ValidationError(
                            "unit",
                            f"{substance.name} is in {unit} in this journal "
                            f"but in {substance.unit} in the file",
                        )
            known = self.uids()
            for value, zone, uid, recorded in entries:
                if uid in known:
                    present += 1
                    continue
                self._insert(value, zone=zone, uid=uid, recorded=recorded)
                known.add(uid)
                added += 1
        return added_substances, added, present


# ---- reminders: the occurrences table -------------------------------------------------

ACTED_STATES = frozenset({"due", "taken", "skipped", "snoozed", "missed", "suppressed"})
PENDING_STATES = ("planned", "snoozed")

_OCCURRENCE_COLUMNS = (
    "key",
    "kind",
    "local_date",
    "substance",
    "due_utc",
    "due_offset_min",
    "valid_until_utc",
    "reason_code",
    "reason_data",
    "state",
    "fire_utc",
    "state_code",
    "state_data",
    "deliveries",
    "delivered_utc",
    "acted_utc",
    "summarised",
    "updated_utc",
)


@dataclass(frozen=True)
class StoredOccurrence:
    """A row of the occurrences table, with times as aware datetimes."""

    key: str
    kind: str
    local_date: str
    substance: str | None
    due: datetime  # in the offset in force when it was planned
    valid_until: datetime
    reason_code: str
    reason_data: dict[str, Any]
    state: str
    fire_at: datetime
    state_code: str | None
    state_data: dict[str, Any] | None
    deliveries: int

    @classmethod
    def from_row(cls, row: sqlite_row) -> StoredOccurrence:
        values = dict(zip(_OCCURRENCE_COLUMNS, row, strict=True))
        return cls(
            key=values["key"],
            kind=values["kind"],
            local_date=values["local_date"],
            substance=values["substance"],
            due=with_offset(from_utc_text(values["due_utc"]), values["due_offset_min"]),
            valid_until=from_utc_text(values["valid_until_utc"]),
            reason_code=values["reason_code"],
            reason_data=json.loads(values["reason_data"]),
            state=values["state"],
            fire_at=from_utc_text(values["fire_utc"]),
            state_code=values["state_code"],
            state_data=None if values["state_data"] is None else json.loads(values["state_data"]),
            deliveries=values["deliveries"],
        )


@dataclass(frozen=True)
class SyncResult:
    """How many stored reminders a plan sync inserted, updated and deleted."""

    inserted: int
    updated: int
    deleted: int

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted)


class Reminders:
    """The reminder lifecycle in the database (DESIGN.md section 4).

    The database is the truth; timers are derived from :meth:`pending`. Rows that were
    acted on (delivered, taken, skipped, snoozed, missed, suppressed) are never rewritten
    by re-planning.
    """

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock

    def _select(self, where: str, params: Sequence[Any] = ()) -> list[StoredOccurrence]:
        rows = self.db.execute(
            f"SELECT {', '.join(_OCCURRENCE_COLUMNS)} FROM occurrences WHERE {where}", list(params)
        ).fetchall()
        return [StoredOccurrence.from_row(r) for r in rows]

    def sync_plan(self, local_dates: Iterable[str], planned: Iterable[Any]) -> SyncResult:
        """Make the planned rows of ``local_dates`` match ``planned`` (core Occurrences).

        Idempotent: the same plan twice changes nothing; a changed plan updates only
        rows still in state ``planned``; planned rows no longer in the plan are deleted.
        """
        dates = sorted(set(local_dates))
        inserted = updated = deleted = 0
        now = to_utc_text(self.clock())
        with write_transaction(self.db):
            existing = (
                {o.key: o for o in self._select(f"local_date IN ({', '.join('?' * len(dates))})", dates)}
                if dates
                else {}
            )
            seen = set()
            for occurrence in planned:
                seen.add(occurrence.key)
                fields = {
                    "kind": str(occurrence.kind),
                    "local_date": occurrence.due.date().isoformat(),
                    "substance": occurrence.substance,
                    "due_utc": to_utc_text(occurrence.due),
                    "due_offset_min": int((occurrence.due.utcoffset() or timedelta()).total_seconds() // 60),
                    "valid_until_utc": to_utc_text(occurrence.valid_until),
                    "reason_code": occurrence.reason.code,
                    "reason_data": json.dumps(dict(occurrence.reason.data), sort_keys=True),
                }
                old = existing.get(occurrence.key)
                if old is None:
                    old_row = self.db.execute(
                        "SELECT state FROM occurrences WHERE key = ?", [occurrence.key]
                    ).fetchone()
                    if old_row is not None:  # planned under another date (e.g. a zone change)
                        if old_row[0] != "planned":
                            continue
                        self.db.execute("DELETE FROM occurrences WHERE key = ?", [occurrence.key])
                    columns = {
                        "key": occurrence.key,
                        **fields,
                        "state": "planned",
                        "fire_utc": fields["due_utc"],
                        "updated_utc": now,
                    }
                    self.db.execute(
                        f"INSERT INTO occurrences ({', '.join(columns)}) "
                        f"VALUES ({', '.join('?' * len(columns))})",
                        list(columns.values()),
                    )
                    inserted += 1
                    continue
                if old.state != "planned":
                    continue
                current = {
                    "kind": old.kind,
                    "local_date": old.local_date,
                    "substance": old.substance,
                    "due_utc": to_utc_text(old.due),
                    "due_offset_min": int((old.due.utcoffset() or timedelta()).total_seconds() // 60),
                    "valid_until_utc": to_utc_text(old.valid_until),
                    "reason_code": old.reason_code,
                    "reason_data": json.dumps(old.reason_data, sort_keys=True),
                }
                if current != fields:
                    assignments = ", ".join(f"{k} = ?" for k in fields)
                    self.db.execute(
                        f"UPDATE occurrences SET {assignments}, fire_utc = ?, state_code = NULL, "
                        "state_data = NULL, updated_utc = ? WHERE key = ?",
                        [*fields.values(), fields["due_utc"], now, occurrence.key],
                    )
                    updated += 1
            for key, old in existing.items():
                if key not in seen and old.state == "planned":
                    self.db.execute("DELETE FROM occurrences WHERE key = ?", [key])
                    deleted += 1
        return SyncResult(inserted, updated, deleted)

    def get(self, key: str) -> StoredOccurrence | None:
        found = self._select("key = ?", [key])
        return found[0] if found else None

    def pending(self) -> list[StoredOccurrence]:
        """Occurrences still to fire (planned or snoozed), by fire time."""
        return self._select("state IN ('planned', 'snoozed') ORDER BY fire_utc, key")

    def on_dates(self, local_dates: Sequence[str]) -> list[StoredOccurrence]:
        return self._select(
            f"local_date IN ({', '.join('?' * len(local_dates))}) ORDER BY due_utc, key", local_dates
        )

    def set_state(
        self,
        key: str,
        state: str,
        *,
        code: str | None = None,
        data: Mapping[str, Any] | None = None,
        fire_at: datetime | None = None,
        delivered: bool = False,
        acted: bool = False,
    ) -> None:
        """Move an occurrence to ``state`` with the reason for it (one transaction)."""
        now = to_utc_text(self.clock())
        sets = ["state = ?", "state_code = ?", "state_data = ?", "updated_utc = ?"]
        params: list[Any] = [
            state,
            code,
            None if data is None else json.dumps(dict(data), sort_keys=True),
            now,
        ]
        if fire_at is not None:
            sets.append("fire_utc = ?")
            params.append(to_utc_text(fire_at))
        if delivered:
            sets += ["deliveries = deliveries + 1", "delivered_utc = ?"]
            params.append(now)
        if acted:
            sets.append("acted_utc = ?")
            params.append(now)
        with write_transaction(self.db):
            self.db.execute(f"UPDATE occurrences SET {', '.join(sets)} WHERE key = ?", [*params, key])

    def mark_missed(self, now: datetime) -> list[StoredOccurrence]:
        """Every pending occurrence whose window has passed becomes ``missed``; returns them."""
        with write_transaction(self.db):
            stale = self._select(
                "state IN ('planned', 'snoozed') AND valid_until_utc <= ? ORDER BY due_utc",
                [to_utc_text(now)],
            )
            for occurrence in stale:
                self.set_state(occurrence.key, "missed", code="window_passed")
        return stale

    def unsummarised_missed(self) -> list[StoredOccurrence]:
        return self._select("state = 'missed' AND summarised = 0 ORDER BY due_utc")

    def mark_summarised(self, keys: Sequence[str]) -> None:
        with write_transaction(self.db):
            self.db.conn.executemany(
                "UPDATE occurrences SET summarised = 1 WHERE key = ?", [[k] for k in keys]
            )

    # -- small app state (pause, first-run done) --

    def app_value(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM app_state WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def set_app_value(self, key: str, value: str) -> None:
        with write_transaction(self.db):
            self.db.execute(
                "INSERT INTO app_state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    def paused_until(self) -> datetime | None:
        row = self.db.execute("SELECT value FROM app_state WHERE key = 'paused_until'").fetchone()
        return None if row is None else from_utc_text(row[0])

    def set_paused_until(self, until: datetime | None) -> None:
        with write_transaction(self.db):
            if until is None:
                self.db.execute("DELETE FROM app_state WHERE key = 'paused_until'")
            else:
                self.db.execute(
                    "INSERT INTO app_state (key, value) VALUES ('paused_until', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [to_utc_text(until)],
                )
