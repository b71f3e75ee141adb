"""Shared by every command: the exit codes and the :class:`Context` (paths, the journal opened
on first use, the clock and the zone)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any, TextIO

from desktop.core.times import parse_entry_time

if TYPE_CHECKING:
    from desktop.storage.journal import Journal

EXIT_OK, EXIT_PROBLEM, EXIT_INVALID, EXIT_LIMIT, EXIT_UNREADABLE = 0, 1, 2, 3, 4


class Context:
    """What a command needs: the paths, the journal (opened on first use), the clock."""

    def __init__(self, data_dir: str | None, out: TextIO, err: TextIO) -> None:
        from desktop.system.paths import data_paths

        self.paths = data_paths(data_dir)
        self.out = out
        self.err = err
        self._journal: Journal | None = None
        self.wrote = False

    def say(self, *lines: str) -> None:
        """Print lines of the command's answer."""
        for line in lines:
            print(line, file=self.out)

    def warn(self, line: str) -> None:
        """Print one line of warning beside the answer (stderr), which scripts may ignore."""
        print(line, file=self.err)

    def say_json(self, document: Any, **options: Any) -> None:
        """Print ``document`` as the JSON answer of ``--json``."""
        print(json.dumps(document, indent=1, **options), file=self.out)

    @property
    def journal(self) -> Journal:
        if self._journal is None:
            from desktop.storage.backups import backup_before_migrating
            from desktop.storage.database import open_journal
            from desktop.storage.journal import Journal

            hook = backup_before_migrating(self.paths.backups, self.stamp())
            self._journal = Journal(open_journal(self.paths.journal, before_migrating=hook))
        return self._journal

    def now(self) -> datetime:
        return datetime.now(UTC)

    def stamp(self) -> str:
        return self.now().strftime("%Y%m%dT%H%M%SZ")

    def _configured_zone(self) -> str:
        from desktop.core.settings import effective_settings

        return str(effective_settings(self.journal.stored_settings())["timezone"])

    def zone_name(self) -> str | None:
        from desktop.system.zone import zone_name

        return zone_name(self._configured_zone())

    def zone(self) -> tzinfo:
        from desktop.system.zone import zone

        return zone(self._configured_zone())

    def entry_time(self, text: str | None, field: str = "at") -> datetime:
        if text is None:
            return self.now().astimezone(self.zone())
        return parse_entry_time(field, text, self.zone(), self.now())

    def close(self) -> None:
        if self._journal is not None:
            if self.wrote:
                self._auto_backup()
            self._journal.db.conn.close()

    def _auto_backup(self) -> None:

        from desktop.storage.backups import auto_backup

        assert self._journal is not None
        try:
            auto_backup(self._journal.db, self.paths.backups, self.now().astimezone(self.zone()).date())
        except (OSError, sqlite3.Error) as exc:
            self.warn(f"ebb: warning: the daily backup could not be written ({exc})")
