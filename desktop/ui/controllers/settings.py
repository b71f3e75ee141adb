"""The Settings window: what it shows (the settings in force, the substances, autostart,
the backups) and what it saves. A changed zone, bedtime or timing moves reminders, so
applying settings re-plans."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.model import Substance
    from desktop.services.preview import TomorrowPreview
    from desktop.storage.journal import Journal
    from desktop.system.autostart import Autostart
    from desktop.system.paths import Paths
    from desktop.ui.controllers.clock import JournalClock
    from desktop.ui.windows.entry_dialogs import OpenWindows


log = logging.getLogger(__name__)


@dataclass(eq=False)
class SettingsController:
    journal: Journal
    paths: Paths
    windows: OpenWindows
    clock: JournalClock
    after_change: Callable[[], None]

    def save_setting(self, key: str, value: str) -> None:
        from desktop.core.settings import normalise_setting

        self.journal.set_setting(key, normalise_setting(key, value))

    def add_substance(self, substance: Substance) -> None:
        self.journal.add_substance(substance)

    def applied(self) -> None:
        # A changed zone, bedtime or timing moves reminders: re-plan (the daily job is
        # rebuilt in the zone now in force).
        self.after_change()

    def preview_tomorrow(self, pending: dict[str, str]) -> TomorrowPreview:
        from desktop.services.preview import tomorrow_preview

        return tomorrow_preview(
            self.journal, self.clock.today() + timedelta(days=1), self.clock.zone(), pending
        )

    def back_up_now(self) -> Path:
        from desktop.storage.backups import backup_to

        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        return backup_to(self.journal.db, self.paths.backups / f"journal-manual-{stamp}.db")

    def restore(self, backup: Path) -> Path:
        """The copy back into the open journal (the journal as it is kept first), then a
        new plan from it."""
        from desktop.storage.backups import restore_in_place

        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = restore_in_place(self.journal.db, self.paths.journal, backup, self.paths.backups, stamp)
        self.after_change()
        return kept

    def install_menu_entry(self) -> None:
        """Ebb in the application menu (what `ebb desktop install` does); a failure is
        only logged: the menu entry is a convenience, the app runs without it."""
        from desktop.system.menu_entry import ForeignMenuEntry, MenuEntry
        from desktop.system.paths import custom_data_dir

        try:
            MenuEntry(data_dir=custom_data_dir(self.paths)).install()
        except (ForeignMenuEntry, OSError) as exc:
            log.warning("the application menu entry was not written: %s", exc)

    def export(self, path: Path) -> None:
        from desktop.storage.exchange import export_json
        from desktop.system.files import write_private_bytes

        write_private_bytes(path, export_json(self.journal).encode("utf-8"))

    def open(self) -> None:
        from desktop.core.settings import effective_settings
        from desktop.storage.backups import list_backups
        from desktop.system.autostart import UnsupportedPlatform, autostart_for, default_command
        from desktop.system.paths import custom_data_dir
        from desktop.ui.settings.backups import BackupActions
        from desktop.ui.settings.window import SettingsWindow

        try:
            # A data folder of the user's choosing goes with the login start.
            command = default_command(custom_data_dir(self.paths))
            autostart: Autostart | None = autostart_for(command=command)
        except UnsupportedPlatform:
            autostart = None
        window = SettingsWindow(
            effective_settings(self.journal.stored_settings()),
            [s.substance for s in self.journal.substances()],
            save_setting=self.save_setting,
            add_substance=self.add_substance,
            update_substance=self.journal.update_substance,
            preview=self.preview_tomorrow,
            autostart=autostart,
            data_folder=self.paths.data_dir,
            backups=BackupActions(
                listed=lambda: list_backups(self.paths.backups),
                back_up_now=self.back_up_now,
                restore=self.restore,
                export=self.export,
            ),
        )
        window.applied.connect(lambda _settings: self.applied())
        self.windows.show(window)
