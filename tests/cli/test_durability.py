"""Crash safety: processes writing entries are SIGKILLed at random moments; afterwards
the journal passes integrity_check and holds every entry whose command exited 0."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults.test_kills import check_journal

KILLS_WANTED = 50
MAX_ATTEMPTS = 200
CALIBRATE_EVERY = 5


def _start_writer(data_dir: Path, marker: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "log", "pain", "5", "--note", marker],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "TZ": "UTC"},
    )


def _time_one_write(data_dir: Path) -> float:
    """Seconds a whole write takes here (the slower of a first and a second one)."""
    durations = []
    for marker in ("first", "second"):
        started = time.perf_counter()
        assert _start_writer(data_dir, marker).wait() == 0
        durations.append(time.perf_counter() - started)
    return max(durations)


def test_sigkill_at_random_moments_loses_no_acknowledged_entry(tmp_path: Path) -> None:
    kill_cli_writes(tmp_path, KILLS_WANTED, seed=20261123)


@pytest.mark.slow
def test_many_sigkills_during_cli_writes(tmp_path: Path) -> None:
    kill_cli_writes(tmp_path, 120, seed=7)


def kill_cli_writes(tmp_path: Path, kills_wanted: int, seed: int) -> None:
    data_dir = tmp_path / "data"
    rng = random.Random(seed)
    acknowledged: list[str] = []
    finished_before_the_kill = 0
    kills = 0
    attempts = 0
    # Delays spread over a whole write as timed on this machine land on imports,
    # opening and migrating the journal, the write itself, and the daily backup.
    duration = _time_one_write(tmp_path / "timing")
    while kills < kills_wanted and attempts < max(MAX_ATTEMPTS, 4 * kills_wanted):
        marker = f"entry-{attempts}"
        attempts += 1
        started = time.perf_counter()
        process = _start_writer(data_dir, marker)
        if attempts % CALIBRATE_EVERY == 0:
            # A shared machine slows down and speeds up: let one write in a few run to
            # its end, so the delays keep covering a whole write as long as it takes now.
            if process.wait() == 0:
                acknowledged.append(marker)
            duration = max(duration, time.perf_counter() - started)
            continue
        time.sleep(rng.uniform(0.05, 1.25) * duration)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        if process.wait() == 0:
            acknowledged.append(marker)
            finished_before_the_kill += 1
    print(f"durability: {kills} kills, {len(acknowledged)} acknowledged writes, {attempts} processes")
    assert kills >= kills_wanted, f"only {kills} kills in {attempts} attempts"
    assert finished_before_the_kill, "no write outran a kill: the delays are too short to test anything"

    stored, orphans = check_journal(data_dir / "journal.db")  # integrity and foreign keys too
    missing = [m for m in acknowledged if m not in stored]
    assert not missing, f"acknowledged but missing: {missing}"
    assert orphans == 0, "an entry row without its detail row: a write was not atomic"
    # A journal that survived the kills still works normally.
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "doctor"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
