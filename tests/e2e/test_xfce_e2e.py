"""X11 with XFCE's own panel and notification daemon, started after Ebb (as when
autostart beats the panel): its StatusNotifierWatcher appearing on the session bus makes
Ebb show its icon within seconds, and a reminder comes as an xfce4-notifyd notification
with buttons, not in Ebb's fallback window."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desktops import next_minute, start_session_bus, start_xvfb
from tests.e2e.conftest import SCREENSHOTS, _wait_for
from tests.e2e.test_reminder_e2e import query

pytestmark = pytest.mark.e2e

# Debian puts the daemon beside its libraries, in the architecture's folder.
NOTIFYD = next(iter(sorted(Path("/usr/lib").glob("*/xfce4/notifyd/xfce4-notifyd"))), Path("xfce4-notifyd"))
TOOLS = ("Xvfb", "dbus-daemon", "xfce4-panel", "import")


@pytest.fixture
def xfce_session(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A display and a session bus of their own; the panel is the test's to start."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None] + (
        [] if NOTIFYD.exists() else [str(NOTIFYD)]
    )
    if missing:
        if os.environ.get("EBB_E2E_REQUIRED"):
            pytest.fail(f"XFCE tools missing: {', '.join(missing)}")
        pytest.skip(f"XFCE tools missing: {', '.join(missing)}")
    xvfb, display = start_xvfb()
    bus, address = start_session_bus()
    env = {
        **os.environ,
        "DISPLAY": display,
        "DBUS_SESSION_BUS_ADDRESS": address,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_RUNTIME_DIR": str(tmp_path),
        "HOME": str(tmp_path),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "TZ": "UTC",
    }
    yield env
    for process in (bus, xvfb):
        process.terminate()
        process.wait(timeout=10)
    assert bus.stdout is not None
    bus.stdout.close()


def test_a_panel_that_comes_after_ebb_gets_the_icon_and_notifications_have_buttons(
    xfce_session: dict[str, str], tmp_path: Path
) -> None:
    env, data = xfce_session, tmp_path / "data"
    log = tmp_path / "state" / "ebb" / "log" / "ebb.log"

    def ebb(*argv: str) -> None:
        subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *argv], env=env, check=True)

    ebb("substance", "add", "Melatonin", "--kind", "melatonin", "--unit", "mg")
    ebb("settings", "set", "checkin_times", next_minute(at_least=40))
    ebb("settings", "set", "followups_min", "")
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "run", "--minimized"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    desktop_parts: list[subprocess.Popen[bytes]] = []
    try:
        _wait_for(lambda: log.exists() and "started;" in log.read_text(), 30, "Ebb started without a tray")
        assert "a system tray appeared" not in log.read_text()
        for command in (["xfce4-panel"], [str(NOTIFYD)]):
            desktop_parts.append(
                subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            )
        # The watcher's name appearing is heard at once: well before the minute's check.
        _wait_for(lambda: "a system tray appeared" in log.read_text(), 20, "the icon in XFCE's panel")
        time.sleep(2.0)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["import", "-window", "root", str(SCREENSHOTS / "50-xfce-panel-came-later.png")], env=env
        )
        checkins = "SELECT state FROM occurrences WHERE kind = 'checkin'"
        _wait_for(lambda: ("due",) in query(data, checkins), 120, "the check-in delivered")
        time.sleep(2.0)
        subprocess.run(["import", "-window", "root", str(SCREENSHOTS / "51-xfce-notification.png")], env=env)
        text = log.read_text()
        assert "BUTTONS" in text.split("notification service capabilities:", 1)[1].split("\n", 1)[0]
        assert "shown in Ebb's own window" not in text  # the notification took it
    finally:
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=20)
        for part in desktop_parts:
            part.terminate()
            part.wait(timeout=10)
    assert app.returncode == 0, err
