"""Before Quit: reminders stop until Ebb is started again, which is worth one question
(with "Don't ask again"), since Ebb otherwise keeps running whatever window closes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("QuitCheck", text)


def ask_to_quit(parent: QWidget | None) -> tuple[bool, bool]:
    """(quit?, don't ask again?) from the user."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Quit Ebb?"),
        tr("Your reminders stop until you start Ebb again."),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    quit_button = box.addButton(tr("&Quit"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    again = QCheckBox(tr("&Don't ask again"))
    box.setCheckBox(again)
    box.exec()
    quitting = box.clickedButton() is quit_button
    return quitting, quitting and again.isChecked()
