"""Ebb's main window: the Today view and the journal as tabs, and a Log menu with a
keyboard shortcut for every kind of entry.

The Journal tab is built the first time it is shown (or asked for): its table, model
and actions cost about a tenth of the app's start, and most starts never open it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from desktop.ui.windows.today import TodayView

if TYPE_CHECKING:
    from desktop.ui.windows.journal_window import JournalWindow

JOURNAL_TAB = 1


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
    closed = Signal()  # the window was closed (Ebb itself keeps running)
    about_requested = Signal()

    def __init__(
        self, today: TodayView, make_journal: Callable[[], JournalWindow], icon: QIcon, note: str = ""
    ) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Ebb"))
        self.setWindowIcon(icon)
        self.resize(860, 620)
        self.today = today
        self._make_journal = make_journal
        self._journal: JournalWindow | None = None
        self._journal_page = QWidget()
        QVBoxLayout(self._journal_page).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.addTab(today, self.tr("&Today"))
        self.tabs.addTab(self._journal_page, self.tr("&Journal"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self.setCentralWidget(self.tabs)
        self._journal_actions: list[QAction] = []  # off while the journal opens
        self._build_log_menu()
        self._build_view_menu()
        self._build_help_menu()
        close = QAction(self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        self.addAction(close)
        self._note = QLabel(note)
        self._note.setWordWrap(True)
        self.statusBar().addPermanentWidget(self._note, 1)
        self._note.setVisible(bool(note))

    def set_note(self, note: str) -> None:
        """The line at the foot of the window (empty: none)."""
        self._note.setText(note)
        self._note.setVisible(bool(note))

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()

    def _action(self, text: str, shortcut: str, signal: SignalInstance) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(signal.emit)
        return action

    def _build_log_menu(self) -> None:
        """A shortcut for every kind of entry, then Settings and Quit."""
        log_menu = self.menuBar().addMenu(self.tr("&Log"))
        for text, shortcut, signal in (
            (self.tr("&Dose…"), "Ctrl+D", self.log_dose),
            (self.tr("&Pain check-in…"), "Ctrl+P", self.log_pain),
            (self.tr("&Sleep diary…"), "Ctrl+L", self.log_sleep),
            (self.tr("Side &effect…"), "Ctrl+Shift+E", self.log_effect),
            (self.tr("&Note…"), "Ctrl+N", self.log_note),
        ):
            action = self._action(text, shortcut, signal)
            log_menu.addAction(action)
            self._journal_actions.append(action)
        log_menu.addSeparator()
        settings_action = self._action(self.tr("Se&ttings…"), "Ctrl+,", self.settings_requested)
        log_menu.addAction(settings_action)
        self._journal_actions.append(settings_action)
        # Not StandardKey.Quit: it is empty on some platforms.
        log_menu.addAction(self._action(self.tr("&Quit Ebb"), "Ctrl+Q", self.quit_requested))

    def _build_view_menu(self) -> None:
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        insights_action = self._action(
            self.tr("&Insights and clinician report…"), "Ctrl+I", self.insights_requested
        )
        view_menu.addAction(insights_action)
        self._journal_actions.append(insights_action)

    def _build_help_menu(self) -> None:
        from desktop.ui.windows.help import show_shortcuts, show_what_ebb_is

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = QAction(self.tr("&Keyboard shortcuts"), self)
        shortcuts.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        shortcuts.triggered.connect(lambda: show_shortcuts(self, self.shortcuts()))
        help_menu.addAction(shortcuts)
        what = QAction(self.tr("&What Ebb is and is not"), self)
        what.triggered.connect(lambda: show_what_ebb_is(self))
        help_menu.addAction(what)
        help_menu.addSeparator()
        help_menu.addAction(self._action(self.tr("&About Ebb"), "", self.about_requested))

    def shortcuts(self) -> list[tuple[str, str]]:
        """(what, keys) of every menu entry that has keys, for the Help window."""
        found = []
        for top in self.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                found += [
                    (a.text(), a.shortcut().toString()) for a in menu.actions() if not a.shortcut().isEmpty()
                ]
        return found

    def set_starting(self, starting: bool) -> None:
        """While the journal opens the window is shown, but nothing can be logged yet."""
        for action in self._journal_actions:
            action.setEnabled(not starting)
        self.tabs.setTabEnabled(JOURNAL_TAB, not starting)
        if starting:
            self.today.show_starting()

    @property
    def journal(self) -> JournalWindow:
        """The Journal tab's contents, built on first use."""
        if self._journal is None:
            journal = self._make_journal()
            from PySide6.QtCore import Qt

            journal.setWindowFlags(Qt.WindowType.Widget)
            layout = self._journal_page.layout()
            assert layout is not None
            layout.addWidget(journal)
            self._journal = journal
        return self._journal

    def journal_built(self) -> bool:
        return self._journal is not None

    def _tab_shown(self, index: int) -> None:
        if index == JOURNAL_TAB:
            self.journal.show()

    def log_actions(self) -> list[tuple[str, str]]:
        """(text, shortcut) of the Log menu, for tests and screenshots."""
        menu = self.menuBar().actions()[0].menu()
        assert isinstance(menu, QMenu)
        return [(a.text(), a.shortcut().toString()) for a in menu.actions() if not a.isSeparator()]
