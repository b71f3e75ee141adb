"""`uv run ebb` with no desktop session: one clear line and exit 1, not a Qt abort; the
smoke test runs anyway, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.start import missing_desktop_session


@pytest.mark.parametrize(
    ("environ", "platform", "missing"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ""}, "freebsd14", True),
        ({}, "win32", False),  # Windows and macOS always have their own desktop
        ({}, "darwin", False),
    ],
)
def test_a_session_is_missing_only_without_any_display(environ, platform: str, missing: bool) -> None:
    assert missing_desktop_session(environ, platform) is missing


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux session check")
def test_without_a_display_ebb_says_so_in_one_line(tmp_path: Path) -> None:
    result = _run(tmp_path)  # `ebb` alone is `ebb run`
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "ebb: Ebb needs a desktop session (there is no X11 or Wayland display here). Start it from "
        "your desktop, or try it here without one: uv run ebb run --smoke"
    ]
    assert not (tmp_path / "journal.db").exists()  # nothing started, nothing written
    smoke = _run(tmp_path, "run", "--smoke")
    assert smoke.returncode == 0 and smoke.stdout.split() == ["tray", "ready"], smoke.stderr
