"""``ebb doctor``: read-only checks of the data folder, the journal and its backups."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from desktop.storage.backups import check_backup, list_backups
from desktop.storage.database import APPLICATION_ID, check_header
from desktop.storage.migrations import SCHEMA_VERSION
from desktop.storage.problems import JournalUnreadable
from desktop.system.paths import Paths

Check = tuple[bool, str]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _mode_check(path: Path, wanted: int) -> Check:
    mode = _mode(path)
    return mode == wanted, f"{path} has mode {mode:04o}" + (
        "" if mode == wanted else f" (should be {wanted:04o})"
    )


def run_checks(paths: Paths) -> Iterator[Check]:
    """Yield (ok, description) for each check. Changes nothing on disk."""
    yield True, f"data folder: {paths.data_dir}"
    if not paths.data_dir.is_dir():
        yield False, f"{paths.data_dir} does not exist (it is created by the first entry you log)"
        return
    yield _mode_check(paths.data_dir, 0o700)
    journal = paths.journal
    if not journal.exists():
        yield False, f"{journal} does not exist"
        return
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{journal}{suffix}")
        if part.exists():
            yield _mode_check(part, 0o600)
    yield from _journal_checks(journal)
    yield from _backup_checks(paths.backups)


def _journal_checks(journal: Path) -> Iterator[Check]:
    try:
        check_header(journal)
    except JournalUnreadable as exc:
        yield False, f"{journal} {exc.problem}"
        return
    try:
        conn = sqlite3.connect(f"file:{journal}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        yield False, f"{journal} cannot be opened ({exc})"
        return
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            yield False, f"{journal} is not an Ebb journal (application_id {app_id})"
            return
        if version > SCHEMA_VERSION:
            yield False, f"schema version {version} is newer than this Ebb understands ({SCHEMA_VERSION})"
        else:
            yield True, f"schema version {version} (this Ebb: {SCHEMA_VERSION})"
        results = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        yield results == ["ok"], "integrity_check: " + "; ".join(results[:5])
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        yield (
            not foreign,
            f"foreign_key_check: {_count(len(foreign), 'problem')}" if foreign else "foreign_key_check: ok",
        )
        entries = conn.execute("SELECT count(*) FROM entries WHERE deleted_utc IS NULL").fetchone()[0]
        yield True, f"{entries} entries"
    except sqlite3.DatabaseError as exc:
        yield False, f"{journal} cannot be read ({exc})"
    finally:
        conn.close()


def _count(n: int, word: str) -> str:
    """ "1 backup", "2 backups": the doctor's findings are a support tool's English (the
    storage layer sits below the translation hook)."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def _backup_checks(folder: Path) -> Iterator[Check]:
    backups = list_backups(folder)
    if not backups:
        yield True, f"no backups yet in {folder} (a daily backup is taken after the first write of each day)"
        return
    newest = backups[0]
    age = datetime.now().astimezone() - newest.modified
    yield True, f"{_count(len(backups), 'backup')}; newest {newest.path.name}, {_count(age.days, 'day')} old"
    problem = check_backup(newest.path)
    yield problem is None, f"newest backup {'is readable' if problem is None else problem}"
    for info in backups:
        if _mode(info.path) != 0o600:
            yield _mode_check(info.path, 0o600)
