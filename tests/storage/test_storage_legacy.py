"""A journal written by the build of 2026-12-04 (plain sqlite3 storage, before
sqlite-utils came back) opens with sqlite-utils, its schema as it was (0003 renames
reminder keys only), passes ``ebb doctor`` and
exports exactly what that build exported (tests/storage/data; made with
``ebb demo --days 14 --seed 3`` and a note)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from desktop.core.validation import validate_note
from desktop.storage.database import open_journal
from desktop.storage.exchange import export_json
from desktop.storage.journal import Journal
from desktop.storage.migrations import MIGRATIONS

DATA = Path(__file__).parent / "data"
OLD = DATA / "journal-2026-12-04.db"


def copy_of_old(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    path = folder / "journal.db"
    shutil.copyfile(OLD, path)
    path.chmod(0o600)
    return path


def schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        conn.close()


def test_an_old_journal_opens_with_its_schema_and_exports_what_it_exported(tmp_path: Path) -> None:
    path = copy_of_old(tmp_path)
    db = open_journal(path)
    try:
        assert [m.name for m in MIGRATIONS.applied(db)] == [
            "0001_initial",
            "0002_occurrences",
            "0003_keys_by_planned_time",  # data only: reminders keyed by their planned time
        ]
        exported = json.loads(export_json(Journal(db)))
    finally:
        db.close()
    assert schema(path) == schema(OLD)  # no table or index rewritten
    expected = json.loads((DATA / "journal-2026-12-04.export.json").read_text())
    assert exported == expected


def test_an_old_journal_takes_new_entries_and_passes_doctor(tmp_path: Path, capsys) -> None:
    from datetime import UTC, datetime

    from desktop.cli.main import main

    path = copy_of_old(tmp_path)
    db = open_journal(path)
    try:
        journal = Journal(db)
        count = len(journal.entries())
        now = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
        journal.add_entry(validate_note("after the upgrade", now, now), zone="UTC")
        assert len(journal.entries()) == count + 1
    finally:
        db.close()
    assert main(["--data-dir", str(path.parent), "doctor"]) == 0
    assert "All checks passed." in capsys.readouterr().out
