"""The thin sqlite3 layer: autocommit outside ``atomic``, all-or-nothing inside it
(nested blocks as savepoints), and migrations recorded with the data they change."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.storage.sqlite import Database, Migrations


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(sqlite3.connect(tmp_path / "t.db"))
    database.execute("CREATE TABLE t (v INTEGER UNIQUE)")
    return database


def values(path: Path) -> list[int]:
    """What another connection sees: only committed rows."""
    with sqlite3.connect(path) as other:
        return [v for (v,) in other.execute("SELECT v FROM t ORDER BY v")]


def test_a_statement_outside_atomic_commits_on_its_own(db: Database, tmp_path: Path) -> None:
    db.execute("INSERT INTO t VALUES (1)")
    assert values(tmp_path / "t.db") == [1]


def test_atomic_commits_everything_or_nothing(db: Database, tmp_path: Path) -> None:
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        db.execute("INSERT INTO t VALUES (2)")
    with pytest.raises(sqlite3.IntegrityError), db.atomic():
        db.execute("INSERT INTO t VALUES (3)")
        db.execute("INSERT INTO t VALUES (1)")  # duplicate: the whole block is undone
    assert values(tmp_path / "t.db") == [1, 2]
    assert not db.conn.in_transaction


def test_a_failed_nested_block_undoes_only_itself(db: Database, tmp_path: Path) -> None:
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(RuntimeError), db.atomic():
            db.execute("INSERT INTO t VALUES (2)")
            raise RuntimeError("inner fails")
        db.execute("INSERT INTO t VALUES (3)")
    assert values(tmp_path / "t.db") == [1, 3]


def test_a_failing_migration_leaves_neither_its_changes_nor_its_record(tmp_path: Path) -> None:
    migrations = Migrations("test")

    @migrations()
    def m1(db: Database) -> None:
        db.execute("CREATE TABLE a (x)")

    @migrations()
    def m2(db: Database) -> None:
        db.execute("CREATE TABLE b (x)")
        raise RuntimeError("half way")

    db = Database(sqlite3.connect(tmp_path / "m.db"))
    with pytest.raises(RuntimeError):
        migrations.apply(db)
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "a" in tables and "b" not in tables
    assert migrations.applied(db) == ["m1"]
    assert [m.name for m in migrations.pending(db)] == ["m2"]


def test_migrations_stop_before_a_name_and_refuse_one_already_applied(tmp_path: Path) -> None:
    migrations = Migrations("test")
    for name in ("m1", "m2", "m3"):
        migrations(name=name)(lambda db, name=name: db.execute(f"CREATE TABLE {name} (x)"))
    db = Database(sqlite3.connect(tmp_path / "m.db"))
    migrations.apply(db, stop_before="m3")
    assert migrations.applied(db) == ["m1", "m2"]
    with pytest.raises(ValueError, match="already applied"):
        migrations.apply(db, stop_before="m1")
    migrations.apply(db)
    assert migrations.applied(db) == ["m1", "m2", "m3"]


def test_a_name_cannot_be_registered_twice() -> None:
    migrations = Migrations("test")
    migrations(name="m1")(lambda db: None)
    with pytest.raises(ValueError, match="already registered"):
        migrations(name="m1")(lambda db: None)
