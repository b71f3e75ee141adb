"""Ebb under Wayland: weston's headless backend, a real compositor with no tray (as on
weston or GNOME without the AppIndicator extension). The window is Ebb's home; a
reminder comes in Ebb's own window when no notification service answers; a second
`ebb run` hands its activation token to the running Ebb, which raises its window."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.desktops import next_minute
from tests.e2e.conftest import SCREENSHOTS, _wait_for

pytestmark = pytest.mark.e2e

TOOLS = ("weston", "weston-screenshooter")


@dataclass
class Wayland:
    env: dict[str, str]
    root: Path

    def screenshot(self, name: str) -> Path:
        """weston's own screenshooter (allowed by --debug) writes into the folder it runs in."""
        shots = self.root / "shots"
        shots.mkdir(exist_ok=True)
        for old in shots.glob("*.png"):
            old.unlink()
        subprocess.run(["weston-screenshooter"], cwd=shots, env=self.env, timeout=30, check=True)
        (taken,) = shots.glob("*.png")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copyfile(taken, SCREENSHOTS / f"{name}.png"))

    def ebb(self, data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(data), *argv],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )


@pytest.fixture
def wayland(tmp_path: Path) -> Iterator[Wayland]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("EBB_E2E_REQUIRED"):
            pytest.fail(f"Wayland tools missing: {', '.join(missing)}")
        pytest.skip(f"Wayland tools missing: {', '.join(missing)}")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XDG_ACTIVATION_TOKEN")
    }
    env.update(
        XDG_RUNTIME_DIR=str(runtime),
        WAYLAND_DISPLAY="wayland-ebb",
        QT_QPA_PLATFORM="wayland",
        HOME=str(tmp_path),
        XDG_STATE_HOME=str(tmp_path / "state"),
        TZ="UTC",
    )
    compositor = subprocess.Popen(
        [
            *("weston", "--backend=headless-backend.so", "--use-pixman", "--debug"),
            *("--socket=wayland-ebb", "--width=1280", "--height=800", "--idle-time=0"),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_for(lambda: (runtime / "wayland-ebb").exists(), 15, "weston")
    yield Wayland(env, tmp_path)
    compositor.terminate()
    compositor.wait(timeout=10)


def test_on_wayland_the_window_the_reminder_window_and_a_second_launch(
    wayland: Wayland, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    log = tmp_path / "state" / "ebb" / "log" / "ebb.log"
    for argv in (
        ("substance", "add", "Melatonin", "--kind", "melatonin", "--unit", "mg"),
        ("settings", "set", "checkin_times", next_minute(at_least=25)),
        ("settings", "set", "followups_min", ""),
    ):
        assert wayland.ebb(data, *argv).returncode == 0
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "run"],
        env=wayland.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(lambda: log.exists() and "started;" in log.read_text(), 30, "Ebb started under Wayland")
        time.sleep(1.0)
        wayland.screenshot("40-wayland-window")
        # No session bus here, so no notification service: the check-in comes in Ebb's window.
        _wait_for(lambda: "shown in Ebb's own window" in log.read_text(), 120, "the reminder window")
        time.sleep(1.0)
        wayland.screenshot("41-wayland-reminder-window")
        second = wayland.ebb(data, "run")
        assert second.returncode == 0 and "already running" in second.stdout
        second_with_token = subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(data), "run"],
            env={**wayland.env, "XDG_ACTIVATION_TOKEN": "token-from-the-launcher"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second_with_token.returncode == 0
        _wait_for(lambda: log.read_text().count("showing the main window") >= 3, 10, "the window raised")
    finally:
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=20)
    assert app.returncode == 0, err
