"""The home window: a plain summary of today's journal while the full tray app
(reminders, quick dialogs, settings) is being built."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget


class HomeWindow(QWidget):
    """Shows the latest journal entries and how to add more from the command line."""

    def __init__(self, lines: list[str], icon: QIcon, note: str) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Ebb"))
        self.setWindowIcon(icon)
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("<h2>Ebb</h2><p>Your private pain, sleep and dose journal.</p>"))
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        self.entries = QListWidget()
        self.entries.setAlternatingRowColors(True)
        self.entries.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        if lines:
            self.entries.addItems(lines)
        else:
            self.entries.addItem(self.tr("No entries yet. Log one from a terminal:  ebb log pain 5"))
            self.entries.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        layout.addWidget(QLabel(self.tr("Latest entries")))
        layout.addWidget(self.entries, 1)
        hint = QLabel(note)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.hide)
