"""Schema migrations, applied in order with sqlite-utils' ``Migrations``.

Rules (after sqlite-utils/llm): each migration is a small named function that runs in
its own transaction together with the record of it having been applied; a shipped
migration is never edited, only followed by a new one. Each migration also sets
``PRAGMA user_version`` to its number inside the same transaction, so that a file
written by a newer Ebb can be recognised (and refused) before anything is touched.
"""

from __future__ import annotations

import re
from datetime import timedelta

from sqlite_utils import Database, Migrations

from desktop.core.times import from_utc_text

MIGRATIONS = Migrations("ebb")

_INITIAL_SCHEMA = """
CREATE TABLE substances (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind TEXT NOT NULL CHECK (kind IN ('melatonin', 'kratom', 'other')),
    unit TEXT NOT NULL,
    usual_amount REAL CHECK (usual_amount IS NULL OR usual_amount > 0),
    min_interval_h REAL CHECK (min_interval_h IS NULL OR min_interval_h > 0),
    max_per_day INTEGER CHECK (max_per_day IS NULL OR max_per_day >= 1),
    daily_cap REAL CHECK (daily_cap IS NULL OR daily_cap > 0),
    onset_min INTEGER,
    duration_h REAL,
    alias TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_utc TEXT NOT NULL
);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('dose', 'pain', 'sleep', 'effect', 'note')),
    at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    zone TEXT,
    note TEXT NOT NULL DEFAULT '',
    recorded_utc TEXT NOT NULL,
    deleted_utc TEXT
);
CREATE INDEX entries_by_time ON entries (at_utc);
CREATE INDEX entries_by_kind_time ON entries (kind, at_utc);
CREATE TABLE doses (
    entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    substance_id INTEGER NOT NULL REFERENCES substances (id),
    amount REAL NOT NULL CHECK (amount > 0),
    unit TEXT NOT NULL,
    form TEXT,
    product TEXT,
    batch TEXT,
    pain_before INTEGER CHECK (pain_before IS NULL OR pain_before BETWEEN 0 AND 10),
    source TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT ''
);
CREATE INDEX doses_by_substance ON doses (substance_id);
CREATE TABLE pains (
    entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    locations TEXT NOT NULL DEFAULT '',
    qualities TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL
);
CREATE TABLE sleeps (
    entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    night TEXT NOT NULL,
    in_bed TEXT NOT NULL,
    tried_sleep TEXT NOT NULL,
    sol_min INTEGER NOT NULL CHECK (sol_min >= 0),
    awakenings INTEGER NOT NULL CHECK (awakenings >= 0),
    waso_min INTEGER NOT NULL CHECK (waso_min >= 0),
    final_wake TEXT NOT NULL,
    out_of_bed TEXT NOT NULL,
    quality INTEGER NOT NULL CHECK (quality BETWEEN 1 AND 5)
);
CREATE INDEX sleeps_by_night ON sleeps (night);
CREATE TABLE effects (
    entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3)
);
CREATE TABLE notes (
    entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    tags TEXT NOT NULL DEFAULT ''
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
CREATE TABLE undo_log (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('delete', 'edit')),
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    before TEXT NOT NULL,
    done_utc TEXT NOT NULL,
    undone_utc TEXT
);
"""


def _run_schema(db: Database, schema: str, version: int) -> None:
    """Run ``schema``'s statements and record ``version`` as the schema's user_version."""
    # executescript() would COMMIT the surrounding transaction, so run one by one.
    for statement in schema.split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {version:d}")


@MIGRATIONS(name="0001_initial")
def m0001_initial(db: Database) -> None:
    _run_schema(db, _INITIAL_SCHEMA, 1)


_OCCURRENCES_SCHEMA = """
CREATE TABLE occurrences (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('melatonin', 'dose', 'checkin', 'followup', 'sleep_diary')),
    local_date TEXT NOT NULL,
    substance TEXT,
    due_utc TEXT NOT NULL,
    due_offset_min INTEGER NOT NULL,
    valid_until_utc TEXT NOT NULL,
    reason_code TEXT NOT NULL,
    reason_data TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN
        ('planned', 'due', 'taken', 'skipped', 'snoozed', 'missed', 'suppressed')),
    fire_utc TEXT NOT NULL,
    state_code TEXT,
    state_data TEXT,
    deliveries INTEGER NOT NULL DEFAULT 0,
    delivered_utc TEXT,
    acted_utc TEXT,
    summarised INTEGER NOT NULL DEFAULT 0,
    updated_utc TEXT NOT NULL
);
CREATE INDEX occurrences_by_state_fire ON occurrences (state, fire_utc);
CREATE INDEX occurrences_by_date ON occurrences (local_date);
CREATE TABLE app_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


@MIGRATIONS(name="0002_occurrences")
def m0002_occurrences(db: Database) -> None:
    _run_schema(db, _OCCURRENCES_SCHEMA, 2)


# Before 0003: "checkin:<day>:<place in the list>", "dose:<uid>:<day>:<place>".
_KEY_BY_PLACE = re.compile(r"^(checkin|dose:[^:]+):(\d{4}-\d{2}-\d{2}):\d+$")


@MIGRATIONS(name="0003_keys_by_planned_time")
def m0003_keys_by_planned_time(db: Database) -> None:
    """Check-in and dose reminders were keyed by their place in the day's list, so a
    changed time inherited another reminder's state; they are keyed by their planned
    time now (core/planning/occurrence.planned_key). Stored ones get their new key, so
    what was answered today stays answered and is not reported missed again."""
    rows = db.query("SELECT key, due_utc, due_offset_min FROM occurrences WHERE kind IN ('checkin', 'dose')")
    for row in list(rows):
        match = _KEY_BY_PLACE.match(row["key"])
        if match is None:
            continue
        planned = from_utc_text(row["due_utc"]) + timedelta(minutes=row["due_offset_min"])
        key = f"{match[1]}:{match[2]}@{planned:%H:%M}"
        db.execute("UPDATE OR IGNORE occurrences SET key = ? WHERE key = ?", [key, row["key"]])
    db.execute("PRAGMA user_version = 3")


SCHEMA_VERSION = len(MIGRATIONS._migrations)
KNOWN_MIGRATIONS = frozenset(m.name for m in MIGRATIONS._migrations)
