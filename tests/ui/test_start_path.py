"""What `ebb run --smoke` loads on its way to "ready": not the Journal tab (built when
first shown), not matplotlib and not the pain model (loaded when insights or pattern
timing first need them)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WRAPPER = """
import sys
from desktop.cli import main
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
    assert "desktop.ui.today" in modules, "the recorder saw no start at all: the check would prove nothing"
    assert "desktop.ui.journal_window" not in modules
    assert not {m for m in modules if m.split(".")[0] == "matplotlib"}
    assert "desktop.core.pain_model" not in modules
