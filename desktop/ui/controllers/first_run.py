"""The set-up wizard on a first start (no substances, no entries, never set up): its
settings and substances are saved as it goes, and a test notification shows what
reminders look like."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from desktop.storage.journal import Journal
    from desktop.storage.reminders import Reminders
    from desktop.ui.controllers.settings import SettingsController
    from desktop.ui.shell.notifications import DesktopNotifications
    from desktop.ui.windows.entry_dialogs import OpenWindows


class FirstRunController(QObject):
    def __init__(
        self,
        journal: Journal,
        reminders: Reminders,
        notifications: DesktopNotifications,
        windows: OpenWindows,
        settings: SettingsController,
    ) -> None:
        super().__init__()
        self._journal = journal
        self._reminders = reminders
        self._notifications = notifications
        self._windows = windows
        self._settings = settings

    def needed(self) -> bool:
        empty = (
            not self._journal.substances()
            and not self._journal.db.execute("SELECT 1 FROM entries LIMIT 1").fetchone()
        )
        return empty and self._reminders.app_value("setup_done") is None

    def send_test(self) -> None:
        self._notifications.send(
            "ebb:test",
            self.tr("Ebb test notification"),
            self.tr("Reminders will look like this."),
            [],
        )

    def _finished(self) -> None:
        self._reminders.set_app_value("setup_done", datetime.now(UTC).isoformat())
        self._settings.applied()

    def open(self) -> None:
        from desktop.core.settings import effective_settings
        from desktop.ui.windows.first_run import FirstRunWizard

        wizard = FirstRunWizard(
            save_setting=self._settings.save_setting,
            add_substance=self._settings.add_substance,
            send_test=self.send_test,
            defaults=effective_settings({}),
            install_menu_entry=self._settings.install_menu_entry
            if sys.platform.startswith("linux")
            else None,
        )
        self._windows.show(wizard, self._finished)
