"""Writes over sqlite-utils: all-or-nothing under the write lock taken at once (nested
blocks as savepoints), and migrations recorded with the data they change."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database, Migrations

from desktop.storage.transactions import write_transaction


def connect(path: Path) -> Database:
    conn = sqlite3.connect(path, timeout=0.2)
    conn.isolation_level = None  # as open_journal: no implicit BEGIN
    return Database(conn, execute_plugins=False, recursive_triggers=False)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = connect(tmp_path / "t.db")
    database.execute("PRAGMA journal_mode = WAL")
    database.execute("CREATE TABLE t (v INTEGER UNIQUE)")
    return database


def values(path: Path) -> list[int]:
    """What another connection sees: only committed rows."""
    with sqlite3.connect(path) as other:
        return [v for (v,) in other.execute("SELECT v FROM t ORDER BY v")]


def test_a_write_transaction_commits_everything_or_nothing(db: Database, tmp_path: Path) -> None:
    with write_transaction(db):
        db.execute("INSERT INTO t VALUES (1)")
        db["t"].insert({"v": 2})  # sqlite-utils' own atomic() nests as a savepoint
    with pytest.raises(sqlite3.IntegrityError), write_transaction(db):
        db.execute("INSERT INTO t VALUES (3)")
        db.execute("INSERT INTO t VALUES (1)")  # duplicate: the whole block is undone
    assert values(tmp_path / "t.db") == [1, 2]
    assert not db.conn.in_transaction


def test_a_failed_nested_block_undoes_only_itself(db: Database, tmp_path: Path) -> None:
    with write_transaction(db):
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(RuntimeError), write_transaction(db):
            db.execute("INSERT INTO t VALUES (2)")
            raise RuntimeError("inner fails")
        db.execute("INSERT INTO t VALUES (3)")
    assert values(tmp_path / "t.db") == [1, 3]


def test_the_write_lock_is_taken_at_the_start(db: Database, tmp_path: Path) -> None:
    # While one write transaction is open, another connection cannot even begin one:
    # it waits (here 0.2 s) and fails, instead of reading a snapshot it could not
    # write on later.
    other = connect(tmp_path / "t.db")
    with write_transaction(db):
        with pytest.raises(sqlite3.OperationalError, match="locked"), write_transaction(other):
            pass
        db.execute("INSERT INTO t VALUES (1)")
    with write_transaction(other):
        other.execute("INSERT INTO t VALUES (2)")
    assert values(tmp_path / "t.db") == [1, 2]


def test_a_read_then_write_after_another_process_committed_still_writes(db: Database, tmp_path: Path) -> None:
    # The case sqlite-utils' deferred atomic() fails at once (SQLITE_BUSY_SNAPSHOT).
    other = connect(tmp_path / "t.db")
    with write_transaction(db):
        db.execute("SELECT count(*) FROM t").fetchone()
        db.execute("INSERT INTO t VALUES (1)")
    with write_transaction(other):
        other.execute("SELECT count(*) FROM t").fetchone()
        other.execute("INSERT INTO t VALUES (2)")
    assert values(tmp_path / "t.db") == [1, 2]


def test_a_failing_migration_leaves_neither_its_changes_nor_its_record(tmp_path: Path) -> None:
    migrations = Migrations("test")

    @migrations()
    def m1(db: Database) -> None:
        db.execute("CREATE TABLE a (x)")

    @migrations()
    def m2(db: Database) -> None:
        db.execute("CREATE TABLE b (x)")
        raise RuntimeError("half way")

    db = connect(tmp_path / "m.db")
    with pytest.raises(RuntimeError):
        migrations.apply(db)
    assert "a" in db.table_names() and "b" not in db.table_names()
    assert [m.name for m in migrations.applied(db)] == ["m1"]
    assert [m.name for m in migrations.pending(db)] == ["m2"]
