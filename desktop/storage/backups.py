"""Backups through SQLite's online backup API (consistent even while Ebb writes).

Automatic daily backups rotate: the 7 newest daily copies are kept, plus the newest
copy of each of the 4 weeks before them. Manual and pre-migration backups are never
deleted by rotation. Every backup file is 0600.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from desktop.storage.database import SQLITE_HEADER, inspect_journal, migrate
from desktop.storage.problems import JournalUnreadable
from desktop.system.files import FILE_MODE, create_private_file, ensure_private_dir

KEEP_DAILY = 7
KEEP_WEEKLY = 4
DAILY_PREFIX = "journal-daily-"


def backup_to(db: Database, destination: Path) -> Path:
    """Write a consistent copy of ``db`` to ``destination`` (0600, atomically)."""
    ensure_private_dir(destination.parent)
    temporary = destination.with_name(f".{destination.name}.tmp{os.getpid()}")
    temporary.unlink(missing_ok=True)
    create_private_file(temporary)
    try:
        target = sqlite3.connect(str(temporary))
        try:
            db.conn.backup(target)
            # A backup must be one self-contained file, not a file plus a -wal.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, destination)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return destination


def backup_before_migrating(folder: Path, stamp: str) -> Callable[[Database, int], None]:
    """The ``before_migrating`` hook of ``open_journal``: a copy of the old journal."""

    def take(db: Database, version: int) -> None:
        backup_to(db, folder / f"journal-pre-migration-v{version}-{stamp}.db")

    return take


def daily_backup_path(folder: Path, day: date) -> Path:
    return folder / f"{DAILY_PREFIX}{day.isoformat()}.db"


def auto_backup(db: Database, folder: Path, today: date) -> Path | None:
    """Take today's daily backup if there is none yet, then rotate. Returns the new file."""
    path = daily_backup_path(folder, today)
    created = None
    if not path.exists():
        created = backup_to(db, path)
    rotate(folder)
    return created


def _daily_backups(folder: Path) -> list[tuple[date, Path]]:
    found = []
    for path in folder.glob(f"{DAILY_PREFIX}*.db"):
        try:
            found.append((date.fromisoformat(path.stem.removeprefix(DAILY_PREFIX)), path))
        except ValueError:
            continue
    return sorted(found, reverse=True)


def rotate(folder: Path) -> list[Path]:
    """Delete daily backups beyond 7 daily + 4 weekly. Returns the deleted files."""
    if not folder.is_dir():
        return []
    dailies = _daily_backups(folder)
    keep = {path for _, path in dailies[:KEEP_DAILY]}
    weeks_kept: set[tuple[int, int]] = set()
    for day, path in dailies[KEEP_DAILY:]:
        week = day.isocalendar()[:2]
        if week not in weeks_kept and len(weeks_kept) < KEEP_WEEKLY:
            weeks_kept.add(week)
            keep.add(path)
    deleted = []
    for _, path in dailies:
        if path not in keep:
            path.unlink(missing_ok=True)
            deleted.append(path)
    return deleted


@dataclass(frozen=True)
class BackupInfo:
    """A backup file, its size and when it was written."""

    path: Path
    size: int
    modified: datetime


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every backup file in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    infos = []
    for path in folder.glob("journal-*.db"):
        stat = path.stat()
        infos.append(BackupInfo(path, stat.st_size, datetime.fromtimestamp(stat.st_mtime).astimezone()))
    return sorted(infos, key=lambda info: info.modified, reverse=True)


def _read_only_uri(path: Path) -> str:
    # as_uri() percent-encodes "#", "?" and "%", which SQLite would otherwise read as
    # URI syntax and then open (or create) a different file, without mode=ro.
    return f"{path.absolute().as_uri()}?mode=ro"


def latest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup in ``folder`` that reads as an Ebb journal (None: none does)."""
    for info in list_backups(folder):
        if check_backup(info.path) is None:
            return info
    return None


def check_backup(path: Path) -> str | None:
    """None if ``path`` is a readable Ebb journal this version understands, else why not."""
    try:
        with path.open("rb") as handle:
            if not handle.read(16).startswith(SQLITE_HEADER):
                return "is not an SQLite database"
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    try:
        is_new, _ = inspect_journal(path, conn)  # Ebb's? not newer? no unknown migrations?
        if is_new:
            return "is an empty database, not an Ebb journal"
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            return f"fails its integrity check ({result})"
    except JournalUnreadable as exc:
        return exc.problem
    except sqlite3.DatabaseError as exc:
        return f"cannot be read ({exc})"
    finally:
        conn.close()
    return None


def restore(backup: Path, journal_path: Path, stamp: str) -> Path | None:
    """Replace the journal with ``backup``, keeping the current file (and its -wal) aside.

    The journal must not be open. Returns the path of the kept copy (None if there
    was no journal). The backup itself is left as it was.
    """
    kept = None
    temporary = journal_path.with_name(f".{journal_path.name}.restore{os.getpid()}")
    temporary.unlink(missing_ok=True)
    create_private_file(temporary)
    try:
        source = sqlite3.connect(_read_only_uri(backup), uri=True)
        target = sqlite3.connect(str(temporary))
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
            source.close()
        if journal_path.exists():
            kept = journal_path.with_name(f"{journal_path.name}.before-restore-{stamp}")
            for suffix in ("", "-wal", "-shm"):
                current = Path(f"{journal_path}{suffix}")
                if current.exists():
                    copy = Path(f"{kept}{suffix}")
                    shutil.copyfile(current, copy)
                    copy.chmod(FILE_MODE)
        for suffix in ("-wal", "-shm"):
            Path(f"{journal_path}{suffix}").unlink(missing_ok=True)
        os.replace(temporary, journal_path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return kept


BEFORE_RESTORE_PREFIX = "journal-before-restore-"


def restore_in_place(db: Database, journal_path: Path, backup: Path, folder: Path, stamp: str) -> Path:
    """Replace the open journal's contents with ``backup``, for the running app.

    The journal as it is goes first to ``folder`` as a backup of its own (returned), so
    the user can go back. The copy is read in through SQLite's backup API into the open
    connection, as one write: a crash leaves the journal as it was or as restored, and
    the app keeps its connection. A copy from an older Ebb is brought up to date.
    """
    problem = check_backup(backup)
    if problem is not None:
        raise JournalUnreadable(backup, problem)
    kept = backup_to(db, folder / f"{BEFORE_RESTORE_PREFIX}{stamp}.db")
    source = sqlite3.connect(_read_only_uri(backup), uri=True)
    try:
        source.backup(db.conn)
    finally:
        source.close()
    migrate(journal_path, db)
    return kept
