"""The running app notices what a terminal command wrote to its journal (issue 15, 2):
the journal's files are watched, and a commit by another process makes a new plan."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from desktop.storage.database import open_journal
from desktop.ui.shell.journal_watch import JournalFileWatch
from tests.desktops import next_minute


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TZ": "UTC"},
    )


def test_a_write_by_another_process_is_heard_once_it_settles(qtbot, tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    open_journal(journal).close()
    watch = JournalFileWatch(journal)
    with qtbot.waitSignal(watch.touched, timeout=5000):
        assert _cli(tmp_path, "log", "pain", "4").returncode == 0


def test_a_steady_stream_of_changes_still_gets_looks(qtbot, tmp_path: Path) -> None:
    """A reader polling the journal touches its files all the time; the look must come
    anyway (a debounce that restarts on every change would wait forever)."""
    from PySide6.QtCore import QTimer

    journal = tmp_path / "journal.db"
    journal.write_bytes(b"")
    watch = JournalFileWatch(journal)
    looks: list[int] = []
    watch.touched.connect(lambda: looks.append(1))

    def touch() -> None:
        with journal.open("ab") as handle:
            handle.write(b"x")

    ticker = QTimer()
    ticker.setInterval(50)
    ticker.timeout.connect(touch)
    ticker.start()
    try:
        qtbot.waitUntil(lambda: len(looks) >= 2, timeout=3000)
    finally:
        ticker.stop()


def _planned_keys(journal: Path, like: str) -> list[str]:
    conn = sqlite3.connect(f"file:{journal}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT key FROM occurrences WHERE key LIKE ?", [like])]
    except sqlite3.OperationalError:  # the app is still making its tables
        return []
    finally:
        conn.close()


def _wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_the_running_app_plans_a_check_in_time_set_in_a_terminal(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TZ": "UTC"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path), "run", "--minimized"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    journal = tmp_path / "journal.db"
    try:
        # Started: the app has made its first plan (the default check-ins, 09:00 …).
        assert _wait_for(lambda: journal.exists() and _planned_keys(journal, "checkin:%@09:00"), 30)
        assert _planned_keys(journal, "checkin:%@04:44") == []
        assert _cli(tmp_path, "settings", "set", "checkin_times", "04:44").returncode == 0
        # Tomorrow's 04:44 exists whatever the time of day now; the CLI plans nothing itself.
        assert _wait_for(lambda: _planned_keys(journal, "checkin:%@04:44"), 10), "the app did not re-plan"
        # And delivered when its time comes: a check-in set from the terminal for the next
        # minute shows (no notification service here: in Ebb's own window).
        log = Path(os.environ["XDG_STATE_HOME"]) / "ebb" / "log" / "ebb.log"
        soon = next_minute()
        assert _cli(tmp_path, "settings", "set", "checkin_times", soon).returncode == 0
        shown = f"@{soon} shown in Ebb's own window"
        assert _wait_for(lambda: log.exists() and shown in log.read_text(), 100), "not delivered"
    finally:
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=20)
    assert app.returncode == 0, err
