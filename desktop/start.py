"""Starting the desktop app in the order a user sees it (DESIGN.md section 8): the tray
icon, or without a tray the window, first, before the journal, APScheduler or sqlite-utils
are imported; then, from the running event loop, the log file, the journal (an unreadable
one gets the restore offer), the reminders and the first plan (:class:`desktop.app.EbbApp`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop.app import EbbApp
from desktop.system.paths import Paths, log_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from sqlite_utils import Database

    from desktop.storage.journal import Journal
    from desktop.storage.problems import JournalUnreadable

log = logging.getLogger("desktop.start")


def configure_logging(verbose: bool = False) -> logging.Handler:
    """A rotating log file in the platform log folder (desktop/system/logfile.py)."""
    from desktop.system.logfile import configure_logging as configure

    return configure(log_dir(), verbose)


def offer_restore(paths: Paths, problem: JournalUnreadable, stamp: str) -> bool:
    """Ask whether to restore the latest good backup; restore it if so (keeping the
    unreadable file). True when the journal was restored."""
    from desktop.storage.backups import latest_good_backup, restore
    from desktop.ui.windows.restore_offer import RestoreOffer

    backup = latest_good_backup(paths.backups)
    offer = RestoreOffer(problem.problem, backup)
    offer.exec()
    if backup is None or not offer.chose_restore():
        return False
    kept = restore(backup.path, paths.journal, stamp)
    log.info("restored the journal from %s; the unreadable file was kept as %s", backup.path, kept)
    return True


def _cannot_write(app: QApplication, paths: Paths, exc: BaseException, smoke: bool) -> int:
    """A data folder Ebb cannot write to (full, read-only, no permission): say why, exit 1."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.storage.problems import storage_problem

    message = (
        f"{storage_problem(exc, paths.data_dir)} ({paths.data_dir}). Your journal was not changed; "
        "start Ebb again once this is fixed."
    )
    print(f"ebb: error: storage: {message}", file=sys.stderr)
    if not smoke:
        QMessageBox.critical(None, app.tr("Ebb cannot write to its data folder"), message)
    return 1


def open_journal_or_exit_code(app: QApplication, paths: Paths, smoke: bool) -> Journal | int:
    """The journal, or the exit code when there is none to open: 4 for an unreadable
    journal that was not restored (it is never changed), 1 for a data folder Ebb cannot
    write to."""
    from desktop.storage.database import open_journal
    from desktop.storage.journal import Journal
    from desktop.storage.problems import JournalUnreadable

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")

    def before_migrating(db: Database, version: int) -> None:
        from desktop.storage.backups import backup_before_migrating  # rarely needed

        backup_before_migrating(paths.backups, stamp)(db, version)

    try:
        try:
            return Journal(open_journal(paths.journal, before_migrating=before_migrating))
        except JournalUnreadable as exc:
            print(f"ebb: error: journal: {exc}. It was not changed.", file=sys.stderr)
            if smoke or not offer_restore(paths, exc, stamp):
                return 4
            return Journal(open_journal(paths.journal))  # the restored copy (checked readable)
    except (OSError, sqlite3.OperationalError) as exc:
        return _cannot_write(app, paths, exc, smoke)


def _qt_application() -> QApplication:
    """The one QApplication, named, with the translations for the system language."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.shell.translations import install_translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Ebb")
    app.setDesktopFileName("ebb")
    app.setQuitOnLastWindowClosed(False)
    install_translations(app)
    return app


def _start_in_event_loop(
    app: QApplication, ebb: EbbApp, paths: Paths, minimized: bool, smoke: bool, failed: list[BaseException]
) -> None:
    """From the running event loop: the journal, then the reminders. An exception is
    put in ``failed`` (and the loop stopped) for :func:`run_app` to raise."""
    if smoke:
        print("tray", flush=True)
    try:
        configure_logging()
        journal = open_journal_or_exit_code(app, paths, smoke)
        if isinstance(journal, int):
            app.exit(journal)
            return
        ebb.attach(journal)
        ebb.finish_start(minimized, first_run=not smoke)
    except BaseException as exc:
        # Qt would print it and keep an icon running that never reminds: stop, and
        # raise it again below, as a start outside the event loop would.
        failed.append(exc)
        app.exit(1)
        return
    if smoke:
        app.processEvents()
        print("ready", flush=True)
        app.exit(0)


def missing_desktop_session(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """On Linux and the BSDs: no X display, no Wayland display and no Qt platform chosen,
    where Qt would abort with a message about plugins that helps nobody."""
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")):
        return False
    return not any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


NO_DESKTOP = (
    "Ebb needs a desktop session (there is no X11 or Wayland display here). Start it from "
    "your desktop, or try it here without one: uv run ebb run --smoke"
)


def run_app(paths: Paths, *, minimized: bool = False, smoke: bool = False) -> int:
    """Start the tray app. With ``smoke``, print "tray" once the icon (or the window) is
    shown and the event loop has run, "ready" once everything is started, and return 0."""
    if missing_desktop_session():
        if not smoke:
            print(f"ebb: {NO_DESKTOP}", file=sys.stderr)
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the smoke test needs no screen
    from PySide6.QtCore import QTimer

    from desktop.ui.shell.single_instance import SingleInstance
    from desktop.ui.shell.unix_signals import SignalWatcher

    app = _qt_application()
    instance = SingleInstance(paths.data_dir)
    try:
        first = instance.acquire()
    except OSError as exc:
        return _cannot_write(app, paths, exc, smoke)
    if not first:
        shown = instance.ask_first_to_show()
        print("Ebb is already running" + ("; its window was raised." if shown else "."), flush=True)
        return 0
    ebb = EbbApp(app, paths)
    instance.show_requested.connect(lambda token: ebb.views.show_window(activation_token=token))
    signals = SignalWatcher(lambda _number: app.quit())
    ebb.views.show_first()

    failed: list[BaseException] = []
    QTimer.singleShot(0, lambda: _start_in_event_loop(app, ebb, paths, minimized, smoke, failed))
    code = app.exec()
    ebb.shutdown()
    signals.close()
    instance.release()
    if failed:
        raise failed[0]
    return code
