"""Ebb's main window: the Today view and the journal as tabs, and a Log menu with a
keyboard shortcut for every kind of entry."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget

from desktop.ui.journal_window import JournalWindow
from desktop.ui.today import TodayView


class MainWindow(QMainWindow):
    """Signals ask the app for dialogs; the window itself never writes to the journal."""

    log_dose = Signal()
    log_pain = Signal()
    log_sleep = Signal()
    log_effect = Signal()
    log_note = Signal()
    settings_requested = Signal()
    insights_requested = Signal()
    quit_requested = Signal()

    def __init__(self, today: TodayView, journal: JournalWindow, icon: QIcon, note: str = "") -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Ebb"))
        self.setWindowIcon(icon)
        self.resize(860, 620)
        self.today = today
        self.journal = journal
        journal.setWindowFlags(Qt.WindowType.Widget)
        self.tabs = QTabWidget()
        self.tabs.addTab(today, self.tr("&Today"))
        self.tabs.addTab(journal, self.tr("&Journal"))
        self.setCentralWidget(self.tabs)
        log_menu = self.menuBar().addMenu(self.tr("&Log"))
        for text, shortcut, signal in (
            (self.tr("&Dose…"), "Ctrl+D", self.log_dose),
            (self.tr("&Pain check-in…"), "Ctrl+P", self.log_pain),
            (self.tr("&Sleep diary…"), "Ctrl+L", self.log_sleep),
            (self.tr("Side &effect…"), "Ctrl+Shift+E", self.log_effect),
            (self.tr("&Note…"), "Ctrl+N", self.log_note),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(signal.emit)
            log_menu.addAction(action)
        log_menu.addSeparator()
        settings_action = QAction(self.tr("Se&ttings…"), self)
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.triggered.connect(self.settings_requested.emit)
        log_menu.addAction(settings_action)
        quit_action = QAction(self.tr("&Quit Ebb"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # StandardKey.Quit is empty on some platforms
        quit_action.triggered.connect(self.quit_requested.emit)
        log_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        insights_action = QAction(self.tr("&Insights and clinician report…"), self)
        insights_action.setShortcut(QKeySequence("Ctrl+I"))
        insights_action.triggered.connect(self.insights_requested.emit)
        view_menu.addAction(insights_action)
        close = QAction(self)
        close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        self.addAction(close)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            self.statusBar().addPermanentWidget(label, 1)

    def log_actions(self) -> list[tuple[str, str]]:
        """(text, shortcut) of the Log menu, for tests and screenshots."""
        menu = self.menuBar().actions()[0].menu()
        assert isinstance(menu, QMenu)
        return [(a.text(), a.shortcut().toString()) for a in menu.actions() if not a.isSeparator()]
