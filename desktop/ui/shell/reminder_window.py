"""A small always-on-top reminder window: the fallback when no notification service
answers (and the place a reminder can always be answered from)."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.scheduling.ports import Delivery
from desktop.ui.shell.reminder_text import reminder_text

SNOOZE_MINUTES = (10, 30, 60)


log = logging.getLogger(__name__)


class ReminderWindow(QWidget):
    """Shows one reminder at a time (the newest); ``action(key, what)`` with what in
    "taken", "skip", "snooze:<minutes>"."""

    action = Signal(str, str)

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(self.tr("Ebb reminder"))
        self.key: str | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.primary = QPushButton()
        self.primary.setDefault(True)
        self.primary.clicked.connect(lambda: self._answer("taken"))
        self.snooze = QToolButton()
        self.snooze.setText(self.tr("&Snooze"))
        self.snooze.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.snooze.clicked.connect(lambda: self._answer("snooze:30"))
        menu = QMenu(self.snooze)
        for minutes in SNOOZE_MINUTES:
            menu.addAction(
                self.tr("{n} minutes").format(n=minutes), partial(self._answer, f"snooze:{minutes}")
            )
        self.snooze.setMenu(menu)
        self.skip = QPushButton(self.tr("S&kip"))
        self.skip.clicked.connect(lambda: self._answer("skip"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.primary)
        buttons.addWidget(self.snooze)
        buttons.addStretch(1)
        buttons.addWidget(self.skip)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        self.setMinimumWidth(380)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.hide)

    def show_delivery(self, delivery: Delivery) -> None:
        text = reminder_text(delivery)
        self.key = delivery.key
        self.title.setText(text.title)
        self.body.setText(text.body)
        self.primary.setText(text.primary)
        self.adjustSize()
        # Shown again (and raised) at every repeat: where "stay on top" means nothing
        # (Wayland), a reminder on screen until answered is what keeps it noticeable.
        self.show()
        self.raise_()
        self.activateWindow()
        log.info("reminder %s shown in Ebb's own window", delivery.key)

    def withdraw(self, key: str) -> None:
        if key == self.key:
            self.key = None
            self.hide()

    def _answer(self, what: str) -> None:
        if self.key is None:
            return
        key, self.key = self.key, None
        self.hide()
        self.action.emit(key, what)
