"""The tray icon and its menu (DESIGN.md section 9).

The menu is built once, when the icon is first shown, and its entries are updated in
place (before it opens and with every refresh) from a status the app provides, so it
shows the next reminder and the pause state as they are now. Rebuilding it would give
its entries new ids between a StatusNotifierItem host's AboutToShow and the click (the
click then does nothing), and would leave a pause submenu behind on every opening.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.services.tray import NextReminder, TrayStatus
from desktop.system.paths import resource


class TrayState(StrEnum):
    IDLE = "idle"
    DUE = "due"
    PAUSED = "paused"


def tray_icons() -> dict[TrayState, QIcon]:
    return {
        TrayState.IDLE: QIcon(str(resource("icons", "ebb.svg"))),
        TrayState.DUE: QIcon(str(resource("icons", "ebb-due.svg"))),
        TrayState.PAUSED: QIcon(str(resource("icons", "ebb-paused.svg"))),
    }


class Tray(QObject):
    """Emits what the user chose; knows nothing about the journal."""

    log_dose = Signal()
    log_pain = Signal()
    log_sleep = Signal()
    pause_for = Signal(int)  # minutes
    pause_until_tomorrow = Signal()
    resume = Signal()
    open_main = Signal()
    open_settings = Signal()
    open_insights = Signal()
    quit = Signal()

    def __init__(self, status: Callable[[], TrayStatus], icons: dict[TrayState, QIcon] | None = None) -> None:
        super().__init__()
        self.status = status
        self.icons = icons or tray_icons()
        self.icon = QSystemTrayIcon(self.icons[TrayState.IDLE])
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.update_menu)
        self._entries: _MenuEntries | None = None
        self.icon.activated.connect(self._activated)
        self.state = TrayState.IDLE

    def show(self) -> None:
        # Menu, icon and tooltip are made here, not at start: without a system tray
        # they are never seen, and the app refreshes the tray every minute.
        if self._entries is None:
            self._entries = _MenuEntries(self)
            self.icon.setContextMenu(self.menu)
        self.icon.show()
        self.refresh()

    def hide(self) -> None:
        self.icon.hide()

    def refresh(self) -> None:
        """Icon and tooltip from the current status (while the icon is shown)."""
        if not self.icon.isVisible():
            return
        status = self.status()
        if status.paused_until is not None:
            state = TrayState.PAUSED
        elif status.due:
            state = TrayState.DUE
        else:
            state = TrayState.IDLE
        self.state = state
        self.icon.setIcon(self.icons[state])
        self.icon.setToolTip(self._tooltip(status))
        self._update_entries(status)

    def _tooltip(self, status: TrayStatus) -> str:
        lines = ["Ebb"]
        if status.starting:
            lines.append(self.tr("Starting…"))
        if status.paused_until is not None:
            lines.append(
                self.tr("Reminders paused until {time}").format(time=f"{status.paused_until:%a %H:%M}")
            )
        if status.due:
            lines.append(self.tr("%n reminder(s) waiting", None, status.due))
        if status.next_reminder:
            lines.append(self.tr("Next: {what}").format(what=self.reminder_words(status.next_reminder)))
        return "\n".join(lines)

    def reminder_words(self, reminder: NextReminder) -> str:
        """ "09:30 pain check-in", "21:30 Melatonin", "14:00 Kratom dose"."""
        kinds = {
            "melatonin": self.tr("melatonin"),
            "dose": self.tr("dose"),
            "checkin": self.tr("pain check-in"),
            "followup": self.tr("pain follow-up"),
            "sleep_diary": self.tr("sleep diary"),
        }
        what = kinds.get(reminder.kind, reminder.kind)
        if reminder.substance:
            what = reminder.substance if reminder.kind == "melatonin" else f"{reminder.substance} {what}"
        return f"{reminder.at:%H:%M} {what}"

    def update_menu(self) -> None:
        """The entries as the status is now (the menu is about to open)."""
        if self._entries is not None:
            self._update_entries(self.status())

    def _update_entries(self, status: TrayStatus) -> None:
        entries = self._entries
        if entries is None:
            return
        # While the journal opens nothing can be logged yet: Open and Quit only.
        entries.starting.setVisible(status.starting)
        for action in entries.when_open:
            action.setVisible(not status.starting)
        paused = status.paused_until is not None
        entries.resume.setVisible(not status.starting and paused)
        entries.pause.setVisible(not status.starting and not paused)
        if paused:
            header = self.tr("Reminders paused until {time}").format(time=f"{status.paused_until:%a %H:%M}")
        elif status.next_reminder:
            header = self.tr("Next: {what}").format(what=self.reminder_words(status.next_reminder))
        else:
            header = self.tr("No more reminders today")
        entries.header.setText(header)

    def action_texts(self) -> list[str]:
        """The menu's visible entries (for tests and screenshots)."""
        return [a.text() for a in self.menu.actions() if a.isVisible() and not a.isSeparator()]

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_main.emit()


class _MenuEntries:
    """The tray menu's entries, made once; :meth:`Tray._update_entries` sets their text
    and which are shown."""

    def __init__(self, tray: Tray) -> None:
        menu, tr = tray.menu, tray.tr
        self.starting = menu.addAction(tr("Starting Ebb…"))
        self.starting.setEnabled(False)
        self.header = menu.addAction("")
        self.header.setEnabled(False)
        logs = [
            menu.addSeparator(),
            menu.addAction(tr("Log &dose…"), tray.log_dose.emit),
            menu.addAction(tr("&Pain check-in…"), tray.log_pain.emit),
            menu.addAction(tr("&Sleep diary…"), tray.log_sleep.emit),
            menu.addSeparator(),
        ]
        # Short, so a tray host never cuts it off: the time it ends is in the header.
        self.resume = menu.addAction(tr("&Resume reminders"), tray.resume.emit)
        pause_menu = QMenu(tr("Pa&use reminders"), menu)
        pause_menu.addAction(tr("For 1 hour"), lambda: tray.pause_for.emit(60))
        pause_menu.addAction(tr("Until tomorrow"), tray.pause_until_tomorrow.emit)
        self.pause = menu.addMenu(pause_menu)
        menu.addSeparator()
        menu.addAction(tr("&Open Ebb"), tray.open_main.emit)
        windows = [menu.addAction(tr("&Insights…"), tray.open_insights.emit)]
        windows.append(menu.addAction(tr("Se&ttings…"), tray.open_settings.emit))
        menu.addSeparator()
        menu.addAction(tr("&Quit"), tray.quit.emit)
        self.when_open = [self.header, *logs, *windows]
