"""The home window and `ebb run --smoke` (offscreen Qt)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QIcon

from desktop.ui.home import HomeWindow


def test_home_window_lists_entries(qtbot) -> None:
    window = HomeWindow(["2026-03-01 09:00   pain", "2026-03-01 09:30   dose"], QIcon(), "note")
    qtbot.addWidget(window)
    window.show()
    assert window.entries.count() == 2
    assert window.entries.item(0).text().endswith("pain")


def test_home_window_empty_state_says_what_to_do(qtbot) -> None:
    window = HomeWindow([], QIcon(), "note")
    qtbot.addWidget(window)
    assert "ebb log pain" in window.entries.item(0).text()


def test_run_smoke_starts_and_prints_ready(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path), "run", "--smoke"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "ready"
    assert (tmp_path / "journal.db").exists()
