"""Screenshots of the windows and dialogs on a real X server, driven by keyboard, and
the reminder window taking over when the notification daemon is gone."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.desktops import next_minute
from tests.e2e.conftest import Desktop, _wait_for, press, visible
from tests.e2e.test_reminder_e2e import ebb, keep_sleep_reminders_away, query

pytestmark = pytest.mark.e2e


def test_windows_and_dialogs_by_keyboard(desktop: Desktop, tmp_path: Path) -> None:
    data = tmp_path / "data"
    ebb(desktop, data, "demo", "--days", "45", "--seed", "4")
    ebb(desktop, data, "settings", "set", "dose_timing", "pattern")
    app = start(desktop, data)
    try:
        _wait_for(lambda: visible(desktop, "^Ebb$"), 20, "the main window")
        window = visible(desktop, "^Ebb$")
        time.sleep(1)
        desktop.screenshot("10-today")
        press(desktop, window, "alt+j")
        time.sleep(0.8)
        desktop.screenshot("11-journal")
        for keys, name in (
            ("ctrl+p", "12-pain-dialog"),
            ("ctrl+d", "13-dose-dialog"),
            ("ctrl+l", "14-sleep-dialog"),
            ("ctrl+shift+e", "15-effect-dialog"),
            ("ctrl+n", "16-note-dialog"),
        ):
            press(desktop, window, keys)
            time.sleep(1.0)
            desktop.screenshot(name)
            desktop.run("xdotool", "key", "Escape")
            time.sleep(0.5)
        press(desktop, window, "ctrl+comma")
        _wait_for(lambda: visible(desktop, "^Ebb settings$"), 10, "the settings window")
        time.sleep(0.8)
        desktop.screenshot("17-settings")
        press(desktop, visible(desktop, "^Ebb settings$"), "Escape")
        time.sleep(0.5)
        # A pain check-in entirely by keyboard: Ctrl+P, "7", Enter.
        before = query(data, "SELECT count(*) FROM pains")[0][0]
        press(desktop, window, "ctrl+p")
        time.sleep(1.0)
        desktop.run("xdotool", "key", "7", "Return")
        _wait_for(lambda: query(data, "SELECT count(*) FROM pains")[0][0] == before + 1, 10, "the pain entry")
        assert query(data, "SELECT score FROM pains ORDER BY entry_id DESC LIMIT 1") == [(7,)]
    finally:
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=20)
    assert app.returncode == 0, err


def test_a_first_start_opens_the_set_up(desktop: Desktop, tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    app = start(desktop, data)
    try:
        _wait_for(lambda: visible(desktop, "^Set up Ebb$"), 20, "the first-run set-up")
        time.sleep(0.8)
        desktop.screenshot("18-first-run-welcome")
        wizard = visible(desktop, "^Set up Ebb$")
        press(desktop, wizard, "alt+n")
        time.sleep(0.8)
        desktop.screenshot("19-first-run-substances")
        press(desktop, wizard, "Escape")
    finally:
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=20)
    assert app.returncode == 0, err


def one_check_in_soon(desktop: Desktop, data: Path, due: str) -> None:
    """A journal whose only reminder today is a pain check-in at ``due`` (HH:MM)."""
    ebb(
        desktop, data, "substance", "add", "Melatonin", "--kind", "melatonin", "--unit", "mg", "--amount", "1"
    )
    keep_sleep_reminders_away(desktop, data)
    ebb(desktop, data, "settings", "set", "checkin_times", due)
    ebb(desktop, data, "settings", "set", "followups_min", "")


def start(desktop: Desktop, data: Path, *options: str) -> subprocess.Popen[str]:
    """`ebb run` on the test desktop, its output kept for the assertions."""
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "run", *options],
        env=desktop.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_without_a_notification_daemon_the_reminder_window_takes_over(
    desktop: Desktop, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    one_check_in_soon(desktop, data, next_minute())
    desktop.stop_dunst()
    app = start(desktop, data, "--minimized")
    try:
        _wait_for(lambda: visible(desktop, "^Ebb reminder$"), 110, "the reminder window")
        time.sleep(0.5)
        desktop.screenshot("20-reminder-window")
        reminder = visible(desktop, "^Ebb reminder$")
        press(desktop, reminder, "Return")  # "Log pain", the default button
        time.sleep(1.0)
        desktop.screenshot("21-pain-prompt-from-reminder")
        desktop.run("xdotool", "key", "4", "Return")
        _wait_for(lambda: query(data, "SELECT count(*) FROM pains")[0][0] == 1, 10, "the pain entry")
        _wait_for(
            lambda: (
                query(data, "SELECT state FROM occurrences WHERE kind = 'checkin' ORDER BY due_utc LIMIT 1")
                == [("taken",)]
            ),
            10,
            "the check-in marked taken",
        )
    finally:
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=20)
        desktop.start_dunst()
    assert app.returncode == 0, err


def test_a_hung_notification_daemon_falls_back_to_the_reminder_window_within_seconds(
    desktop: Desktop, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    due = next_minute(at_least=25)
    one_check_in_soon(desktop, data, due)
    app = start(desktop, data, "--minimized")
    dunst = next(p for p in desktop.processes if p.args[0] == "dunst" and p.poll() is None)
    try:
        time.sleep(3)  # the app is up, its tray icon shown
        dunst.send_signal(signal.SIGSTOP)  # the daemon hangs: calls to it never return
        _wait_for(lambda: visible(desktop, "^Ebb reminder$"), 100, "the reminder window")
        hour, minute = (int(part) for part in due.split(":"))
        now = datetime.now(UTC)
        due_at = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if due_at > now + timedelta(hours=12):
            due_at -= timedelta(days=1)
        # Within seconds of the reminder's time: the send time-out (5 s) plus slack.
        assert now - due_at < timedelta(seconds=15), now - due_at
        desktop.screenshot("22-reminder-window-daemon-hung")
        state = query(data, "SELECT state FROM occurrences WHERE kind = 'checkin' ORDER BY due_utc LIMIT 1")
        assert state == [("due",)]  # delivered (by the window), nothing lost
    finally:
        dunst.send_signal(signal.SIGCONT)
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=20)
    assert app.returncode == 0, err


def test_without_a_tray_closing_keeps_reminding_and_a_tray_that_comes_later_gets_the_icon(
    desktop: Desktop, tmp_path: Path
) -> None:
    """As when autostart beats the panel: no tray at start, so the window is Ebb's home;
    closing it leaves Ebb running, a second start brings it back, and once a tray host
    appears the icon is there (found by the minute's check, as XEmbed trays announce
    nothing on D-Bus)."""
    data = tmp_path / "data"
    one_check_in_soon(desktop, data, next_minute(at_least=150))
    state = desktop.env.get("XDG_STATE_HOME") or str(Path(desktop.env["HOME"]) / ".local" / "state")
    log = Path(state) / "ebb" / "log" / "ebb.log"  # platformdirs' user_log_path on Linux
    earlier = len(log.read_text()) if log.exists() else 0  # the session's other tests log here too

    def logged(words: str) -> bool:
        return log.exists() and words in log.read_text()[earlier:]

    desktop.stop_trayer()
    app = start(desktop, data)
    try:
        _wait_for(lambda: visible(desktop, "^Ebb$"), 30, "the main window (no tray)")
        _wait_for(lambda: logged("started;"), 30, "the journal and reminders")
        time.sleep(1.0)
        desktop.screenshot("30-no-tray-window")
        press(desktop, visible(desktop, "^Ebb$"), "ctrl+w")
        _wait_for(lambda: not visible(desktop, "^Ebb$"), 10, "the window closed")
        time.sleep(1.0)
        assert app.poll() is None, "closing the window quit Ebb: its reminders would stop"
        again = start(desktop, data)  # "start Ebb again" from the application menu
        again.communicate(timeout=30)
        assert again.returncode == 0
        _wait_for(lambda: visible(desktop, "^Ebb$"), 10, "the window back")
        desktop.start_trayer()
        _wait_for(lambda: logged("a system tray appeared"), 90, "the icon in the late tray")
        time.sleep(1.0)
        desktop.screenshot("31-tray-came-later")
    finally:
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=20)
        desktop.stop_trayer()
        desktop.start_trayer()
    assert app.returncode == 0, err
