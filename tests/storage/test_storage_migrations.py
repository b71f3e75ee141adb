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
from desktop.storage.migrations import KNOWN_MIGRATIONS, MIGRATIONS, SCHEMA_VERSION

SHIPPED = [m.name for m in MIGRATIONS._migrations]
NEXT = SCHEMA_VERSION + 1
TEST_MIGRATION = f"{NEXT:04d}_test"


def install_migrations(monkeypatch: pytest.MonkeyPatch, extra: Callable[[Database], None]) -> None:
    """Make ``open_journal`` see the shipped migrations plus one test-only migration."""
    migrations = Migrations("ebb")
    for shipped in MIGRATIONS._migrations:
        migrations(name=shipped.name)(shipped.fn)
    migrations(name=TEST_MIGRATION)(extra)
    monkeypatch.setattr(database, "MIGRATIONS", migrations)
    monkeypatch.setattr(database, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(database, "KNOWN_MIGRATIONS", KNOWN_MIGRATIONS | {TEST_MIGRATION})


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
        db = Database(sqlite3.connect(":memory:"))
        MIGRATIONS.apply(db, stop_before=names[number:])
        assert schema_version(db) == number, name
        db.close()


def test_before_migrating_runs_with_the_old_version_before_the_new_migration(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_journal(journal_path).close()

    def extra(db: Database) -> None:
        db.execute("CREATE TABLE reminders (id INTEGER PRIMARY KEY)")
        db.execute(f"PRAGMA user_version = {NEXT}")

    install_migrations(monkeypatch, extra)
    seen: list[tuple[int, int, bool]] = []
    backup = journal_path.parent / "backups" / f"journal-pre-migration-{SCHEMA_VERSION}.db"

    def before_migrating(db: Database, version: int) -> None:
        has_table = db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'reminders'").fetchone()[0]
        seen.append((version, schema_version(db), bool(has_table)))
        backup_to(db, backup)

    db = open_journal(journal_path, before_migrating=before_migrating)
    try:
        assert schema_version(db) == NEXT
    finally:
        db.close()

    assert seen == [(SCHEMA_VERSION, SCHEMA_VERSION, False)]
    assert "reminders" in tables(journal_path)
    assert applied(journal_path) == [*SHIPPED, TEST_MIGRATION]
    # The pre-migration backup holds the journal as it was.
    assert check_backup(backup) is None
    assert read(backup, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert "reminders" not in tables(backup)


@pytest.mark.parametrize("old_version", range(1, SCHEMA_VERSION))
def test_a_journal_from_every_older_version_upgrades_with_a_backup_first(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch, old_version: int
) -> None:
    older = Migrations("ebb")
    for shipped in MIGRATIONS._migrations[:old_version]:
        older(name=shipped.name)(shipped.fn)
    with monkeypatch.context() as patch:
        patch.setattr(database, "MIGRATIONS", older)
        patch.setattr(database, "SCHEMA_VERSION", old_version)
        patch.setattr(database, "KNOWN_MIGRATIONS", frozenset(SHIPPED[:old_version]))
        open_journal(journal_path).close()
    called: list[int] = []

    db = open_journal(journal_path, before_migrating=lambda db, version: called.append(version))
    try:
        assert schema_version(db) == SCHEMA_VERSION
    finally:
        db.close()

    assert called == [old_version]
    assert applied(journal_path) == SHIPPED


def test_before_migrating_is_not_called_for_a_new_or_current_journal(journal_path: Path) -> None:
    called: list[int] = []

    open_journal(journal_path, before_migrating=lambda db, v: called.append(v)).close()
    open_journal(journal_path, before_migrating=lambda db, v: called.append(v)).close()

    assert called == []


def test_a_failing_migration_leaves_nothing_half_applied(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_journal(journal_path).close()

    def extra(db: Database) -> None:
        db.execute("CREATE TABLE reminders (id INTEGER PRIMARY KEY)")
        db.execute("INSERT INTO settings (key, value, updated_utc) VALUES ('half', 'done', 'now')")
        db.execute(f"PRAGMA user_version = {NEXT}")
        raise RuntimeError("disk on fire")

    install_migrations(monkeypatch, extra)
    called: list[int] = []

    with pytest.raises(RuntimeError, match="disk on fire"):
        open_journal(journal_path, before_migrating=lambda db, v: called.append(v))

    assert called == [SCHEMA_VERSION]
    assert "reminders" not in tables(journal_path)
    assert read(journal_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert read(journal_path, "SELECT * FROM settings") == []
    assert applied(journal_path) == SHIPPED
    monkeypatch.undo()
    # The journal is still a healthy journal at the shipped version.
    db = open_journal(journal_path)
    try:
        assert schema_version(db) == SCHEMA_VERSION
    finally:
        db.close()


def test_a_failing_first_migration_leaves_a_new_journal_empty(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def extra(db: Database) -> None:
        raise RuntimeError("boom")

    install_migrations(monkeypatch, extra)

    with pytest.raises(RuntimeError):
        open_journal(journal_path)

    assert tables(journal_path) == set()
    assert read(journal_path, "PRAGMA user_version") == [(0,)]
    assert read(journal_path, "PRAGMA application_id") == [(0,)]
