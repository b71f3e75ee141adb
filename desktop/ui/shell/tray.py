"""The tray icon and its menu (DESIGN.md section 9).

The menu is rebuilt each time it opens, from a status the app provides, so it always
shows the next reminder and the pause state as they are now.
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
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.state = TrayState.IDLE

    def show(self) -> None:
        # Menu, icon and tooltip are made here, not at start: without a system tray
        # they are never seen, and the app refreshes the tray every minute.
        self.icon.show()
        self.rebuild_menu()
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

    def rebuild_menu(self) -> None:
        status = self.status()
        menu = self.menu
        menu.clear()
        if status.starting:
            # Shown for the moment the journal takes to open: no entry can be logged yet.
            menu.addAction(self.tr("Starting Ebb…")).setEnabled(False)
            menu.addSeparator()
            menu.addAction(self.tr("&Open Ebb"), self.open_main.emit)
            menu.addAction(self.tr("&Quit"), self.quit.emit)
            return
        header = menu.addAction(
            self.tr("Next: {what}").format(what=self.reminder_words(status.next_reminder))
            if status.next_reminder
            else self.tr("No more reminders today")
        )
        header.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("Log &dose…"), self.log_dose.emit)
        menu.addAction(self.tr("&Pain check-in…"), self.log_pain.emit)
        menu.addAction(self.tr("&Sleep diary…"), self.log_sleep.emit)
        menu.addSeparator()
        if status.paused_until is not None:
            menu.addAction(
                self.tr("&Resume reminders (paused until {time})").format(
                    time=f"{status.paused_until:%H:%M}"
                ),
                self.resume.emit,
            )
        else:
            pause = menu.addMenu(self.tr("Pa&use reminders"))
            pause.addAction(self.tr("For 1 hour"), lambda: self.pause_for.emit(60))
            pause.addAction(self.tr("Until tomorrow"), self.pause_until_tomorrow.emit)
        menu.addSeparator()
        menu.addAction(self.tr("&Open Ebb"), self.open_main.emit)
        menu.addAction(self.tr("&Insights…"), self.open_insights.emit)
        menu.addAction(self.tr("Se&ttings…"), self.open_settings.emit)
        menu.addSeparator()
        menu.addAction(self.tr("&Quit"), self.quit.emit)

    def action_texts(self) -> list[str]:
        """The menu's visible entries (for tests and screenshots)."""
        return [a.text() for a in self.menu.actions() if not a.isSeparator()]

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_main.emit()
