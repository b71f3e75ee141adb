"""Backups: consistent private copies, daily rotation (7 daily + 4 weekly), checking a
backup before use, and restore that keeps the file it replaces."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop.storage.backups import (
    auto_backup,
    backup_to,
    check_backup,
    daily_backup_path,
    list_backups,
    restore,
    rotate,
)
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal
from desktop.storage.migrations import SCHEMA_VERSION

STAMP = "20260310T120000Z"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def entries_in(path: Path) -> list[dict[str, object]]:
    db = open_journal(path)
    try:
        return Journal(db).entries()
    finally:
        db.close()


@pytest.fixture
def backups(tmp_path: Path) -> Path:
    return tmp_path / "data" / "backups"


# ---- backup_to -------------------------------------------------------------------------


def test_backup_is_a_private_self_contained_ebb_journal(journal: Journal, make, backups: Path) -> None:
    journal.add_entry(make.pain(make.at(5, 9), 6, note="before the backup"), zone=make.zone)
    old_umask = os.umask(0)
    try:
        path = backup_to(journal.db, backups / "journal-manual-1.db")
    finally:
        os.umask(old_umask)

    assert mode(path) == 0o600
    assert mode(backups) == 0o700
    assert check_backup(path) is None
    # Not in WAL mode (header bytes 18-19 are 1 for rollback journals): one file is the
    # whole backup, and nothing else is left in the folder.
    assert path.read_bytes()[18:20] == b"\x01\x01"
    assert sorted(p.name for p in backups.iterdir()) == ["journal-manual-1.db"]
    assert entries_in(path) == journal.entries()


def test_backup_holds_only_committed_data(journal: Journal, make, journal_path: Path, backups: Path) -> None:
    journal.add_entry(make.pain(make.at(5, 9), 6), zone=make.zone)
    committed = journal.entries()
    writer = sqlite3.connect(str(journal_path))
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE pains SET score = 0")
        path = backup_to(journal.db, backups / "journal-manual-2.db")
        writer.rollback()
    finally:
        writer.close()

    assert entries_in(path) == committed


def test_backup_replaces_an_older_file_of_the_same_name(journal: Journal, make, backups: Path) -> None:
    target = backups / "journal-manual-3.db"
    backups.mkdir(parents=True)
    target.write_bytes(b"old")
    target.chmod(0o644)

    backup_to(journal.db, target)

    assert check_backup(target) is None
    assert mode(target) == 0o600


# ---- daily backups and rotation --------------------------------------------------------


def test_auto_backup_takes_one_backup_per_day(db: Database, backups: Path) -> None:
    first = auto_backup(db, backups, date(2026, 3, 9))
    again = auto_backup(db, backups, date(2026, 3, 9))
    next_day = auto_backup(db, backups, date(2026, 3, 10))

    assert first == daily_backup_path(backups, date(2026, 3, 9)) == backups / "journal-daily-2026-03-09.db"
    assert again is None
    assert next_day == backups / "journal-daily-2026-03-10.db"
    assert sorted(p.name for p in backups.iterdir()) == [
        "journal-daily-2026-03-09.db",
        "journal-daily-2026-03-10.db",
    ]
    assert check_backup(next_day) is None


def test_rotation_keeps_7_daily_and_4_weekly_and_never_other_backups(db: Database, backups: Path) -> None:
    today = date(2026, 3, 8)  # a Sunday: the 7 newest dailies are exactly ISO week 10
    backups.mkdir(parents=True)
    for back in range(1, 60):
        daily_backup_path(backups, today - timedelta(days=back)).write_bytes(b"old daily")
    others = [
        "journal-manual-2025-12-01T10-00-00.db",
        "journal-pre-migration-1-2025-11-01.db",
        "journal-daily-not-a-date.db",
        "notes.txt",
    ]
    for name in others:
        (backups / name).write_bytes(b"keep me")

    created = auto_backup(db, backups, today)

    assert created == backups / "journal-daily-2026-03-08.db"
    dailies = sorted(
        p.name.removeprefix("journal-daily-").removesuffix(".db") for p in backups.glob("journal-daily-2*")
    )
    assert dailies == [
        # the newest copy of each of the 4 weeks before (Sundays)
        "2026-02-08",
        "2026-02-15",
        "2026-02-22",
        "2026-03-01",
        # the 7 newest
        "2026-03-02",
        "2026-03-03",
        "2026-03-04",
        "2026-03-05",
        "2026-03-06",
        "2026-03-07",
        "2026-03-08",
    ]
    for name in others:
        assert (backups / name).read_bytes() == b"keep me"
    # Rotation is idempotent.
    assert rotate(backups) == []


def test_rotation_with_few_backups_deletes_nothing(backups: Path) -> None:
    backups.mkdir(parents=True)
    for day in (1, 9, 20, 30):
        daily_backup_path(backups, date(2026, 1, day)).write_bytes(b"x")

    assert rotate(backups) == []
    assert len(list(backups.iterdir())) == 4


def test_rotation_of_a_missing_folder_is_harmless(tmp_path: Path) -> None:
    assert rotate(tmp_path / "nowhere") == []
    assert list_backups(tmp_path / "nowhere") == []


def test_list_backups_lists_every_backup_file(db: Database, backups: Path) -> None:
    backup_to(db, backups / "journal-manual-a.db")
    auto_backup(db, backups, date(2026, 3, 9))
    (backups / "notes.txt").write_text("not a backup")

    listed = list_backups(backups)

    assert sorted(info.path.name for info in listed) == ["journal-daily-2026-03-09.db", "journal-manual-a.db"]
    assert all(info.size == info.path.stat().st_size > 0 for info in listed)


# ---- check_backup ----------------------------------------------------------------------


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00\xff" * 3000)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    open_journal(path).close()
    conn = sqlite3.connect(str(path))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _cut_in_half(path: Path) -> None:
    open_journal(path).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _missing(path: Path) -> None:
    pass


@pytest.mark.parametrize(
    ("prepare", "reason"),
    [
        (_garbage, "not an SQLite database"),
        (_empty, "not an SQLite database"),
        (_foreign, "not an Ebb journal"),
        (_newer, f"newer version of Ebb (schema {SCHEMA_VERSION + 1};"),
        (_cut_in_half, ""),
        (_missing, "cannot be read"),
    ],
    ids=["garbage", "empty", "foreign", "newer", "cut-in-half", "missing"],
)
def test_check_backup_rejects_files_ebb_cannot_restore(tmp_path: Path, prepare, reason: str) -> None:
    path = tmp_path / "journal-manual-x.db"
    prepare(path)
    before = sha256(path) if path.exists() else None

    problem = check_backup(path)

    assert problem is not None
    assert reason in problem
    assert (sha256(path) if path.exists() else None) == before


# ---- restore ---------------------------------------------------------------------------


def test_restore_keeps_the_damaged_journal_and_its_wal(journal_path: Path, make, backups: Path) -> None:
    db = open_journal(journal_path)
    journal = Journal(db, clock=lambda: make.now)
    journal.add_entry(make.note(make.at(5, 9), "in the backup"), zone=make.zone)
    backup = backup_to(db, backups / "journal-daily-2026-03-09.db")
    expected = journal.entries()
    journal.add_entry(make.note(make.at(5, 10), "after the backup"), zone=make.zone)
    db.close()
    backup_hash = sha256(backup)
    # The journal is damaged, with a -wal left over from a crash.
    damaged = b"SQLite format 3\x00" + b"\xde\xad" * 2000
    wal = b"leftover write-ahead log" * 10
    journal_path.write_bytes(damaged)
    journal_path.with_name("journal.db-wal").write_bytes(wal)

    kept = restore(backup, journal_path, STAMP)

    assert kept == journal_path.with_name(f"journal.db.before-restore-{STAMP}")
    assert kept.read_bytes() == damaged
    kept_wal = kept.with_name(kept.name + "-wal")
    assert kept_wal.read_bytes() == wal
    assert (mode(kept), mode(kept_wal), mode(journal_path)) == (0o600, 0o600, 0o600)
    assert not journal_path.with_name("journal.db-wal").exists()
    assert sha256(backup) == backup_hash
    assert entries_in(journal_path) == expected
    assert not [p for p in journal_path.parent.iterdir() if ".restore" in p.name]


def test_restore_without_a_journal_creates_it(db: Database, tmp_path: Path, backups: Path) -> None:
    backup = backup_to(db, backups / "journal-manual-a.db")
    target = tmp_path / "fresh" / "journal.db"
    target.parent.mkdir(mode=0o700)

    assert restore(backup, target, STAMP) is None

    assert mode(target) == 0o600
    assert check_backup(target) is None


def test_restore_from_an_unreadable_backup_changes_nothing(journal_path: Path, tmp_path: Path) -> None:
    open_journal(journal_path).close()
    before = sha256(journal_path)
    bad = tmp_path / "journal-manual-bad.db"
    bad.write_bytes(b"not a database at all" * 100)

    with pytest.raises(sqlite3.DatabaseError):
        restore(bad, journal_path, STAMP)

    assert sha256(journal_path) == before
    assert sorted(p.name for p in journal_path.parent.iterdir()) == ["journal.db"]


@pytest.mark.parametrize("folder", ["with#hash", "with?query=1", "with%20percent", "with space"])
def test_backups_in_folders_with_uri_characters(tmp_path: Path, make, folder: str) -> None:
    # check_backup and restore open the backup read-only through an SQLite URI; a "#",
    # "?" or "%" in a folder name must not change which file is opened.
    base = tmp_path / folder
    source = open_journal(base / "journal.db")
    Journal(source, clock=lambda: make.now).add_entry(make.note(make.at(5, 9), "kept"), zone=None)
    backup = backup_to(source, base / "backups" / "journal-manual-a.db")
    expected = Journal(source).entries()
    source.close()
    before = sorted(p.name for p in tmp_path.iterdir())

    assert check_backup(backup) is None
    restore(backup, base / "journal.db", STAMP)

    assert entries_in(base / "journal.db") == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# ---- restore_in_place (the running app's Restore…) ------------------------------------


def test_restore_in_place_brings_the_copy_back_into_the_open_journal_and_keeps_the_current(
    journal: Journal, make, journal_path: Path, backups: Path
) -> None:
    from desktop.storage.backups import restore_in_place

    journal.add_entry(make.pain(make.at(5, 9), 3, note="in the copy"), zone=make.zone)
    copy = backup_to(journal.db, backups / "journal-manual-1.db")
    journal.add_entry(make.pain(make.at(5, 10), 8, note="after the copy"), zone=make.zone)

    kept = restore_in_place(journal.db, journal_path, copy, backups, STAMP)

    # The same open connection now reads the copy; the journal stays in WAL mode.
    assert [e["note"] for e in journal.entries()] == ["in the copy"]
    assert journal.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert journal.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # What was there before is a backup of its own, to go back to.
    assert kept.name == f"journal-before-restore-{STAMP}.db" and mode(kept) == 0o600
    assert [e["note"] for e in entries_in(kept)] == ["in the copy", "after the copy"]
    # Another connection (the command line) sees the restored journal too.
    assert [e["note"] for e in entries_in(journal_path)] == ["in the copy"]


def test_restore_in_place_refuses_what_is_not_a_journal_and_changes_nothing(
    journal: Journal, make, journal_path: Path, tmp_path: Path, backups: Path
) -> None:
    from desktop.storage.backups import restore_in_place
    from desktop.storage.problems import JournalUnreadable

    journal.add_entry(make.pain(make.at(5, 9), 3), zone=make.zone)
    before = journal.entries()
    not_a_journal = tmp_path / "notes.db"
    not_a_journal.write_bytes(b"hello")
    with pytest.raises(JournalUnreadable):
        restore_in_place(journal.db, journal_path, not_a_journal, backups, STAMP)
    assert journal.entries() == before
    assert not backups.exists() or list(backups.iterdir()) == []
