"""Settings' Privacy & start tab: discreet mode, Ebb's own reminder window, starting at
login, and the data folder. The discreet and reminder-window rows are the first-run
set-up's too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.system.autostart import Autostart, ForeignAutostartEntry
from desktop.ui.dialogs.base import StatusLine
from desktop.ui.settings.fields import SettingFields, hint_label

COPIED_SHOWN_MS = 2000  # how long "Copied" replaces "Copy path"


def add_discreet_row(fields: SettingFields, layout: QBoxLayout) -> None:
    fields.checkbox(
        layout, "discreet", fields.tr("&Discreet mode: keep substance names out of notifications")
    )
    layout.addWidget(
        hint_label(
            fields.tr(
                "Notifications, the reminder window and the tray menu then say “Reminder” instead of "
                "naming a substance, for when others can see your screen."
            )
        )
    )


def add_reminder_window_row(fields: SettingFields, layout: QBoxLayout) -> None:
    fields.checkbox(
        layout,
        "reminder_window_only",
        fields.tr("Show reminders in Ebb's own &window instead of desktop notifications"),
    )
    layout.addWidget(
        hint_label(
            fields.tr(
                "For desktops whose notifications do not appear or vanish too soon. Ebb already "
                "uses its window when no notification service answers."
            )
        )
    )


class PrivacyTab(QWidget):
    """``autostart`` is None where starting at login is not available: the box is hidden
    and a note says so."""

    def __init__(
        self,
        fields: SettingFields,
        autostart: Autostart | None,
        data_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._autostart = autostart
        layout = QVBoxLayout(self)
        add_discreet_row(fields, layout)
        layout.addSpacing(12)
        add_reminder_window_row(fields, layout)
        layout.addSpacing(12)
        self._add_autostart(layout)
        layout.addSpacing(12)
        self._add_folder(layout, data_folder)
        layout.addStretch(1)

    def _add_autostart(self, layout: QVBoxLayout) -> None:
        self.autostart_check = QCheckBox(self.tr("Start Ebb when I &log in"))
        self.autostart_status = StatusLine()
        layout.addWidget(self.autostart_check)
        if self._autostart is None:
            self.autostart_check.hide()
            self.autostart_note = hint_label(
                self.tr(
                    "Starting Ebb at login is not available on this system; "
                    "start it from your applications menu instead."
                )
            )
        else:
            self.autostart_check.setChecked(self._autostart.is_enabled())
            self.autostart_check.toggled.connect(self.set_autostart)
            self.autostart_note = hint_label(
                self.tr("Takes effect at your next login. Entry: {where}").format(
                    where=self._autostart.describe()
                )
            )
        layout.addWidget(self.autostart_note)
        layout.addWidget(self.autostart_status)

    def _add_folder(self, layout: QVBoxLayout, data_folder: Path) -> None:
        self.folder_edit = QLineEdit(str(data_folder))
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setCursorPosition(0)
        caption = QLabel(self.tr("Data &folder"))
        caption.setBuddy(self.folder_edit)
        self.copy_button = QPushButton(self.tr("&Copy path"))
        self.copy_button.clicked.connect(self.copy_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.copy_button)
        layout.addWidget(caption)
        layout.addLayout(row)
        layout.addWidget(
            hint_label(self.tr("Your journal and its backups stay in this folder, on this computer only."))
        )

    def set_autostart(self, on: bool) -> None:
        assert self._autostart is not None
        self.autostart_status.clear()
        try:
            self._autostart.enable() if on else self._autostart.disable()
        except (ForeignAutostartEntry, OSError) as exc:
            self.autostart_status.show_message(StatusLine.ERROR, str(exc))
            self.autostart_check.blockSignals(True)
            self.autostart_check.setChecked(self._autostart.is_enabled())
            self.autostart_check.blockSignals(False)

    def copy_folder(self) -> None:
        QGuiApplication.clipboard().setText(self.folder_edit.text())
        self.copy_button.setText(self.tr("&Copied"))
        # The button as context: the timer dies with the window instead of firing into it.
        QTimer.singleShot(
            COPIED_SHOWN_MS, self.copy_button, lambda: self.copy_button.setText(self.tr("&Copy path"))
        )
