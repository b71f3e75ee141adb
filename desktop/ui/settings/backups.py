"""Settings' Backups tab: the copies of the journal, newest first; Back up now, Restore…
(the journal as it is kept as a backup of its own first) and Export…."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.backups import BackupInfo
from desktop.storage.problems import JournalUnreadable
from desktop.ui.dialogs.base import StatusLine
from desktop.ui.settings.fields import SAVE_ERRORS, button_row, hint_label


@dataclass(frozen=True)
class BackupActions:
    """What the Backups tab can do with the journal's copies."""

    listed: Callable[[], list[BackupInfo]]  # the copies, any order
    back_up_now: Callable[[], Path]  # writes one; its path
    restore: Callable[[Path], Path]  # the copy back into the journal; the kept journal's copy
    export: Callable[[Path], None]  # the whole journal as Ebb's JSON document


# A copy that turned out unreadable, a full disk or an I/O error: the journal is as it was.
RESTORE_ERRORS = (*SAVE_ERRORS, JournalUnreadable)


class BackupsTab(QWidget):
    restored = Signal()  # the journal is the copy now: what the window shows is stale

    def __init__(self, actions: BackupActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        layout = QVBoxLayout(self)
        self.backup_list = QTreeWidget()
        self.backup_list.setHeaderLabels([self.tr("Date"), self.tr("Size"), self.tr("Kind")])
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setAllColumnsShowFocus(True)
        caption = QLabel(self.tr("Copies of your &journal, newest first"))
        caption.setBuddy(self.backup_list)
        self.backup_button = QPushButton(self.tr("Back &up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Rest&ore…"))
        self.restore_button.setToolTip(self.tr("Bring back the copy selected in the list"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setToolTip(self.tr("Save the whole journal as a JSON file"))
        self.export_button.clicked.connect(self.export)
        self.backup_list.itemSelectionChanged.connect(self._selection_changed)
        self.backup_status = StatusLine()
        layout.addWidget(caption)
        layout.addWidget(self.backup_list, 1)
        layout.addLayout(button_row(self.backup_button, self.restore_button, self.export_button))
        layout.addWidget(self.backup_status)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Ebb copies the journal every day and keeps the last 7 days plus one copy a week for "
                    "4 weeks. Copies made here, and the journal as it was before a restore, are kept "
                    "until you delete them."
                )
            )
        )

    def refresh_backups(self) -> None:
        self.backup_list.clear()
        kinds = {
            "journal-daily-": self.tr("daily"),
            "journal-manual-": self.tr("made by you"),
            "journal-pre-migration-": self.tr("before an update"),
            "journal-before-restore-": self.tr("before a restore"),
        }
        locale = QLocale()
        for info in sorted(self._actions.listed(), key=lambda b: b.modified, reverse=True):
            kind = next((text for prefix, text in kinds.items() if info.path.name.startswith(prefix)), "")
            precision = 1 if info.size >= 1 << 20 else 0  # "84 kB", "1.2 MB"
            size = locale.formattedDataSize(
                info.size, precision, QLocale.DataSizeFormat.DataSizeTraditionalFormat
            )
            item = QTreeWidgetItem([f"{info.modified:%Y-%m-%d %H:%M}", size, kind])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(info.path))
            item.setData(0, Qt.ItemDataRole.UserRole, info)
            self.backup_list.addTopLevelItem(item)
        if not self.backup_list.topLevelItemCount():
            self.backup_list.addTopLevelItem(QTreeWidgetItem([self.tr("No backups yet")]))
        for column in range(3):
            self.backup_list.resizeColumnToContents(column)
        self._selection_changed()

    def _selected(self) -> BackupInfo | None:
        item = self.backup_list.currentItem()
        info = None if item is None else item.data(0, Qt.ItemDataRole.UserRole)
        return info if isinstance(info, BackupInfo) else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self._selected() is not None)

    def back_up_now(self) -> None:
        self.backup_status.clear()
        try:
            path = self._actions.back_up_now()
        except SAVE_ERRORS as exc:
            self.backup_status.show_message(
                StatusLine.ERROR, self.tr("The backup failed: {reason}.").format(reason=_reason(exc))
            )
            return
        self.backup_status.show_message(
            StatusLine.INFO, self.tr("Backup written to {path}").format(path=path)
        )
        self.refresh_backups()

    def restore_selected(self) -> None:
        info = self._selected()
        if info is None:
            return
        when = f"{info.modified:%Y-%m-%d %H:%M}"
        answer = QMessageBox.question(
            self,
            self.tr("Restore this copy?"),
            self.tr(
                "Your journal will be as it was on {when}: entries and settings made since then "
                "will not be in it. The journal as it is now is kept as a backup first, so you "
                "can go back to it."
            ).format(when=when),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.backup_status.clear()
        try:
            self._actions.restore(info.path)
        except RESTORE_ERRORS as exc:
            self.backup_status.show_message(
                StatusLine.ERROR,
                self.tr("The copy was not restored: {reason}. Your journal is as it was.").format(
                    reason=_reason(exc)
                ),
            )
            return
        QMessageBox.information(
            self,
            self.tr("Restored"),
            self.tr(
                "Your journal is the copy from {when} now. The journal as it was is kept as a backup."
            ).format(when=when),
        )
        self.restored.emit()

    def export(self) -> None:
        default = Path.home() / f"ebb-journal-{date.today().isoformat()}.json"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the journal"), str(default), self.tr("JSON files (*.json)")
        )
        if not chosen:
            return
        self.backup_status.clear()
        try:
            self._actions.export(Path(chosen))
        except SAVE_ERRORS as exc:
            self.backup_status.show_message(
                StatusLine.ERROR, self.tr("The export failed: {reason}.").format(reason=_reason(exc))
            )
            return
        self.backup_status.show_message(
            StatusLine.INFO, self.tr("Journal exported to {path}").format(path=chosen)
        )


def _reason(exc: BaseException) -> str:
    if isinstance(exc, JournalUnreadable):
        return f"{exc.path.name} {exc.problem}"
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
