"""Baseline for the start-up and idle benchmarks: the least a PySide6 tray app does.

``python bare_tray.py ICON.svg`` starts QApplication, shows a QSystemTrayIcon with the
icon and a small QWidget, runs the event loop once, prints "tray" and "ready" (the two
markers of ``ebb run --smoke``) and exits 0.
``python bare_tray.py ICON.svg --libraries`` imports, after "tray", the libraries Ebb
starts on (sqlite-utils, APScheduler, tzlocal) before "ready": the floor the chosen stack
sets for Ebb's "ready".
``python bare_tray.py ICON.svg --idle`` does the same as the first, then runs the event loop until
SIGTERM (the default action: no Python handler, so no polling timer either).
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon, QVBoxLayout, QWidget


def main(argv: list[str]) -> int:
    icon_path, idle, libraries = argv[0], "--idle" in argv[1:], "--libraries" in argv[1:]
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    icon = QIcon(icon_path)
    tray = QSystemTrayIcon(icon)
    tray.show()
    window = QWidget()
    window.setWindowTitle("bare")
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("bare tray app"))
    window.resize(320, 200)
    window.show()
    app.processEvents()
    print("tray", flush=True)
    if libraries:
        import apscheduler.schedulers.base  # noqa: F401
        import sqlite_utils  # noqa: F401
        import tzlocal  # noqa: F401
    print("ready", flush=True)
    if idle:
        return app.exec()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
