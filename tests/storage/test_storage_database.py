"""Opening the journal: private files, SQLite settings, the schema, and refusal of files
Ebb must not touch (left byte-identical)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from desktop.storage import database
from desktop.storage.database import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    JournalUnreadable,
    open_journal,
    schema_version,
)
from desktop.storage.migrations import SCHEMA_VERSION


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_closed_journal(path: Path) -> None:
    """A real journal file, closed (its WAL checkpointed into the main file)."""
    open_journal(path).close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def pragma(db: Database, name: str) -> object:
    return db.execute(f"PRAGMA {name}").fetchone()[0]


# ---- private files ---------------------------------------------------------------------


def test_data_dir_is_0700_and_journal_0600_before_sqlite_opens_it(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, int]] = []
    real_connect = sqlite3.connect

    def spy(target: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        if Path(target) == journal_path:
            seen.append((mode(journal_path.parent), mode(journal_path)))
        return real_connect(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", spy)
    # A permissive umask must not widen anything.
    old_umask = os.umask(0)
    try:
        open_journal(journal_path).close()
    finally:
        os.umask(old_umask)

    assert seen == [(0o700, 0o600)]
    assert mode(journal_path.parent) == 0o700
    assert mode(journal_path) == 0o600


def test_an_existing_loose_data_dir_is_tightened_to_0700(journal_path: Path) -> None:
    journal_path.parent.mkdir(mode=0o755)
    journal_path.parent.chmod(0o755)

    open_journal(journal_path).close()

    assert mode(journal_path.parent) == 0o700


def test_wal_and_shm_files_are_0600(db: Database, journal_path: Path) -> None:
    old_umask = os.umask(0)
    try:
        db.execute("INSERT INTO settings (key, value, updated_utc) VALUES ('k', 'v', 'now')")
        db.conn.commit()
    finally:
        os.umask(old_umask)

    wal = journal_path.with_name("journal.db-wal")
    shm = journal_path.with_name("journal.db-shm")
    assert wal.exists() and shm.exists()
    assert (mode(wal), mode(shm)) == (0o600, 0o600)


# ---- SQLite settings -------------------------------------------------------------------


def test_connection_settings(db: Database) -> None:
    assert pragma(db, "journal_mode") == "wal"
    assert pragma(db, "foreign_keys") == 1
    assert pragma(db, "busy_timeout") == BUSY_TIMEOUT_MS > 0
    assert pragma(db, "synchronous") == 2  # FULL


def test_file_is_marked_as_ebbs_and_at_the_current_schema(db: Database) -> None:
    assert pragma(db, "application_id") == APPLICATION_ID
    assert schema_version(db) == SCHEMA_VERSION
    applied = db.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall()
    assert len(applied) == SCHEMA_VERSION
    assert {row[0] for row in applied} == {"ebb"}


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO pains (entry_id, score, source) VALUES (999, 3, 'manual')")


def test_reopening_changes_nothing(journal_path: Path) -> None:
    open_journal(journal_path).close()
    first = sha256(journal_path)

    open_journal(journal_path).close()

    assert sha256(journal_path) == first


# The whole schema, as sqlite-utils and llm test it: one expected description that a
# new migration must update on purpose.
EXPECTED_SCHEMA = """
table _sqlite_migrations
  id INTEGER PK
  migration_set TEXT
  name TEXT
  applied_at TEXT
table app_state
  key TEXT PK
  value TEXT NOT NULL
table doses
  entry_id INTEGER PK ->entries.id
  substance_id INTEGER NOT NULL ->substances.id
  amount REAL NOT NULL
  unit TEXT NOT NULL
  form TEXT
  product TEXT
  batch TEXT
  pain_before INTEGER
  source TEXT NOT NULL
  warnings TEXT NOT NULL
table effects
  entry_id INTEGER PK ->entries.id
  name TEXT NOT NULL
  severity INTEGER NOT NULL
table entries
  id INTEGER PK
  uid TEXT NOT NULL
  kind TEXT NOT NULL
  at_utc TEXT NOT NULL
  utc_offset_min INTEGER NOT NULL
  zone TEXT
  note TEXT NOT NULL
  recorded_utc TEXT NOT NULL
  deleted_utc TEXT
table notes
  entry_id INTEGER PK ->entries.id
  tags TEXT NOT NULL
table occurrences
  key TEXT PK
  kind TEXT NOT NULL
  local_date TEXT NOT NULL
  substance TEXT
  due_utc TEXT NOT NULL
  due_offset_min INTEGER NOT NULL
  valid_until_utc TEXT NOT NULL
  reason_code TEXT NOT NULL
  reason_data TEXT NOT NULL
  state TEXT NOT NULL
  fire_utc TEXT NOT NULL
  state_code TEXT
  state_data TEXT
  deliveries INTEGER NOT NULL
  delivered_utc TEXT
  acted_utc TEXT
  summarised INTEGER NOT NULL
  updated_utc TEXT NOT NULL
