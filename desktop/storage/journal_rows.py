"""How an entry record maps to the ``entries`` table and its kind's detail table: the
SELECT each kind is read with, the detail row each kind is written as, and the
conversions between rows and records. No transactions here; the journal's reads
(:mod:`desktop.storage.journal_reads`), writes and edits use these.
"""

from __future__ import annotations

import json
from datetime import datetime
from operator import itemgetter

from desktop.core.times import from_stored, offset_minutes, to_utc_text
from desktop.storage.records import ENTRY_FIELDS, LIST_FIELDS, Record
from desktop.storage.store import Row

# One SELECT per entry kind, each with the columns every entry has and only its own
# kind's detail columns, named as the record fields they become. Reading the kinds apart
# and merging them in time order (:meth:`Journal.iter_entries`) makes rows of 10 to 17
# columns instead of one 33-column row of mostly NULLs: on a 10-year journal that keeps
# reading rows by name as quick as the one wide LEFT JOIN was by position.
_ENTRY_COLUMNS = "e.id, e.uid, e.kind, e.at_utc, e.utc_offset_min, e.zone, e.note, e.recorded_utc"
KIND_SELECTS = {
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
IN_TIME_ORDER = itemgetter("at_utc", "id")

DETAIL_TABLES = {"dose": "doses", "pain": "pains", "sleep": "sleeps", "effect": "effects", "note": "notes"}
# Record fields stored under another column name (a dose's substance is its substance_id).
_DETAIL_COLUMNS = {"try_sleep": "tried_sleep"}


def stored_list(text: str) -> list[str]:
    # Most lists are empty; skipping the JSON decoder for them halves export time.
    return [] if text == "[]" else list(json.loads(text))


def time_columns(at: datetime) -> Row:
    return {"at_utc": to_utc_text(at), "utc_offset_min": offset_minutes(at)}


def row_to_record(row: Row) -> Record:
    """The record of a row of one of :data:`KIND_SELECTS`."""
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
        record[field] = stored_list(row[field]) if field in LIST_FIELDS else row[field]
    return record


def detail_row(entry_id: int, record: Record, substance_id: int | None) -> Row:
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
