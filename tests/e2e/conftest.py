"""A private desktop for end-to-end tests: Xvfb, a private D-Bus session bus, a real
notification daemon (dunst) and a real tray host (trayer).

dunst's context menu is normally a dmenu; here it is a tiny script that records what it
was offered and picks the "Taken" action, so a test can press a notification's button
through the real daemon (`dunstctl context`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.desktops import start_session_bus, start_xvfb

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "e2e"
TOOLS = ("Xvfb", "dbus-daemon", "dunst", "dunstctl", "trayer", "import", "xdotool")


@dataclass
class Desktop:
    env: dict[str, str]
    root: Path
    offered: Path
    processes: list[subprocess.Popen[str]]

    def start_dunst(self) -> None:
        self.processes.append(
            subprocess.Popen(
                ["dunst", "-config", str(self.root / "dunstrc")],
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                text=True,
            )
        )
        _wait_for(lambda: self.run("dunstctl", "is-paused", check=False).returncode == 0, 15, "dunst")

    def stop_dunst(self) -> None:
        for process in self.processes:
            if process.args[0] == "dunst" and process.poll() is None:
                process.terminate()
                process.wait(timeout=5)

    def start_trayer(self) -> None:
        """An XEmbed tray host at the top right of the screen."""
        self.processes.append(
            subprocess.Popen(
                [
                    *("trayer", "--edge", "top", "--align", "right", "--widthtype", "request"),
                    *("--height", "28", "--transparent", "false", "--tint", "0x333333"),
                    *("--SetDockType", "true"),
                ],
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                text=True,
            )
        )
        time.sleep(1.0)  # trayer claims the tray selection

    def stop_trayer(self) -> None:
        for process in self.processes:
            if process.args[0] == "trayer" and process.poll() is None:
                process.terminate()
                process.wait(timeout=5)

    def run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(argv, env=self.env, capture_output=True, text=True, check=check, timeout=30)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.run("import", "-window", "root", str(path))
        return path

    def displayed(self) -> int:
        return int(self.run("dunstctl", "count", "displayed").stdout.strip() or 0)


def _wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("EBB_E2E_REQUIRED"):
            pytest.fail(f"end-to-end tools missing: {', '.join(missing)}")
        pytest.skip(f"end-to-end tools missing: {', '.join(missing)}")
    root = tmp_path_factory.mktemp("desktop")
    processes: list[subprocess.Popen[str]] = []  # stopped in reverse order at the end
    xvfb, display = start_xvfb()
    processes.append(xvfb)
    bus, address = start_session_bus()
    processes.append(bus)
    env = {
        **os.environ,
        "DISPLAY": display,
        "DBUS_SESSION_BUS_ADDRESS": address,
        "QT_QPA_PLATFORM": "xcb",
        "TZ": "UTC",
        "XDG_RUNTIME_DIR": str(root),
        "HOME": str(root),
    }
    offered = root / "offered.txt"
    picker = root / "pick-taken.sh"
    picker.write_text(f'#!/bin/sh\ntee -a "{offered}" | grep -m1 "^#Taken "\n')
    picker.chmod(0o700)
    config = root / "dunstrc"
    config.write_text(f"[global]\n    dmenu = {picker}\n    font = DejaVu Sans 10\n    width = 420\n")
    processes.append(
        subprocess.Popen(
            ["dunst", "-config", str(config)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    )
    desk = Desktop(env, root, offered, processes)
    desk.start_dunst()
    desk.start_trayer()
    yield desk
    for process in reversed(processes):
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
    if bus.stdout is not None:
        bus.stdout.close()


def visible(desktop: Desktop, name: str) -> str:
    """The id of a mapped window whose title matches ``name`` (a regex), or ""."""
    found = desktop.run("xdotool", "search", "--onlyvisible", "--name", name, check=False).stdout.split()
    return found[0] if found else ""


def press(desktop: Desktop, window: str, *keys: str) -> None:
    """Give ``window`` the keyboard (there is no window manager here) and type."""
    desktop.run("xdotool", "windowfocus", "--sync", window, check=False)
    desktop.run("xdotool", "key", *keys)
