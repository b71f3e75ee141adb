"""The main window (Today and Journal tabs, the Log menu) and `ebb run --smoke`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QIcon

from desktop.ui.windows.journal_window import JournalWindow
from desktop.ui.windows.main_window import MainWindow
from desktop.ui.windows.today import TodayView


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


def test_while_the_journal_opens_the_window_says_so_and_logs_nothing(qtbot) -> None:
    window = make_window()
    qtbot.addWidget(window)
    window.set_starting(True)
    assert window.today.as_of.text() == "Opening your journal…"
    assert not any(section.isVisibleTo(window.today) for section in window.today.sections.values())
    menu = window.menuBar().actions()[0].menu()
    enabled = {a.text(): a.isEnabled() for a in menu.actions() if not a.isSeparator()}
    assert enabled == {
        "&Dose…": False,
        "&Pain check-in…": False,
        "&Sleep diary…": False,
        "Side &effect…": False,
        "&Note…": False,
        "Se&ttings…": False,
        "&Quit Ebb": True,
    }
    assert not window.tabs.isTabEnabled(1)
    window.set_starting(False)
    assert all(a.isEnabled() for a in menu.actions()) and window.tabs.isTabEnabled(1)


def smoke(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "run", "--smoke"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_run_smoke_prints_tray_then_ready(tmp_path: Path) -> None:
    result = smoke(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["tray", "ready"]
    assert (tmp_path / "journal.db").exists()


def test_with_an_unreadable_journal_the_icon_shows_and_the_start_stops_unchanged(tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    journal = tmp_path / "journal.db"
    journal.write_bytes(b"not a journal at all" * 100)
    result = smoke(tmp_path)
    assert result.returncode == 4, result.stderr
    assert result.stdout.split() == ["tray"]
    assert "journal" in result.stderr and "Traceback" not in result.stderr
    assert journal.read_bytes() == b"not a journal at all" * 100


def test_the_help_menu_lists_the_shortcuts_says_what_ebb_is_and_where_the_journal_is(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.windows.help import show_about

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.append((title, text)))
    window = make_window()
    qtbot.addWidget(window)
    help_menu = window.menuBar().actions()[-1]
    assert help_menu.text() == "&Help"
    entries = {a.text(): a for a in help_menu.menu().actions() if not a.isSeparator()}
    assert list(entries) == ["&Keyboard shortcuts", "&What Ebb is and is not", "&About Ebb"]
    entries["&Keyboard shortcuts"].trigger()
    title, table = shown[-1]
    assert title == "Keyboard shortcuts" and "Pain check-in…" in table and "Ctrl+P" in table
    assert "&amp;" not in table and "&P" not in table  # words, not mnemonics
    entries["&What Ebb is and is not"].trigger()
    assert "It is not medical advice." in shown[-1][1] and "never suggests amounts" in shown[-1][1]
    with qtbot.waitSignal(window.about_requested):
        entries["&About Ebb"].trigger()
    show_about(window, tmp_path / "my journal")
    assert shown[-1][0] == "About Ebb" and f"{tmp_path / 'my journal'}" in shown[-1][1]
