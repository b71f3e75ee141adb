"""A full disk and a read-only data folder: a save that cannot be written says so in one
line (CLI) or in the open dialog (GUI), and nothing already stored is lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from tests.faults.conftest import SmallDisk


def ebb(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": "UTC"},
        timeout=60,
    )


def stored(data: Path) -> tuple[str, list[str]]:
    conn = sqlite3.connect(data / "journal.db")
    try:
        return (
            conn.execute("PRAGMA integrity_check").fetchone()[0],
            [note for (note,) in conn.execute("SELECT note FROM entries ORDER BY id")],
        )
    finally:
        conn.close()


def journal_with_three(disk: SmallDisk) -> Path:
    data = disk.path / "data"
    for n in range(3):
        assert ebb(data, "log", "pain", "4", "--note", f"kept {n}").returncode == 0
    return data


def test_cli_on_a_full_disk_fails_in_one_line_and_loses_nothing(small_disk: SmallDisk) -> None:
    data = journal_with_three(small_disk)
    filler = small_disk.fill()
    result = ebb(data, "log", "pain", "7", "--note", "x" * 2000)
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "disk is full" in lines[0] and "Traceback" not in result.stderr, result.stderr
    filler.unlink()
    assert stored(data) == ("ok", ["kept 0", "kept 1", "kept 2"])
    assert ebb(data, "log", "pain", "7", "--note", "after").returncode == 0  # and it recovers
    assert stored(data)[1][-1] == "after"


def test_cli_on_a_read_only_folder_fails_in_one_line_and_loses_nothing(small_disk: SmallDisk) -> None:
    data = journal_with_three(small_disk)
    small_disk.read_only(True)
    try:
        result = ebb(data, "log", "pain", "7", "--note", "refused")
        assert result.returncode == 1, result
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "read-only" in lines[0] and "Traceback" not in result.stderr, result.stderr
    finally:
        small_disk.read_only(False)
    assert stored(data) == ("ok", ["kept 0", "kept 1", "kept 2"])


def test_a_dialog_on_a_full_disk_keeps_the_entry_and_says_why(qtbot, small_disk: SmallDisk) -> None:
    from desktop.storage.database import open_journal
    from desktop.storage.journal import Journal
    from desktop.ui.dialogs import PainDialog

    data = journal_with_three(small_disk)
    journal = Journal(open_journal(data / "journal.db"))
    now = datetime.now(UTC)
    dialog = PainDialog(lambda value: journal.add_entry(value, zone="UTC"), lambda: now, UTC)
    qtbot.addWidget(dialog)
    dialog.show()
    filler = small_disk.fill()
    dialog.score.set_value(6)
    dialog.note.setText("y" * 3000)
    dialog.submit()
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert "full" in dialog.error.text().casefold(), dialog.error.text()
    assert dialog.score.value() == 6 and dialog.note.text() == "y" * 3000  # nothing typed is lost
    filler.unlink()
    dialog.submit()  # space again: the same entry saves
    assert dialog.result() == dialog.DialogCode.Accepted
    journal.db.close()
    integrity, notes = stored(data)
    assert integrity == "ok" and notes == ["kept 0", "kept 1", "kept 2", "y" * 3000]


def test_the_app_on_a_read_only_folder_says_why_and_exits(small_disk: SmallDisk) -> None:
    data = journal_with_three(small_disk)
    small_disk.read_only(True)
    try:
        result = ebb(data, "run", "--smoke")
    finally:
        small_disk.read_only(False)
    assert result.returncode == 1, result
    assert "read-only" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert stored(data) == ("ok", ["kept 0", "kept 1", "kept 2"])


def test_a_lost_wal_after_a_crash_leaves_a_consistent_journal(tmp_path: Path) -> None:
    """The -wal holds commits not yet copied into the journal. If a crash leaves it behind
    and it is then lost, the journal must still open as the consistent state of the last
    checkpoint (SQLite cannot know what was in it), and Ebb keeps working."""
    import signal

    data = tmp_path / "data"
    assert ebb(data, "log", "pain", "3", "--note", "checkpointed").returncode == 0
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
            'conn.execute("UPDATE settings SET value = value WHERE 0")\n'
            "conn.execute(\"INSERT INTO settings (key, value, updated_utc) VALUES ('in-wal', 'x', 'now')\")\n"
            "print('written', flush=True)\n"
            "time.sleep(60)\n",
            str(data / "journal.db"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == "written"
    writer.send_signal(signal.SIGKILL)  # a crash: -wal and -shm stay behind
    writer.wait()
    writer.stdout.close()
    wal = Path(f"{data / 'journal.db'}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    wal.unlink()  # ...and the -wal is lost (a sync tool, a careless clean-up)
    listing = ebb(data, "list")
    assert listing.returncode == 0 and "checkpointed" in listing.stdout, listing
    assert ebb(data, "log", "pain", "4", "--note", "after").returncode == 0
    integrity, notes = stored(data)
    assert integrity == "ok" and notes == ["checkpointed", "after"]
    assert ebb(data, "doctor").returncode == 0