table pains
  entry_id INTEGER PK ->entries.id
  score INTEGER NOT NULL
  locations TEXT NOT NULL
  qualities TEXT NOT NULL
  source TEXT NOT NULL
table settings
  key TEXT PK
  value TEXT NOT NULL
  updated_utc TEXT NOT NULL
table sleeps
  entry_id INTEGER PK ->entries.id
  night TEXT NOT NULL
  in_bed TEXT NOT NULL
  tried_sleep TEXT NOT NULL
  sol_min INTEGER NOT NULL
  awakenings INTEGER NOT NULL
  waso_min INTEGER NOT NULL
  final_wake TEXT NOT NULL
  out_of_bed TEXT NOT NULL
  quality INTEGER NOT NULL
table substances
  id INTEGER PK
  uid TEXT NOT NULL
  name TEXT NOT NULL
  kind TEXT NOT NULL
  unit TEXT NOT NULL
  usual_amount REAL
  min_interval_h REAL
  max_per_day INTEGER
  daily_cap REAL
  onset_min INTEGER
  duration_h REAL
  alias TEXT
  active INTEGER NOT NULL
  created_utc TEXT NOT NULL
table undo_log
  id INTEGER PK
  action TEXT NOT NULL
  entry_id INTEGER NOT NULL ->entries.id
  before TEXT NOT NULL
  done_utc TEXT NOT NULL
  undone_utc TEXT
index doses_by_substance ON doses(substance_id)
index entries_by_kind_time ON entries(kind, at_utc)
index entries_by_time ON entries(at_utc)
index idx__sqlite_migrations_migration_set_name ON _sqlite_migrations(migration_set, name) UNIQUE
index occurrences_by_date ON occurrences(local_date)
index occurrences_by_state_fire ON occurrences(state, fire_utc)
index sleeps_by_night ON sleeps(night)
index sqlite_autoindex_app_state_1 ON app_state(key) UNIQUE
index sqlite_autoindex_entries_1 ON entries(uid) UNIQUE
index sqlite_autoindex_occurrences_1 ON occurrences(key) UNIQUE
index sqlite_autoindex_settings_1 ON settings(key) UNIQUE
index sqlite_autoindex_substances_1 ON substances(uid) UNIQUE
index sqlite_autoindex_substances_2 ON substances(name) UNIQUE
"""


def describe_schema(db: Database) -> str:
    lines = []
    objects = db.execute(
        "SELECT type, name, tbl_name FROM sqlite_master "
        "WHERE type IN ('table', 'index') ORDER BY type DESC, name"
    ).fetchall()
    for kind, name, table in objects:
        if kind == "table":
            lines.append(f"table {name}")
            references = {
                row[3]: f"->{row[2]}.{row[4]}" for row in db.execute(f"PRAGMA foreign_key_list({name})")
            }
            for _, column, type_, notnull, _, pk in db.execute(f"PRAGMA table_info({name})"):
                words = [
                    column,
                    type_,
                    "NOT NULL" if notnull else "",
                    "PK" if pk else "",
                    references.get(column, ""),
                ]
                lines.append("  " + " ".join(w for w in words if w))
        else:
            columns = ", ".join(row[2] for row in db.execute(f"PRAGMA index_info({name})"))
            unique = next(row[2] for row in db.execute(f"PRAGMA index_list({table})") if row[1] == name)
            lines.append(f"index {name} ON {table}({columns})" + (" UNIQUE" if unique else ""))
    return "\n".join(lines)


def test_schema_matches_the_expected_description(db: Database) -> None:
    assert describe_schema(db) == EXPECTED_SCHEMA.strip()


def test_schema_keeps_its_check_constraints(db: Database) -> None:
    sql = {
        name: text for name, text in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    }
    assert "score BETWEEN 0 AND 10" in sql["pains"]
    assert "quality BETWEEN 1 AND 5" in sql["sleeps"]
    assert "severity BETWEEN 0 AND 3" in sql["effects"]
    assert "COLLATE NOCASE" in sql["substances"]
    assert "ON DELETE CASCADE" in sql["doses"]


# ---- refusal: the file is left byte-identical -----------------------------------------


def _garbage(path: Path) -> None:
    path.write_bytes(b"This is my shopping list, not a database.\n" * 100)


def _first_50_bytes(path: Path) -> None:
    make_closed_journal(path)
    path.write_bytes(path.read_bytes()[:50])


def _cut_in_half(path: Path) -> None:
    make_closed_journal(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO recipes (title) VALUES ('soup')")
    conn.commit()
    conn.close()


def _other_application_id(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()


def _newer_schema(path: Path) -> None:
    make_closed_journal(path)
    conn = sqlite3.connect(str(path))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _unknown_migration(path: Path) -> None:
    make_closed_journal(path)
    conn = sqlite3.connect(str(path))
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('ebb', '9999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("prepare", "problem"),
    [
        (_garbage, "not an SQLite database"),
        (_first_50_bytes, "truncated"),
        (_cut_in_half, "truncated"),
        (_foreign_sqlite, "not an Ebb journal"),
        (_other_application_id, "not an Ebb journal"),
        (_newer_schema, "newer version of Ebb"),
        (_unknown_migration, "newer version of Ebb"),
    ],
    ids=lambda v: getattr(v, "__name__", v).strip("_") if callable(v) else "",
)
def test_refuses_and_leaves_the_file_untouched(journal_path: Path, prepare, problem: str) -> None:
    journal_path.parent.mkdir(mode=0o700)
    prepare(journal_path)
    before = sha256(journal_path)
    size = journal_path.stat().st_size
    called: list[int] = []

    with pytest.raises(JournalUnreadable) as caught:
        open_journal(journal_path, before_migrating=lambda db, version: called.append(version))

    assert problem in caught.value.problem
    assert caught.value.path == journal_path
    assert sha256(journal_path) == before
    assert journal_path.stat().st_size == size
    assert called == []
    assert sorted(p.name for p in journal_path.parent.iterdir()) == ["journal.db"]


def test_newer_journal_message_says_to_update(journal_path: Path) -> None:
    _newer_schema(journal_path)
    with pytest.raises(JournalUnreadable, match=f"schema {SCHEMA_VERSION + 1}.*update Ebb"):
        open_journal(journal_path)


def test_an_empty_existing_file_is_treated_as_new(journal_path: Path) -> None:
    journal_path.parent.mkdir(mode=0o700)
    journal_path.touch(mode=0o600)
    called: list[int] = []

    db = open_journal(journal_path, before_migrating=lambda db, version: called.append(version))
    try:
        assert schema_version(db) == SCHEMA_VERSION
        assert pragma(db, "application_id") == APPLICATION_ID
    finally:
        db.close()
    assert called == []


# ---- several processes creating the same new journal ----------------------------------

PROCESSES = 4
ROUNDS = 5

# Each process takes part in every round: it says it is ready, waits for "go", then
# opens that round's brand-new journal at the same moment as the others.
_OPENER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from desktop.storage.database import open_journal, schema_version
    base, me, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    for number in range(rounds):
        folder = base / f"round{number}"
        (folder / f"ready{me}").touch()
        while not (folder / "go").exists():
            time.sleep(0.0005)
        db = open_journal(folder / "data" / "journal.db")
        db.execute("INSERT INTO settings (key, value, updated_utc) VALUES (?, 'x', 'now')", [me])
        db.conn.commit()
        print(schema_version(db))
        db.close()
    """
)


