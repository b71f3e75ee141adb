"""Writes by other processes to the journal the app holds open: `ebb log …` or `ebb
settings set …` in a terminal, an import, a second tool.

SQLite's ``PRAGMA data_version`` changes on a connection only when another connection
has committed since it was last read, so the app's own writes never count and reading
it costs nothing (https://www.sqlite.org/pragma.html#pragma_data_version).
"""

from __future__ import annotations

from sqlite_utils import Database


class OutsideWrites:
    """Whether another connection has committed to ``db`` since the last look."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._seen = self._version()

    def _version(self) -> int:
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def happened(self) -> bool:
        """True once for each look after which someone else committed."""
        version = self._version()
        changed, self._seen = version != self._seen, version
        return changed
