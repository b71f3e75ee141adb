"""The two things Ebb used from sqlite-utils, on plain :mod:`sqlite3`.

Ebb's storage began on sqlite-utils (DESIGN §2). Importing it costs about 150 ms and
18 MB (click, dateutil, pluggy and tabulate come with it), which alone put the tray's
start-up beyond its budget (1.5× a bare PySide6 tray). Ebb only used its
``Database.execute``/``atomic`` and its ``Migrations``, so these are kept here with the
same behaviour and the same ``_sqlite_migrations`` table: journals written by earlier
builds open unchanged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count
from typing import Any


class Database:
    """A connection in autocommit mode: a statement outside :meth:`atomic` commits on
    its own; :meth:`atomic` wraps several in one write transaction (nested: a savepoint)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        conn.isolation_level = None  # no implicit BEGIN: transactions are explicit
        self.conn = conn
        self._savepoints = count()

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """All statements inside commit together or not at all."""
        if self.conn.in_transaction:
            name = f"ebb_{next(self._savepoints)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                # An error may have ended the whole transaction already.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        # IMMEDIATE: take the write lock now, waiting up to the busy timeout. A deferred
        # BEGIN that reads first and writes later fails at once with "database is locked"
        # (SQLITE_BUSY_SNAPSHOT) when another process committed in between: WAL cannot
        # let it write on a stale snapshot, and the busy handler is not consulted.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()


MigrationFunction = Callable[[Database], None]


@dataclass(frozen=True)
class Migration:
    """One named schema step."""

    name: str
    fn: MigrationFunction


class Migrations:
    """A named, ordered set of migrations; each runs in its own transaction together
    with the record of it having been applied."""

    migrations_table = "_sqlite_migrations"

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[Migration] = []

    def __call__(self, *, name: str | None = None) -> Callable[[MigrationFunction], MigrationFunction]:
        """A decorator registering a migration under ``name`` (default: the function's)."""

        def register(fn: MigrationFunction) -> MigrationFunction:
            key = name or fn.__name__
            if any(m.name == key for m in self._migrations):
                raise ValueError(f"migration {key!r} is already registered in set {self.name!r}")
            self._migrations.append(Migration(key, fn))
            return fn

        return register

    def applied(self, db: Database) -> list[str]:
        """Names of the applied migrations of this set, in the order they were applied."""
        exists = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [self.migrations_table]
        ).fetchone()
        if not exists:
            return []
        rows = db.execute(
            f"SELECT name FROM {self.migrations_table} WHERE migration_set = ? ORDER BY rowid", [self.name]
        )
        return [name for (name,) in rows]

    def pending(self, db: Database) -> list[Migration]:
        done = set(self.applied(db))
        return [m for m in self._migrations if m.name not in done]

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> None:
        """Apply the pending migrations in order, stopping before any in ``stop_before``."""
        stop = {stop_before} if isinstance(stop_before, str) else set(stop_before or ())
        if stop & set(self.applied(db)):
            raise ValueError(f"cannot stop before {sorted(stop)}: already applied")
        db.execute(
            f"CREATE TABLE IF NOT EXISTS {self.migrations_table} ("
            "id INTEGER PRIMARY KEY, migration_set TEXT, name TEXT, applied_at TEXT)"
        )
        db.execute(
            f"CREATE UNIQUE INDEX IF NOT EXISTS idx_{self.migrations_table}_migration_set_name "
            f"ON {self.migrations_table} (migration_set, name)"
        )
        for migration in self.pending(db):
            if migration.name in stop:
                return
            with db.atomic():
                migration.fn(db)
                db.execute(
                    f"INSERT INTO {self.migrations_table} (migration_set, name, applied_at) VALUES (?, ?, ?)",
                    [self.name, migration.name, str(datetime.now(UTC))],
                )
