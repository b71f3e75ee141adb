"""What `ebb run --smoke` loads on its way to "tray" (not the journal, APScheduler or
sqlite-utils: the icon comes first) and to "ready" (not the Journal tab, built when first
shown, not matplotlib and not the pain model, loaded when insights or pattern timing
first need them)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WRAPPER = """
import sys
from desktop.cli.main import main
code = main(sys.argv[1:])
print("MODULES", *sorted(sys.modules))
raise SystemExit(code)
"""


def test_the_start_path_leaves_the_heavy_modules_alone(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TZ": "UTC"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    smoke = ["--data-dir", str(tmp_path), "run", "--smoke"]
    result = subprocess.run(
        [sys.executable, "-c", WRAPPER, *smoke],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("MODULES ")]
    modules = set(line.split()[1:])
    assert "desktop.ui.windows.today" in modules, (
        "the recorder saw no start at all: the check would prove nothing"
    )
    assert "desktop.ui.windows.journal_window" not in modules
    assert not {m for m in modules if m.split(".")[0] == "matplotlib"}
    # The fit and its numpy-side parts; its plain values (pain_model_values) may load.
    # (numpy itself may: sqlite_utils.db imports it when installed, after the tray.)
    fit = {m for m in modules if m.startswith("desktop.core.planning.pain_model")}
    assert fit <= {"desktop.core.planning.pain_model_values"}


def test_the_icon_or_window_is_shown_before_the_journal_and_its_libraries_are_imported(
    tmp_path: Path,
) -> None:
    """-X importtime writes each import to stderr as it ends; with stdout on the same pipe
    the "tray" line falls exactly between what was imported before and after it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TZ": "UTC"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "desktop", "--data-dir", str(tmp_path), "run", "--smoke"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    lines = result.stdout.splitlines()
    tray, ready = lines.index("tray"), lines.index("ready")

    def imported(part: list[str]) -> set[str]:
        return {line.rpartition("|")[2].strip() for line in part if line.startswith("import time:")}

    before, after = imported(lines[:tray]), imported(lines[tray:ready])
    late = {
        "sqlite_utils",
        "apscheduler",
        "tzlocal",
        "desktop.storage.database",
        "desktop.core.planning.planner",
    }
    assert "PySide6.QtWidgets" in before, "the recorder saw no start at all: the check would prove nothing"
    assert late & before == set()
    assert late <= after
