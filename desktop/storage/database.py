"""Opening the journal: private permissions, refusal of files Ebb cannot read or that a
newer Ebb wrote, WAL and foreign keys, and migrations with a backup taken first.

Nothing in here ever rewrites, truncates or "repairs" a file it could not read.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from desktop.storage.migrations import KNOWN_MIGRATIONS, MIGRATIONS, SCHEMA_VERSION
from desktop.storage.problems import JournalUnreadable
from desktop.system.files import FILE_MODE, create_private_file, ensure_private_dir

# PRAGMA application_id marks the file as Ebb's ("Ebb1" in ASCII).
APPLICATION_ID = 0x45626231
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def check_header(path: Path) -> None:
    size = path.stat().st_size
    if size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise JournalUnreadable(path, "is not an SQLite database (unknown file header)")
    if len(header) < 100:
        raise JournalUnreadable(path, f"is truncated ({size} bytes)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages and size < page_size * pages and not path.with_name(path.name + "-wal").exists():
        raise JournalUnreadable(path, f"is truncated ({size} bytes, the header says {page_size * pages})")


def _pragma(conn: sqlite3.Connection, name: str) -> int:
    return int(conn.execute(f"PRAGMA {name}").fetchone()[0])


def inspect_journal(path: Path, conn: sqlite3.Connection) -> tuple[bool, int]:
    """Return (is_new, user_version) or raise JournalUnreadable. Reads only."""
    try:
        app_id = _pragma(conn, "application_id")
        version = _pragma(conn, "user_version")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.OperationalError:
        raise  # full disk, read-only folder, I/O error, lock: not a damaged journal
    except sqlite3.DatabaseError as exc:
        raise JournalUnreadable(path, f"cannot be read: {exc}") from None
    if app_id == 0 and not tables:
        return True, 0
    if app_id != APPLICATION_ID:
        raise JournalUnreadable(path, "is an SQLite database but not an Ebb journal")
    if version > SCHEMA_VERSION:
        raise JournalUnreadable(
            path,
            f"was written by a newer version of Ebb (schema {version}; this version "
            f"understands up to {SCHEMA_VERSION}); update Ebb to open it",
        )
    if MIGRATIONS.migrations_table in tables:
        try:
            names = {
                r[0]
                for r in conn.execute(
                    f"SELECT name FROM {MIGRATIONS.migrations_table} WHERE migration_set = ?",
                    [MIGRATIONS.name],
                )
            }
        except sqlite3.DatabaseError as exc:
            raise JournalUnreadable(path, f"cannot be read: {exc}") from None
        unknown = names - KNOWN_MIGRATIONS
        if unknown:
            raise JournalUnreadable(
                path, f"was written by a newer version of Ebb (migrations {sorted(unknown)})"
            )
    return False, version


def tighten_permissions(path: Path) -> None:
    """Make an existing journal (and its -wal/-shm) 0600 if it is more open than that;
    the content is not touched."""
    if os.name != "posix":
        return
    for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if part.stat().st_mode & 0o077:
                part.chmod(FILE_MODE)
        except FileNotFoundError:
            continue


def open_journal(
    path: Path,
    *,
    before_migrating: Callable[[Database, int], None] | None = None,
) -> Database:
    """Open (creating if needed) the journal at ``path``, migrated to the current schema.

    ``before_migrating(db, from_version)`` is called before pending migrations run on
    an existing journal, so that a backup can be taken. Raises
    :class:`JournalUnreadable` for a file Ebb must not touch.
    """
    ensure_private_dir(path.parent)
    if not create_private_file(path):
        tighten_permissions(path)
    check_header(path)
    conn = sqlite3.connect(str(path))
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # One read transaction: another process creating the journal at this moment is
        # then seen whole or not at all (never tables without the application id).
        conn.execute("BEGIN")
        try:
            is_new, version = inspect_journal(path, conn)
        finally:
            conn.rollback()
        conn.isolation_level = None  # no implicit BEGIN: transactions are explicit
        # Plugins are never run against a private journal; recursive triggers stay as
        # SQLite's default (off), as the schema was written for.
        db = Database(conn, execute_plugins=False, recursive_triggers=False)
        _use_wal(db.conn)
        db.execute("PRAGMA foreign_keys = ON")
        # FULL: a committed entry survives power loss, not only a crash of Ebb.
        db.execute("PRAGMA synchronous = FULL")
        if version < SCHEMA_VERSION:
            if not is_new and version > 0 and before_migrating is not None:
                before_migrating(db, version)
            migrate(path, db)
    except sqlite3.OperationalError:
        # The place, not the file: a full disk, a read-only folder, an I/O error, a lock.
        # The journal is not damaged; the caller reports the cause (never "restore").
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise JournalUnreadable(path, f"cannot be read: {exc}") from None
    except BaseException:
        conn.close()
        raise
    return db


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, retrying while another process does the same.

    Two processes switching a new file to WAL at once both hold a shared lock and want
    an exclusive one; SQLite then fails one of them at once with "database is locked"
    instead of calling the busy handler (it would deadlock; see sqlite3_busy_handler).
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not exc.sqlite_errorname.startswith("SQLITE_BUSY") or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def migrate(path: Path, db: Database) -> None:
    """Apply all pending migrations as one transaction under the write lock.

    IMMEDIATE makes a second process that opens a new journal at the same moment
    wait, then see the finished schema, instead of racing to create it.
    """
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        is_new, version = inspect_journal(path, db.conn)
        if is_new:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if version < SCHEMA_VERSION:
            MIGRATIONS.apply(db)
        db.conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise JournalUnreadable(
            path, f"could not be upgraded to this version's format ({exc}); it was left as it was"
        ) from None
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


def schema_version(db: Database) -> int:
    """The schema version recorded in the file."""
    return _pragma(db.conn, "user_version")
