"""The tray icon and the main window, kept showing the journal as it is now.

Made before the journal is read, so the icon (or without a tray the window) shows at
once: until :meth:`ShellViews.attach` the tray menu says "Starting Ebb…" and the
window's actions are off. The window is built on first use: the tray alone starts faster.

Without a tray (GNOME without the AppIndicator extension, weston, or a login where Ebb
starts before the panel) the window is Ebb's home, and closing it does not quit: the
reminders keep coming, starting Ebb again brings the window back, and Quit is explicit.
A tray that appears later (a StatusNotifierWatcher registering on the session bus, or
found by the minute's check) gets the icon.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from desktop.system.paths import resource
from desktop.ui.shell.tray import Tray

if TYPE_CHECKING:
    from desktop.services.tray import TrayStatus
    from desktop.storage.journal import Journal
    from desktop.storage.reminders import Reminders
    from desktop.ui.controllers.clock import JournalClock
    from desktop.ui.windows.journal_window import JournalWindow
    from desktop.ui.windows.main_window import MainWindow

log = logging.getLogger(__name__)
TOLD_BACKGROUND = "told_running_in_background"  # app_state: said once, never again


class ShellViews(QObject):
    """``make_journal_view()`` builds the Journal tab's contents (on first use);
    ``connect_window(window)`` connects a newly built main window's requests."""

    def __init__(
        self,
        app: QApplication,
        make_journal_view: Callable[[], JournalWindow],
        connect_window: Callable[[MainWindow], None],
    ) -> None:
        super().__init__()
        self._app = app
        self._make_journal_view = make_journal_view
        self._connect_window = connect_window
        self.icon = QIcon(str(resource("icons", "ebb.svg")))
        app.setWindowIcon(self.icon)
        # Closing a window never quits, tray or not: the reminders keep coming. Quit is
        # explicit (the tray's menu, or Log → Quit Ebb in the window).
        app.setQuitOnLastWindowClosed(False)
        self.has_tray = QSystemTrayIcon.isSystemTrayAvailable()
        self._window: MainWindow | None = None
        self.tray = Tray(self.tray_status)
        self.ready = False
        self.notify_plain: Callable[[str, str], None] = lambda _title, _body: None
        if not self.has_tray:
            self._watch_for_a_tray()

    def _watch_for_a_tray(self) -> None:
        """StatusNotifierItem hosts (KDE, XFCE, waybar…) register this name when they
        start; an XEmbed tray (trayer, older panels) is found by the minute's check."""
        from PySide6.QtDBus import QDBusConnection, QDBusServiceWatcher

        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return
        self._tray_watcher = QDBusServiceWatcher(
            "org.kde.StatusNotifierWatcher", bus, QDBusServiceWatcher.WatchModeFlag.WatchForRegistration, self
        )
        # Qt's tray support notices the host a moment after the name appears.
        self._tray_watcher.serviceRegistered.connect(lambda _name: QTimer.singleShot(1000, self.check_tray))

    def check_tray(self) -> None:
        """Show the icon once a tray has appeared (the window stays as it is)."""
        if self.has_tray or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        log.info("a system tray appeared: showing the icon")
        self.has_tray = True
        self.tray.show()
        if self._window is not None:
            self._window.set_note("")

    def attach(self, journal: Journal, reminders: Reminders, clock: JournalClock) -> None:
        """What to show: the journal is open, everything can be logged now."""
        self._journal, self._reminders, self._clock = journal, reminders, clock
        self.ready = True
        if self._window is not None:
            self._window.set_starting(False)
        if self.tray.icon.isVisible():
            self.tray.update_menu()

    @property
    def window(self) -> MainWindow:
        """The main window (Today and Journal tabs), built on first use."""
        if self._window is None:
            from desktop.ui.windows.main_window import MainWindow
            from desktop.ui.windows.today import TodayView

            note = "" if self.has_tray else self._no_tray_note()
            self.today_view = TodayView()
            window = MainWindow(self.today_view, self._make_journal_view, self.icon, note)
            window.quit_requested.connect(self.quit)
            window.closed.connect(self._window_closed)
            self._connect_window(window)
            window.set_starting(not self.ready)
            self._window = window
        return self._window

    def quit(self) -> None:
        """Quit, once the user has agreed that reminders stop (unless told not to ask)."""
        from desktop.ui.windows.quit_check import ask_to_quit

        if self.ready and self._reminders.app_value("quit_without_asking") is None:
            quitting, never_ask = ask_to_quit(
                self._window if self._window and self._window.isVisible() else None
            )
            if not quitting:
                return
            if never_ask:
                self._reminders.set_app_value("quit_without_asking", "yes")
        self._app.quit()

    def _no_tray_note(self) -> str:
        return self.tr(
            "No system tray was found, so this window is Ebb's home. Closing it keeps Ebb running "
            "and reminding you; start Ebb again to bring the window back, or choose Log → Quit Ebb."
        )

    def _window_closed(self) -> None:
        """Without a tray, say once where Ebb went: it keeps running, reminders and all."""
        if self.has_tray or not self.ready or self._reminders.app_value(TOLD_BACKGROUND) is not None:
            return
        # A notification, not a dialog: nothing to click away, no focus taken; the
        # window's own note already said so before it was closed.
        self.notify_plain(
            self.tr("Ebb keeps running"),
            self.tr(
                "Your reminders keep coming without the window. Start Ebb again (or run: "
                "ebb run) to bring it back; to stop Ebb, choose Log → Quit Ebb there."
            ),
        )
        self._reminders.set_app_value(TOLD_BACKGROUND, "yes")

    def tray_status(self) -> TrayStatus:
        from desktop.core.settings import effective_settings
        from desktop.services.tray import STARTING, tray_status

        if not self.ready:
            return STARTING
        discreet = effective_settings(self._journal.stored_settings())["discreet"] == "true"
        return tray_status(self._reminders, datetime.now(UTC), self._clock.zone(), discreet=discreet)

    def refresh(self) -> None:
        """Tray, Today and the journal list, after anything changed (and each minute)."""
        self.tray.refresh()
        if not self.ready:
            return
        from desktop.services.today import today_summary

        if self._window is not None and self._window.isVisible():
            self.today_view.refresh(
                today_summary(self._journal, self._reminders, datetime.now(UTC), self._clock.zone())
            )
            if self._window.journal_built():
                self._window.journal.reload_when_shown()

    def show_first(self) -> None:
        """The first thing start-up shows: the tray icon, or without a tray the window."""
        if self.has_tray:
            self.tray.show()
        else:
            self.show_window()

    def show_window(self, activation_token: str = "") -> None:
        """Show and raise the window. ``activation_token``: the launcher's Wayland token
        a second ``ebb run`` passed on; Qt's Wayland plugin activates the next window
        with the token in ``XDG_ACTIVATION_TOKEN`` (and then clears it), so the window
        comes to the front instead of only asking for attention."""
        log.info("showing the main window")
        if activation_token:
            os.environ["XDG_ACTIVATION_TOKEN"] = activation_token
        self.window.show()
        self.refresh()
        self.window.raise_()
        self.window.activateWindow()

    def show_summary(self, title: str, body: str) -> None:
        """The "while you were away" summary when no notification service shows it."""
        if self.has_tray:
            self.tray.icon.showMessage(title, body)
        self.window.statusBar().showMessage(f"{title}: {body.replace(chr(10), '; ')}")

    def tell(self, message: str) -> None:
        """A short message from the tray icon."""
        self.tray.icon.showMessage("Ebb", message)
