"""Migrations: a backup hook runs before pending migrations on an existing journal, and a
migration that fails leaves nothing half-applied."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database, Migrations

from desktop.storage import database
from desktop.storage.backups import backup_to, check_backup
from desktop.storage.database import open_journal, schema_version
from desktop.storage.migrations import KNOWN_MIGRATIONS, MIGRATIONS, SCHEMA_VERSION, m0001_initial


def install_migrations(monkeypatch: pytest.MonkeyPatch, second: Callable[[Database], None]) -> None:
    """Make ``open_journal`` see the real 0001 plus a test-only 0002."""
    migrations = Migrations("ebb")
    migrations(name="0001_initial")(m0001_initial)
    migrations(name="0002_test")(second)
    monkeypatch.setattr(database, "MIGRATIONS", migrations)
    monkeypatch.setattr(database, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(database, "KNOWN_MIGRATIONS", frozenset({"0001_initial", "0002_test"}))


def read(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def tables(path: Path) -> set[str]:
    return {row[0] for row in read(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}


def applied(path: Path) -> list[str]:
    return [row[0] for row in read(path, "SELECT name FROM _sqlite_migrations ORDER BY id")]


def test_each_shipped_migration_sets_user_version_to_its_number() -> None:
    names = [m.name for m in MIGRATIONS._migrations]
    assert SCHEMA_VERSION == len(names) == len(KNOWN_MIGRATIONS)
    for number, name in enumerate(names, start=1):
        db = Database(memory=True)
        MIGRATIONS.apply(db, stop_before=names[number:])
        assert schema_version(db) == number, name
        db.close()


def test_before_migrating_runs_with_the_old_version_before_the_new_migration(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_journal(journal_path).close()

    def m0002(db: Database) -> None:
        db.execute("CREATE TABLE reminders (id INTEGER PRIMARY KEY)")
        db.execute("PRAGMA user_version = 2")

    install_migrations(monkeypatch, m0002)
    seen: list[tuple[int, int, bool]] = []
    backup = journal_path.parent / "backups" / "journal-pre-migration-1.db"

    def before_migrating(db: Database, version: int) -> None:
        has_table = db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'reminders'").fetchone()[0]
        seen.append((version, schema_version(db), bool(has_table)))
        backup_to(db, backup)

    db = open_journal(journal_path, before_migrating=before_migrating)
    try:
        assert schema_version(db) == 2
    finally:
        db.close()

    assert seen == [(1, 1, False)]
    assert "reminders" in tables(journal_path)
    assert applied(journal_path) == ["0001_initial", "0002_test"]
    # The pre-migration backup holds the journal as it was.
    assert check_backup(backup) is None
    assert read(backup, "PRAGMA user_version") == [(1,)]
    assert "reminders" not in tables(backup)


def test_before_migrating_is_not_called_for_a_new_or_current_journal(journal_path: Path) -> None:
    called: list[int] = []

    open_journal(journal_path, before_migrating=lambda db, v: called.append(v)).close()
    open_journal(journal_path, before_migrating=lambda db, v: called.append(v)).close()

    assert called == []


def test_a_failing_migration_leaves_nothing_half_applied(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_journal(journal_path).close()

    def m0002(db: Database) -> None:
        db.execute("CREATE TABLE reminders (id INTEGER PRIMARY KEY)")
        db.execute("INSERT INTO settings (key, value, updated_utc) VALUES ('half', 'done', 'now')")
        db.execute("PRAGMA user_version = 2")
        raise RuntimeError("disk on fire")

    install_migrations(monkeypatch, m0002)
    called: list[int] = []

    with pytest.raises(RuntimeError, match="disk on fire"):
        open_journal(journal_path, before_migrating=lambda db, v: called.append(v))

    assert called == [1]
    assert "reminders" not in tables(journal_path)
    assert read(journal_path, "PRAGMA user_version") == [(1,)]
    assert read(journal_path, "SELECT * FROM settings") == []
    assert applied(journal_path) == ["0001_initial"]
    monkeypatch.undo()
    # The journal is still a healthy version-1 journal.
    db = open_journal(journal_path)
    try:
        assert schema_version(db) == 1
    finally:
        db.close()


def test_a_failing_first_migration_leaves_a_new_journal_empty(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def m0002(db: Database) -> None:
        raise RuntimeError("boom")

    install_migrations(monkeypatch, m0002)

    with pytest.raises(RuntimeError):
        open_journal(journal_path)

    assert tables(journal_path) == set()
    assert read(journal_path, "PRAGMA user_version") == [(0,)]
    assert read(journal_path, "PRAGMA application_id") == [(0,)]
