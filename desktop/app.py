"""Composition root of the desktop app: builds the journal and the Qt shell.

For now the shell is a tray icon with a menu and a home window listing the latest
entries; reminders, notifications and dialogs come with the tray-app issue.
"""

from __future__ import annotations

import sys

from desktop.paths import Paths, resource
from desktop.present import describe, show_time
from desktop.storage.database import JournalUnreadable, open_journal
from desktop.storage.repository import Journal

RECENT = 50


def _recent_lines(journal: Journal) -> list[str]:
    records = journal.entries()[-RECENT:]
    return [f"{show_time(r['at'])}   {r['kind']:<6}  {describe(r)}" for r in reversed(records)]


def run_app(paths: Paths, *, minimized: bool = False, smoke: bool = False) -> int:
    """Start the tray app; with ``smoke`` start fully, print "ready" and return 0."""
    from PySide6.QtGui import QAction, QIcon
    from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

    from desktop.ui.home import HomeWindow

    try:
        from datetime import UTC, datetime

        from desktop.storage.backups import backup_before_migrating

        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        journal = Journal(
            open_journal(paths.journal, before_migrating=backup_before_migrating(paths.backups, stamp))
        )
    except JournalUnreadable as exc:
        print(f"ebb: error: journal: {exc}. It was not changed; see 'ebb doctor'.", file=sys.stderr)
        return 4
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Ebb")
    app.setQuitOnLastWindowClosed(False)
    icon = QIcon(str(resource("icons", "ebb.svg")))
    app.setWindowIcon(icon)
    has_tray = QSystemTrayIcon.isSystemTrayAvailable()
    note = (
        app.tr(
            "Reminders and quick logging dialogs are coming soon. "
            "Until then, use the command line: ebb --help"
        )
        if has_tray
        else app.tr("No system tray was found, so this window is Ebb's home. Close it to quit.")
    )
    window = HomeWindow(_recent_lines(journal), icon, note)
    if not has_tray:
        app.setQuitOnLastWindowClosed(True)
    tray = QSystemTrayIcon(icon)
    menu = QMenu()
    open_action = QAction(app.tr("Open Ebb"), menu)
    open_action.triggered.connect(window.show)
    quit_action = QAction(app.tr("Quit"), menu)
    quit_action.triggered.connect(app.quit)
    menu.addAction(open_action)
    menu.addSeparator()
    menu.addAction(quit_action)
    tray.setContextMenu(menu)
    tray.setToolTip("Ebb")
    if has_tray:
        tray.show()
    if not minimized or not has_tray:
        window.show()
    if smoke:
        app.processEvents()
        print("ready", flush=True)
        journal.db.conn.close()
        return 0
    try:
        return app.exec()
    finally:
        journal.db.conn.close()