def _wait_for(path: Path) -> None:
    for _ in range(3000):
        if path.exists():
            return
        time.sleep(0.01)


def test_processes_opening_a_new_journal_at_once_all_succeed(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(database.__file__).parents[2])}
    for number in range(ROUNDS):
        (tmp_path / f"round{number}").mkdir()
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _OPENER, str(tmp_path), str(me), str(ROUNDS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for me in range(PROCESSES)
    ]
    try:
        for number in range(ROUNDS):
            folder = tmp_path / f"round{number}"
            for me in range(PROCESSES):
                _wait_for(folder / f"ready{me}")
            (folder / "go").touch()
        results = [process.communicate(timeout=60) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()

    assert [p.returncode for p in processes] == [0] * PROCESSES, [err for _, err in results]
    assert [out.split() for out, _ in results] == [[str(SCHEMA_VERSION)] * ROUNDS] * PROCESSES
    for number in range(ROUNDS):
        db = open_journal(tmp_path / f"round{number}" / "data" / "journal.db")
        try:
            assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == SCHEMA_VERSION
            assert {row[0] for row in db.execute("SELECT key FROM settings")} == {
                str(me) for me in range(PROCESSES)
            }
        finally:
            db.close()


def test_a_journal_created_by_another_process_mid_inspection_is_seen_whole(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Deterministic version of the race above: while open_journal is between reading
    # the application id and listing the tables, another connection creates the
    # journal. The reads must come from one snapshot, or the file looks foreign.
    journal_path.parent.mkdir(mode=0o700)
    outcome: list[BaseException | None] = []

    def create_elsewhere() -> None:
        try:
            open_journal(journal_path).close()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    other = threading.Thread(target=create_elsewhere)
    real_connect = sqlite3.connect

    class Interleaved(sqlite3.Connection):
        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            if "FROM sqlite_master" in sql and other.ident is None:
                other.start()
                other.join(timeout=0.5)  # finishes at once unless our snapshot blocks it
            return super().execute(sql, *args)

    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: real_connect(*a, factory=Interleaved, **k))

    db = open_journal(journal_path)
    try:
        other.join(timeout=30)
        assert outcome == [None]
        assert schema_version(db) == SCHEMA_VERSION
        assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == SCHEMA_VERSION
    finally:
        db.close()


def test_a_journal_left_world_readable_is_made_private_again(tmp_path: Path) -> None:
    import stat

    from desktop.storage.database import open_journal

    path = tmp_path / "data" / "journal.db"
    open_journal(path).conn.close()
    path.chmod(0o644)
    content = path.read_bytes()
    open_journal(path).conn.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes()[:100] == content[:100]
