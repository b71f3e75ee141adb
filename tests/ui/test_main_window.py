"""The main window (Today and Journal tabs, the Log menu) and `ebb run --smoke`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QIcon

from desktop.ui.journal_window import JournalWindow
from desktop.ui.main_window import MainWindow
from desktop.ui.today import TodayView


def make_window() -> MainWindow:
    journal = JournalWindow(lambda kind: [], lambda entry_id: None, lambda: None)
    return MainWindow(TodayView(), lambda: journal, QIcon(), "")


def test_tabs_and_the_log_menu(qtbot) -> None:
    window = make_window()
    qtbot.addWidget(window)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["&Today", "&Journal"]
    assert window.log_actions() == [
        ("&Dose…", "Ctrl+D"),
        ("&Pain check-in…", "Ctrl+P"),
        ("&Sleep diary…", "Ctrl+L"),
        ("Side &effect…", "Ctrl+Shift+E"),
        ("&Note…", "Ctrl+N"),
        ("Se&ttings…", "Ctrl+,"),
        ("&Quit Ebb", "Ctrl+Q"),
    ]


def test_the_journal_tab_is_built_when_first_shown_by_keyboard(qtbot) -> None:
    from PySide6.QtCore import Qt

    built: list[JournalWindow] = []

    def make_journal() -> JournalWindow:
        built.append(JournalWindow(lambda kind: [], lambda entry_id: None, lambda: None))
        return built[-1]

    window = MainWindow(TodayView(), make_journal, QIcon(), "")
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert built == [] and not window.journal_built()
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == 1
    assert len(built) == 1 and window.journal is built[0]
    qtbot.waitUntil(built[0].empty_label.isVisible)  # an empty journal says so
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(1)
    assert len(built) == 1


def test_log_menu_actions_ask_the_app_for_dialogs(qtbot) -> None:
    window = make_window()
    qtbot.addWidget(window)
    menu = window.menuBar().actions()[0].menu()
    actions = {a.text(): a for a in menu.actions()}
    with qtbot.waitSignal(window.log_pain):
        actions["&Pain check-in…"].trigger()
    with qtbot.waitSignal(window.log_note):
        actions["&Note…"].trigger()


def test_run_smoke_starts_and_prints_ready(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path), "run", "--smoke"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "ready"
    assert (tmp_path / "journal.db").exists()
