"""Two instances and concurrent writers: two `ebb run` started at the same moment leave one
running (the other exits 0), and command-line writes while the app saves are all committed
(WAL and the busy timeout, not luck)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.faults.test_kills import GUI_SAVER, check_journal, child_env


def private_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    env = child_env()
    env.update(HOME=str(home), TMPDIR=str(home / "tmp"), XDG_RUNTIME_DIR=str(home / "tmp"))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


def test_two_apps_started_at_once_leave_exactly_one_running(tmp_path: Path) -> None:
    env = private_env(tmp_path)
    cmd = [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"), "run", "--minimized"]
    for _round in range(3):
        first = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        second = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and first.poll() is None and second.poll() is None:
                time.sleep(0.05)
            time.sleep(1.0)  # the survivor keeps running
            running = [p for p in (first, second) if p.poll() is None]
            exited = [p for p in (first, second) if p.poll() is not None]
            assert len(running) == 1 and len(exited) == 1, [p.poll() for p in (first, second)]
            out, _ = exited[0].communicate(timeout=5)
            assert exited[0].returncode == 0 and "already running" in out
        finally:
            for process in (first, second):
                if process.poll() is None:
                    process.terminate()
                process.communicate(timeout=20)
        assert all(p.returncode == 0 for p in (first, second))


def test_command_line_writes_while_the_app_saves_are_all_committed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = private_env(tmp_path)
    assert (
        subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(data), "log", "pain", "1", "--note", "first"],
            env=env,
            capture_output=True,
        ).returncode
        == 0
    )
    acked: list[str] = []
    with subprocess.Popen(
        [sys.executable, "-c", GUI_SAVER, str(data), "gui"], stdout=subprocess.PIPE, text=True, env=env
    ) as app:
        assert app.stdout is not None and app.stdout.readline().strip() == "ready"

        def cli_write(n: int) -> int:
            return subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "desktop",
                    "--data-dir",
                    str(data),
                    "log",
                    "pain",
                    "5",
                    "--note",
                    f"cli-{n}",
                ],
                env=env,
                capture_output=True,
            ).returncode

        with ThreadPoolExecutor(max_workers=2) as pool:
            codes = list(pool.map(cli_write, range(16)))
        app.terminate()
        acked = [line.split()[1] for line in app.stdout.read().splitlines() if line.startswith("ack ")]
    assert codes == [0] * 16
    notes, orphans = check_journal(data / "journal.db")
    assert {f"cli-{n}" for n in range(16)} <= notes
    assert len(acked) >= 10 and set(acked) <= notes, len(acked)
    assert orphans == 0
    assert os.path.exists(data / "journal.db")
