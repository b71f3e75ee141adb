"""Settings: substances and the user's own limits, sleep and reminders, dose timing with a
live preview of tomorrow, privacy and start-up, backups — one module a tab
(substances, sleep_reminders, dose_timing, privacy, backups), assembled here.

The window never touches the journal: what it shows is passed in, and every change goes
through the callables it was given (the app wires them to the Journal). Each setting is
checked by the core (``normalise_setting``); Apply saves every changed setting or, when any
field is invalid, none of them. Substances are saved by their own form (Add…, Edit…).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.core.errors import ValidationError
from desktop.core.model import Substance
from desktop.system.autostart import Autostart
from desktop.ui.dialogs.base import StatusLine
from desktop.ui.settings.backups import BackupActions, BackupsTab
from desktop.ui.settings.dose_timing import DoseTimingTab, Preview
from desktop.ui.settings.fields import SAVE_ERRORS, SaveSetting, SettingFields
from desktop.ui.settings.privacy import PrivacyTab
from desktop.ui.settings.sleep_reminders import SleepRemindersTab
from desktop.ui.settings.substances import AddSubstance, SubstancesTab, UpdateSubstance
from desktop.words.errors import error_message

Tab = TypeVar("Tab", bound=QWidget)


class SettingsWindow(QDialog):
    """Ebb's settings in five tabs. ``applied`` carries the settings just saved."""

    applied = Signal(dict)

    def __init__(
        self,
        settings: dict[str, str],
        substances: list[Substance],
        *,
        save_setting: SaveSetting,
        add_substance: AddSubstance,
        update_substance: UpdateSubstance,
        preview: Preview,
        autostart: Autostart | None,
        data_folder: Path,
        backups: BackupActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ebb settings"))
        self._save_setting = save_setting
        self.fields = SettingFields(settings, self)
        self.tabs = QTabWidget()
        fields = self.fields
        self.substances_tab = self._tab(
            SubstancesTab(substances, add_substance, update_substance), self.tr("&Substances")
        )
        self.sleep_tab = self._tab(SleepRemindersTab(fields), self.tr("Sleep && &reminders"))
        self.dose_tab = self._tab(DoseTimingTab(fields, preview), self.tr("Dose &timing"))
        self.privacy_tab = self._tab(PrivacyTab(fields, autostart, data_folder), self.tr("&Privacy && start"))
        self.backups_tab = self._tab(BackupsTab(backups), self.tr("&Backups"))
        # After a restore the fields show the journal as it was: close, so that nothing
        # stale is saved over the copy just brought back.
        self.backups_tab.restored.connect(self.reject)
        self.status = StatusLine()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self._buttons())
        self.apply_button.setDefault(True)  # after it is in the dialog, or Qt ignores it
        self.fields.edited.connect(self._on_edited)
        self.dose_tab.refresh_preview()
        self.backups_tab.refresh_backups()
        self.resize(self.fontMetrics().averageCharWidth() * 120, self.fontMetrics().height() * 38)

    def _tab(self, page: Tab, title: str) -> Tab:
        self.tabs.addTab(page, title)
        return page

    def _buttons(self) -> QDialogButtonBox:
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setToolTip(self.tr("Save the changed settings (Enter)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close; settings not applied are dropped (Esc)"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        return buttons

    def _on_edited(self, _key: str) -> None:
        # Any earlier summary is out of date now; the fields keep their own messages.
        # (The Dose timing tab plans its preview again on the same signal.)
        if self.fields.is_edited():
            self.status.show_message(StatusLine.INFO, self.tr("Not saved yet: press Apply (Enter)."))
        else:
            self.status.clear()

    def apply(self) -> bool:
        """Save every changed setting, or none when any field is invalid."""
        self.status.clear()
        values, invalid = self.fields.check()
        if invalid:
            self._focus(invalid[0].widget)
            self.status.show_message(
                StatusLine.ERROR,
                self.tr("Nothing was saved. Please correct: {names}.").format(
                    names="; ".join(field.name for field in invalid)
                ),
            )
            return False
        changes = self.fields.changes(values)
        saved: dict[str, str] = {}
        try:
            for key, value in changes.items():
                self._save_setting(key, value)
                self.fields.mark_saved(key, value)
                saved[key] = value
        except (ValidationError, *SAVE_ERRORS) as exc:
            self._save_failed(key, exc, saved)
            return False
        finally:
            if saved:
                self.applied.emit(saved)
        for key, value in values.items():
            self.fields.fields[key].write(value)  # shown as stored: "9:00" becomes "09:00"
        names = [self.fields.fields[key].name for key in changes]
        text = (
            self.tr("Saved: {names}.").format(names="; ".join(names))
            if names
            else self.tr("No changes to save.")
        )
        self.status.show_message(StatusLine.INFO, text)
        return True

    def _save_failed(self, key: str, exc: Exception, saved: Mapping[str, str]) -> None:
        field = self.fields.fields[key]
        if isinstance(exc, ValidationError):
            reason = error_message(exc)
        else:
            reason = (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)) or type(
                exc
            ).__name__
        text = self.tr("Could not save {field}: {reason}.").format(
            field=field.name, reason=reason.rstrip(".")
        )
        if saved:
            done = "; ".join(self.fields.fields[k].name for k in saved)
            text += " " + self.tr("Saved before that: {names}.").format(names=done)
        text += " " + self.tr("The rest is still here to apply again.")
        self.status.show_message(StatusLine.ERROR, text)
        self._focus(field.widget)

    def _focus(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                self.tabs.setCurrentIndex(index)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
