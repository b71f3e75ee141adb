"""Write transactions over sqlite-utils that take the write lock at once.

sqlite-utils' ``Database.atomic()`` starts a deferred ``BEGIN``. A deferred transaction
that reads first and writes later fails at once with "database is locked"
(SQLITE_BUSY_SNAPSHOT) when another process (the CLI beside the app) committed in
between: WAL cannot let it write on a stale snapshot, and SQLite does not call the busy
handler for it. ``BEGIN IMMEDIATE`` takes the write lock first, waiting up to the busy
timeout, so every write of Ebb's goes through :func:`write_transaction`. Inside it,
sqlite-utils' own ``atomic()`` (which its table methods use) nests as a savepoint.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """All statements inside commit together or not at all, under the write lock taken
    at the start. Nested inside another transaction it is a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()  # a no-op if the error already ended the transaction
        raise
    try:
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise
