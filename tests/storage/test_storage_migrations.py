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


def test_reminders_keyed_by_their_place_get_their_planned_time_as_key(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0003: what was answered today stays with its time when the app plans with the new
    keys (a moved time is a new reminder, the same time keeps its state)."""
    older = Migrations("ebb")
    for shipped in MIGRATIONS._migrations[:2]:
        older(name=shipped.name)(shipped.fn)
    with monkeypatch.context() as patch:
        patch.setattr(database, "MIGRATIONS", older)
        patch.setattr(database, "SCHEMA_VERSION", 2)
        patch.setattr(database, "KNOWN_MIGRATIONS", frozenset(SHIPPED[:2]))
        db = open_journal(journal_path)
        rows = [
            # key, kind, due (UTC), offset: 09:00 and 14:00 in Berlin (+60), a dose 09:30
            ("checkin:2026-03-02:0", "checkin", "2026-03-02T08:00:00.000000Z", 60, "taken"),
            ("checkin:2026-03-02:1", "checkin", "2026-03-02T13:00:00.000000Z", 60, "planned"),
            ("dose:k1:2026-03-02:0", "dose", "2026-03-02T08:30:00.000000Z", 60, "suppressed"),
            ("melatonin:m1:2026-03-02", "melatonin", "2026-03-02T21:00:00.000000Z", 60, "planned"),
        ]
        for key, kind, due, offset, state in rows:
            db.execute(
                "INSERT INTO occurrences (key, kind, local_date, due_utc, due_offset_min, valid_until_utc,"
                " reason_code, reason_data, state, fire_utc, updated_utc)"
                " VALUES (?, ?, '2026-03-02', ?, ?, ?, 'x', '{}', ?, ?, 'now')",
                [key, kind, due, offset, due, state, due],
            )
        db.conn.commit()
        db.close()

    db = open_journal(journal_path)
    try:
        stored = dict(db.execute("SELECT key, state FROM occurrences").fetchall())
    finally:
        db.close()
    assert stored == {
        "checkin:2026-03-02@09:00": "taken",
        "checkin:2026-03-02@14:00": "planned",
        "dose:k1:2026-03-02@09:30": "suppressed",
        "melatonin:m1:2026-03-02": "planned",  # one a day: its key has no time
    }
