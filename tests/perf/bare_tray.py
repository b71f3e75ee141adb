"""Baseline for the start-up and idle benchmarks: the least a PySide6 tray app does.

``python bare_tray.py ICON.svg`` starts QApplication, shows a QSystemTrayIcon with the
icon and a small QWidget, processes events, prints "ready" and exits 0.
``python bare_tray.py ICON.svg --idle`` does the same, then runs the event loop until
SIGTERM (the default action: no Python handler, so no polling timer either).
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon, QVBoxLayout, QWidget


def main(argv: list[str]) -> int:
    icon_path, idle = argv[0], "--idle" in argv[1:]
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
    print("ready", flush=True)
    if idle:
        return app.exec()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
