"""When the journal cannot be read at start-up: say so, and offer the latest good backup.

Restoring keeps the unreadable file beside the journal (``journal.db.before-restore-…``),
so nothing is thrown away; Ebb never "repairs" or overwrites a file it cannot read.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop.storage.backups import BackupInfo


class RestoreOffer(QMessageBox):
    """``exec()`` then ``chose_restore()``."""

    def __init__(self, problem: str, backup: BackupInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Ebb cannot open your journal"))
        self.setText(
            self.tr("Your journal cannot be read: {problem}. It was not changed.").format(problem=problem)
        )
        self.restore_button: QPushButton | None = None
        if backup is None:
            self.setInformativeText(
                self.tr("No readable backup was found. Run 'ebb doctor' in a terminal for details.")
            )
        else:
            self.setInformativeText(
                self.tr(
                    "The latest good backup is from {when}:\n{path}\n\nRestore it? Entries made after "
                    "it are not in it. The unreadable file is kept beside the journal."
                ).format(when=f"{backup.modified:%Y-%m-%d %H:%M}", path=backup.path)
            )
            self.restore_button = self.addButton(
                self.tr("&Restore this backup"), QMessageBox.ButtonRole.AcceptRole
            )
        self.quit_button = self.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.quit_button)  # restoring is a choice, never the Enter key's

    def chose_restore(self) -> bool:
        return self.restore_button is not None and self.clickedButton() is self.restore_button
