"""What `ebb run --smoke` must not do on its way to "ready" (each cost measurable time;
see tests/perf/test_app_start.py): touch PySide's ``Qt`` namespace, whose first use
builds all of its ~95 Python enums (about 13 ms), build the Journal tab, or load
matplotlib or the pain model. (numpy itself comes with sqlite-utils, which imports it
when it is installed; issue 13 moves the journal after the tray is shown.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WRAPPER = """
import enum, sys
created = []
make = enum.EnumType._create_
def recording(cls, class_name, *args, **kwargs):
    created.append(class_name)
    return make(cls, class_name, *args, **kwargs)
enum.EnumType._create_ = recording
from desktop.cli import main
code = main(sys.argv[1:])
print("ENUMS", *created)
print("MODULES", *sorted(sys.modules))
raise SystemExit(code)
"""


def test_the_start_path_leaves_the_qt_namespace_and_heavy_modules_alone(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TZ": "UTC"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    smoke = ["--data-dir", str(tmp_path), "run", "--smoke"]
    # A first start creates the journal and shows whatever the default plan has due at
    # this time of day (the morning sleep diary, say) in a reminder window, which rightly
    # uses Qt's namespace. The start checked is the next one, as the perf test measures it.
    subprocess.run(
        [sys.executable, "-m", "desktop", *smoke], capture_output=True, timeout=60, env=env, check=True
    )
    result = subprocess.run(
        [sys.executable, "-c", WRAPPER, *smoke],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line[:1].isupper()}
    enums = set(lines["ENUMS"])
    assert enums, "the recorder saw no enum at all: the check would prove nothing"
    # A few of the Qt namespace's enums; any use of Qt.<anything> creates them all.
    assert not enums & {"AlignmentFlag", "TimerType", "Key", "WindowType", "TextFormat"}
    modules = set(lines["MODULES"])
    assert "desktop.ui.journal_window" not in modules
    assert not {m for m in modules if m.split(".")[0] == "matplotlib"}
    assert "desktop.core.pain_model" not in modules
