"""Settings' Backups tab: the copies of the journal, newest first, and Back up now."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.backups import BackupInfo
from desktop.ui.dialogs.base import StatusLine
from desktop.ui.settings.fields import SAVE_ERRORS, button_row, hint_label


class BackupsTab(QWidget):
    """``backups()`` lists the copies; ``back_up_now()`` writes one and returns its path."""

    def __init__(
        self,
        backups: Callable[[], list[BackupInfo]],
        back_up_now: Callable[[], Path],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backups = backups
        self._back_up_now = back_up_now
        layout = QVBoxLayout(self)
        self.backup_list = QTreeWidget()
        self.backup_list.setHeaderLabels([self.tr("Date"), self.tr("Size"), self.tr("Kind")])
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setAllColumnsShowFocus(True)
        caption = QLabel(self.tr("Copies of your &journal, newest first"))
        caption.setBuddy(self.backup_list)
        self.backup_button = QPushButton(self.tr("Back &up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.backup_status = StatusLine()
        layout.addWidget(caption)
        layout.addWidget(self.backup_list, 1)
        layout.addLayout(button_row(self.backup_button))
        layout.addWidget(self.backup_status)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Ebb copies the journal every day and keeps the last 7 days plus one copy a week for "
                    "4 weeks. Copies made here are kept until you delete them. To restore one, quit Ebb "
                    "and run: ebb restore FILE"
                )
            )
        )

    def refresh_backups(self) -> None:
        self.backup_list.clear()
        kinds = {
            "journal-daily-": self.tr("daily"),
            "journal-manual-": self.tr("made by you"),
            "journal-pre-migration-": self.tr("before an update"),
        }
        locale = QLocale()
        for info in sorted(self._backups(), key=lambda b: b.modified, reverse=True):
            kind = next((text for prefix, text in kinds.items() if info.path.name.startswith(prefix)), "")
            precision = 1 if info.size >= 1 << 20 else 0  # "84 kB", "1.2 MB"
            size = locale.formattedDataSize(
                info.size, precision, QLocale.DataSizeFormat.DataSizeTraditionalFormat
            )
            item = QTreeWidgetItem([f"{info.modified:%Y-%m-%d %H:%M}", size, kind])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(info.path))
            self.backup_list.addTopLevelItem(item)
        if not self.backup_list.topLevelItemCount():
            self.backup_list.addTopLevelItem(QTreeWidgetItem([self.tr("No backups yet")]))
        for column in range(3):
            self.backup_list.resizeColumnToContents(column)

    def back_up_now(self) -> None:
        self.backup_status.clear()
        try:
            path = self._back_up_now()
        except SAVE_ERRORS as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.backup_status.show_message(
                StatusLine.ERROR, self.tr("The backup failed: {reason}.").format(reason=reason)
            )
            return
        self.backup_status.show_message(
            StatusLine.INFO, self.tr("Backup written to {path}").format(path=path)
        )
        self.refresh_backups()
