"""Cold start of `ebb log pain 5` against `python -c "import sqlite_utils"`, measured
alternately in the same run so that machine noise hits both alike."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from tests.perf.conftest import record, summary, timings

pytestmark = pytest.mark.perf
REPEAT = 15


def test_log_pain_cold_start_is_within_1_5x_of_importing_sqlite_utils(tmp_path: Path) -> None:
    # Both sides with cached bytecode, as on a user's machine after the first run (this
    # machine sets PYTHONDONTWRITEBYTECODE, which would compile every module each time).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(TZ="UTC", PYTHONPYCACHEPREFIX=str(tmp_path / "pycache"))
    data = str(tmp_path / "data")
    baseline_cmd = [sys.executable, "-c", "import sqlite_utils"]
    ebb_cmd = [sys.executable, "-m", "desktop", "--data-dir", data, "log", "pain", "5"]
    subprocess.run(ebb_cmd, check=True, env=env, capture_output=True)  # create the journal first
    subprocess.run(baseline_cmd, check=True, env=env)  # and fill the bytecode cache
    baseline: list[float] = []
    ebb: list[float] = []
    for _ in range(REPEAT):
        baseline += timings(lambda: subprocess.run(baseline_cmd, check=True, env=env), 1)
        ebb += timings(lambda: subprocess.run(ebb_cmd, check=True, env=env, capture_output=True), 1)
    ratio = statistics.median(ebb) / statistics.median(baseline)
    print()
    print(summary("python -c 'import sqlite_utils'", baseline))
    print(summary("ebb log pain 5", ebb))
    print(f"ratio (median) {ratio:.2f}")
    record(
        "CLI write: `ebb log pain 5` (new process)",
        ebb,
        baseline=("python -c 'import sqlite_utils'", baseline),
        target="<= 1.5x baseline",
    )
    importtime = subprocess.run(
        [sys.executable, "-X", "importtime", *ebb_cmd[1:]], env=env, capture_output=True, text=True
    ).stderr
    rows = [line.split("|") for line in importtime.splitlines() if line.startswith("import time:")][1:]
    top = sorted(rows, key=lambda r: -int(r[1].strip()))[:12]
    print("largest cumulative imports (us):")
    for row in top:
        print(f"  {row[1].strip():>8}  {row[2].rstrip()}")
    assert ratio <= 1.5
