"""End to end on a real (virtual) desktop: the tray app shows a real notification with
Taken / Snooze / Skip through dunst, "Taken" pressed in dunst logs the dose, a second
launch raises the first, and SIGTERM quits cleanly."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.argv import ADD_KRATOM_WITH_LIMITS
from tests.desktops import next_minute
from tests.e2e.conftest import Desktop, _wait_for, press, visible

pytestmark = pytest.mark.e2e


def ebb(desktop: Desktop, data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return desktop.run(sys.executable, "-m", "desktop", "--data-dir", str(data), *argv)


def keep_sleep_reminders_away(desktop: Desktop, data: Path) -> None:
    """Bedtime 4 h from now and wake-up 12 h from now (so 12 h ago): neither the melatonin
    reminder nor the morning sleep-diary prompt is due while a test runs. (With the
    default 07:00 wake-up, a run just after 07:00 met the morning prompt first.)"""
    now = datetime.now(UTC)
    bedtime, wake = f"{now + timedelta(hours=4):%H:%M}", f"{now + timedelta(hours=12):%H:%M}"
    for key, value in (
        ("bedtime", bedtime),
        ("bedtime_weekend", bedtime),
        ("wake_time", wake),
        ("wake_time_weekend", wake),
    ):
        ebb(desktop, data, "settings", "set", key, value)


def query(data: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(data / "journal.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_reminder_becomes_a_real_notification_and_taken_logs_the_dose(
    desktop: Desktop, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    ebb(desktop, data, *ADD_KRATOM_WITH_LIMITS)
    ebb(desktop, data, "settings", "set", "checkin_times", "")
    ebb(desktop, data, "settings", "set", "followups_min", "")
    keep_sleep_reminders_away(desktop, data)
    ebb(desktop, data, "settings", "set", "dose_times", next_minute())
    monitor = subprocess.Popen(
        [
            "dbus-monitor",
            "--address",
            desktop.env["DBUS_SESSION_BUS_ADDRESS"],
            "interface='org.freedesktop.Notifications',member='Notify'",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "run", "--minimized"],
        env=desktop.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(2)
        desktop.screenshot("01-tray-idle")
        # The tray menu, opened with a right click on the icon in trayer (top right).
        desktop.run("xdotool", "mousemove", "1268", "14", "click", "3", check=False)
        time.sleep(1)
        desktop.screenshot("02-tray-menu")
        desktop.run("xdotool", "key", "Escape", check=False)

        # In the afternoon (UTC) the morning sleep-diary prompt of keep_sleep_reminders_away's
        # wake time has passed, so a "while you were away" summary is shown at start; it
        # expires after dunst's 10 s while we wait, which a count taken with it on screen
        # took for no change. Clear the screen first, so that the next one is the dose.
        desktop.run("dunstctl", "close-all", check=False)
        _wait_for(lambda: desktop.displayed() == 0, 10, "an empty notification area")
        _wait_for(lambda: desktop.displayed() > 0, 100, "the dose reminder notification")
        time.sleep(0.5)
        desktop.screenshot("03-notification")

        # A second launch asks the first to show its window and exits 0.
        second = ebb(desktop, data, "run", "--smoke")
        assert second.returncode == 0 and "already running" in second.stdout
        _wait_for(
            lambda: desktop.run(
                "xdotool", "search", "--onlyvisible", "--name", "^Ebb$", check=False
            ).stdout.strip(),
            10,
            "the first instance's window",
        )
        desktop.screenshot("04-second-launch-raised-window")

        # Press "Taken" through the daemon's own action machinery: the dose dialog opens
        # with the usual amount filled in (editable); Enter logs it.
        desktop.run("dunstctl", "context")
        _wait_for(lambda: visible(desktop, "^Log a dose$"), 15, "the dose dialog")
        time.sleep(0.5)
        desktop.screenshot("05-dose-dialog-from-taken")
        press(desktop, visible(desktop, "^Log a dose$"), "Return")
        _wait_for(lambda: query(data, "SELECT count(*) FROM doses")[0][0] == 1, 15, "the logged dose")
        dose = query(data, "SELECT d.amount, d.source FROM doses d")[0]
        assert dose == (2.0, "reminder")
        state = query(data, "SELECT state FROM occurrences WHERE kind = 'dose' ORDER BY due_utc LIMIT 1")
        assert state == [("taken",)]
        time.sleep(0.5)
        desktop.screenshot("06-after-taken")
    finally:
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=20)
        monitor.terminate()
        notify_calls, _ = monitor.communicate(timeout=5)
    assert app.returncode == 0, err
    offered = desktop.offered.read_text()
    for label in (
        "#Taken (Kratom dose reminder)",
        "#Snooze 30 min (Kratom dose reminder)",
        "#Skip (Kratom dose reminder)",
    ):
        assert label in offered
    assert 'string "Kratom dose reminder"' in notify_calls
